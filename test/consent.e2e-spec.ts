import { type Auth, attachInvoice, daysAgo, newCase, quoteOverride, seedCatalog } from './support/fixtures.js';
import { pay, setPool } from './support/money.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// Issue 15: within its unit, a case and everything under it is 404 to a worker of a party the
// candidate's consent does not cover, exactly like another unit's case; withdrawing consent ends
// a party's access at once and keeps the books.
describe('Consent per party', () => {
  let t: TestApp;
  let police: Auth;
  let municipality: Auth;
  let prison: Auth;
  let cp: Auth;
  let finance: Auth;
  let prisonUserId: string;
  const ids = { case: '', application: '', attachment: '', payment: '', advice: '' };
  let reference = '';

  const filter = (f: object) => `filter=${encodeURIComponent(JSON.stringify(f))}`;

  beforeAll(async () => {
    t = await createTestApp();
    await seedCatalog(t);
    await setPool(t, 100_000_000);
    const unit = await t.newUnit({ code: 'SAMT', parties: ['police', 'municipality', 'prison_probation'] });
    police = (await t.signedIn('unit_worker', { unitId: unit.id, party: 'police' })).auth;
    municipality = (await t.signedIn('unit_worker', { unitId: unit.id, party: 'municipality' })).auth;
    const k = await t.signedIn('unit_worker', { unitId: unit.id, party: 'prison_probation' });
    prison = k.auth;
    prisonUserId = k.user.id;
    cp = (await t.signedIn('contact_point')).auth;
    finance = (await t.signedIn('finance')).auth;

    // a case whose candidate consents to the police and the municipality only, with a grant, its
    // thread, a document and a payment under it
    const c = await newCase(t, police, { consent: { parties: ['police', 'municipality'], givenOn: daysAgo(40) } });
    ids.case = c.id;
    const a = await t.http
      .post('/api/applications')
      .set(police)
      .send({
        caseId: c.id,
        categoryCode: 'relocation',
        amountRequested: 500_000,
        justification: 'A short stay away from the old milieu.',
        ordinaryFundingConsidered: true,
        lines: [{ description: 'Room, per night', quantity: 5, unitAmount: 100_000 }],
      });
    expect(a.status).toBe(201);
    ids.application = a.body.id;
    reference = a.body.reference;
    expect((await attachInvoice(t, police, ids.application)).status).toBe(201);
    ids.attachment = (
      await t.http.get(`/api/attachments?${filter({ applicationId: ids.application })}`).set(police)
    ).body[0].id;
    expect((await t.http.post(`/api/applications/${ids.application}/submit`).set(police)).status).toBe(200);
    const asked = await t.http
      .post(`/api/applications/${ids.application}/request-info`)
      .set(cp)
      .send({ message: 'Please say where the candidate stays.' });
    expect(asked.status).toBe(200);
    const answered = await t.http
      .post(`/api/applications/${ids.application}/answer`)
      .set(municipality)
      .send({ message: 'With the municipality’s help.' });
    expect(answered.status).toBe(200);
    const approved = await t.http
      .post(`/api/applications/${ids.application}/approve`)
      .set(cp)
      .send({ amountApproved: 500_000, reason: 'Within the guideline.', overrides: quoteOverride });
    expect(approved.status).toBe(200);
    const paid = await pay(t, finance, ids.application, 200_000);
    expect(paid.status).toBe(201);
    ids.payment = paid.body.id;
    const advice = await t.http
      .post('/api/advice-requests')
      .set(police)
      .send({ caseId: c.id, topic: 'safety', question: 'How soon should the candidate move?' });
    expect(advice.status).toBe(201);
    ids.advice = advice.body.id;
  });
  afterAll(() => t.close());

  // every way to the case and what is under it: [what, request, how a covered worker finds it]
  const reads: [string, () => string, (body: unknown) => boolean][] = [
    ['the case', () => `/api/cases/${ids.case}`, () => true],
    ['the case list', () => `/api/cases`, (b) => (b as { id: string }[]).some((c) => c.id === ids.case)],
    ['the application', () => `/api/applications/${ids.application}`, () => true],
    [
      'the application list',
      () => `/api/applications?${filter({ caseId: ids.case })}`,
      (b) => (b as { id: string }[]).some((a) => a.id === ids.application),
    ],
    [
      'the thread',
      () => `/api/application-messages?${filter({ applicationId: ids.application })}`,
      (b) => (b as unknown[]).length > 0,
    ],
    ['the documents', () => `/api/attachments?${filter({ applicationId: ids.application })}`, () => true],
    ['a document', () => `/api/attachments/${ids.attachment}`, () => true],
    ['a document’s file', () => `/api/attachments/${ids.attachment}/content`, () => true],
    ['a payment', () => `/api/disbursements/${ids.payment}`, () => true],
    ['the payment list', () => `/api/disbursements`, (b) => (b as { id: string }[]).some((d) => d.id === ids.payment)],
    ['an advice request', () => `/api/advice-requests/${ids.advice}`, () => true],
    [
      'the advice requests',
      () => `/api/advice-requests`,
      (b) => (b as { id: string }[]).some((r) => r.id === ids.advice),
    ],
    ['the case’s units', () => `/api/case-units?${filter({ caseId: ids.case })}`, (b) => (b as unknown[]).length > 0],
    [
      'the payments file',
      () => `/api/disbursements.csv?lang=en`,
      (b) => typeof b === 'string' && b.includes(reference),
    ],
  ];

  /** Whether the worker reaches the record: 200 and it is there; 404 (or absent from a list or file): not. */
  async function reaches(auth: Auth, url: string, found: (body: unknown) => boolean): Promise<boolean> {
    const res = await t.http.get(url).set(auth).buffer(true);
    if (res.status === 404) return false;
    expect(res.status).toBe(200);
    const body = res.type === 'text/csv' ? res.text : res.body;
    return found(body);
  }

  it.each(reads)(
    'lets the covered parties reach %s, and is 404 (or silent) to the party not covered',
    async (_what, url, found) => {
      expect(await reaches(police, url(), found)).toBe(true);
      expect(await reaches(municipality, url(), found)).toBe(true);
      expect(await reaches(prison, url(), found)).toBe(false);
      expect(await reaches(cp, url(), found)).toBe(true);
    },
  );

  it('refuses the party not covered every change on the case, as for another unit’s case', async () => {
    expect((await t.http.put(`/api/cases/${ids.case}`).set(prison).send({ status: 'active' })).status).toBe(404);
    const withdraw = await t.http.post(`/api/cases/${ids.case}/withdraw-consent`).set(prison).send({ reason: 'x' });
    expect(withdraw.status).toBe(404);
    const apply = await t.http
      .post('/api/applications')
      .set(prison)
      .send({
        caseId: ids.case,
        categoryCode: 'relocation',
        amountRequested: 100_000,
        justification: 'x',
        ordinaryFundingConsidered: true,
        lines: [{ description: 'Room', quantity: 1, unitAmount: 100_000 }],
      });
    expect(apply.status).toBe(400);
    expect(apply.body.errors).toEqual({ caseId: 'no case of your unit has this id' });
    const withdrawGrant = await t.http
      .post(`/api/applications/${ids.application}/withdraw`)
      .set(prison)
      .send({ reason: 'x' });
    expect(withdrawGrant.status).toBe(404);
    expect((await attachInvoice(t, prison, ids.application)).status).toBe(404);
  });

  it('tells only the covered parties of what happens on the case', async () => {
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND record_id = $2`,
      [prisonUserId, ids.application],
    );
    expect(n).toBe(0);
    const heard = await t.http.get('/api/notifications').set(municipality);
    expect(heard.body.map((x: { reference: string }) => x.reference)).toContain(reference);
  });

  it('tells only the covered parties of the other duties on the case too (an advice request answered)', async () => {
    const answered = await t.http
      .post(`/api/advice-requests/${ids.advice}/answer`)
      .set(cp)
      .send({ message: 'Within the week, with the municipality.' });
    expect(answered.status).toBe(200);
    const told = async (userOf: Auth) =>
      (await t.http.get('/api/notifications').set(userOf)).body.filter(
        (x: { recordId: string }) => x.recordId === ids.advice,
      ).length;
    expect(await told(municipality)).toBe(1);
    expect(await told(prison)).toBe(0);
  });

  it('shows who may see the case, and the consent as recorded', async () => {
    const res = await t.http.get(`/api/cases/${ids.case}`).set(police);
    expect(res.body).toMatchObject({
      openedParty: 'police',
      accessParties: ['police', 'municipality'],
      consentRecordedOn: daysAgo(40),
      consent: { parties: ['police', 'municipality'], givenOn: daysAgo(40), withdrawnOn: null },
    });
  });

  it('ends the access of a party withdrawn from at once, audits it, and keeps the books', async () => {
    const before = await t.http.get(`/api/disbursements/${ids.payment}`).set(finance);
    const withdrawn = await t.http
      .post(`/api/cases/${ids.case}/withdraw-consent`)
      .set(police)
      .send({ parties: ['municipality'], reason: 'The candidate no longer wants the municipality involved.' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.consent).toMatchObject({ parties: ['police'], withdrawnOn: expect.any(String) });
    for (const [, url, found] of reads) expect(await reaches(municipality, url(), found)).toBe(false);
    expect(await reaches(police, `/api/applications/${ids.application}`, () => true)).toBe(true);
    // the books: the grant and its payment stand as they were
    expect((await t.http.get(`/api/disbursements/${ids.payment}`).set(finance)).body).toEqual(before.body);
    const grant = await t.http.get(`/api/applications/${ids.application}`).set(cp);
    expect(grant.body).toMatchObject({ status: 'approved', amountApproved: 500_000, paidAmount: 200_000 });
    // audited, without the reason, which is narrative
    const [event] = await t.db.query(
      `SELECT details FROM audit_events WHERE entity_id = $1 AND action = 'case.withdraw_consent'`,
      [ids.case],
    );
    expect(event.details).toEqual({ withdrawn: ['municipality'], remaining: ['police'] });
  });

  it('answers 400 naming what is wrong with a withdrawal, and 409 when nothing is left to withdraw', async () => {
    const c = await newCase(t, police, { consent: { parties: ['police', 'prison_probation'], givenOn: daysAgo(10) } });
    const url = `/api/cases/${c.id}/withdraw-consent`;
    const noReason = await t.http.post(url).set(police).send({});
    expect(noReason.status).toBe(400);
    expect(Object.keys(noReason.body.errors)).toEqual(['reason']);
    const foreign = await t.http
      .post(url)
      .set(police)
      .send({ parties: ['municipality'], reason: 'x' });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual({ parties: 'the consent does not cover municipality' });
    const unknown = await t.http
      .post(url)
      .set(police)
      .send({ parties: ['army'], reason: 'x' });
    expect(unknown.status).toBe(400);
    expect(Object.keys(unknown.body.errors)).toEqual(['parties']);
    // without parties: from all of them; the unit then reaches the case no longer, the contact point does
    const all = await t.http.post(url).set(police).send({ reason: 'The candidate left the programme.' });
    expect(all.status).toBe(200);
    expect((await t.http.get(`/api/cases/${c.id}`).set(police)).status).toBe(404);
    expect((await t.http.get(`/api/cases/${c.id}`).set(prison)).status).toBe(404);
    const again = await t.http.post(url).set(cp).send({ reason: 'again' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CASE_CONSENT_NOT_RECORDED');
  });

  it('keeps the reason of a withdrawal from finance and admin: they cannot withdraw, nor read it', async () => {
    expect(
      (await t.http.post(`/api/cases/${ids.case}/withdraw-consent`).set(finance).send({ reason: 'x' })).status,
    ).toBe(403);
    const [row] = await t.db.query(`SELECT reason FROM case_consent_withdrawals WHERE case_id = $1`, [ids.case]);
    expect(row.reason).not.toContain('municipality');
  });
});
