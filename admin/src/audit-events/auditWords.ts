// The actions and record types the API writes to the audit trail (api/src/**: audit.record), in words.
// An action or type not listed here (a newer API) is shown by its code.

export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.login_failed',
  'auth.login_throttled',
  'auth.totp_enabled',
  'auth.totp_disabled',
  'auth.totp_disable_refused',
  'auth.recovery_code_used',
  'application.create',
  'application.update',
  'application.read',
  'application.thread_read',
  'application.submit',
  'application.withdraw',
  'application.start-review',
  'application.request-info',
  'application.answer',
  'application.approve',
  'application.override',
  'application.reject',
  'application.cancel',
  'application.carry-over',
  // the name of a carry-over recorded before it was a transition of the workflow (until 2026-12)
  'application.carry_over',
  'attachment.upload',
  'attachment.download',
  'attachment.delete',
  'disbursement.pay',
  'disbursement.refund',
  'case.create',
  'case.update',
  'case.assessment_read',
  'case.assessment_update',
  'case.admit',
  'case.refuse',
  'admission_review.create',
  'admission_review.read',
  'admission_review.start-review',
  'admission_review.request-info',
  'admission_review.answer',
  'admission_review.uphold',
  'admission_review.admit',
  'guideline.create',
  'guideline.update',
  'guideline.publish',
  'guideline.retire',
  'guideline.delete',
  'budget_year.create',
  'budget_year.update',
  'budget_year.close',
  'user.create',
  'user.update',
  'user.totp_reset',
  'unit.create',
  'unit.update',
  'category.create',
  'category.update',
  'report.export',
  'retention.purge',
  'demo.history',
  'advice_request.create',
  'advice_request.read',
  'advice_request.answer',
  'advice_request.follow_up',
  'advice_request.close',
] as const;

export const AUDIT_RECORD_TYPES = [
  'application',
  'case',
  'admission_review',
  'disbursement',
  'attachment',
  'guideline',
  'budget_year',
  'unit',
  'category',
  'user',
  'session',
  'report',
  'retention',
  'demo',
  'advice_request',
] as const;

type Translate = (key: string, options?: Record<string, unknown>) => string;

export const actionWords = (translate: Translate, action: string): string =>
  translate(`app.audit.actions.${action}`, { _: action });

export const recordTypeWords = (translate: Translate, type: string): string =>
  translate(`app.audit.types.${type}`, { _: type });

/**
 * Where an event's record is read in the UI: its own page, a document's application's page, or none
 * (a session, a report). The caller still checks that the reader may open that page.
 */
export function recordLink(event: {
  entityType: string;
  entityId: string | null;
  applicationId: string | null;
}): { resource: string; id: string } | null {
  const { entityType, entityId, applicationId } = event;
  if (entityType === 'attachment') return applicationId ? { resource: 'applications', id: applicationId } : null;
  const resource = RESOURCES[entityType];
  return resource && entityId ? { resource, id: entityId } : null;
}

const RESOURCES: Record<string, string> = {
  application: 'applications',
  case: 'cases',
  disbursement: 'disbursements',
  guideline: 'guidelines',
  budget_year: 'budget-years',
  unit: 'units',
  category: 'categories',
  user: 'users',
  advice_request: 'advice-requests',
};
