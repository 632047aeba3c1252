import type { AuditVerification } from '@app/contract';
import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import { useDataProvider } from 'react-admin';
import { fetchFile, queryString, saveBlob } from './common/download';
import { httpClient } from './httpClient';
import type {
  AdviceAction,
  AdviceRequest,
  AdmissionReview,
  AdmissionReviewAction,
  AdmissionStatistics,
  Application,
  Case,
  ApplicationAction,
  Assessment,
  Attachment,
  AuditActor,
  CaseTransfer,
  AttachmentKind,
  BudgetYear,
  Disbursement,
  DisbursementInput,
  EmailDelivery,
  Finding,
  GuidelineRecord,
  Notification,
  PoolReport,
  Preferences,
  ProcessingReport,
  SpendingQuery,
  SpendingReport,
  TotpSetup,
  TotpStatus,
  UnitParty,
  User,
} from './types';

const API = '/api';

const post = async <T>(path: string, body?: unknown, headers?: HeadersInit): Promise<T> => {
  const { json } = await httpClient(`${API}/${path}`, {
    method: 'POST',
    // The actions without input take no body at all.
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    ...(headers ? { headers } : {}),
  });
  return json as T;
};

const get = async <T>(path: string): Promise<T> => (await httpClient(`${API}/${path}`)).json as T;

const put = async <T>(path: string, body: unknown): Promise<T> =>
  (await httpClient(`${API}/${path}`, { method: 'PUT', body: JSON.stringify(body) })).json as T;

/** The spending report's parameters as the API takes them: groupBy as a comma-separated list. */
export const spendingParams = ({ groupBy, ...rest }: SpendingQuery) => ({
  ...rest,
  groupBy: groupBy?.length ? groupBy.join(',') : undefined,
});

