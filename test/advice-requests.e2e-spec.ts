import { type Auth, newCase } from './support/fixtures.js';
import { createTestApp, type SignedIn, type TestApp } from './support/test-app.js';

const QUESTION = 'The candidate wavers between two offers of housing; how do we weigh motivation here?';

describe('Advice requests', () => {
  let t: TestApp;
  let worker: SignedIn;
  let colleague: SignedIn;
  let cp: SignedIn;
  let cp2: SignedIn;
  let foreign: Auth;
  let finance: Auth;
  let admin: Auth;
  let kase: { id: string; reference: string; unitId: string };

  beforeAll(async () => {
    t = await createTestApp();
    worker = await t.signedIn('unit_worker');
    colleague = await t.signedIn('unit_worker', { unitId: worker.user.unitId });
    cp = await t.signedIn('contact_point');
    cp2 = await t.signedIn('contact_point');
    foreign = (await t.signedIn('unit_worker')).auth;
    finance = (await t.signedIn('finance')).auth;
    admin = (await t.signedIn('admin')).auth;
    kase = await newCase(t, worker.auth);
  });
  afterAll(() => t.close());

  const ask = (auth: Auth = worker.auth, body: Record<string, unknown> = {}) =>
    t.http
      .post('/api/advice-requests')
      .set(auth)
      .send({ caseId: kase.id, topic: 'motivation', question: QUESTION, ...body });
  const act = (id: string, action: string, auth: Auth, body?: object) => {
    const req = t.http.post(`/api/advice-requests/${id}/${action}`).set(auth);
    return body ? req.send(body) : req;
  };
  const notified = async (recordId: string) =>
    (
      await t.db.query(
        `SELECT n.recipient_id AS "to", n.event FROM notifications n WHERE n.record_id = $1 ORDER BY n.created_at, n.event`,
        [recordId],
      )
    ).map((r: { to: string; event: string }) => ({ ...r }));

  it('asks, answers, follows up and closes, each step in the thread, audited and told to the other side', async () => {
    const created = await ask();
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      reference: `${kase.reference}-R1`,
      caseId: kase.id,
      caseReference: kase.reference,
      unitId: worker.user.unitId,
      topic: 'motivation',
      question: QUESTION,
      status: 'open',
      askedBy: worker.user.id,
      askedByName: worker.user.displayName,
      messageCount: 0,
      ageDays: 0,
      answeredAt: null,
      closedAt: null,
      messages: [],
      actions: ['answer', 'close'],
    });
    const id = created.body.id;
    expect(await notified(id)).toEqual(
      expect.arrayContaining([
        { to: cp.user.id, event: 'advice_requested' },
        { to: cp2.user.id, event: 'advice_requested' },
      ]),
    );

    const answered = await act(id, 'answer', cp.auth, { message: 'Look at the pull factors first.' });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', messageCount: 1, answeredAt: expect.any(String) });
    expect(answered.body.messages).toEqual([
      expect.objectContaining({ kind: 'answer', body: 'Look at the pull factors first.', authorRole: 'contact_point' }),
    ]);
    const told = await notified(id);
    expect(told).toEqual(
      expect.arrayContaining([
        { to: worker.user.id, event: 'advice_answered' },
        { to: colleague.user.id, event: 'advice_answered' },
      ]),
    );

    const followUp = await act(id, 'answer', colleague.auth, { message: 'And if the pull factor is the family?' });
    expect(followUp.body).toMatchObject({ status: 'open', messageCount: 2 });
    expect(followUp.body.messages.map((m: { kind: string }) => m.kind)).toEqual(['answer', 'follow_up']);
    expect(await notified(id)).toEqual(expect.arrayContaining([{ to: cp.user.id, event: 'advice_followed_up' }]));

    const closed = await act(id, 'close', worker.auth);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedAt: expect.any(String), actions: [] });

    const actions = await t.db.query(
      `SELECT action FROM audit_events WHERE entity_type = 'advice_request' AND entity_id = $1 ORDER BY seq`,
      [id],
    );
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'advice_request.create',
      'advice_request.answer',
      'advice_request.follow_up',
      'advice_request.close',
    ]);
  });

  it('refuses an answer or a close on a closed request with 409 and its code', async () => {
    const { body } = await ask();
    await act(body.id, 'close', cp.auth).expect(200);
    for (const [action, auth, send] of [
      ['answer', cp.auth, { message: 'Too late' }],
      ['answer', worker.auth, { message: 'One more thing' }],
      ['close', worker.auth, undefined],
    ] as const) {
      const res = await act(body.id, action, auth, send);
      expect({ action, status: res.status, code: res.body.code }).toEqual({
        action,
        status: 409,
        code: 'ADVICE_WRONG_STATUS',
      });
    }
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM advice_messages WHERE advice_request_id = $1`, [
      body.id,
    ]);
    expect(n).toBe(0);
  });

  it('answers 404 to another unit, for the request, its actions and a question on the case', async () => {
    const { body } = await ask();
    const answers = await Promise.all([
      t.http.get(`/api/advice-requests/${body.id}`).set(foreign),
      act(body.id, 'answer', foreign, { message: 'Hello' }),
      act(body.id, 'close', foreign),
    ]);
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404]);
    const list = await t.http.get('/api/advice-requests').set(foreign);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([]);
    expect(list.headers['content-range']).toBe('advice-requests */0');
    const onCase = await ask(foreign);
    expect(onCase.status).toBe(400);
    expect(onCase.body.errors).toEqual({ caseId: 'no case of your unit has this id' });
  });

  it.each([
    ['finance', () => finance],
    ['admin', () => admin],
  ])('gives %s no narrative: every route is refused', async (_role, auth) => {
    const { body } = await ask();
    const answers = await Promise.all([
      t.http.get('/api/advice-requests').set(auth()),
      t.http.get(`/api/advice-requests/${body.id}`).set(auth()),
      act(body.id, 'answer', auth(), { message: 'x' }),
      act(body.id, 'close', auth()),
      t.http.post('/api/advice-requests').set(auth()).send({ caseId: kase.id, topic: 'other', question: 'x' }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    for (const res of answers) expect(JSON.stringify(res.body)).not.toContain(QUESTION);
  });

  it('refuses a national identity number in the question and in a message with 400 naming the field', async () => {
    const question = await ask(worker.auth, { question: 'Is 010203-1234 suitable?' });
    expect(question.status).toBe(400);
    expect(Object.keys(question.body.errors)).toEqual(['question']);
    const { body } = await ask();
    const message = await act(body.id, 'answer', cp.auth, { message: 'Ask 0102031234 first' });
    expect(message.status).toBe(400);
    expect(Object.keys(message.body.errors)).toEqual(['message']);
  });

  it('refuses a bad topic, an empty question and an unknown field with 400', async () => {
    const answers = await Promise.all([
      ask(worker.auth, { topic: 'gossip' }),
      ask(worker.auth, { question: '   ' }),
      ask(worker.auth, { status: 'closed' }),
    ]);
    expect(answers.map((r) => [r.status, Object.keys(r.body.errors ?? {})])).toEqual([
      [400, ['topic']],
      [400, ['question']],
      [400, ['status']],
    ]);
  });

  it('audits every read of the question and thread, and keeps lists free of narrative', async () => {
    const { body } = await ask();
    await t.http.get(`/api/advice-requests/${body.id}`).set(cp.auth).expect(200);
    await t.http.get(`/api/advice-requests/${body.id}`).set(worker.auth).expect(200);
    const reads = await t.db.query(
      `SELECT actor_id AS "actorId" FROM audit_events WHERE action = 'advice_request.read' AND entity_id = $1 ORDER BY seq`,
      [body.id],
    );
    expect(reads).toEqual([{ actorId: cp.user.id }, { actorId: worker.user.id }]);
    const list = await t.http
      .get(`/api/advice-requests?filter=${encodeURIComponent(JSON.stringify({ caseId: kase.id, status: 'open' }))}`)
      .set(cp.auth);
    expect(list.body.length).toBeGreaterThan(0);
    expect(JSON.stringify(list.body)).not.toContain(QUESTION);
    expect(list.body[0]).not.toHaveProperty('question');
  });

  it('keeps the question and messages encrypted at rest', async () => {
    const { body } = await ask();
    await act(body.id, 'answer', cp.auth, { message: 'An answer kept from backups' });
    const [row] = await t.db.query(
      `SELECT r.question, m.body FROM advice_requests r JOIN advice_messages m ON m.advice_request_id = r.id WHERE r.id = $1`,
      [body.id],
    );
    expect(row.question).toMatch(/^ep1:/);
    expect(row.body).toMatch(/^ep1:/);
  });

  it('lets the contact point list the open ones, oldest first, with their age', async () => {
    const res = await t.http
      .get(
        `/api/advice-requests?filter=${encodeURIComponent(JSON.stringify({ status: 'open' }))}&sort=${encodeURIComponent(JSON.stringify(['createdAt', 'ASC']))}&range=[0,4]`,
      )
      .set(cp.auth);
    expect(res.status).toBe(200);
    expect(res.headers['content-range']).toMatch(/^advice-requests 0-\d+\/\d+$/);
    for (const r of res.body) expect(r).toMatchObject({ status: 'open', ageDays: 0, actions: ['answer', 'close'] });
  });

  it('refuses a contact point asking: only a unit asks', async () => {
    const res = await ask(cp.auth);
    expect(res.status).toBe(403);
  });
});
