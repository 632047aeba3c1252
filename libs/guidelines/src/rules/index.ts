import type { Rule } from '../types.js';
import { adult } from './adult.js';
import { amountMatchesLines } from './amount-matches-lines.js';
import { amountPerApplication } from './amount-per-application.js';
import { amountPerCase } from './amount-per-case.js';
import { amountPositive } from './amount-positive.js';
import { caseStatusAllowed } from './case-status.js';
import { categoryCovered } from './category-covered.js';
import { consentRecorded } from './consent-recorded.js';
import { cooperationAgreement } from './cooperation-agreement.js';
import { coursePeriod } from './course-period.js';
import { linesValid } from './lines-valid.js';
import { ordinaryFundingConsidered } from './ordinary-funding-considered.js';
import { poolAvailable } from './pool-available.js';
import { ratePerUnit } from './rate-per-unit.js';
import { requiredDocuments } from './required-documents.js';
import { secondApprovalRequired } from './second-approval-required.js';
import { sessionSpacing } from './session-spacing.js';
import { unitAllocation } from './unit-allocation.js';
import { unitsPerApplication } from './units-per-application.js';

/** Every rule by the id of the findings it gives, in the order they are evaluated. */
export const RULES = {
  'category-covered': categoryCovered,
  adult,
  'case-status': caseStatusAllowed,
  'consent-recorded': consentRecorded,
  'cooperation-agreement': cooperationAgreement,
  'course-period': coursePeriod,
  'ordinary-funding-considered': ordinaryFundingConsidered,
  'amount-positive': amountPositive,
  'amount-per-application': amountPerApplication,
  'amount-per-case': amountPerCase,
  'rate-per-unit': ratePerUnit,
  'units-per-application': unitsPerApplication,
  'lines-valid': linesValid,
  'amount-matches-lines': amountMatchesLines,
  'session-spacing': sessionSpacing,
  'required-documents': requiredDocuments,
  'pool-available': poolAvailable,
  'unit-allocation': unitAllocation,
  'second-approval-required': secondApprovalRequired,
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];