/** The stock simple REST provider plus the API's actions, which are not CRUD. */
export interface ExitPoolDataProvider extends DataProvider {
  /** POST /api/applications/:id/<action>; answers the updated application (409 with `findings` when refused). */
  applicationAction(id: string, action: ApplicationAction, body?: object): Promise<{ data: Application }>;
  /** POST /api/advice-requests/:id/<action>: `answer { message }` or `close`; answers the updated request (409 when closed). */
  adviceAction(id: string, action: AdviceAction, body?: object): Promise<{ data: AdviceRequest }>;
  /** POST /api/applications/:id/check: the guideline findings now, changing nothing. */
  checkApplication(id: string): Promise<{ data: Finding[] }>;
  /** POST /api/cases/:id/transfer: a proposal to another unit (a contact point's is accepted at once). */
  transferCase(caseId: string, body: { toUnitId: string; reason: string }): Promise<{ data: CaseTransfer }>;
  /** POST /api/case-transfers/:id/accept or /decline, by the receiving unit. */
  caseTransferAction(id: string, action: 'accept' | 'decline', body?: object): Promise<{ data: CaseTransfer }>;
  guidelineAction(id: string, action: 'publish' | 'retire'): Promise<{ data: GuidelineRecord }>;
  uploadAttachment(input: { applicationId: string; kind: AttachmentKind; file: File }): Promise<{ data: Attachment }>;
  /** Fetches the file with the bearer header and hands it to the browser as a download. */
  downloadAttachment(attachment: Pick<Attachment, 'id' | 'fileName'>): Promise<void>;
  /** POST /api/budget-years/:id/close (409 while grants of the year still hold unpaid commitments). */
  closeBudgetYear(id: string): Promise<{ data: BudgetYear }>;
  /**
   * POST /api/disbursements with an `Idempotency-Key` header: the same key and body
   * record one payment however often they are sent (a retry after a lost answer).
   */
  recordDisbursement(input: DisbursementInput, idempotencyKey: string): Promise<{ data: Disbursement }>;
  /** GET /api/reports/pool: the year's pool (a unit worker: their unit's figures, the pool's size and rest). */
  poolReport(year: number): Promise<{ data: PoolReport }>;
  /** GET /api/reports/spending: committed and disbursed from the ledger, grouped. */
  spendingReport(query: SpendingQuery): Promise<{ data: SpendingReport }>;
  /** GET /api/reports/processing: days from submission to decision, approval rates, average grant per case. */
  processingReport(year: number): Promise<{ data: ProcessingReport }>;
  /**
   * GETs a file of the API (`reports/spending.csv`, `disbursements.csv`, ...) with the bearer
   * header and saves it under the name the API gives; answers that name.
   */
  downloadFile(path: string, params: Record<string, string | number | boolean | undefined>): Promise<string>;
  /** GET /api/auth/totp: the signed-in user's second factor (on, required for the role, recovery codes left). */
  totpStatus(): Promise<{ data: TotpStatus }>;
  /** POST /api/auth/totp/setup: a new pending secret and its QR code (409 when the second factor is on). */
  totpSetup(): Promise<{ data: TotpSetup }>;
  /** POST /api/auth/totp/confirm: turns it on with a code of the app; answers the ten recovery codes, once. */
  totpConfirm(code: string): Promise<{ data: { recoveryCodes: string[] } }>;
  /** POST /api/auth/totp/disable: 400 with `errors.password` / `errors.code` when either is wrong. */
  totpDisable(input: { password: string; code: string }): Promise<{ data: null }>;
  /** POST /api/users/:id/reset-totp (admin): clears the user's second factor and ends their sessions. */
  resetTotp(userId: string): Promise<{ data: User }>;
  /** GET /api/audit-events/verify: the whole hash chain recomputed, optionally against a checkpoint `<events>:<head>`. */
  verifyAuditTrail(checkpoint?: string): Promise<{ data: AuditVerification }>;
  /** GET /api/audit-events/actors: every user by name, for the audit log's user filter. */
  auditActors(): Promise<{ data: AuditActor[] }>;
  /** GET /api/notifications/unread-count: how many of the user's own notifications are unread (the bell). */
  unreadNotificationCount(): Promise<{ data: number }>;
  /** POST /api/notifications/:id/read: the notification with `readAt` set (idempotent). */
  markNotificationRead(id: string): Promise<{ data: Notification }>;
  /** POST /api/notifications/read-all: answers how many were marked. */
  markAllNotificationsRead(): Promise<{ data: { count: number } }>;
  /** GET /api/auth/preferences: the signed-in user's language of e-mail and how e-mail comes. */
  preferences(): Promise<{ data: Preferences }>;
  /** PUT /api/auth/preferences: both fields (400 with `errors` naming a bad one). */
  savePreferences(preferences: Preferences): Promise<{ data: Preferences }>;
  /** POST /api/email-deliveries/:id/retry (admin): a failed e-mail back to `pending` (409 unless it failed). */
  retryEmailDelivery(id: string): Promise<{ data: EmailDelivery }>;
  /** POST /api/cases/:id/withdraw-consent: without parties, from every party (400 `errors`, 409 `code`). */
  withdrawConsent(id: string, body: { parties?: UnitParty[]; reason: string }): Promise<{ data: Case }>;
  /** GET /api/cases/:id/assessment: the unit's admission assessment (narrative; audited). */
  caseAssessment(caseId: string): Promise<{ data: Assessment }>;
  /** PUT /api/cases/:id/assessment: only the fields sent change (400 `errors` naming a bad one). */
  saveCaseAssessment(caseId: string, values: Partial<Assessment>): Promise<{ data: Assessment }>;
  /** POST /api/cases/:id/admit or /refuse { reason }: the updated case (409 with a `code`). */
  caseAdmission(caseId: string, action: 'admit' | 'refuse', body?: object): Promise<{ data: Case }>;
  /** POST /api/admission-reviews/:id/<action>: the updated review (409 with a `code`). */
  admissionReviewAction(id: string, action: AdmissionReviewAction, body?: object): Promise<{ data: AdmissionReview }>;
  /** GET /api/reports/admission-reviews: per year, small counts withheld. */
  admissionStatistics(): Promise<{ data: AdmissionStatistics }>;
}

