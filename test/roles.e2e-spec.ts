import type { ApplicationAction } from '@app/workflow';
import pg from 'pg';
import { type Auth, newApplication, newCase, quoteOverride, seedCatalog } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// Each action with a role that may not take it (the domain brief's table) and a valid body:
// the refusal must come from the route, not after the service has waited for the row.
const WRONG_ROLE: Record<ApplicationAction, { role: 'unit_worker' | 'contact_point'; body?: object }> = {
  submit: { role: 'contact_point' },
  answer: { role: 'contact_point', body: { message: 'The quote is attached.' } },
  withdraw: { role: 'contact_point', body: { reason: 'No longer needed.' } },
  'start-review': { role: 'unit_worker' },
  'request-info': { role: 'unit_worker', body: { message: 'Please attach the quote.' } },
  approve: { role: 'unit_worker', body: { amountApproved: 500_000, reason: 'Fine.', overrides: quoteOverride } },
  reject: { role: 'unit_worker', body: { reason: 'Ordinary funding covers it.' } },
  cancel: { role: 'unit_worker', body: { reason: 'The candidate moved abroad.' } },
  'carry-over': { role: 'unit_worker', body: { reason: 'Paid next year.' } },
};

const NOT_YOUR_ROLE = { statusCode: 403, error: 'Forbidden', code: 'APPLICATION_NOT_YOUR_ROLE' };

describe('A wrong role on a workflow action', () => {
  let t: TestApp;
  const auth = {} as Record<'unit_worker' | 'contact_point', Auth>;
  let applicationId: string;
  let holder: pg.Client;

  /** Sessions of this database waiting for a lock another transaction holds. */
  const waiting = async (): Promise<number> => {
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    return n as number;
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedCatalog(t);
    const worker = await t.signedIn('unit_worker');
    auth.unit_worker = worker.auth;
    auth.contact_point = (await t.signedIn('contact_point')).auth;
    const { id: caseId } = await newCase(t, auth.unit_worker);
    applicationId = (await newApplication(t, auth.unit_worker, caseId)).id;
    expect((await t.http.post(`/api/applications/${applicationId}/submit`).set(auth.unit_worker)).status).toBe(200);
    holder = new pg.Client({ connectionString: t.databaseUrl });
    await holder.connect();
  });

  afterAll(async () => {
    await holder.end();
    await t.close();
  });

  it('answers 403 at once while another transaction holds the application row, and the right role waits', async () => {
    await holder.query('BEGIN');
    await holder.query('SELECT id FROM applications WHERE id = $1 FOR UPDATE', [applicationId]);
    try {
      for (const [action, { role, body }] of Object.entries(WRONG_ROLE)) {
        const res = await t.http
          .post(`/api/applications/${applicationId}/${action}`)
          .set(auth[role])
          .send(body)
          .timeout({ response: 3_000 });
        expect({ action, status: res.status, body: res.body }).toEqual({
          action,
          status: 403,
          body: { ...NOT_YOUR_ROLE, message: `Your role may not ${action} an application` },
        });
      }
      expect(await waiting()).toBe(0);

      // the same row, the right role: its approval queues behind the lock (so the 403s above did not)
      let answered = false;
      const approval = t.http
        .post(`/api/applications/${applicationId}/approve`)
        .set(auth.contact_point)
        .send(WRONG_ROLE.approve.body)
        .then((res) => ((answered = true), res));
      let queued = false;
      while (!queued && !answered) queued = (await waiting()) > 0;
      await holder.query('ROLLBACK');
      const approved = await approval;
      expect({ queued, status: approved.status, to: approved.body.status }).toEqual({
        queued: true,
        status: 200,
        to: 'approved',
      });
    } finally {
      await holder.query('ROLLBACK');
    }
  });
});
