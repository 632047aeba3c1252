import { ADVICE_ACTIONS, ADVICE_STATUSES, ADVICE_TOPICS } from '@app/contract';
import { ApiProperty } from '@nestjs/swagger';
import { ApiTimestamp, ApiUuid } from '../../common/openapi.js';

export class AdviceMessageView {
  @ApiUuid() id!: string;
  @ApiUuid() authorId!: string;
  @ApiProperty() authorName!: string;
  @ApiProperty({ example: 'contact_point' }) authorRole!: string;
  @ApiProperty({ enum: ['answer', 'follow_up'], description: "The contact point's answer, or the unit's follow-up" })
  kind!: string;
  @ApiProperty() body!: string;
  @ApiTimestamp() createdAt!: string;
}

/** A list's row: never narrative. */
export class AdviceRequestSummaryView {
  @ApiUuid() id!: string;
  @ApiProperty({ example: 'KBH-2026-014-R1', description: "The case's reference and the request's number" })
  reference!: string;
  @ApiUuid() caseId!: string;
  @ApiProperty({ example: 'KBH-2026-014' }) caseReference!: string;
  @ApiUuid({ description: 'The asking unit' }) unitId!: string;
  @ApiProperty({ enum: ADVICE_TOPICS }) topic!: string;
  @ApiProperty({ enum: ADVICE_STATUSES }) status!: string;
  @ApiUuid() askedBy!: string;
  @ApiProperty() askedByName!: string;
  @ApiTimestamp() createdAt!: string;
  @ApiTimestamp() updatedAt!: string;
  @ApiTimestamp({ nullable: true, description: "The contact point's last answer" }) answeredAt!: string | null;
  @ApiTimestamp({ nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: 'integer', description: 'Answers and follow-ups after the question' }) messageCount!: number;
  @ApiProperty({ type: 'integer', description: 'Whole days since it was asked' }) ageDays!: number;
  @ApiTimestamp({ nullable: true, description: 'When the question and thread were purged with the case' })
  purgedAt!: string | null;
  @ApiProperty({ enum: ADVICE_ACTIONS, isArray: true, description: 'What the reader may do now' })
  actions!: string[];
}

/** One request: the question and its thread (narrative; the read is audited). */
export class AdviceRequestView extends AdviceRequestSummaryView {
  @ApiProperty({ nullable: true, type: String, description: 'Null once purged' }) question!: string | null;
  @ApiProperty({ type: [AdviceMessageView] }) messages!: AdviceMessageView[];
}
