import { AuditEvent } from '../api/src/audit/audit-event.entity.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('The audit trail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const events = (where: { actorId: string }) => t.db.getRepository(AuditEvent).find({ where, order: { seq: 'ASC' } });

  it('records successful and failed sign-ins and sign-outs', async () => {
    const user = await t.newUser('finance');
    await t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong-password-123' });
    const token = await t.login(user.email);
    await t.http.post('/api/auth/logout').set('Authorization', `Bearer ${token}`);
    const mine = await events({ actorId: user.id });
    expect(mine.map((e) => e.action)).toEqual(['auth.login_failed', 'auth.login', 'auth.logout']);
    expect(mine[0].details).toEqual({ email: user.email });
    expect(JSON.stringify(mine)).not.toContain('wrong-password-123');
    expect(JSON.stringify(mine)).not.toContain(token);
  });

  it('records a failed sign-in of an unknown account without an actor', async () => {
    await t.http.post('/api/auth/login').send({ email: 'ghost@test.example', password: 'whatever-password' });
    const [event] = await t.db.query(`SELECT * FROM audit_events WHERE details->>'email' = 'ghost@test.example'`);
    expect(event).toMatchObject({ actor_id: null, action: 'auth.login_failed' });
  });

  it('records every write with actor, action, entity and request id', async () => {
    const { user, auth } = await t.signedIn('admin');
    const res = await t.http
      .post('/api/units')
      .set(auth)
      .set('X-Request-Id', 'audit-test-request-1')
      .send({ code: 'AUDQ', name: 'Audit' });
    await t.http.put(`/api/units/${res.body.id}`).set(auth).send({ name: 'Audited' });
    const created = await t.http.post('/api/users').set(auth).send({
      email: 'audited@test.example',
      displayName: 'Audited',
      role: 'finance',
      password: 'a-long-enough-password',
    });
    const mine = await events({ actorId: user.id });
    expect(mine.map((e) => [e.action, e.entityType, e.entityId])).toEqual([
      ['auth.login', 'session', expect.any(String)],
      ['unit.create', 'unit', res.body.id],
      ['unit.update', 'unit', res.body.id],
      ['user.create', 'user', created.body.id],
    ]);
    expect(mine[1].requestId).toBe('audit-test-request-1');
    expect(mine[2].details).toEqual({ changed: ['name'] });
    expect(JSON.stringify(mine)).not.toContain('a-long-enough-password');
  });

  it('writes nothing, not even the audit event, when a write is refused', async () => {
    const { user, auth } = await t.signedIn('admin');
    await t.http.post('/api/units').set(auth).send({ code: 'bad', name: 'x' });
    expect((await events({ actorId: user.id })).map((e) => e.action)).toEqual(['auth.login']);
  });

  it('lists events for contact points and admins, newest first, with filters', async () => {
    const { user, auth } = await t.signedIn('contact_point');
    const res = await t.http
      .get(`/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ actorId: user.id }))}`)
      .set(auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({ actorId: user.id, action: 'auth.login', entityType: 'session' }),
    ]);
    expect(res.headers['content-range']).toBe('audit-events 0-0/1');
    const one = await t.http.get(`/api/audit-events/${res.body[0].id}`).set(auth);
    expect(one.body.id).toBe(res.body[0].id);
  });

  it('cannot be changed through the API', async () => {
    const { auth } = await t.signedIn('admin');
    const [event] = (await t.http.get('/api/audit-events').set(auth)).body;
    expect((await t.http.put(`/api/audit-events/${event.id}`).set(auth).send({ action: 'x' })).status).toBe(404);
    expect((await t.http.delete(`/api/audit-events/${event.id}`).set(auth)).status).toBe(404);
    expect((await t.http.post('/api/audit-events').set(auth).send({ action: 'x' })).status).toBe(404);
  });

  it.each([
    ['UPDATE', `UPDATE audit_events SET action = 'rewritten'`],
    ['DELETE', `DELETE FROM audit_events`],
    ['TRUNCATE', `TRUNCATE audit_events`],
  ])('is refused by the database on %s, whoever asks', async (_, sql) => {
    const before = await t.db.getRepository(AuditEvent).count();
    await expect(t.db.query(sql)).rejects.toThrow(/append-only/);
    expect(await t.db.getRepository(AuditEvent).count()).toBe(before);
  });
});
