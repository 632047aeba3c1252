import { SEVERITIES } from '@app/guidelines';
import { APPLICATION_ACTIONS, APPLICATION_STATUSES } from '@app/workflow';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiMoney, ApiTimestamp, ApiUuid, ErrorBodyView } from '../../common/openapi.js';

export class FindingView {
  @ApiProperty({ description: 'Stable id of the guideline rule', example: 'amount-per-application' })
  rule!: string;

  @ApiProperty({ enum: SEVERITIES })
  severity!: string;

  @ApiProperty({ description: 'In English' })
  message!: string;

  @ApiProperty({ description: 'In Danish' })
  messageDa!: string;

  @ApiPropertyOptional({ description: 'In Finnish; absent from findings kept from before Finnish was a language' })
  messageFi?: string;
}

export class ApplicationLineView {
  @ApiProperty({ type: 'integer' })
  quantity!: number;

  @ApiMoney({ description: 'Per unit (night, session), minor units' })
  unitAmount!: number;

  @ApiProperty({ required: false, nullable: true, description: 'Narrative: only for those with need to know' })
  description?: string | null;
}

export class OverrideView {
  @ApiProperty()
  rule!: string;

  @ApiUuid({ description: 'The contact point who overrode the warning' })
  by!: string;

  @ApiTimestamp()
  at!: string;

  @ApiProperty({ required: false, nullable: true, description: 'Narrative: only for those with need to know' })
  justification?: string | null;
}

/** The application as every reader sees it; the narrative fields only reach those with need to know. */
export class ApplicationView {
  @ApiUuid() id!: string;
  @ApiProperty({ example: 'KBH-2026-014-A1' }) reference!: string;
  @ApiUuid() caseId!: string;
  @ApiProperty({ example: 'KBH-2026-014' }) caseReference!: string;
  @ApiUuid() unitId!: string;
  @ApiProperty({ example: 'relocation' }) categoryCode!: string;
  @ApiMoney() amountRequested!: number;
  @ApiMoney({ nullable: true }) amountApproved!: number | null;
  @ApiProperty() ordinaryFundingConsidered!: boolean;
  @ApiProperty() urgent!: boolean;
  @ApiProperty({ type: [ApplicationLineView] }) lines!: ApplicationLineView[];
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'date' } }) plannedSessionDates!: string[];
  @ApiProperty({ enum: APPLICATION_STATUSES }) status!: string;
  @ApiProperty({ type: [FindingView] }) findings!: FindingView[];
  @ApiUuid({ nullable: true, description: 'The guideline version it was checked against' }) guidelineId!: string | null;
  @ApiProperty({ nullable: true, type: String }) guidelineVersion!: string | null;
  @ApiTimestamp({ nullable: true }) submittedAt!: string | null;
  @ApiUuid({ nullable: true }) submittedBy!: string | null;
  @ApiUuid({ nullable: true }) firstApprovedBy!: string | null;
  @ApiTimestamp({ nullable: true }) firstApprovedAt!: string | null;
  @ApiMoney({ nullable: true }) firstApprovedAmount!: number | null;
  @ApiTimestamp({ nullable: true }) decidedAt!: string | null;
  @ApiUuid({ nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: [OverrideView] }) overrides!: OverrideView[];
  @ApiMoney({ description: 'Paid, net of refunds' }) paidAmount!: number;
  @ApiMoney({ description: 'Granted and not yet paid' }) unpaidAmount!: number;
  @ApiUuid({ nullable: true }) budgetYearId!: string | null;
  @ApiTimestamp({ nullable: true, description: 'When the retention purge removed its narrative' }) purgedAt!:
    string | null;
  @ApiTimestamp() createdAt!: string;
  @ApiTimestamp() updatedAt!: string;
  @ApiUuid() createdBy!: string;
  @ApiProperty({
    enum: APPLICATION_ACTIONS,
    isArray: true,
    description: 'What the reader may do now',
  })
  actions!: string[];
  @ApiProperty({
    type: Object,
    additionalProperties: { type: 'string' },
    description: 'Display names of the staff who acted on it, by user id',
  })
  names!: Record<string, string>;
  @ApiProperty({
    required: false,
    nullable: true,
    type: String,
    description: 'Narrative: only for those with need to know',
  })
  justification?: string | null;
  @ApiProperty({
    required: false,
    nullable: true,
    type: String,
    description: 'Narrative: only for those with need to know',
  })
  decisionReason?: string | null;
  @ApiProperty({
    required: false,
    nullable: true,
    type: String,
    description: 'Narrative: only for those with need to know',
  })
  conditions?: string | null;
  @ApiProperty({
    required: false,
    nullable: true,
    type: String,
    description: 'How the grant is to be paid: for those with need to know and for finance reading one grant',
  })
  paymentInstructions?: string | null;
}

export class CheckResultView {
  @ApiProperty({ type: [FindingView] }) findings!: FindingView[];
  @ApiUuid() guidelineId!: string;
  @ApiProperty() guidelineVersion!: string;
}

export class ApplicationMessageView {
  @ApiUuid() id!: string;
  @ApiUuid() applicationId!: string;
  @ApiUuid() authorId!: string;
  @ApiProperty() authorName!: string;
  @ApiProperty() authorRole!: string;
  @ApiProperty({ example: 'question' }) kind!: string;
  @ApiProperty() body!: string;
  @ApiTimestamp() createdAt!: string;
}

/** A submit or an approval refused by the guidelines: the error body with the findings that stop it. */
export class RefusedByFindingsView extends ErrorBodyView {
  @ApiProperty({ type: [FindingView], required: false, description: 'The findings that stop it' })
  findings?: FindingView[];
}
