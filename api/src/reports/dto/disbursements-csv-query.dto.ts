import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { DelimiterQueryDto } from './file-query.dto.js';

export class DisbursementsCsvQueryDto extends DelimiterQueryDto {
  @ApiPropertyOptional({
    example: '{"paidOn_gte":"2026-01-01","paidOn_lte":"2026-06-30"}',
    description: 'the filter of GET /api/disbursements, as JSON',
  })
  @IsOptional()
  @IsString({ message: 'filter must be given once, as JSON' })
  filter?: string;
}