export const dataProvider: ExitPoolDataProvider = {
  // The API follows the simple REST convention exactly (Content-Range, sort/range/filter).
  ...simpleRestProvider(API, httpClient),

  transferCase: async (caseId, body) => ({
    data: await post<CaseTransfer>(`cases/${encodeURIComponent(caseId)}/transfer`, body),
  }),
  caseTransferAction: async (id, action, body) => ({
    data: await post<CaseTransfer>(`case-transfers/${encodeURIComponent(id)}/${action}`, body),
  }),
  applicationAction: async (id, action, body) => ({
    data: await post<Application>(`applications/${encodeURIComponent(id)}/${action}`, body),
  }),

  withdrawConsent: async (id, body) => ({
    data: await post<Case>(`cases/${encodeURIComponent(id)}/withdraw-consent`, body),
  }),

  adviceAction: async (id, action, body) => ({
    data: await post<AdviceRequest>(`advice-requests/${encodeURIComponent(id)}/${action}`, body),
  }),

  checkApplication: async (id) => ({
    data: (await post<{ findings: Finding[] }>(`applications/${encodeURIComponent(id)}/check`)).findings,
  }),

  guidelineAction: async (id, action) => ({
    data: await post<GuidelineRecord>(`guidelines/${encodeURIComponent(id)}/${action}`),
  }),

  closeBudgetYear: async (id) => ({
    data: await post<BudgetYear>(`budget-years/${encodeURIComponent(id)}/close`),
  }),

  recordDisbursement: async (input, idempotencyKey) => ({
    data: await post<Disbursement>('disbursements', input, { 'Idempotency-Key': idempotencyKey }),
  }),

  uploadAttachment: async ({ applicationId, kind, file }) => {
    const form = new FormData();
    form.append('applicationId', applicationId);
    form.append('kind', kind);
    form.append('file', file, file.name);
    // fetchJson leaves Content-Type to the browser for FormData (multipart boundary).
    const { json } = await httpClient(`${API}/attachments`, { method: 'POST', body: form });
    return { data: json as Attachment };
  },

  downloadAttachment: async ({ id, fileName }) => {
    const { blob } = await fetchFile(`${API}/attachments/${encodeURIComponent(id)}/content`);
    saveBlob(blob, fileName);
  },

  poolReport: async (year) => ({ data: await get<PoolReport>(`reports/pool${queryString({ year })}`) }),

  spendingReport: async (query) => ({
    data: await get<SpendingReport>(`reports/spending${queryString(spendingParams(query))}`),
  }),

  processingReport: async (year) => ({
    data: await get<ProcessingReport>(`reports/processing${queryString({ year })}`),
  }),

  downloadFile: async (path, params) => {
    const { blob, fileName } = await fetchFile(`${API}/${path}${queryString(params)}`);
    // The API always names its files; the path's last segment is only a fallback.
    const name = fileName ?? path.split('/').pop() ?? 'download';
    saveBlob(blob, name);
    return name;
  },

  totpStatus: async () => ({ data: await get<TotpStatus>('auth/totp') }),

  totpSetup: async () => ({ data: await post<TotpSetup>('auth/totp/setup') }),

  totpConfirm: async (code) => ({ data: await post<{ recoveryCodes: string[] }>('auth/totp/confirm', { code }) }),

  totpDisable: async (input) => {
    await post<unknown>('auth/totp/disable', input);
    return { data: null };
  },

  resetTotp: async (userId) => ({ data: await post<User>(`users/${encodeURIComponent(userId)}/reset-totp`) }),

  verifyAuditTrail: async (checkpoint) => ({
    data: await get<AuditVerification>(`audit-events/verify${queryString({ checkpoint })}`),
  }),

  auditActors: async () => ({ data: await get<AuditActor[]>('audit-events/actors') }),

  unreadNotificationCount: async () => ({
    data: (await get<{ count: number }>('notifications/unread-count')).count,
  }),

  markNotificationRead: async (id) => ({
    data: await post<Notification>(`notifications/${encodeURIComponent(id)}/read`),
  }),

  markAllNotificationsRead: async () => ({ data: await post<{ count: number }>('notifications/read-all') }),

  preferences: async () => ({ data: await get<Preferences>('auth/preferences') }),

  savePreferences: async (preferences) => ({ data: await put<Preferences>('auth/preferences', preferences) }),

  retryEmailDelivery: async (id) => ({
    data: await post<EmailDelivery>(`email-deliveries/${encodeURIComponent(id)}/retry`),
  }),

  caseAssessment: async (caseId) => ({ data: await get<Assessment>(`cases/${encodeURIComponent(caseId)}/assessment`) }),

  saveCaseAssessment: async (caseId, values) => ({
    data: await put<Assessment>(`cases/${encodeURIComponent(caseId)}/assessment`, values),
  }),

  caseAdmission: async (caseId, action, body) => ({
    data: await post<Case>(`cases/${encodeURIComponent(caseId)}/${action}`, body),
  }),

  admissionReviewAction: async (id, action, body) => ({
    data: await post<AdmissionReview>(`admission-reviews/${encodeURIComponent(id)}/${action}`, body),
  }),

  admissionStatistics: async () => ({ data: await get<AdmissionStatistics>('reports/admission-reviews') }),
};

export const useExitPoolDataProvider = () => useDataProvider<ExitPoolDataProvider>();
