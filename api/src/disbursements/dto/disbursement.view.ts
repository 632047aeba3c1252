import { ApiProperty } from '@nestjs/swagger';
import { ApiDate, ApiMoney, ApiTimestamp, ApiUuid } from '../../common/openapi.js';

/** A payment (or a refund, negative), as recorded; never changed. */
export class DisbursementView {
  @ApiUuid() id!: string;
  @ApiUuid() applicationId!: string;
  @ApiProperty({ example: 'KBH-2026-014-A1' }) applicationReference!: string;
  @ApiUuid() unitId!: string;
  @ApiUuid() budgetYearId!: string;
  @ApiProperty({ type: 'integer', example: 2026 }) year!: number;
  @ApiProperty({ example: 'relocation' }) categoryCode!: string;
  @ApiMoney({ description: 'Negative for a refund' }) amount!: number;
  @ApiDate() paidOn!: string;
  @ApiProperty({ enum: ['clinic', 'landlord', 'psychologist', 'municipality', 'other'] }) payeeType!: string;
  @ApiProperty({ nullable: true, type: String }) payeeReference!: string | null;
  @ApiProperty({ nullable: true, type: String }) accountCode!: string | null;
  @ApiUuid() recordedBy!: string;
  @ApiProperty() recordedByName!: string;
  @ApiTimestamp() createdAt!: string;
}
