import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate, IsMoney, IsText } from '../../common/validators.js';

export class LineDto {
  @ApiProperty({ example: 'Safe house, 14 nights' })
  @IsText('description', 500)
  description: string;

  @ApiProperty({ example: 14 })
  @IsInt({ message: 'quantity must be a whole number' })
  @Min(1, { message: 'quantity must be at least 1' })
  @Max(10000, { message: 'quantity must be at most 10000' })
  quantity: number;

  @ApiProperty({ type: 'integer', format: 'int64', example: 150000, description: 'minor units' })
  @IsMoney('unitAmount')
  unitAmount: number;
}

export class CreateApplicationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId: string;

  @ApiProperty({ example: 'relocation' })
  @IsString({ message: 'categoryCode must be a text' })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'categoryCode must be a category code such as relocation' })
  categoryCode: string;

  @ApiProperty({
    type: 'integer',
    format: 'int64',
    example: 2100000,
    description: 'minor units; must equal the sum of the lines',
  })
  @IsMoney('amountRequested')
  amountRequested: number;

  @ApiProperty({ description: 'Why the pool should pay. No names, identity numbers, addresses or offences.' })
  @IsText('justification', 5000)
  justification: string;

  @ApiProperty({ description: 'The unit declares that ordinary funding does not cover the cost' })
  @IsBoolean({ message: 'ordinaryFundingConsidered must be true or false' })
  ordinaryFundingConsidered: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean({ message: 'urgent must be true or false' })
  urgent?: boolean;

  @ApiProperty({ type: [LineDto] })
  @IsArray({ message: 'lines must be a list' })
  @ArrayMinSize(1, { message: 'lines must hold at least one cost line' })
  @ArrayMaxSize(100, { message: 'lines may hold at most 100 cost lines' })
  @ValidateNested({ each: true })
  @Type(() => LineDto)
  lines: LineDto[];

  @ApiPropertyOptional({
    type: [String],
    format: 'date',
    description: 'Dates of the sessions paid for (tattoo removal)',
  })
  @IsOptional()
  @ArrayMaxSize(50, { message: 'plannedSessionDates may hold at most 50 dates' })
  @IsIsoDate('plannedSessionDates', { each: true })
  plannedSessionDates?: string[];
}

export class UpdateApplicationDto extends PartialType(OmitType(CreateApplicationDto, ['caseId'] as const)) {}
