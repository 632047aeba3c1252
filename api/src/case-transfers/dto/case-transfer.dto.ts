import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsText } from '../../common/validators.js';

/** `POST /api/cases/<id>/transfer` */
export class ProposeTransferDto {
  @ApiProperty({ format: 'uuid', description: 'The unit that is to take over the case' })
  @IsUUID('all', { message: 'toUnitId must be a UUID' })
  toUnitId: string;

  @ApiProperty({ description: 'Why the case moves (narrative: never shown to finance or admin)', maxLength: 2000 })
  @IsText('reason', 2000)
  reason: string;
}

/** `POST /api/case-transfers/<id>/decline` */
export class DeclineTransferDto {
  @ApiPropertyOptional({ description: 'Why the receiving unit declines (narrative)', maxLength: 2000 })
  @IsOptional()
  @IsText('reason', 2000)
  reason?: string;
}
