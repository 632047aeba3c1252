import { EMAIL_PREFERENCES, type EmailPreference, type Language, LANGUAGES } from '@app/contract';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

/** The signed-in user's language (of the product, its notifications and e-mails) and e-mail choice. */
export class PreferencesDto {
  @ApiProperty({ enum: LANGUAGES, example: 'da' })
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language!: Language;

  @ApiProperty({
    enum: EMAIL_PREFERENCES,
    example: 'each',
    description: '`each`: an e-mail per notification; `digest`: one a day; `none`',
  })
  @IsIn(EMAIL_PREFERENCES, { message: `email must be one of ${EMAIL_PREFERENCES.join(', ')}` })
  email!: EmailPreference;
}
