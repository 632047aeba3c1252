// Advice requests (issue 14): a unit asks the contact point on one of its cases, in a thread.

export const ADVICE_TOPICS = ['motivation', 'suitability', 'safety', 'relocation', 'treatment', 'other'] as const;
export type AdviceTopic = (typeof ADVICE_TOPICS)[number];

/** `open`: waiting for the contact point; `answered`: the contact point answered last; `closed`: done. */
export const ADVICE_STATUSES = ['open', 'answered', 'closed'] as const;
export type AdviceStatus = (typeof ADVICE_STATUSES)[number];

/** `POST /api/advice-requests/<id>/<action>`; each request lists those its reader may take now. */
export const ADVICE_ACTIONS = ['answer', 'close'] as const;
export type AdviceAction = (typeof ADVICE_ACTIONS)[number];

// Its refusal of an action on a closed request, ADVICE_WRONG_STATUS (409), is in WORKFLOW_ERROR_CODES.

/** A message of the thread after the question: the contact point's answer, or the unit's follow-up. */
export interface AdviceMessageRecord<Moment = string> {
  id: string;
  authorId: string;
  authorName: string;
  authorRole: string;
  kind: 'answer' | 'follow_up';
  body: string;
  createdAt: Moment;
}

/** `GET /api/advice-requests` item: never narrative. */
export interface AdviceRequestSummary<Moment = string> {
  id: string;
  reference: string;
  caseId: string;
  caseReference: string;
  unitId: string;
  topic: AdviceTopic;
  status: AdviceStatus;
  askedBy: string;
  askedByName: string;
  createdAt: Moment;
  updatedAt: Moment;
  answeredAt: Moment | null;
  closedAt: Moment | null;
  /** Answers and follow-ups after the question. */
  messageCount: number;
  /** Whole days since it was asked. */
  ageDays: number;
  purgedAt: Moment | null;
  actions: AdviceAction[];
}

/** `GET /api/advice-requests/<id>` (audited), a create and every action: the question and its thread. */
export interface AdviceRequestDetail<Moment = string> extends AdviceRequestSummary<Moment> {
  /** Null once purged with its case. */
  question: string | null;
  messages: AdviceMessageRecord<Moment>[];
}
