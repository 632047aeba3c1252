export type {
  ApplicationInput,
  ApplicationLine,
  AttachmentKind,
  CaseFacts,
  CaseStatus,
  CategoryRules,
  DocumentKind,
  EvaluationContext,
  Finding,
  Guideline,
  Rule,
  RuleInput,
  Severity,
  UnitLabel,
} from './types.js';
export { CASE_STATUSES, DOCUMENT_KINDS, SEVERITIES, UNIT_LABELS } from './types.js';
export { evaluate, findCategory } from './evaluate.js';
export { blockFindings, findingsBlockingApproval } from './finding.js';
export { requiresSecondApproval } from './second-approval.js';
export { demoGuideline, demoGuidelineFi } from './demo-guideline.js';
export { validateGuideline } from './validate-guideline.js';
export { RULE_IDS, RULES, type RuleId } from './rules/index.js';
export { dateWords } from './wording.js';
