import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { IsBudgetYear, IsMoney } from '../../common/validators.js';

export class AllocationDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'unitId must be a UUID' }) unitId: string;
  @ApiProperty({ type: 'integer', format: 'int64', description: 'minor units; an indicative planning figure' })
  @IsMoney('amount', 0)
  amount: number;
}

/**
 * An optional list of at most 200 allocations, each checked; registered lowest first,
 * as the same decorators stacked on the property would be.
 */
const AreAllocations = (): PropertyDecorator =>
  applyDecorators(
    Type(() => AllocationDto),
    ValidateNested({ each: true }),
    ArrayMaxSize(200),
    IsArray({ message: 'allocations must be a list' }),
    IsOptional(),
  );

export class CreateBudgetYearDto {
  @ApiProperty({ example: 2027 })
  @IsBudgetYear()
  year: number;

  @ApiProperty({ type: 'integer', format: 'int64', example: 200000000, description: 'minor units' })
  @IsMoney('poolAmount', 0)
  poolAmount: number;

  @ApiPropertyOptional({ type: [AllocationDto] })
  @AreAllocations()
  allocations?: AllocationDto[];
}

export class UpdateBudgetYearDto {
  @ApiPropertyOptional({
    type: 'integer',
    format: 'int64',
    description: 'minor units; never below committed + disbursed',
  })
  @IsOptional()
  @IsMoney('poolAmount', 0)
  poolAmount?: number;

  @ApiPropertyOptional({ type: [AllocationDto], description: 'replaces the allocations' })
  @AreAllocations()
  allocations?: AllocationDto[];
}
