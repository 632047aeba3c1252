import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsReportYear } from '../../common/validators.js';

export class PoolReportQueryDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsReportYear()
  year: number;
}
