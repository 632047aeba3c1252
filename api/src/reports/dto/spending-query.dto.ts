import { GROUPINGS, type Grouping } from '@app/contract';
import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, registerDecorator } from 'class-validator';
import { IsReportDate, IsReportYear } from '../../common/validators.js';
import { DelimiterQueryDto, LanguageQueryDto } from './file-query.dto.js';

export { GROUPINGS, type Grouping };

/** `groupBy=unit,month` or `groupBy=unit&groupBy=month`, as a list. */
const splitList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' || Array.isArray(value)
    ? ([] as unknown[])
        .concat(value)
        .flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]))
        .map((v) => (typeof v === 'string' ? v.trim() : v))
        .filter((v) => v !== '')
    : value;

const unknownGroupings = (value: unknown): unknown[] =>
  Array.isArray(value) ? value.filter((v) => !(GROUPINGS as readonly unknown[]).includes(v)) : [value];

/** Every grouping one of GROUPINGS; the message names the first that is not. */
function IsGroupings(): PropertyDecorator {
  return (target: object, property: string | symbol) =>
    registerDecorator({
      name: 'isGroupings',
      target: target.constructor,
      propertyName: property as string,
      validator: {
        validate: (value: unknown) => unknownGroupings(value).length === 0,
        defaultMessage: (args) =>
          `groupBy has an unknown grouping ${JSON.stringify(unknownGroupings(args?.value)[0])}: use ${GROUPINGS.join(', ')}`,
      },
    });
}

export class SpendingQueryDto {
  @ApiPropertyOptional({ example: 2026, description: 'the budget year: grants approved in it and their payments' })
  @IsOptional()
  @Type(() => Number)
  @IsReportYear()
  year?: number;

  @ApiPropertyOptional({ format: 'date', description: 'first posting date of the period' })
  @IsOptional()
  @IsReportDate('from')
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'last posting date of the period' })
  @IsOptional()
  @IsReportDate('to')
  to?: string;

  @ApiPropertyOptional({
    example: 'unit,category,month',
    description: `comma-separated, any of ${GROUPINGS.join(', ')}, in the order of the columns`,
    type: String,
  })
  @IsOptional()
  @Transform(splitList)
  @IsGroupings()
  groupBy?: Grouping[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a UUID' })
  unitId?: string;

  @ApiPropertyOptional({ example: 'relocation' })
  @IsOptional()
  @IsString({ message: 'categoryCode must be a text' })
  @MaxLength(40, { message: 'categoryCode must be at most 40 characters' })
  categoryCode?: string;
}

export class SpendingXlsxQueryDto extends IntersectionType(SpendingQueryDto, LanguageQueryDto) {}

export class SpendingCsvQueryDto extends IntersectionType(SpendingQueryDto, DelimiterQueryDto) {}
