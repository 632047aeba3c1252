import type { Role } from '@app/contract';
import type { ApplicationAction, ApplicationStatus } from '@app/workflow';
import { type Auth, newApplication, newCase, quoteOverride, seedCatalog, thisYear } from './support/fixtures.js';
import { putInStatus } from './support/money.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'info_requested',
  'awaiting_second_approval',
  'approved',
  'partially_approved',
  'rejected',
  'withdrawn',
  'cancelled',
  'paid',
] as const satisfies readonly ApplicationStatus[];
const ACTIONS = [
  'submit',
  'withdraw',
  'answer',
  'start-review',
  'request-info',
  'approve',
  'reject',
  'cancel',
  'carry-over',
] as const satisfies readonly ApplicationAction[];
type Action = (typeof ACTIONS)[number];

const BODY: Record<Action, (amount: number) => object | undefined> = {
  submit: () => undefined,
  'start-review': () => undefined,
  withdraw: () => ({ reason: 'No longer needed.' }),
  'request-info': () => ({ message: 'Please attach the quote.' }),
  answer: () => ({ message: 'The quote is attached.' }),
  approve: (amount) => ({ amountApproved: amount, reason: 'Within the guideline.', overrides: quoteOverride }),
  reject: () => ({ reason: 'Ordinary funding covers it.' }),
  cancel: () => ({ reason: 'The candidate moved abroad.' }),
  'carry-over': () => ({ reason: 'The treatment runs into next year.' }),
};
const ROLES_UNDER_TEST = ['unit_worker', 'contact_point', 'finance', 'admin'] as const satisfies readonly Role[];

/** A status it leads to (200), or the refusal: 403 not this role's action, 404 a draft is the unit's own, 409 not from this status. */
type Outcome = ApplicationStatus | 403 | 404 | 409;

/**
 * The life of an application from the domain brief (../shared/domain.md) and the contract, written out by hand
 * so that it cannot agree with libs/workflow by construction: the unit submits, answers and withdraws before a
 * decision; the contact point reviews, asks, decides, cancels a grant and carries its unpaid rest over (the
 * status stays); finance and admin take no action on an application; payments (→ paid) are not these routes'.
 */
type Row = readonly [
  status: ApplicationStatus,
  action: Action,
  unitWorker: Outcome,
  contactPoint: Outcome,
  finance: Outcome,
  admin: Outcome,
];

