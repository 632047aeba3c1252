import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { DelimiterQueryDto } from './file-query.dto.js';

export class DisbursementsCsvQueryDto extends DelimiterQueryDto {
  @ApiPropertyOptional({
    example: '{"paidOn_gte":"2026-01-01","paidOn_lte":"2026-06-30"}',
    description: 'the filter of GET /api/disbursements, as JSON',
  })
  @IsOptional()
  @IsString({ message: 'filter must be given once, as JSON' })
  filter?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      'true adds the payee reference of each payment (opened from its encryption): who was paid can show where a ' +
      'relocated candidate lives, so the file leaves it out unless asked, and the audit trail records the asking',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'payeeReferences must be true or false' })
  payeeReferences?: 'true' | 'false';
}
