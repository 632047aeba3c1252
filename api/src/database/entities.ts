import { AdviceMessage } from '../advice-requests/advice-message.entity.js';
import { AdviceRequest } from '../advice-requests/advice-request.entity.js';
import { AdmissionReview, AdmissionReviewMessage } from '../admission-reviews/admission-review.entity.js';
import { CaseAssessment } from '../admission-reviews/case-assessment.entity.js';
import { Application } from '../applications/application.entity.js';
import { ApplicationMessage } from '../applications/application-message.entity.js';
import { Attachment } from '../attachments/attachment.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { LoginAttempt } from '../auth/login-attempt.entity.js';
import { Session } from '../auth/session.entity.js';
import { CaseConsentWithdrawal } from '../cases/case-consent-withdrawal.entity.js';
import { CaseTransfer, CaseUnit } from '../case-transfers/case-transfer.entity.js';
import { Case } from '../cases/case.entity.js';
import { Category } from '../categories/category.entity.js';
import { GuidelineVersion } from '../guidelines/guideline-version.entity.js';
import { Disbursement } from '../disbursements/disbursement.entity.js';
import { BudgetAllocation } from '../ledger/budget-allocation.entity.js';
import { BudgetYear } from '../ledger/budget-year.entity.js';
import { LedgerPosting } from '../ledger/ledger-posting.entity.js';
import { Unit } from '../units/unit.entity.js';
import { User } from '../users/user.entity.js';

export const entities = [
  Unit,
  User,
  Category,
  Session,
  LoginAttempt,
  AuditEvent,
  Case,
  CaseConsentWithdrawal,
  CaseTransfer,
  CaseUnit,
  GuidelineVersion,
  Application,
  ApplicationMessage,
  BudgetYear,
  BudgetAllocation,
  LedgerPosting,
  Disbursement,
  Attachment,
  AdviceRequest,
  AdviceMessage,
  CaseAssessment,
  AdmissionReview,
  AdmissionReviewMessage,
];
