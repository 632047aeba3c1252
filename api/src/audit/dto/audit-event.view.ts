import { AUDIT_CHAIN_PROBLEMS, ROLES } from '@app/contract';
import { ApiProperty } from '@nestjs/swagger';
import { ApiTimestamp, ApiUuid } from '../../common/openapi.js';

export class AuditEventView {
  @ApiUuid() id!: string;
  @ApiProperty({ type: 'integer', format: 'int64', description: 'Its place in the hash chain, without gaps' })
  seq!: number;
  @ApiTimestamp() at!: string;
  @ApiUuid({ nullable: true, description: 'Null for the system' }) actorId!: string | null;
  @ApiProperty({ required: false, nullable: true, type: String, description: "The actor's display name now" })
  actorName!: string | null;
  @ApiProperty({ example: 'application.approve' }) action!: string;
  @ApiProperty({ example: 'application' }) entityType!: string;
  @ApiProperty({ nullable: true, type: String }) entityId!: string | null;
  @ApiProperty({ required: false, nullable: true, type: String, example: 'KBH-2026-014-A1' }) entityReference!:
    string | null;
  @ApiUuid({ required: false, nullable: true, description: 'The application of a payment or a document' })
  applicationId!: string | null;
  @ApiProperty({ nullable: true, type: String }) requestId!: string | null;
  @ApiProperty({ type: Object, description: 'What changed, without narrative' }) details!: Record<string, unknown>;
  @ApiProperty({ description: 'SHA-256 of the event and the previous hash, hex' }) hash!: string;
}

export class AuditActorView {
  @ApiUuid() id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty() active!: boolean;
}

export class AuditChainBreakView {
  @ApiProperty({ type: 'integer', format: 'int64' }) seq!: number;
  @ApiUuid({ nullable: true, description: 'Null when the event a checkpoint names is gone' }) id!: string | null;
  @ApiProperty({ enum: AUDIT_CHAIN_PROBLEMS }) problem!: string;
  @ApiProperty({ type: 'integer', format: 'int64', required: false, description: 'For `missing`: the first absent' })
  missingFrom?: number;
}

/** Whole (`ok`, with `head`) or the first broken link (`brokenAt`). */
export class AuditVerificationView {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ type: 'integer', format: 'int64' }) events!: number;
  @ApiProperty({ required: false, nullable: true, type: String, description: 'When whole: the newest hash' })
  head?: string | null;
  @ApiProperty({ required: false, type: AuditChainBreakView, description: 'When broken' })
  brokenAt?: AuditChainBreakView;
}
