import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { IsReportYear } from '../../common/validators.js';
import { DelimiterQueryDto, LanguageQueryDto } from './file-query.dto.js';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class YearQueryDto {
  @ApiProperty({ example: 2026, description: 'the calendar year of the decisions' })
  @Type(() => Number)
  @IsReportYear()
  year: number;
}

export class StatisticsQueryDto extends YearQueryDto {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'a dimension per unit as well' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'byUnit must be true or false' })
  byUnit?: boolean;
}

export class StatisticsXlsxQueryDto extends IntersectionType(StatisticsQueryDto, LanguageQueryDto) {}

export class StatisticsCsvQueryDto extends IntersectionType(StatisticsQueryDto, DelimiterQueryDto) {}
