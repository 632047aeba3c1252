import { ApiProperty } from '@nestjs/swagger';
import { ApiTimestamp, ApiUuid } from '../../common/openapi.js';
import { CASE_TRANSFER_STATUSES } from '../case-transfer.entity.js';

/** A case's transfer between units; its reasons are narrative (unit workers of the two units and contact points only). */
export class CaseTransferView {
  @ApiUuid() id!: string;
  @ApiUuid() caseId!: string;
  @ApiProperty({ example: 'KRF-2026-004', description: "The case's reference, which it keeps" })
  caseReference!: string;
  @ApiUuid() fromUnitId!: string;
  @ApiUuid() toUnitId!: string;
  @ApiProperty({ enum: CASE_TRANSFER_STATUSES }) status!: string;
  @ApiProperty({ description: "A contact point's transfer, accepted at once" }) direct!: boolean;
  @ApiProperty({ nullable: true, description: 'Why the case moves; null once purged' }) reason!: string | null;
  @ApiProperty({ nullable: true, description: 'Why the receiving unit declined' }) decisionReason!: string | null;
  @ApiUuid() proposedBy!: string;
  @ApiProperty() proposedByName!: string;
  @ApiTimestamp() proposedAt!: string;
  @ApiUuid({ nullable: true }) decidedBy!: string | null;
  @ApiTimestamp({ nullable: true }) decidedAt!: string | null;
}

/** One stretch of a case's history of units. */
export class CaseUnitView {
  @ApiUuid() id!: string;
  @ApiUuid() caseId!: string;
  @ApiUuid() unitId!: string;
  @ApiTimestamp() since!: string;
  @ApiTimestamp({ nullable: true, description: 'null while the case is with this unit' }) until!: string | null;
  @ApiUuid({ nullable: true, description: 'The accepted transfer that brought the case here' })
  transferId!: string | null;
}
