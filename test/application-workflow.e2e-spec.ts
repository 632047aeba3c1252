import type { Role } from '@app/contract';
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  type ApplicationAction,
  type ApplicationStatus,
  canTransition,
  mayAct,
} from '@app/workflow';
import { type Auth, newApplication, newCase, quoteOverride, seedCatalog } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const BODY: Record<ApplicationAction, (amount: number) => object | undefined> = {
  submit: () => undefined,
  'start-review': () => undefined,
  withdraw: () => ({ reason: 'No longer needed.' }),
  'request-info': () => ({ message: 'Please attach the quote.' }),
  answer: () => ({ message: 'The quote is attached.' }),
  approve: (amount) => ({ amountApproved: amount, reason: 'Within the guideline.', overrides: quoteOverride }),
  reject: () => ({ reason: 'Ordinary funding covers it.' }),
  cancel: () => ({ reason: 'The candidate moved abroad.' }),
};
const ROLES_UNDER_TEST: Role[] = ['unit_worker', 'contact_point', 'finance', 'admin'];

/** What the contract and the domain brief say must happen, for every (status, action, role). */
function expected(status: ApplicationStatus, action: ApplicationAction, role: Role): number {
  if (status === 'draft' && role !== 'unit_worker') return 404; // a draft is the unit's own
  if (!mayAct(action, role)) return 403;
  if (!canTransition(action, status)) return 409;
  return 200;
}

describe('The application state machine, for every status, action and role', () => {
  let t: TestApp;
  let caseId: string;
  let guidelineId: string;
  const auth = {} as Record<Role, Auth>;
  let workerId: string;
  let secondContactPoint: string;
  const shared = new Map<ApplicationStatus, { id: string; amount: number }>();

  /** A fresh application of the worker's unit put straight into a status (the constraints still hold). */
  async function inStatus(status: ApplicationStatus): Promise<{ id: string; amount: number }> {
    const created = await newApplication(t, auth.unit_worker, caseId);
    if (status !== 'draft') {
      await t.db.query(
        `UPDATE applications SET
           status = $2::varchar, guideline_id = $3, submitted_at = now(), submitted_by = $4,
           amount_approved = CASE WHEN $2 IN ('approved', 'partially_approved', 'paid', 'cancelled') THEN amount_requested END,
           first_approved_by = CASE WHEN $2 = 'awaiting_second_approval' THEN $5::uuid END,
           first_approved_at = CASE WHEN $2 = 'awaiting_second_approval' THEN now() END,
           first_approved_amount = CASE WHEN $2 = 'awaiting_second_approval' THEN amount_requested END,
           decided_by = CASE WHEN $2 IN ('approved', 'partially_approved', 'paid', 'cancelled', 'rejected') THEN $5::uuid END,
           decided_at = CASE WHEN $2 IN ('approved', 'partially_approved', 'paid', 'cancelled', 'rejected') THEN now() END,
           paid_amount = CASE WHEN $2 = 'paid' THEN amount_requested ELSE 0 END
         WHERE id = $1`,
        [created.id, status, guidelineId, workerId, secondContactPoint],
      );
      if (['awaiting_second_approval', 'approved', 'partially_approved'].includes(status)) {
        // what the approval would have committed from this year's pool
        await t.db.query(
          `WITH y AS (SELECT id FROM budget_years WHERE year = extract(year FROM now())::int),
                a AS (UPDATE applications SET budget_year_id = (SELECT id FROM y) WHERE id = $1 RETURNING *)
           INSERT INTO ledger_postings (budget_year_id, application_id, unit_id, category_code, kind, amount, posted_on)
           SELECT budget_year_id, id, unit_id, category_code, 'commit', amount_requested, current_date FROM a`,
          [created.id],
        );
      }
    }
    return { id: created.id, amount: created.amountRequested };
  }

  beforeAll(async () => {
    t = await createTestApp();
    ({ guidelineId } = await seedCatalog(t));
    const worker = await t.signedIn('unit_worker');
    workerId = worker.user.id;
    auth.unit_worker = worker.auth;
    auth.contact_point = (await t.signedIn('contact_point')).auth;
    auth.finance = (await t.signedIn('finance')).auth;
    auth.admin = (await t.signedIn('admin')).auth;
    secondContactPoint = (await t.newUser('contact_point')).id;
    caseId = (await newCase(t, worker.auth)).id;
    for (const status of APPLICATION_STATUSES) shared.set(status, await inStatus(status));
  });
  afterAll(() => t.close());

  const triples = APPLICATION_STATUSES.flatMap((status) =>
    APPLICATION_ACTIONS.flatMap((action) =>
      ROLES_UNDER_TEST.map((role) => [status, action, role, expected(status, action, role)] as const),
    ),
  );

  it.each(triples)('%s × %s by %s → %i', async (status, action, role, code) => {
    // a permitted action changes the application, so it gets one of its own
    const target = code === 200 ? await inStatus(status) : shared.get(status)!;
    const request = t.http.post(`/api/applications/${target.id}/${action}`).set(auth[role]);
    const body = BODY[action](target.amount);
    const res = body ? await request.send(body) : await request;
    expect({ status: res.status, body: res.status === code ? undefined : res.body }).toEqual({
      status: code,
      body: undefined,
    });
    const [{ status: after }] = await t.db.query('SELECT status FROM applications WHERE id = $1', [target.id]);
    if (code !== 200) expect(after).toBe(status);
    else expect(res.body.status).toBe(after);
  });

  it('hides every action on another unit’s application behind a 404', async () => {
    const stranger = await t.signedIn('unit_worker');
    const target = shared.get('info_requested')!;
    for (const action of APPLICATION_ACTIONS) {
      const res = await t.http
        .post(`/api/applications/${target.id}/${action}`)
        .set(stranger.auth)
        .send(BODY[action](target.amount) ?? {});
      expect(res.status).toBe(404);
    }
  });
});
