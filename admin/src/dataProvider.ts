import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import { useDataProvider } from 'react-admin';
import { httpClient } from './httpClient';
import { session } from './session';
import type {
  Application,
  ApplicationAction,
  Attachment,
  AttachmentKind,
  BudgetYear,
  Disbursement,
  DisbursementInput,
  Finding,
  GuidelineRecord,
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

/** The stock simple REST provider plus the API's actions, which are not CRUD. */
export interface ExitPoolDataProvider extends DataProvider {
  /** POST /api/applications/:id/<action>; answers the updated application (409 with `findings` when refused). */
  applicationAction(id: string, action: ApplicationAction, body?: object): Promise<{ data: Application }>;
  /** POST /api/applications/:id/check: the guideline findings now, changing nothing. */
  checkApplication(id: string): Promise<{ data: Finding[] }>;
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
}

export const dataProvider: ExitPoolDataProvider = {
  // The API follows the simple REST convention exactly (Content-Range, sort/range/filter).
  ...simpleRestProvider(API, httpClient),

  applicationAction: async (id, action, body) => ({
    data: await post<Application>(`applications/${encodeURIComponent(id)}/${action}`, body),
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
    // The token goes in a header, never in a URL (URLs end up in logs and history).
    const response = await fetch(`${API}/attachments/${encodeURIComponent(id)}/content`, {
      headers: { Authorization: `Bearer ${session.getToken() ?? ''}` },
    });
    if (!response.ok) {
      const body: unknown = await response.json().catch(() => null);
      throw Object.assign(
        new Error(response.status === 403 ? 'ra.notification.not_authorized' : 'ra.notification.http_error'),
        {
          status: response.status,
          body,
        },
      );
    }
    const url = URL.createObjectURL(await response.blob());
    try {
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
    } finally {
      // Give the browser a moment to start the download before the blob goes.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }
  },
};

export const useExitPoolDataProvider = () => useDataProvider<ExitPoolDataProvider>();
