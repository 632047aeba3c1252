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

export class CreateBudgetYearDto {
  @ApiProperty({ example: 2027 })
  @IsBudgetYear()
  year: number;

  @ApiProperty({ type: 'integer', format: 'int64', example: 200000000, description: 'minor units' })
  @IsMoney('poolAmount', 0)
  poolAmount: number;

  @ApiPropertyOptional({ type: [AllocationDto] })
  @IsOptional()
  @IsArray({ message: 'allocations must be a list' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AllocationDto)
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
  @IsOptional()
  @IsArray({ message: 'allocations must be a list' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AllocationDto)
  allocations?: AllocationDto[];
}
