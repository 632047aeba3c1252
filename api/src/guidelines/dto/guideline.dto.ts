import {
  CASE_STATUSES,
  type CaseStatus,
  DOCUMENT_KINDS,
  type DocumentKind,
  UNIT_LABELS,
  type UnitLabel,
} from '@app/guidelines';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Nullable } from '../../common/nullable.js';
import { IsIsoDate, IsMoney, NoNationalId } from '../../common/validators.js';

export class CategoryRulesDto {
  @ApiProperty({ example: 'relocation' })
  @IsString({ message: 'categoryCode must be a text' })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'categoryCode must be a category code such as relocation' })
  @NoNationalId('categoryCode')
  categoryCode: string;

  @ApiProperty({ type: 'integer', format: 'int64', description: 'minor units' })
  @IsMoney('maxPerApplication')
  maxPerApplication: number;
  @ApiProperty({ type: 'integer', format: 'int64', description: 'minor units' })
  @IsMoney('maxPerCase')
  maxPerCase: number;
  @ApiProperty({ type: 'integer', format: 'int64', description: 'minor units per night or session' })
  @IsMoney('maxUnitAmount')
  maxUnitAmount: number;

  @ApiProperty({ enum: UNIT_LABELS })
  @IsIn(UNIT_LABELS, { message: `unitLabel must be one of ${UNIT_LABELS.join(', ')}` })
  unitLabel: UnitLabel;

  @ApiProperty()
  @IsInt({ message: 'maxUnitsPerApplication must be a whole number' })
  @Min(1, { message: 'maxUnitsPerApplication must be at least 1' })
  @Max(10000, { message: 'maxUnitsPerApplication must be at most 10000' })
  maxUnitsPerApplication: number;

  @ApiProperty({
    type: 'integer',
    format: 'int64',
    description: 'minor units; an approval above it needs a second approver',
  })
  @IsMoney('secondApprovalAbove', 0)
  secondApprovalAbove: number;

  @ApiProperty({ enum: DOCUMENT_KINDS, isArray: true })
  @IsArray({ message: 'requiredDocuments must be a list' })
  @IsIn(DOCUMENT_KINDS, { each: true, message: `requiredDocuments may hold only ${DOCUMENT_KINDS.join(', ')}` })
  requiredDocuments: DocumentKind[];

  @ApiProperty({ enum: CASE_STATUSES, isArray: true })
  @IsArray({ message: 'allowedCaseStatuses must be a list' })
  @ArrayMinSize(1, { message: 'allowedCaseStatuses must allow at least one case status' })
  @IsIn(CASE_STATUSES, { each: true, message: `allowedCaseStatuses may hold only ${CASE_STATUSES.join(', ')}` })
  allowedCaseStatuses: CaseStatus[];

  @ApiProperty() @IsBoolean({ message: 'agreementRequired must be true or false' }) agreementRequired: boolean;

  @ApiProperty()
  @IsBoolean({ message: 'urgentMayPrecedeAgreement must be true or false' })
  urgentMayPrecedeAgreement: boolean;

  @ApiPropertyOptional({ nullable: true, description: 'least days between two sessions (tattoo removal: 42)' })
  @Nullable()
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsInt({ message: 'minSessionSpacingDays must be a whole number of days' })
  @Min(1, { message: 'minSessionSpacingDays must be at least 1' })
  @Max(365, { message: 'minSessionSpacingDays must be at most 365' })
  minSessionSpacingDays?: number | null;
}

export class CreateGuidelineDto {
  @ApiProperty({ example: '2027.1' })
  @IsString({ message: 'version must be a text' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, {
    message: 'version must be 1–40 letters, digits, dots or dashes, e.g. 2027.1',
  })
  @NoNationalId('version')
  version: string;

  @ApiProperty({ format: 'date' })
  @IsIsoDate('effectiveFrom')
  effectiveFrom: string;

  @ApiProperty({ example: 18 })
  @IsInt({ message: 'minAge must be a whole number' })
  @Min(0)
  @Max(100)
  minAge: number;

  @ApiProperty({ example: 12 })
  @IsInt({ message: 'maxCourseMonths must be a whole number' })
  @Min(1, { message: 'maxCourseMonths must be at least 1' })
  @Max(120, { message: 'maxCourseMonths must be at most 120' })
  maxCourseMonths: number;

  @ApiProperty({ type: [CategoryRulesDto] })
  @IsArray({ message: 'categories must be a list' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CategoryRulesDto)
  categories: CategoryRulesDto[];
}

export class UpdateGuidelineDto extends PartialType(CreateGuidelineDto) {}
