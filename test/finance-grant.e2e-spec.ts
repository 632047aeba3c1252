import { type Auth, newApplication, newCase, quoteOverride, seedCatalog } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const INSTRUCTIONS = 'Paid directly to the clinic against invoice.';

/** What finance sees of a grant it is to pay: the lines and how to pay, never the case's narrative. */
describe('Finance paying a grant', () => {
  let t: TestApp;
  let worker: Auth;
  let cp1: Auth;
  let cp2: Auth;
  let finance: { user: { id: string }; auth: Auth };
  let admin: Auth;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedCatalog(t);
    worker = (await t.signedIn('unit_worker')).auth;
    cp1 = (await t.signedIn('contact_point')).auth;
    cp2 = (await t.signedIn('contact_point')).auth;
    finance = await t.signedIn('finance');
    admin = (await t.signedIn('admin')).auth;
    caseId = (await newCase(t, worker)).id;
  });
  afterAll(() => t.close());

  const submitted = async (nights = 5) => {
    const a = await newApplication(t, worker, caseId, {}, nights);
    const res = await t.http.post(`/api/applications/${a.id}/submit`).set(worker);
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    return a;
  };
  const approve = (id: string, auth: Auth, body: Record<string, unknown>) =>
    t.http
      .post(`/api/applications/${id}/approve`)
      .set(auth)
      .send({ reason: 'Secret reasoning.', overrides: quoteOverride, ...body });

  it('shows finance each line’s description and the payment instructions, and no justification, reason, conditions or thread', async () => {
    const a = await submitted();
    await t.http.post(`/api/applications/${a.id}/request-info`).set(cp1).send({ message: 'Secret question?' });
    await t.http.post(`/api/applications/${a.id}/answer`).set(worker).send({ message: 'Secret answer.' });
    const approved = await approve(a.id, cp1, {
      amountApproved: 500_000,
      conditions: 'Secret condition.',
      paymentInstructions: INSTRUCTIONS,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.paymentInstructions).toBe(INSTRUCTIONS);

    const one = await t.http.get(`/api/applications/${a.id}`).set(finance.auth);
    expect(one.status).toBe(200);
    expect(one.body.lines).toEqual([{ description: 'Room, per night', quantity: 5, unitAmount: 100_000 }]);
    expect(one.body.paymentInstructions).toBe(INSTRUCTIONS);
    for (const field of ['justification', 'decisionReason', 'conditions']) expect(one.body).not.toHaveProperty(field);
    expect(one.body.overrides[0]).not.toHaveProperty('justification');
    const text = JSON.stringify(one.body);
    for (const secret of ['A short stay away', 'Secret reasoning', 'Secret condition', 'quote follows', 'Secret'])
      expect(text).not.toContain(secret);
    expect((await t.http.get(`/api/application-messages`).set(finance.auth)).status).toBe(403);
  });

  it('keeps line descriptions and payment instructions out of finance’s list, and from admin altogether', async () => {
    const a = await submitted();
    await approve(a.id, cp1, { amountApproved: 500_000, paymentInstructions: INSTRUCTIONS });
    const list = await t.http.get('/api/applications?range=[0,999]').set(finance.auth);
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain('Room, per night');
    expect(JSON.stringify(list.body)).not.toContain(INSTRUCTIONS);
    const one = await t.http.get(`/api/applications/${a.id}`).set(admin);
    expect(one.body).not.toHaveProperty('paymentInstructions');
    expect(one.body.lines).toEqual([{ quantity: 5, unitAmount: 100_000 }]);
  });

  it('audits finance’s read of a grant', async () => {
    const a = await submitted();
    await t.http.get(`/api/applications/${a.id}`).set(finance.auth);
    const reads = await t.db.query(
      `SELECT actor_id FROM audit_events WHERE action = 'application.read' AND entity_id = $1`,
      [a.id],
    );
    expect(reads.map((r: { actor_id: string }) => r.actor_id)).toEqual([finance.user.id]);
  });

  it('keeps the first approver’s payment instructions unless the second approver writes their own', async () => {
    const kept = await submitted(50);
    await approve(kept.id, cp1, { amountApproved: 5_000_000, paymentInstructions: INSTRUCTIONS });
    const second = await approve(kept.id, cp2, { amountApproved: 5_000_000 });
    expect(second.body).toMatchObject({ status: 'approved', paymentInstructions: INSTRUCTIONS });

    const replaced = await submitted(50);
    await approve(replaced.id, cp1, { amountApproved: 5_000_000, paymentInstructions: INSTRUCTIONS });
    const own = await approve(replaced.id, cp2, {
      amountApproved: 5_000_000,
      paymentInstructions: 'Paid to the landlord, half on moving in.',
    });
    expect(own.body.paymentInstructions).toBe('Paid to the landlord, half on moving in.');
  });

  it.each([
    ['an identity number', 'Pay to the account of 010203-1234', 'paymentInstructions looks like it holds a national'],
    ['an empty text', '   ', 'paymentInstructions must not be empty'],
    ['more than 500 characters', 'x'.repeat(501), 'paymentInstructions must be at most 500 characters'],
  ])('refuses payment instructions with %s, naming the field', async (_, paymentInstructions, message) => {
    const a = await submitted();
    const res = await approve(a.id, cp1, { amountApproved: 500_000, paymentInstructions });
    expect(res.status).toBe(400);
    expect(res.body.errors.paymentInstructions).toContain(message);
    const [row] = await t.db.query(`SELECT status, payment_instructions FROM applications WHERE id = $1`, [a.id]);
    expect(row).toEqual({ status: 'submitted', payment_instructions: null });
  });

  it('stores the payment instructions encrypted', async () => {
    const a = await submitted();
    await approve(a.id, cp1, { amountApproved: 500_000, paymentInstructions: INSTRUCTIONS });
    const [row] = await t.db.query(`SELECT payment_instructions FROM applications WHERE id = $1`, [a.id]);
    expect(row.payment_instructions).not.toContain('clinic');
    expect(row.payment_instructions.length).toBeGreaterThan(INSTRUCTIONS.length);
  });
});
