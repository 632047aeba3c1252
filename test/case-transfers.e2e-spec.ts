import {
  type Auth,
  newApplication,
  newCase,
  postApplication,
  quoteOverride,
  seedCatalog,
  thisYear,
  todayIso,
} from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const REASON = 'Released from custody; the agreement continues in the home district.';

/** Issue 14, cases that move: the receiving unit takes the case and its open applications; the money stays where it was spent. */
describe('Case transfers', () => {
  let t: TestApp;
  let krf: { user: { id: string; unitId: string | null }; auth: Auth };
  let kbh: { user: { id: string; unitId: string | null }; auth: Auth };
  let fyn: { user: { id: string; unitId: string | null }; auth: Auth };
  let cp1: Auth;
  let cp2: Auth;
  let finance: Auth;
  let admin: Auth;
  let krfUnit: string;
  let kbhUnit: string;
  let fynUnit: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedCatalog(t);
    krfUnit = (await t.newUnit()).id;
    kbhUnit = (await t.newUnit()).id;
    fynUnit = (await t.newUnit()).id;
    krf = await t.signedIn('unit_worker', { unitId: krfUnit });
    kbh = await t.signedIn('unit_worker', { unitId: kbhUnit });
    fyn = await t.signedIn('unit_worker', { unitId: fynUnit });
    cp1 = (await t.signedIn('contact_point')).auth;
    cp2 = (await t.signedIn('contact_point')).auth;
    finance = (await t.signedIn('finance')).auth;
    admin = (await t.signedIn('admin')).auth;
  });
  afterAll(() => t.close());

  const propose = (auth: Auth, caseId: string, toUnitId: string, reason = REASON) =>
    t.http.post(`/api/cases/${caseId}/transfer`).set(auth).send({ toUnitId, reason });
  const ok = <R extends { status: number; body: unknown }>(res: R, status = 200): R => {
    if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const submitted = async (auth: Auth, caseId: string, nights = 5) => {
    const a = await newApplication(t, auth, caseId, {}, nights);
    ok(await t.http.post(`/api/applications/${a.id}/submit`).set(auth));
    return a;
  };
  const approve = (id: string, auth: Auth, amountApproved: number) =>
    t.http
      .post(`/api/applications/${id}/approve`)
      .set(auth)
      .send({ amountApproved, reason: 'Granted.', overrides: quoteOverride });
  const unitFigures = async (unitId: string) => {
    const pool = ok(await t.http.get(`/api/reports/pool?year=${thisYear()}`).set(finance)).body;
    const row = pool.byUnit.find((u: { unitId: string }) => u.unitId === unitId);
    return { committed: Number(row.committed), disbursed: Number(row.disbursed) };
  };

  it('moves the case and its undecided applications when the receiving unit accepts; past grants and payments stay with the sender', async () => {
    const c = await newCase(t, krf.auth);
    // a grant paid in part, decided before the move
    const paid = await submitted(krf.auth, c.id, 10);
    ok(await approve(paid.id, cp1, 1_000_000));
    ok(
      await t.http
        .post('/api/disbursements')
        .set(finance)
        .send({ applicationId: paid.id, amount: 400_000, paidOn: todayIso() }),
      201,
    );
    const draft = await newApplication(t, krf.auth, c.id);
    const open = await submitted(krf.auth, c.id);
    const before = { krf: await unitFigures(krfUnit), kbh: await unitFigures(kbhUnit) };

    const proposed = ok(await propose(krf.auth, c.id, kbhUnit), 201).body;
    expect(proposed).toMatchObject({
      caseId: c.id,
      caseReference: c.reference,
      fromUnitId: krfUnit,
      toUnitId: kbhUnit,
      status: 'proposed',
      direct: false,
      reason: REASON,
      decidedAt: null,
    });
    // still the sender's until accepted
    expect((await t.http.get(`/api/cases/${c.id}`).set(krf.auth)).status).toBe(200);
    expect((await t.http.get(`/api/cases/${c.id}`).set(kbh.auth)).status).toBe(404);
    const incoming = ok(
      await t.http
        .get('/api/case-transfers')
        .query({ filter: JSON.stringify({ status: 'proposed' }) })
        .set(kbh.auth),
    ).body;
    expect(incoming.map((r: { id: string }) => r.id)).toEqual([proposed.id]);

    const accepted = ok(await t.http.post(`/api/case-transfers/${proposed.id}/accept`).set(kbh.auth)).body;
    expect(accepted).toMatchObject({ status: 'accepted', decidedBy: kbh.user.id });
    expect(accepted.decidedAt).not.toBeNull();

    // the case keeps its reference and is the receiver's now
    const moved = ok(await t.http.get(`/api/cases/${c.id}`).set(kbh.auth)).body;
    expect(moved).toMatchObject({ reference: c.reference, unitId: kbhUnit });
    expect((await t.http.get(`/api/cases/${c.id}`).set(krf.auth)).status).toBe(404);
    for (const a of [draft, open]) {
      expect(ok(await t.http.get(`/api/applications/${a.id}`).set(kbh.auth)).body.unitId).toBe(kbhUnit);
      expect((await t.http.get(`/api/applications/${a.id}`).set(krf.auth)).status).toBe(404);
    }
    // the decided grant stays the sender's: its figures, its payments, its record
    expect(ok(await t.http.get(`/api/applications/${paid.id}`).set(krf.auth)).body.unitId).toBe(krfUnit);
    expect((await t.http.get(`/api/applications/${paid.id}`).set(kbh.auth)).status).toBe(404);
    expect({ krf: await unitFigures(krfUnit), kbh: await unitFigures(kbhUnit) }).toEqual(before);
    const own = ok(
      await t.http
        .get('/api/disbursements')
        .query({ filter: JSON.stringify({ applicationId: paid.id }) })
        .set(krf.auth),
    ).body;
    expect(own.map((d: { unitId: string }) => d.unitId)).toEqual([krfUnit]);

    // a new application of the case is the receiver's, and the sender never sees it
    const later = await newApplication(t, kbh.auth, c.id);
    expect((await t.http.get(`/api/applications/${later.id}`).set(krf.auth)).status).toBe(404);
    const refused = await postApplication(t, krf.auth, c.id);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual({ caseId: 'no case of your unit has this id' });

    // the open application is approved and paid on the receiver's figures
    ok(await approve(open.id, cp1, 500_000));
    expect((await unitFigures(kbhUnit)).committed).toBe(before.kbh.committed + 500_000);
    expect(await unitFigures(krfUnit)).toEqual(before.krf);

    // the history of units, with dates
    const history = ok(
      await t.http
        .get('/api/case-units')
        .query({ filter: JSON.stringify({ caseId: c.id }) })
        .set(kbh.auth),
    ).body;
    expect(history).toMatchObject([
      { unitId: krfUnit, transferId: null },
      { unitId: kbhUnit, transferId: proposed.id, until: null },
    ]);
    expect(history[0].until).toBe(history[1].since);
    expect(
      ok(
        await t.http
          .get('/api/case-units')
          .query({ filter: JSON.stringify({ caseId: c.id }) })
          .set(krf.auth),
      ).body,
    ).toEqual([]);
  });

  it('moves a first approval’s held money to the receiving unit with its application', async () => {
    const c = await newCase(t, krf.auth);
    // 30 nights at DKK 1,000: above the second-approval threshold of DKK 25,000
    const a = await submitted(krf.auth, c.id, 30);
    expect(ok(await approve(a.id, cp1, 3_000_000)).body.status).toBe('awaiting_second_approval');
    const before = { krf: await unitFigures(krfUnit), kbh: await unitFigures(kbhUnit) };
    const proposal = ok(await propose(krf.auth, c.id, kbhUnit), 201).body;
    ok(await t.http.post(`/api/case-transfers/${proposal.id}/accept`).set(kbh.auth));
    expect(await unitFigures(krfUnit)).toEqual({ ...before.krf, committed: before.krf.committed - 3_000_000 });
    expect(await unitFigures(kbhUnit)).toEqual({ ...before.kbh, committed: before.kbh.committed + 3_000_000 });
    expect(ok(await approve(a.id, cp2, 3_000_000)).body).toMatchObject({ status: 'approved', unitId: kbhUnit });
    expect((await unitFigures(kbhUnit)).committed).toBe(before.kbh.committed + 3_000_000);
  });

  it('moves a case into a unit that has a case of the same number, keeping both references', async () => {
    const from = await t.signedIn('unit_worker', { unitId: (await t.newUnit()).id });
    const to = await t.signedIn('unit_worker', { unitId: (await t.newUnit()).id });
    const theirs = await newCase(t, to.auth);
    const moving = await newCase(t, from.auth);
    expect(theirs.reference.slice(-3)).toBe(moving.reference.slice(-3));
    const proposal = ok(await propose(from.auth, moving.id, to.user.unitId!), 201).body;
    ok(await t.http.post(`/api/case-transfers/${proposal.id}/accept`).set(to.auth));
    const listed = ok(await t.http.get('/api/cases').set(to.auth)).body.map((c: { reference: string }) => c.reference);
    expect(listed.sort()).toEqual([theirs.reference, moving.reference].sort());
    // the receiver's next case takes its own next number
    expect((await newCase(t, to.auth)).reference.slice(-3)).toBe('002');
  });

  it('keeps the case where it is when the receiving unit declines', async () => {
    const c = await newCase(t, krf.auth);
    const proposal = ok(await propose(krf.auth, c.id, fynUnit), 201).body;
    const declined = ok(
      await t.http.post(`/api/case-transfers/${proposal.id}/decline`).set(fyn.auth).send({ reason: 'No capacity.' }),
    ).body;
    expect(declined).toMatchObject({ status: 'declined', decisionReason: 'No capacity.', decidedBy: fyn.user.id });
    expect(ok(await t.http.get(`/api/cases/${c.id}`).set(krf.auth)).body.unitId).toBe(krfUnit);
    expect((await t.http.get(`/api/cases/${c.id}`).set(fyn.auth)).status).toBe(404);
    // a declined proposal is no longer open: another may follow
    ok(await propose(krf.auth, c.id, kbhUnit), 201);
  });

  it('answers a step that the status no longer allows with 409 and a code', async () => {
    const c = await newCase(t, krf.auth);
    const proposal = ok(await propose(krf.auth, c.id, kbhUnit), 201).body;
    const twice = await propose(krf.auth, c.id, fynUnit);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('CASE_TRANSFER_ALREADY_PROPOSED');
    ok(await t.http.post(`/api/case-transfers/${proposal.id}/decline`).set(kbh.auth).send({}));
    for (const action of ['accept', 'decline']) {
      const res = await t.http.post(`/api/case-transfers/${proposal.id}/${action}`).set(kbh.auth).send({});
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('CASE_TRANSFER_WRONG_STATUS');
    }
    const ended = await newCase(t, krf.auth, { status: 'completed' });
    const closed = await propose(krf.auth, ended.id, kbhUnit);
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('CASE_TRANSFER_CASE_CLOSED');
  });

  it('lets only the receiving unit accept or decline, and hides a proposal from every other unit', async () => {
    const c = await newCase(t, krf.auth);
    const proposal = ok(await propose(krf.auth, c.id, kbhUnit), 201).body;
    const own = await t.http.post(`/api/case-transfers/${proposal.id}/accept`).set(krf.auth);
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('CASE_TRANSFER_NOT_RECEIVING');
    expect((await t.http.post(`/api/case-transfers/${proposal.id}/accept`).set(fyn.auth)).status).toBe(404);
    expect((await t.http.get(`/api/case-transfers/${proposal.id}`).set(fyn.auth)).status).toBe(404);
    expect((await propose(fyn.auth, c.id, fynUnit)).status).toBe(404);
    expect((await t.http.post(`/api/case-transfers/${proposal.id}/accept`).set(cp1)).status).toBe(403);
  });

  it('refuses a transfer to the case’s own unit, to no unit, and a reason holding an identity number', async () => {
    const c = await newCase(t, krf.auth);
    const same = await propose(krf.auth, c.id, krfUnit);
    expect(same.status).toBe(400);
    expect(same.body.errors).toEqual({ toUnitId: 'is the unit the case is with already' });
    const none = await propose(krf.auth, c.id, '00000000-0000-4000-8000-000000000000');
    expect(none.body.errors).toEqual({ toUnitId: 'no active unit has this id' });
    const cpr = await propose(krf.auth, c.id, kbhUnit, 'Moves; CPR 010190-1234.');
    expect(cpr.status).toBe(400);
    expect(cpr.body.errors.reason).toMatch(/national identity number/);
    const missing = await t.http.post(`/api/cases/${c.id}/transfer`).set(krf.auth).send({ toUnitId: kbhUnit });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.errors)).toEqual(['reason']);
  });

  it('accepts a contact point’s transfer at once and tells both units', async () => {
    const c = await newCase(t, krf.auth);
    const draft = await newApplication(t, krf.auth, c.id);
    const direct = ok(await propose(cp1, c.id, kbhUnit), 201).body;
    expect(direct).toMatchObject({ status: 'accepted', direct: true, fromUnitId: krfUnit, toUnitId: kbhUnit });
    expect(ok(await t.http.get(`/api/cases/${c.id}`).set(kbh.auth)).body.unitId).toBe(kbhUnit);
    expect((await t.http.get(`/api/cases/${c.id}`).set(krf.auth)).status).toBe(404);
    expect(ok(await t.http.get(`/api/applications/${draft.id}`).set(kbh.auth)).body.unitId).toBe(kbhUnit);
    for (const worker of [krf, kbh]) {
      const [n] = await t.db.query(
        `SELECT event, resource, record_id, reference FROM notifications WHERE recipient_id = $1 AND record_id = $2`,
        [worker.user.id, direct.id],
      );
      expect(n).toEqual({
        event: 'case_transferred',
        resource: 'case-transfers',
        record_id: direct.id,
        reference: c.reference,
      });
    }
  });

  it('notifies the receiving unit of a proposal and the sender of the answer, never the actor', async () => {
    const c = await newCase(t, krf.auth);
    const proposal = ok(await propose(krf.auth, c.id, kbhUnit), 201).body;
    ok(await t.http.post(`/api/case-transfers/${proposal.id}/accept`).set(kbh.auth));
    const events = await t.db.query(
      `SELECT recipient_id AS "to", event FROM notifications WHERE record_id = $1 ORDER BY created_at, event`,
      [proposal.id],
    );
    expect(events).toEqual([
      { to: kbh.user.id, event: 'case_transfer_proposed' },
      { to: krf.user.id, event: 'case_transfer_accepted' },
    ]);
    const mine = ok(await t.http.get('/api/notifications').set(kbh.auth)).body;
    expect(mine.some((n: { event: string; resource: string }) => n.resource === 'case-transfers')).toBe(true);
  });

  it('audits each step and every read of the reasons', async () => {
    const c = await newCase(t, krf.auth);
    const proposal = ok(await propose(krf.auth, c.id, kbhUnit), 201).body;
    ok(await t.http.get(`/api/case-transfers/${proposal.id}`).set(kbh.auth));
    ok(await t.http.post(`/api/case-transfers/${proposal.id}/accept`).set(kbh.auth));
    const events: { actor: string; action: string; details: Record<string, unknown> | null }[] = await t.db.query(
      `SELECT actor_id AS actor, action, details FROM audit_events WHERE entity_type = 'case' AND entity_id = $1 ORDER BY seq`,
      [c.id],
    );
    const actions = events.map((e) => [e.actor, e.action]);
    expect(actions).toContainEqual([krf.user.id, 'case.transfer_propose']);
    expect(actions).toContainEqual([kbh.user.id, 'case.transfer_read']);
    expect(actions).toContainEqual([kbh.user.id, 'case.transfer_accept']);
    const accept = events.find((e) => e.action === 'case.transfer_accept')!;
    expect(accept.details).toMatchObject({ transferId: proposal.id, fromUnitId: krfUnit, toUnitId: kbhUnit });
    expect(JSON.stringify(events)).not.toContain('custody');
  });

  it('keeps the reasons from finance and admin, and sealed at rest', async () => {
    const c = await newCase(t, krf.auth);
    const proposal = ok(await propose(krf.auth, c.id, kbhUnit), 201).body;
    for (const auth of [finance, admin]) {
      expect((await t.http.get('/api/case-transfers').set(auth)).status).toBe(403);
      expect((await t.http.get(`/api/case-transfers/${proposal.id}`).set(auth)).status).toBe(403);
      expect((await t.http.get('/api/case-units').set(auth)).status).toBe(403);
    }
    const [stored] = await t.db.query(`SELECT reason FROM case_transfers WHERE id = $1`, [proposal.id]);
    expect(stored.reason).toMatch(/^ep1:/);
    expect(stored.reason).not.toContain('custody');
  });

  it('holds one open proposal per case in the database itself', async () => {
    const c = await newCase(t, krf.auth);
    ok(await propose(krf.auth, c.id, kbhUnit), 201);
    await expect(
      t.db.query(
        `INSERT INTO case_transfers (case_id, from_unit_id, to_unit_id, proposed_by) VALUES ($1, $2, $3, $4)`,
        [c.id, krfUnit, fynUnit, krf.user.id],
      ),
    ).rejects.toThrow(/case_transfers_one_open/);
  });
});
