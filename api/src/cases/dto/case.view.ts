import { CASE_STATUSES } from '@app/guidelines';
import { ApiProperty } from '@nestjs/swagger';
import { ApiDate, ApiTimestamp, ApiUuid } from '../../common/openapi.js';

/** A pseudonymous case: a reference and the facts the guidelines look at. */
export class CaseView {
  @ApiUuid() id!: string;
  @ApiProperty({ example: 'KBH-2026-014' }) reference!: string;
  @ApiUuid() unitId!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: string;
  @ApiProperty({ type: 'integer', nullable: true }) birthYear!: number | null;
  @ApiDate({ nullable: true }) consentRecordedOn!: string | null;
  @ApiDate({ nullable: true }) agreementSignedOn!: string | null;
  @ApiDate({ nullable: true }) programmeStart!: string | null;
  @ApiUuid() createdBy!: string;
  @ApiTimestamp() createdAt!: string;
  @ApiTimestamp() updatedAt!: string;
  @ApiTimestamp({ nullable: true, description: 'When the retention purge removed the birth year and dates' })
  purgedAt!: string | null;
}
