import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CSV_DELIMITERS, type CsvDelimiter } from '../csv.js';
import { LANGUAGES, type Language } from '../report-language.js';

/** The language of a file's headers, sheet and file names. */
export class LanguageQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES, description: 'default: from Accept-Language, else en' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `lang must be one of ${LANGUAGES.join(', ')}` })
  lang?: Language;
}

export class DelimiterQueryDto extends LanguageQueryDto {
  @ApiPropertyOptional({
    enum: CSV_DELIMITERS,
    description: 'default ; in Danish, else , — with ; amounts have a decimal comma',
  })
  @IsOptional()
  @IsIn(CSV_DELIMITERS, { message: `delimiter must be one of ${CSV_DELIMITERS.join(' ')}` })
  delimiter?: CsvDelimiter;
}
