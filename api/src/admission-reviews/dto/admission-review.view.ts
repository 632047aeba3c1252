import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiDate, ApiTimestamp, ApiUuid } from '../../common/openapi.js';
import { ADMISSION_REVIEW_STATUSES } from '../admission-review.entity.js';

/** The unit's admission assessment of a case: narrative, for the unit and the contact point only. */
export class AssessmentView {
  @ApiUuid() caseId!: string;
  @ApiProperty({ type: 'string', nullable: true }) pushFactors!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) pullFactors!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) ownExplanation!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) helpWished!: string | null;
  @ApiProperty({ type: 'boolean', nullable: true }) fearAlone!: boolean | null;
  @ApiProperty({ type: 'string', nullable: true }) understandsLeaving!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) understandsLifestyle!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) stepsTaken!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) willToCooperate!: string | null;
  @ApiProperty({ enum: ['admitted', 'refused'], nullable: true, description: "The unit's decision" })
  decision!: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: "The unit's reasons for a refusal" })
  decisionReason!: string | null;
  @ApiUuid({ nullable: true }) decidedBy!: string | null;
  @ApiTimestamp({ nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: [String], description: 'What is still missing before the unit can decide' })
  missing!: string[];
  @ApiTimestamp({ nullable: true }) purgedAt!: string | null;
}

export class ReviewMessageView {
  @ApiUuid() id!: string;
  @ApiUuid() authorId!: string;
  @ApiProperty() authorName!: string;
  @ApiProperty({ enum: ['question', 'answer', 'decision'] }) kind!: string;
  @ApiProperty() body!: string;
  @ApiTimestamp() createdAt!: string;
}

export class AdmissionReviewView {
  @ApiUuid() id!: string;
  @ApiUuid() caseId!: string;
  @ApiProperty({ example: 'KBH-2026-014' }) caseReference!: string;
  @ApiUuid() unitId!: string;
  @ApiProperty({ enum: ADMISSION_REVIEW_STATUSES }) status!: string;
  @ApiDate() requestedOn!: string;
  @ApiUuid() requestedBy!: string;
  @ApiPropertyOptional({ type: AssessmentView, description: 'On one review read, not in lists' })
  assessment?: AssessmentView;
  @ApiPropertyOptional({ type: 'string', nullable: true, description: 'On one review read, not in lists' })
  decisionReason?: string | null;
  @ApiUuid({ nullable: true }) decidedBy!: string | null;
  @ApiTimestamp({ nullable: true }) decidedAt!: string | null;
  @ApiPropertyOptional({ type: [ReviewMessageView], description: 'The thread; on one review read' })
  messages?: ReviewMessageView[];
  @ApiProperty({ type: [String], description: 'The actions this user can take now' }) actions!: string[];
  @ApiTimestamp() createdAt!: string;
  @ApiTimestamp() updatedAt!: string;
  @ApiTimestamp({ nullable: true }) purgedAt!: string | null;
}

const figure = () => ApiProperty({ type: 'integer', nullable: true, description: 'null when suppressed' });

export class AdmissionStatisticsRowView {
  @ApiProperty({ type: 'integer' }) year!: number;
  @figure() requested!: number | null;
  @figure() upheld!: number | null;
  @figure() admitted!: number | null;
  @figure() open!: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: 'Median days from request to decision' })
  medianDaysToDecision!: number | null;
  @ApiProperty() suppressed!: boolean;
}

export class AdmissionStatisticsView {
  @ApiProperty({ type: 'integer' }) threshold!: number;
  @ApiProperty({ type: [AdmissionStatisticsRowView] }) years!: AdmissionStatisticsRowView[];
}
