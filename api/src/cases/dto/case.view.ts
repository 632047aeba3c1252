import { UNIT_PARTIES } from '@app/contract';
import { CASE_STATUSES } from '@app/guidelines';
import { ApiProperty } from '@nestjs/swagger';
import { ApiDate, ApiTimestamp, ApiUuid } from '../../common/openapi.js';

export class ConsentView {
  @ApiProperty({ enum: UNIT_PARTIES, isArray: true, description: 'The parties the consent covers now' })
  parties!: string[];
  @ApiDate() givenOn!: string;
  @ApiDate({ nullable: true, description: 'When consent was last withdrawn, from some parties or all' })
  withdrawnOn!: string | null;
}

/** A pseudonymous case: a reference and the facts the guidelines look at. */
export class CaseView {
  @ApiUuid() id!: string;
  @ApiProperty({ example: 'KBH-2026-014' }) reference!: string;
  @ApiUuid() unitId!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: string;
  @ApiProperty({ type: 'integer', nullable: true }) birthYear!: number | null;
  @ApiDate({ nullable: true, description: 'When consent was first given' }) consentRecordedOn!: string | null;
  @ApiProperty({ type: ConsentView, nullable: true, description: 'null until consent is recorded' })
  consent!: ConsentView | null;
  @ApiProperty({ enum: UNIT_PARTIES, description: 'The party of the worker who opened the case' })
  openedParty!: string;
  @ApiProperty({
    enum: UNIT_PARTIES,
    isArray: true,
    description:
      "Whose workers of the unit may see the case now: the consent's parties, or before consent the party that opened it",
  })
  accessParties!: string[];
  @ApiDate({ nullable: true }) agreementSignedOn!: string | null;
  @ApiDate({ nullable: true }) programmeStart!: string | null;
  @ApiUuid() createdBy!: string;
  @ApiTimestamp() createdAt!: string;
  @ApiTimestamp() updatedAt!: string;
  @ApiTimestamp({ nullable: true, description: 'When the retention purge removed the birth year and dates' })
  purgedAt!: string | null;
}