// prettier-ignore
const TABLE: readonly Row[] = [
  // status                    action           unit_worker   contact_point         finance admin
  ['draft',                    'submit',        'submitted',  403,                  403,    403],
  ['draft',                    'withdraw',      'withdrawn',  403,                  403,    403],
  ['draft',                    'answer',        409,          403,                  403,    403],
  ['draft',                    'start-review',  403,          404,                  403,    403],
  ['draft',                    'request-info',  403,          404,                  403,    403],
  ['draft',                    'approve',       403,          404,                  403,    403],
  ['draft',                    'reject',        403,          404,                  403,    403],
  ['draft',                    'cancel',        403,          404,                  403,    403],
  ['draft',                    'carry-over',    403,          404,                  403,    403],
  ['submitted',                'submit',        409,          403,                  403,    403],
  ['submitted',                'withdraw',      'withdrawn',  403,                  403,    403],
  ['submitted',                'answer',        409,          403,                  403,    403],
  ['submitted',                'start-review',  403,          'in_review',          403,    403],
  ['submitted',                'request-info',  403,          'info_requested',     403,    403],
  ['submitted',                'approve',       403,          'approved',           403,    403],
  ['submitted',                'reject',        403,          'rejected',           403,    403],
  ['submitted',                'cancel',        403,          409,                  403,    403],
  ['submitted',                'carry-over',    403,          409,                  403,    403],
  ['in_review',                'submit',        409,          403,                  403,    403],
  ['in_review',                'withdraw',      'withdrawn',  403,                  403,    403],
  ['in_review',                'answer',        409,          403,                  403,    403],
  ['in_review',                'start-review',  403,          409,                  403,    403],
  ['in_review',                'request-info',  403,          'info_requested',     403,    403],
  ['in_review',                'approve',       403,          'approved',           403,    403],
  ['in_review',                'reject',        403,          'rejected',           403,    403],
  ['in_review',                'cancel',        403,          409,                  403,    403],
  ['in_review',                'carry-over',    403,          409,                  403,    403],
  ['info_requested',           'submit',        'submitted',  403,                  403,    403],
  ['info_requested',           'withdraw',      'withdrawn',  403,                  403,    403],
  ['info_requested',           'answer',        'submitted',  403,                  403,    403],
  ['info_requested',           'start-review',  403,          409,                  403,    403],
  ['info_requested',           'request-info',  403,          409,                  403,    403],
  ['info_requested',           'approve',       403,          409,                  403,    403],
  ['info_requested',           'reject',        403,          'rejected',           403,    403],
  ['info_requested',           'cancel',        403,          409,                  403,    403],
  ['info_requested',           'carry-over',    403,          409,                  403,    403],
  ['awaiting_second_approval', 'submit',        409,          403,                  403,    403],
  ['awaiting_second_approval', 'withdraw',      'withdrawn',  403,                  403,    403],
  ['awaiting_second_approval', 'answer',        409,          403,                  403,    403],
  ['awaiting_second_approval', 'start-review',  403,          409,                  403,    403],
  ['awaiting_second_approval', 'request-info',  403,          409,                  403,    403],
  ['awaiting_second_approval', 'approve',       403,          'approved',           403,    403],
  ['awaiting_second_approval', 'reject',        403,          'rejected',           403,    403],
  ['awaiting_second_approval', 'cancel',        403,          409,                  403,    403],
  ['awaiting_second_approval', 'carry-over',    403,          409,                  403,    403],
  ['approved',                 'submit',        409,          403,                  403,    403],
  ['approved',                 'withdraw',      409,          403,                  403,    403],
  ['approved',                 'answer',        409,          403,                  403,    403],
  ['approved',                 'start-review',  403,          409,                  403,    403],
  ['approved',                 'request-info',  403,          409,                  403,    403],
  ['approved',                 'approve',       403,          409,                  403,    403],
  ['approved',                 'reject',        403,          409,                  403,    403],
  ['approved',                 'cancel',        403,          'cancelled',          403,    403],
  ['approved',                 'carry-over',    403,          'approved',           403,    403],
  ['partially_approved',       'submit',        409,          403,                  403,    403],
  ['partially_approved',       'withdraw',      409,          403,                  403,    403],
  ['partially_approved',       'answer',        409,          403,                  403,    403],
  ['partially_approved',       'start-review',  403,          409,                  403,    403],
  ['partially_approved',       'request-info',  403,          409,                  403,    403],
  ['partially_approved',       'approve',       403,          409,                  403,    403],
  ['partially_approved',       'reject',        403,          409,                  403,    403],
  ['partially_approved',       'cancel',        403,          'cancelled',          403,    403],
  ['partially_approved',       'carry-over',    403,          'partially_approved', 403,    403],
  ['rejected',                 'submit',        409,          403,                  403,    403],
  ['rejected',                 'withdraw',      409,          403,                  403,    403],
  ['rejected',                 'answer',        409,          403,                  403,    403],
  ['rejected',                 'start-review',  403,          409,                  403,    403],
  ['rejected',                 'request-info',  403,          409,                  403,    403],
  ['rejected',                 'approve',       403,          409,                  403,    403],
  ['rejected',                 'reject',        403,          409,                  403,    403],
  ['rejected',                 'cancel',        403,          409,                  403,    403],
  ['rejected',                 'carry-over',    403,          409,                  403,    403],
  ['withdrawn',                'submit',        409,          403,                  403,    403],
  ['withdrawn',                'withdraw',      409,          403,                  403,    403],
  ['withdrawn',                'answer',        409,          403,                  403,    403],
  ['withdrawn',                'start-review',  403,          409,                  403,    403],
  ['withdrawn',                'request-info',  403,          409,                  403,    403],
  ['withdrawn',                'approve',       403,          409,                  403,    403],
  ['withdrawn',                'reject',        403,          409,                  403,    403],
  ['withdrawn',                'cancel',        403,          409,                  403,    403],
  ['withdrawn',                'carry-over',    403,          409,                  403,    403],
  ['cancelled',                'submit',        409,          403,                  403,    403],
  ['cancelled',                'withdraw',      409,          403,                  403,    403],
  ['cancelled',                'answer',        409,          403,                  403,    403],
  ['cancelled',                'start-review',  403,          409,                  403,    403],
  ['cancelled',                'request-info',  403,          409,                  403,    403],
  ['cancelled',                'approve',       403,          409,                  403,    403],
  ['cancelled',                'reject',        403,          409,                  403,    403],
  ['cancelled',                'cancel',        403,          409,                  403,    403],
  ['cancelled',                'carry-over',    403,          409,                  403,    403],
  ['paid',                     'submit',        409,          403,                  403,    403],
  ['paid',                     'withdraw',      409,          403,                  403,    403],
  ['paid',                     'answer',        409,          403,                  403,    403],
  ['paid',                     'start-review',  403,          409,                  403,    403],
  ['paid',                     'request-info',  403,          409,                  403,    403],
  ['paid',                     'approve',       403,          409,                  403,    403],
  ['paid',                     'reject',        403,          409,                  403,    403],
  ['paid',                     'cancel',        403,          409,                  403,    403],
  ['paid',                     'carry-over',    403,          409,                  403,    403],
];

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
      await putInStatus(t, created.id, status, { guidelineId, submittedBy: workerId, decidedBy: secondContactPoint });
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
    // a carry-over moves a grant's unpaid rest into next year's pool, which must be open
    const nextYear = await t.http
      .post('/api/budget-years')
      .set(auth.contact_point)
      .send({ year: thisYear() + 1, poolAmount: 100_000_000 });
    if (nextYear.status !== 201) throw new Error(`next year: ${nextYear.status} ${JSON.stringify(nextYear.body)}`);
    for (const status of STATUSES) shared.set(status, await inStatus(status));
  });
  afterAll(() => t.close());

  it('covers every status and every action once', () => {
    expect(TABLE.map(([status, action]) => `${status} ${action}`)).toEqual(
      STATUSES.flatMap((status) => ACTIONS.map((action) => `${status} ${action}`)),
    );
  });

  const cases = TABLE.flatMap(([status, action, ...outcomes]) =>
    ROLES_UNDER_TEST.map((role, i) => [status, action, role, outcomes[i]] as const),
  );

  it.each(cases)('%s × %s by %s → %s', async (status, action, role, outcome) => {
    const allowed = typeof outcome === 'string';
    // a permitted action changes the application, so it gets one of its own
    const target = allowed ? await inStatus(status) : shared.get(status)!;
    const request = t.http.post(`/api/applications/${target.id}/${action}`).set(auth[role]);
    const body = BODY[action](target.amount);
    const res = body ? await request.send(body) : await request;
    const [{ status: after }] = await t.db.query('SELECT status FROM applications WHERE id = $1', [target.id]);
    if (allowed) {
      // the body is in the comparison so that a refusal says why
      expect({ http: res.status, status: res.body.status, body: res.status === 200 ? undefined : res.body }).toEqual({
        http: 200,
        status: outcome,
        body: undefined,
      });
      expect(after).toBe(outcome);
    } else {
      // a 409 is the status refusing, not some other conflict (the pool, the guidelines) standing in for it
      expect({ http: res.status, code: outcome === 409 ? res.body.code : undefined, body: res.body }).toEqual({
        http: outcome,
        code: outcome === 409 ? 'APPLICATION_WRONG_STATUS' : undefined,
        body: expect.anything(),
      });
      expect(after).toBe(status);
    }
  });

  it('hides another unit’s application behind a 404 from a unit worker’s every action', async () => {
    const stranger = await t.signedIn('unit_worker');
    const target = shared.get('info_requested')!;
    const statuses: Record<string, number> = {};
    for (const action of ['submit', 'withdraw', 'answer'] as const) {
      const res = await t.http
        .post(`/api/applications/${target.id}/${action}`)
        .set(stranger.auth)
        .send(BODY[action](target.amount) ?? {});
      statuses[action] = res.status;
    }
    expect(statuses).toEqual({ submit: 404, withdraw: 404, answer: 404 });
  });
});
