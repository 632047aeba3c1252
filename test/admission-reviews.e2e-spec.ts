import { AuditEvent } from '../api/src/audit/audit-event.entity.js';
import { type Auth, daysAgo, todayIso } from './support/fixtures.js';
import { createTestApp, type SignedIn, type TestApp } from './support/test-app.js';

const ASSESSMENT = {
  pushFactors: 'Tired of the violence; afraid for his younger brother.',
  pullFactors: 'A job offer from an uncle; a partner outside the milieu.',
  ownExplanation: 'Wants a quiet life and to finish school.',
  helpWished: 'Help with housing and education.',
  fearAlone: true,
  understandsLeaving: 'Vague about losing friends and protection.',
  understandsLifestyle: 'Has not thought about a changed daily life.',
  stepsTaken: 'None yet.',
  willToCooperate: 'Reluctant to meet the police.',
};
const NARRATIVE = Object.values(ASSESSMENT).filter((v) => typeof v === 'string') as string[];

describe('Admission reviews', () => {
  let t: TestApp;
  let worker: SignedIn;
  let colleague: SignedIn;
  let foreign: SignedIn;
  let ncp: SignedIn;
  let finance: SignedIn;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    const unit = await t.newUnit();
    worker = await t.signedIn('unit_worker', { unitId: unit.id });
    colleague = await t.signedIn('unit_worker', { unitId: unit.id });
    foreign = await t.signedIn('unit_worker');
    ncp = await t.signedIn('contact_point');
    finance = await t.signedIn('finance');
    admin = await t.signedIn('admin');
  });
  afterAll(() => t.close());

  async function caseInAssessment(auth: Auth = worker.auth): Promise<{ id: string; reference: string }> {
    const res = await t.http.post('/api/cases').set(auth).send({ birthYear: 1998 });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function refusedCase(): Promise<{ id: string; reference: string }> {
    const c = await caseInAssessment();
    expect((await t.http.put(`/api/cases/${c.id}/assessment`).set(worker.auth).send(ASSESSMENT)).status).toBe(200);
    const refused = await t.http
      .post(`/api/cases/${c.id}/refuse`)
      .set(worker.auth)
      .send({ reason: 'Motivation rests on fear alone.' });
    expect(refused.status).toBe(200);
    expect(refused.body.status).toBe('refused');
    return c;
  }

  async function requestedReview(): Promise<{ id: string; caseId: string }> {
    const c = await refusedCase();
    const res = await t.http
      .post('/api/admission-reviews')
      .set(colleague.auth)
      .send({ caseId: c.id, requestedOn: todayIso() });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('takes a case from assessment through refusal, a review with a question and answer, to admission', async () => {
    const c = await caseInAssessment();
    const partial = await t.http
      .put(`/api/cases/${c.id}/assessment`)
      .set(worker.auth)
      .send({ pushFactors: ASSESSMENT.pushFactors, fearAlone: true });
    expect(partial.status).toBe(200);
    expect(partial.body.missing).toEqual([
      'pullFactors',
      'ownExplanation',
      'helpWished',
      'understandsLeaving',
      'understandsLifestyle',
      'stepsTaken',
      'willToCooperate',
    ]);
    const early = await t.http.post(`/api/cases/${c.id}/refuse`).set(worker.auth).send({ reason: 'Not motivated.' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('ADMISSION_ASSESSMENT_INCOMPLETE');

    await t.http.put(`/api/cases/${c.id}/assessment`).set(worker.auth).send(ASSESSMENT).expect(200);
    const refused = await t.http.post(`/api/cases/${c.id}/refuse`).set(worker.auth).send({ reason: 'Fear alone.' });
    expect(refused.body.status).toBe('refused');

    const created = await t.http
      .post('/api/admission-reviews')
      .set(worker.auth)
      .send({ caseId: c.id, requestedOn: todayIso() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ caseId: c.id, status: 'requested', requestedOn: todayIso() });
    const id = created.body.id;
    const notified = await t.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE record_id = $1 AND event = 'admission_review_requested'`,
      [id],
    );
    expect(notified[0].n).toBeGreaterThan(0);

    const shown = await t.http.get(`/api/admission-reviews/${id}`).set(ncp.auth);
    expect(shown.status).toBe(200);
    expect(shown.body.assessment).toMatchObject({ ...ASSESSMENT, decision: 'refused', decisionReason: 'Fear alone.' });
    expect(shown.body.actions).toEqual(['start-review', 'request-info', 'uphold', 'admit']);

    const asked = await t.http
      .post(`/api/admission-reviews/${id}/request-info`)
      .set(ncp.auth)
      .send({ message: 'Has he met the municipality?' });
    expect(asked.body.status).toBe('info_requested');
    const answered = await t.http
      .post(`/api/admission-reviews/${id}/answer`)
      .set(worker.auth)
      .send({ message: 'Yes, twice.' });
    expect(answered.body.status).toBe('in_review');
    expect(answered.body.messages.map((m: { kind: string; body: string }) => [m.kind, m.body])).toEqual([
      ['question', 'Has he met the municipality?'],
      ['answer', 'Yes, twice.'],
    ]);

    const admitted = await t.http
      .post(`/api/admission-reviews/${id}/admit`)
      .set(ncp.auth)
      .send({ reason: 'The answers show more than fear.' });
    expect(admitted.status).toBe(200);
    expect(admitted.body).toMatchObject({ status: 'admitted', decisionReason: 'The answers show more than fear.' });
    expect(admitted.body.decidedAt).toEqual(expect.any(String));
    expect((await t.http.get(`/api/cases/${c.id}`).set(worker.auth)).body.status).toBe('active');
    const told = await t.db.query(
      `SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.recipient_id
        WHERE n.record_id = $1 AND n.event = 'admission_review_admitted' AND u.id = $2`,
      [id, worker.user.id],
    );
    expect(told[0].n).toBe(1);
  });

  it('admits on the unit decision: the case becomes active', async () => {
    const c = await caseInAssessment();
    await t.http.put(`/api/cases/${c.id}/assessment`).set(worker.auth).send(ASSESSMENT).expect(200);
    const res = await t.http.post(`/api/cases/${c.id}/admit`).set(worker.auth).send();
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('active');
    const again = await t.http.put(`/api/cases/${c.id}/assessment`).set(worker.auth).send({ stepsTaken: 'More.' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ADMISSION_CASE_WRONG_STATUS');
  });

  it('upholds a refusal, and answers 409 with a code to an action the status does not allow', async () => {
    const r = await requestedReview();
    const answer = await t.http.post(`/api/admission-reviews/${r.id}/answer`).set(worker.auth).send({ message: 'x' });
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('ADMISSION_REVIEW_WRONG_STATUS');
    const upheld = await t.http
      .post(`/api/admission-reviews/${r.id}/uphold`)
      .set(ncp.auth)
      .send({ reason: 'The refusal is well founded.' });
    expect(upheld.body.status).toBe('upheld');
    const twice = await t.http.post(`/api/admission-reviews/${r.id}/admit`).set(ncp.auth).send({ reason: 'Changed.' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ADMISSION_REVIEW_WRONG_STATUS');
    expect((await t.http.get(`/api/cases/${r.caseId}`).set(worker.auth)).body.status).toBe('refused');
  });

  it('refuses a review of a case that is not refused, and a second review of one case', async () => {
    const c = await caseInAssessment();
    const notRefused = await t.http
      .post('/api/admission-reviews')
      .set(worker.auth)
      .send({ caseId: c.id, requestedOn: todayIso() });
    expect(notRefused.status).toBe(409);
    expect(notRefused.body.code).toBe('ADMISSION_CASE_WRONG_STATUS');
    const r = await requestedReview();
    const second = await t.http
      .post('/api/admission-reviews')
      .set(worker.auth)
      .send({ caseId: r.caseId, requestedOn: todayIso() });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('ADMISSION_REVIEW_EXISTS');
  });

  it('keeps a refused case refused unless a review admits it', async () => {
    const c = await refusedCase();
    const res = await t.http.put(`/api/cases/${c.id}`).set(worker.auth).send({ status: 'active' });
    expect(res.status).toBe(409);
  });

  it('refuses the decision of a contact point who took part in the assessment (four eyes), in the service and the database', async () => {
    // a unit worker who wrote the assessment, later moved to the contact point
    const c = await caseInAssessment();
    await t.http.put(`/api/cases/${c.id}/assessment`).set(worker.auth).send(ASSESSMENT).expect(200);
    const mover = await t.signedIn('unit_worker', { unitId: worker.user.unitId });
    await t.http.put(`/api/cases/${c.id}/assessment`).set(mover.auth).send({ stepsTaken: 'Moved out.' }).expect(200);
    await t.http.post(`/api/cases/${c.id}/refuse`).set(worker.auth).send({ reason: 'Not suitable.' }).expect(200);
    const r = await t.http
      .post('/api/admission-reviews')
      .set(worker.auth)
      .send({ caseId: c.id, requestedOn: todayIso() });
    await t.db.query(`UPDATE users SET role = 'contact_point', unit_id = NULL WHERE id = $1`, [mover.user.id]);
    const moved = { Authorization: `Bearer ${await t.login(mover.user.email)}` };

    const shown = await t.http.get(`/api/admission-reviews/${r.body.id}`).set(moved);
    expect(shown.body.actions).toEqual(['start-review', 'request-info']);
    const res = await t.http.post(`/api/admission-reviews/${r.body.id}/admit`).set(moved).send({ reason: 'Mine.' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ADMISSION_FOUR_EYES');
    await expect(
      t.db.query(
        `UPDATE admission_reviews SET status = 'upheld', decided_by = $2, decided_at = now(), decision_reason = 'x'
          WHERE id = $1`,
        [r.body.id, mover.user.id],
      ),
    ).rejects.toThrow(/admission_reviews_four_eyes/);
  });

  it("answers 404 to another unit's worker for the review, the case's assessment and its actions", async () => {
    const r = await requestedReview();
    expect((await t.http.get(`/api/admission-reviews/${r.id}`).set(foreign.auth)).status).toBe(404);
    expect((await t.http.get(`/api/cases/${r.caseId}/assessment`).set(foreign.auth)).status).toBe(404);
    const answer = await t.http.post(`/api/admission-reviews/${r.id}/answer`).set(foreign.auth).send({ message: 'x' });
    expect(answer.status).toBe(404);
    const create = await t.http
      .post('/api/admission-reviews')
      .set(foreign.auth)
      .send({ caseId: r.caseId, requestedOn: todayIso() });
    expect(create.status).toBe(400);
    const list = await t.http.get('/api/admission-reviews').set(foreign.auth);
    expect(list.body.map((x: { id: string }) => x.id)).not.toContain(r.id);
  });

  it('gives finance and admin no narrative: the reviews and assessments are refused, the statistics carry none', async () => {
    const r = await requestedReview();
    for (const who of [finance, admin]) {
      expect((await t.http.get(`/api/admission-reviews/${r.id}`).set(who.auth)).status).toBe(403);
      expect((await t.http.get('/api/admission-reviews').set(who.auth)).status).toBe(403);
      expect((await t.http.get(`/api/cases/${r.caseId}/assessment`).set(who.auth)).status).toBe(403);
      const stats = await t.http.get('/api/reports/admission-reviews').set(who.auth);
      expect(stats.status).toBe(200);
      for (const text of NARRATIVE) expect(JSON.stringify(stats.body)).not.toContain(text);
    }
    // the list carries no narrative for anybody
    const list = await t.http.get('/api/admission-reviews').set(ncp.auth);
    for (const text of NARRATIVE) expect(JSON.stringify(list.body)).not.toContain(text);
  });

  it('refuses an identity number in the assessment, a reason and a message with 400', async () => {
    const c = await caseInAssessment();
    const assessment = await t.http
      .put(`/api/cases/${c.id}/assessment`)
      .set(worker.auth)
      .send({ ownExplanation: 'He is 010203-1234' });
    expect(assessment.status).toBe(400);
    expect(Object.keys(assessment.body.errors)).toEqual(['ownExplanation']);
    const r = await requestedReview();
    const message = await t.http
      .post(`/api/admission-reviews/${r.id}/request-info`)
      .set(ncp.auth)
      .send({ message: 'Is it 131052-308T?' });
    expect(message.status).toBe(400);
    expect(Object.keys(message.body.errors)).toEqual(['message']);
    const reason = await t.http
      .post(`/api/admission-reviews/${r.id}/uphold`)
      .set(ncp.auth)
      .send({ reason: '0102031234' });
    expect(reason.status).toBe(400);
  });

  it('refuses a request date in the future or before the refusal', async () => {
    const c = await refusedCase();
    const future = await t.http
      .post('/api/admission-reviews')
      .set(worker.auth)
      .send({ caseId: c.id, requestedOn: '2999-01-01' });
    expect(future.status).toBe(400);
    expect(Object.keys(future.body.errors)).toEqual(['requestedOn']);
    const before = await t.http
      .post('/api/admission-reviews')
      .set(worker.auth)
      .send({ caseId: c.id, requestedOn: daysAgo(3) });
    expect(before.status).toBe(400);
    expect(before.body.errors.requestedOn).toMatch(/before the refusal/);
  });

  it('audits every read of the narrative and every change', async () => {
    const r = await requestedReview();
    await t.http.get(`/api/admission-reviews/${r.id}`).set(ncp.auth).expect(200);
    await t.http.get(`/api/cases/${r.caseId}/assessment`).set(worker.auth).expect(200);
    await t.http.post(`/api/admission-reviews/${r.id}/uphold`).set(ncp.auth).send({ reason: 'Upheld.' }).expect(200);
    const events = await t.db.getRepository(AuditEvent).find({ order: { seq: 'ASC' } });
    const actions = (id: string) => events.filter((e) => e.entityId === id).map((e) => `${e.action}:${e.actorId}`);
    expect(actions(r.id)).toEqual([
      `admission_review.create:${colleague.user.id}`,
      `admission_review.read:${ncp.user.id}`,
      `admission_review.uphold:${ncp.user.id}`,
    ]);
    expect(actions(r.caseId)).toEqual(
      expect.arrayContaining([
        `case.assessment_update:${worker.user.id}`,
        `case.refuse:${worker.user.id}`,
        `case.assessment_read:${worker.user.id}`,
      ]),
    );
  });

  it("names a review in the audit log by its case's reference, and finds its events by it", async () => {
    const r = await requestedReview();
    const [{ reference }] = await t.db.query(`SELECT reference FROM cases WHERE id = $1`, [r.caseId]);
    const res = await t.http
      .get('/api/audit-events')
      .query({ filter: JSON.stringify({ record: reference, entityType: 'admission_review' }) })
      .set(ncp.auth);
    expect(res.status).toBe(200);
    expect(res.body.map((e: { action: string; entityReference: string }) => [e.action, e.entityReference])).toEqual([
      ['admission_review.create', reference],
    ]);
  });

  it('stores the assessment, the reasons and the thread encrypted', async () => {
    const r = await requestedReview();
    await t.http.post(`/api/admission-reviews/${r.id}/request-info`).set(ncp.auth).send({ message: 'Plain?' });
    const [stored] = await t.db.query(`SELECT * FROM case_assessments WHERE case_id = $1`, [r.caseId]);
    for (const column of ['push_factors', 'steps_taken', 'will_to_cooperate', 'decision_reason']) {
      expect(stored[column]).toMatch(/^ep1:/);
    }
    const [message] = await t.db.query(`SELECT body FROM admission_review_messages WHERE review_id = $1`, [r.id]);
    expect(message.body).toMatch(/^ep1:/);
  });

  it('publishes statistics per year with small counts suppressed', async () => {
    const res = await t.http.get('/api/reports/admission-reviews').set(ncp.auth);
    expect(res.status).toBe(200);
    expect(res.body.threshold).toBe(5);
    const year = res.body.years.find((y: { year: number }) => y.year === Number(todayIso().slice(0, 4)));
    expect(year).toBeDefined();
    for (const key of ['requested', 'upheld', 'admitted', 'open']) {
      const n = year[key];
      expect(n === null || n === 0 || n >= 5).toBe(true);
    }
  });
});
