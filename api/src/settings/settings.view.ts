import { INSTALLATIONS, type InstallationSettings } from '@app/contract';
import { ApiProperty } from '@nestjs/swagger';

/** What the admin UI needs before sign-in. */
export class SettingsView implements InstallationSettings {
  @ApiProperty({
    enum: INSTALLATIONS,
    example: 'dk',
    description: 'The country profile the installation runs (INSTALLATION)',
  })
  installation!: InstallationSettings['installation'];
  @ApiProperty({ example: 'DKK', description: "ISO 4217 code of the installation's currency" }) currency!: string;
  @ApiProperty({
    enum: ['da-DK', 'fi-FI'],
    example: 'da-DK',
    description: "BCP 47 tag of the installation's dates and numbers",
  })
  locale!: InstallationSettings['locale'];
  @ApiProperty({ enum: ['da', 'fi'], example: 'da', description: 'The language of the UI until a user chooses one' })
  language!: InstallationSettings['language'];
  @ApiProperty({ description: 'The demo data and accounts are on' }) demo!: boolean;
}
