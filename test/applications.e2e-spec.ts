import { AuditEvent } from '../api/src/audit/audit-event.entity.js';
import {
  type Auth,
  daysAgo,
  newApplication,
  newCase,
  postApplication,
  quoteOverride,
  seedCatalog,
} from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const filter = (f: object) => `filter=${encodeURIComponent(JSON.stringify(f))}`;

describe('Applications', () => {
  let t: TestApp;
  let worker: { user: { id: string }; auth: Auth };
  let cp1: { user: { id: string }; auth: Auth };
  let cp2: { user: { id: string }; auth: Auth };
  let finance: Auth;
  let admin: Auth;
  let stranger: Auth;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedCatalog(t);
    worker = await t.signedIn('unit_worker');
    cp1 = await t.signedIn('contact_point');
    cp2 = await t.signedIn('contact_point');
    finance = (await t.signedIn('finance')).auth;
    admin = (await t.signedIn('admin')).auth;
    stranger = (await t.signedIn('unit_worker')).auth;
    caseId = (await newCase(t, worker.auth)).id;
  });
  afterAll(() => t.close());

  /** An approval of `amountApproved` by `auth`, overriding the quote warning. */
  const approve = (id: string, auth: Auth, amountApproved: number, reason = 'ok') =>
    t.http.post(`/api/applications/${id}/approve`).set(auth).send({ amountApproved, reason, overrides: quoteOverride });

  const submitted = async (fields: Record<string, unknown> = {}, nights = 5) => {
    const a = await newApplication(t, worker.auth, caseId, fields, nights);
    const res = await t.http.post(`/api/applications/${a.id}/submit`).set(worker.auth);
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    return res.body;
  };
  const count = async () => Number((await t.db.query('SELECT count(*) FROM applications'))[0].count);

  describe('drafts', () => {
    it('creates a draft with a reference under the case and the unit of the case', async () => {
      const c = await newCase(t, worker.auth);
      const a = await newApplication(t, worker.auth, c.id);
      const b = await newApplication(t, worker.auth, c.id);
      expect(a).toMatchObject({
        reference: `${c.reference}-A1`,
        caseReference: c.reference,
        unitId: c.unitId,
        status: 'draft',
      });
      expect(b.reference).toBe(`${c.reference}-A2`);
      expect(a.lines).toEqual([{ description: 'Room, per night', quantity: 5, unitAmount: 100000 }]);
      expect(a.actions).toEqual(['submit', 'withdraw']);
    });

    it.each([
      [{ amountRequested: 499_999 }, 'amountRequested', 'must equal the sum of the lines (500000)'],
      [{ amountRequested: -5 }, 'amountRequested', 'amountRequested must be at least 1'],
      [{ amountRequested: 5000.5 }, 'amountRequested', 'amountRequested must be a whole number of minor units (øre)'],
      [{ amountRequested: 1e15 }, 'amountRequested', 'amountRequested must be at most'],
      [{ categoryCode: 'holiday' }, 'categoryCode', 'no active category has the code holiday'],
      [{ lines: [] }, 'lines', 'lines must hold at least one cost line'],
      [
        { lines: [{ description: 'x', quantity: 0, unitAmount: 5 }] },
        'lines.0.quantity',
        'quantity must be at least 1',
      ],
      [
        { lines: [{ description: 'x', quantity: 1.5, unitAmount: 5 }] },
        'lines.0.quantity',
        'quantity must be a whole number',
      ],
      [{ status: 'approved' }, 'status', 'status is not a known field'],
      [{ amountApproved: 100 }, 'amountApproved', 'amountApproved is not a known field'],
      [{ unitId: '00000000-0000-4000-8000-000000000000' }, 'unitId', 'unitId is not a known field'],
      [
        { justification: 'Born 010203-1234, needs a flat' },
        'justification',
        'looks like it holds a national identity number',
      ],
      [{ justification: 'HETU 131052-308T' }, 'justification', 'looks like it holds a national identity number'],
      [
        { lines: [{ description: 'For 0102031234', quantity: 5, unitAmount: 100000 }] },
        'lines.0.description',
        'national identity number',
      ],
      [{ justification: '' }, 'justification', 'justification must not be empty'],
    ])('refuses %j with a 400 naming %s, writing nothing', async (fields, field, message) => {
      const before = await count();
      const res = await t.http
        .post('/api/applications')
        .set(worker.auth)
        .send({
          caseId,
          categoryCode: 'relocation',
          amountRequested: 500_000,
          justification: 'Stay away from the milieu.',
          ordinaryFundingConsidered: true,
          lines: [{ description: 'Room', quantity: 5, unitAmount: 100_000 }],
          ...fields,
        });
      expect(res.status).toBe(400);
      expect(res.body.errors[field]).toContain(message);
      expect(await count()).toBe(before);
    });

    it('refuses a case of another unit as if it did not exist', async () => {
      const res = await postApplication(t, stranger, caseId);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual({ caseId: 'no case of your unit has this id' });
    });

    it('edits a draft partially, keeping the total equal to the lines', async () => {
      const a = await newApplication(t, worker.auth, caseId);
      const bad = await t.http
        .put(`/api/applications/${a.id}`)
        .set(worker.auth)
        .send({ lines: [{ description: 'Room', quantity: 6, unitAmount: 100_000 }] });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.amountRequested).toBe('must equal the sum of the lines (600000)');
      const ok = await t.http
        .put(`/api/applications/${a.id}`)
        .set(worker.auth)
        .send({
          urgent: true,
          amountRequested: 600_000,
          lines: [{ description: 'Room', quantity: 6, unitAmount: 100_000 }],
        });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        urgent: true,
        amountRequested: 600_000,
        justification: 'A short stay away from the old milieu.',
      });
    });

    it('refuses edits once submitted', async () => {
      const a = await submitted();
      const res = await t.http.put(`/api/applications/${a.id}`).set(worker.auth).send({ urgent: true });
      expect(res.status).toBe(409);
    });

    it('keeps the total equal to the lines in the database, even if the code were wrong', async () => {
      const a = await newApplication(t, worker.auth, caseId);
      await expect(t.db.query('UPDATE applications SET amount_requested = 1 WHERE id = $1', [a.id])).rejects.toThrow(
        /applications_amount_matches_lines/,
      );
    });

    it('keeps drafts from the contact point, finance and admin', async () => {
      const a = await newApplication(t, worker.auth, caseId);
      for (const auth of [cp1.auth, finance, admin]) {
        expect((await t.http.get(`/api/applications/${a.id}`).set(auth)).status).toBe(404);
        const list = await t.http.get(`/api/applications?${filter({ id: [a.id] })}`).set(auth);
        expect(list.body).toEqual([]);
      }
    });

    it('withdraws instead of deleting', async () => {
      const a = await newApplication(t, worker.auth, caseId);
      expect((await t.http.delete(`/api/applications/${a.id}`).set(worker.auth)).status).toBe(405);
    });
  });

  describe('checking and submitting', () => {
    it('checks against the guideline in force without changing anything', async () => {
      const a = await newApplication(t, worker.auth, caseId);
      const res = await t.http.post(`/api/applications/${a.id}/check`).set(worker.auth);
      expect(res.status).toBe(200);
      expect(res.body.guidelineVersion).toBe('test-2026.1');
      expect(res.body.findings.map((f: { rule: string; severity: string }) => [f.rule, f.severity])).toEqual([
        ['required-documents', 'warn'],
      ]);
      const again = await t.http.get(`/api/applications/${a.id}`).set(worker.auth);
      expect(again.body).toMatchObject({ status: 'draft', findings: [], guidelineId: null });
    });

    it('stores the findings and the guideline version at submission', async () => {
      const a = await submitted();
      expect(a).toMatchObject({ status: 'submitted', guidelineVersion: 'test-2026.1', submittedBy: worker.user.id });
      expect(a.findings.map((f: { rule: string }) => f.rule)).toEqual(['required-documents']);
      expect(a.findings[0].messageDa).toEqual(expect.any(String));
    });

    it('refuses a submission that a block finding stops, with the findings, and changes nothing', async () => {
      const c = await newCase(t, worker.auth, { status: 'completed' });
      const a = await newApplication(t, worker.auth, c.id, {}, 100);
      const res = await t.http.post(`/api/applications/${a.id}/submit`).set(worker.auth);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('APPLICATION_BLOCKED_BY_FINDINGS');
      const blocks = res.body.findings
        .filter((f: { severity: string }) => f.severity === 'block')
        .map((f: { rule: string }) => f.rule);
      expect(blocks).toEqual(
        expect.arrayContaining(['case-status', 'amount-per-application', 'units-per-application']),
      );
      const after = await t.http.get(`/api/applications/${a.id}`).set(worker.auth);
      expect(after.body).toMatchObject({ status: 'draft', submittedAt: null });
    });

    it('lets an urgent relocation come before the cooperation agreement, as a warning', async () => {
      const c = await newCase(t, worker.auth, { agreementSignedOn: null });
      const plain = await newApplication(t, worker.auth, c.id);
      expect((await t.http.post(`/api/applications/${plain.id}/submit`).set(worker.auth)).status).toBe(409);
      const urgent = await newApplication(t, worker.auth, c.id, { urgent: true });
      const res = await t.http.post(`/api/applications/${urgent.id}/submit`).set(worker.auth);
      expect(res.status).toBe(200);
      expect(res.body.findings).toContainEqual(
        expect.objectContaining({ rule: 'cooperation-agreement', severity: 'warn' }),
      );
    });

    it('counts earlier grants of the same case and category towards the limit per case', async () => {
      const c = await newCase(t, worker.auth);
      for (let i = 0; i < 2; i++) {
        const a = await newApplication(t, worker.auth, c.id, {}, 50);
        await t.http.post(`/api/applications/${a.id}/submit`).set(worker.auth);
        const ok = await approve(a.id, cp1.auth, 5_000_000);
        expect(ok.body.status).toBe('awaiting_second_approval');
        await approve(a.id, cp2.auth, 5_000_000);
      }
      const third = await newApplication(t, worker.auth, c.id, {}, 30);
      const res = await t.http.post(`/api/applications/${third.id}/submit`).set(worker.auth);
      expect(res.status).toBe(409);
      expect(res.body.findings).toContainEqual(expect.objectContaining({ rule: 'amount-per-case', severity: 'block' }));
    });
  });

  describe('deciding', () => {
    it('approves in full below the threshold, recording the decision, the override and the reason', async () => {
      const a = await submitted();
      const res = await t.http.post(`/api/applications/${a.id}/approve`).set(cp1.auth).send({
        amountApproved: 500_000,
        reason: 'Within the guideline.',
        conditions: 'Report the moving date.',
        overrides: quoteOverride,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'approved',
        amountApproved: 500_000,
        decidedBy: cp1.user.id,
        decisionReason: 'Within the guideline.',
        conditions: 'Report the moving date.',
        overrides: [
          {
            rule: 'required-documents',
            justification: quoteOverride[0].justification,
            by: cp1.user.id,
            at: expect.any(String),
          },
        ],
      });
      const events = await t.db.getRepository(AuditEvent).find({ where: { entityId: a.id }, order: { seq: 'ASC' } });
      expect(events.map((e) => e.action)).toEqual(
        expect.arrayContaining(['application.override', 'application.approve']),
      );
      expect(events.find((e) => e.action === 'application.override')!.details).toEqual({ rule: 'required-documents' });
      expect(events.find((e) => e.action === 'application.approve')!.details).toEqual({
        from: 'submitted',
        to: 'approved',
      });
    });

    it('calls an approval of less than requested partial', async () => {
      const a = await submitted();
      const res = await approve(a.id, cp1.auth, 300_000, 'Three nights suffice.');
      expect(res.body).toMatchObject({ status: 'partially_approved', amountApproved: 300_000 });
    });

    it('refuses to approve more than requested', async () => {
      const a = await submitted();
      const res = await approve(a.id, cp1.auth, 500_001, 'x');
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual({ amountApproved: 'must not exceed the amount requested (500000)' });
    });

    it('refuses an approval that leaves a warning without a written override', async () => {
      const a = await submitted();
      const res = await t.http
        .post(`/api/applications/${a.id}/approve`)
        .set(cp1.auth)
        .send({ amountApproved: 500_000, reason: 'x' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('APPLICATION_WARNINGS_NOT_OVERRIDDEN');
      expect(res.body.message).toContain('required-documents');
      expect(res.body.findings).toContainEqual(
        expect.objectContaining({ rule: 'required-documents', severity: 'warn' }),
      );
      expect((await t.http.get(`/api/applications/${a.id}`).set(cp1.auth)).body.status).toBe('submitted');
    });

    it('refuses an override of something that is not a warning', async () => {
      const a = await submitted();
      const res = await t.http
        .post(`/api/applications/${a.id}/approve`)
        .set(cp1.auth)
        .send({
          amountApproved: 500_000,
          reason: 'x',
          overrides: [...quoteOverride, { rule: 'adult', justification: 'fine' }],
        });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual({ 'overrides.1.rule': 'adult is not a warning of this application' });
    });

    it('refuses a decision reason that is missing or names a person by number', async () => {
      const a = await submitted();
      expect((await t.http.post(`/api/applications/${a.id}/reject`).set(cp1.auth).send({})).body.errors).toEqual({
        reason: 'reason is required',
      });
      const cpr = await t.http
        .post(`/api/applications/${a.id}/reject`)
        .set(cp1.auth)
        .send({ reason: 'See 311299-9999' });
      expect(cpr.status).toBe(400);
      expect(cpr.body.errors.reason).toContain('national identity number');
    });

    it('needs two different contact points above the threshold, for the same amount', async () => {
      const a = await submitted({}, 30); // DKK 30,000 > 25,000
      const first = await approve(a.id, cp1.auth, 3_000_000, 'Needed.');
      expect(first.body).toMatchObject({
        status: 'awaiting_second_approval',
        firstApprovedBy: cp1.user.id,
        firstApprovedAmount: 3_000_000,
        amountApproved: null,
      });
      expect(first.body.actions).toEqual(['reject']);
      const same = await approve(a.id, cp1.auth, 3_000_000, 'Again.');
      expect(same.status).toBe(409);
      expect(same.body.code).toBe('APPLICATION_SAME_APPROVER');
      const other = await approve(a.id, cp2.auth, 2_900_000, 'Less.');
      expect(other.status).toBe(409);
      expect(other.body.code).toBe('APPLICATION_SECOND_AMOUNT_DIFFERS');
      const second = await approve(a.id, cp2.auth, 3_000_000, 'Agreed.');
      expect(second.body).toMatchObject({
        status: 'approved',
        amountApproved: 3_000_000,
        decidedBy: cp2.user.id,
        firstApprovedBy: cp1.user.id,
      });
    });

    it("keeps each approver's own justification: the second confirms without one or writes their own", async () => {
      const a = await submitted({}, 30);
      await approve(a.id, cp1.auth, 3_000_000, 'Needed.');
      const confirmed = await t.http
        .post(`/api/applications/${a.id}/approve`)
        .set(cp2.auth)
        .send({ amountApproved: 3_000_000, reason: 'Agreed.' });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.status).toBe('approved');
      expect(confirmed.body.overrides).toEqual([expect.objectContaining({ by: cp1.user.id })]);

      const b = await submitted({}, 30);
      await approve(b.id, cp1.auth, 3_000_000, 'Needed.');
      const own = await t.http
        .post(`/api/applications/${b.id}/approve`)
        .set(cp2.auth)
        .send({
          amountApproved: 3_000_000,
          reason: 'Agreed.',
          overrides: [{ rule: quoteOverride[0].rule, justification: 'The clinic confirmed the price by phone.' }],
        });
      expect(own.status).toBe(200);
      expect(own.body.overrides).toEqual([
        expect.objectContaining({ by: cp1.user.id, justification: quoteOverride[0].justification }),
        expect.objectContaining({ by: cp2.user.id, justification: 'The clinic confirmed the price by phone.' }),
      ]);
    });

    it('lists for the queue what waits for this contact point, apart from what waits for others', async () => {
      // a case of its own: the shared one is near its limit per case by now
      const mine = await newApplication(t, worker.auth, (await newCase(t, worker.auth)).id, {}, 30);
      expect((await t.http.post(`/api/applications/${mine.id}/submit`).set(worker.auth)).status).toBe(200);
      await approve(mine.id, cp1.auth, 3_000_000, 'Needed.');
      const asked = await submitted();
      await t.http.post(`/api/applications/${asked.id}/start-review`).set(cp1.auth);
      const q = await t.http
        .post(`/api/applications/${asked.id}/request-info`)
        .set(cp1.auth)
        .send({ message: 'Which clinic?' });
      expect(q.status).toBe(200);
      const fresh = await submitted();
      const ids = async (auth: Record<string, string>, filter: object) =>
        (
          await t.http
            .get('/api/applications')
            .query({ filter: JSON.stringify(filter), range: '[0,999]' })
            .set(auth)
        ).body.map((x: { id: string }) => x.id);
      const cp1Queue = await ids(cp1.auth, { waitsForMe: true });
      expect(cp1Queue).toContain(fresh.id);
      expect(cp1Queue).not.toContain(mine.id);
      expect(cp1Queue).not.toContain(asked.id);
      expect(await ids(cp2.auth, { waitsForMe: true })).toEqual(expect.arrayContaining([fresh.id, mine.id]));
      expect(await ids(cp1.auth, { approvedByMe: true })).toContain(mine.id);
      expect(await ids(cp2.auth, { approvedByMe: true })).not.toContain(mine.id);
    });

    it('never lets anyone decide an application they wrote', async () => {
      const a = await submitted();
      // a unit worker who later joined the contact point still cannot decide what they wrote
      await t.db.query(`UPDATE users SET role = 'contact_point', unit_id = NULL WHERE id = $1`, [worker.user.id]);
      try {
        const token = await t.login(
          (await t.db.query('SELECT email FROM users WHERE id = $1', [worker.user.id]))[0].email,
        );
        const auth = { Authorization: `Bearer ${token}` };
        const own = await approve(a.id, auth, 500_000, 'x');
        expect(own.status).toBe(403);
        expect(own.body.code).toBe('APPLICATION_OWN');
        expect((await t.http.post(`/api/applications/${a.id}/reject`).set(auth).send({ reason: 'x' })).status).toBe(
          403,
        );
      } finally {
        await t.db.query(
          `UPDATE users SET role = 'unit_worker', unit_id = (SELECT unit_id FROM cases WHERE id = $2) WHERE id = $1`,
          [worker.user.id, caseId],
        );
      }
      worker.auth = {
        Authorization: `Bearer ${await t.login((await t.db.query('SELECT email FROM users WHERE id = $1', [worker.user.id]))[0].email)}`,
      };
    });

    it('keeps the four eyes in the database, even if the code were wrong', async () => {
      const a = await submitted();
      await expect(
        t.db.query(
          `UPDATE applications SET status = 'rejected', decided_by = submitted_by, decided_at = now() WHERE id = $1`,
          [a.id],
        ),
      ).rejects.toThrow(/applications_four_eyes/);
    });

    it('cancels a grant no longer needed', async () => {
      const a = await submitted();
      await approve(a.id, cp1.auth, 500_000);
      const res = await t.http
        .post(`/api/applications/${a.id}/cancel`)
        .set(cp2.auth)
        .send({ reason: 'The candidate moved abroad.' });
      expect(res.body.status).toBe('cancelled');
    });
  });

  describe('the information thread', () => {
    it('keeps the question and the answer with the application and resubmits it', async () => {
      const a = await submitted();
      await t.http.post(`/api/applications/${a.id}/start-review`).set(cp1.auth);
      const asked = await t.http
        .post(`/api/applications/${a.id}/request-info`)
        .set(cp1.auth)
        .send({ message: 'Which nights exactly?' });
      expect(asked.body.status).toBe('info_requested');
      const answered = await t.http
        .post(`/api/applications/${a.id}/answer`)
        .set(worker.auth)
        .send({ message: 'From Monday to Friday.' });
      expect(answered.body.status).toBe('submitted');
      const thread = await t.http.get(`/api/application-messages?${filter({ applicationId: a.id })}`).set(worker.auth);
      expect(
        thread.body.map((m: { kind: string; body: string; authorRole: string }) => [m.kind, m.body, m.authorRole]),
      ).toEqual([
        ['question', 'Which nights exactly?', 'contact_point'],
        ['answer', 'From Monday to Friday.', 'unit_worker'],
      ]);
      const mine = await t.http.get(`/api/application-messages?${filter({ applicationId: a.id })}`).set(stranger);
      expect(mine.body).toEqual([]);
    });

    it.each(['finance', 'admin'])('is closed to %s', async (role) => {
      const auth = role === 'finance' ? finance : admin;
      expect((await t.http.get('/api/application-messages').set(auth)).status).toBe(403);
    });
  });

  describe('need to know', () => {
    const NARRATIVE = ['justification', 'decisionReason', 'conditions'];

    // finance reading one grant gets its line descriptions and payment instructions: finance-grant.e2e-spec.ts
    it('gives admin the figures without any narrative, and finance none in lists', async () => {
      const a = await submitted();
      await t.http.post(`/api/applications/${a.id}/approve`).set(cp1.auth).send({
        amountApproved: 500_000,
        reason: 'Secret reasoning.',
        conditions: 'Secret condition.',
        overrides: quoteOverride,
      });
      expect(JSON.stringify((await t.http.get('/api/applications?range=[0,999]').set(finance)).body)).not.toContain(
        'Room, per night',
      );
      for (const auth of [admin]) {
        const one = await t.http.get(`/api/applications/${a.id}`).set(auth);
        expect(one.status).toBe(200);
        expect(one.body).toMatchObject({
          amountApproved: 500_000,
          status: 'approved',
          caseReference: expect.any(String),
        });
        for (const field of NARRATIVE) expect(one.body).not.toHaveProperty(field);
        expect(one.body.lines).toEqual([{ quantity: 5, unitAmount: 100_000 }]);
        expect(one.body.overrides[0]).not.toHaveProperty('justification');
        const text =
          JSON.stringify(one.body) +
          JSON.stringify((await t.http.get('/api/applications?range=[0,999]').set(auth)).body);
        for (const secret of [
          'Secret reasoning',
          'Secret condition',
          'A short stay away',
          'Room, per night',
          'quote follows',
        ]) {
          expect(text).not.toContain(secret);
        }
      }
    });

    it('leaves narrative out of every list, even for the contact point', async () => {
      await submitted();
      const list = await t.http.get('/api/applications?range=[0,999]').set(cp1.auth);
      expect(list.body.length).toBeGreaterThan(0);
      for (const row of list.body) for (const field of NARRATIVE) expect(row).not.toHaveProperty(field);
      expect(JSON.stringify(list.body)).not.toContain('A short stay away');
    });

    it('audits each read of the narrative by a contact point, unit worker or finance, and not figures-only reads', async () => {
      const a = await submitted();
      const reads = async () =>
        (
          await t.db.query(`SELECT actor_id FROM audit_events WHERE action = 'application.read' AND entity_id = $1`, [
            a.id,
          ])
        ).map((r: { actor_id: string }) => r.actor_id);
      await t.http.get(`/api/applications/${a.id}`).set(cp1.auth);
      await t.http.get(`/api/applications/${a.id}`).set(worker.auth);
      await t.http.get(`/api/applications/${a.id}`).set(admin);
      expect(await reads()).toEqual([cp1.user.id, worker.user.id]);
      expect((await t.http.get(`/api/applications/${a.id}`).set(cp1.auth)).body.justification).toBe(
        'A short stay away from the old milieu.',
      );
    });
  });

  describe('lists', () => {
    it('keeps a unit worker to their unit', async () => {
      const a = await submitted();
      expect((await t.http.get(`/api/applications/${a.id}`).set(stranger)).status).toBe(404);
      expect((await t.http.put(`/api/applications/${a.id}`).set(stranger).send({ urgent: true })).status).toBe(404);
      const list = await t.http.get('/api/applications?range=[0,999]').set(stranger);
      expect(list.body.map((x: { id: string }) => x.id)).not.toContain(a.id);
    });

    it('puts urgent applications first in the contact point’s queue, then the longest waiting', async () => {
      const c = await newCase(t, worker.auth);
      const old = await submitted({ caseId: c.id });
      const urgent = await submitted({ caseId: c.id, urgent: true });
      const q = encodeURIComponent(JSON.stringify({ caseId: c.id, status: ['submitted', 'in_review'] }));
      const res = await t.http
        .get(`/api/applications?sort=${encodeURIComponent('["queue","ASC"]')}&filter=${q}`)
        .set(cp1.auth);
      expect(res.body.map((x: { id: string }) => x.id)).toEqual([urgent.id, old.id]);
    });

    it('filters by status, category and submission date', async () => {
      const a = await submitted();
      const q = {
        status: 'submitted',
        categoryCode: 'relocation',
        submittedAt_gte: `${daysAgo(1)}T00:00:00Z`,
        id: [a.id],
      };
      const res = await t.http.get(`/api/applications?${filter(q)}`).set(cp1.auth);
      expect(res.body.map((x: { id: string }) => x.id)).toEqual([a.id]);
    });
  });
});
