import { newApplication, newCase, seedCatalog } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// What a person reads in the audit log: names, references, and the filters by user, action, record and period.
describe('The audit log as read', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedCatalog(t);
  });
  afterAll(() => t.close());

  const list = (auth: { Authorization: string }, filter: Record<string, unknown>) =>
    t.http.get(`/api/audit-events?filter=${encodeURIComponent(JSON.stringify(filter))}`).set(auth);

  it("names the actor and the record by its reference, and finds a case's events by the start of its reference", async () => {
    const unit = await t.signedIn('unit_worker', { displayName: 'Ulla Unit' });
    const ncp = await t.signedIn('contact_point');
    const theCase = await newCase(t, unit.auth);
    const application = await newApplication(t, unit.auth, theCase.id);
    expect(application.reference).toBe(`${theCase.reference}-A1`);

    const byCase = await list(ncp.auth, { record: theCase.reference });
    expect(byCase.status).toBe(200);
    expect(byCase.body.map((e: Record<string, unknown>) => [e.action, e.entityReference, e.actorName])).toEqual([
      ['application.create', application.reference, 'Ulla Unit'],
      ['case.create', theCase.reference, 'Ulla Unit'],
    ]);
    expect(byCase.headers['content-range']).toBe('audit-events 0-1/2');

    const byApplication = await list(ncp.auth, { record: application.reference.toLowerCase() });
    expect(byApplication.body.map((e: Record<string, unknown>) => e.entityId)).toEqual([application.id]);

    const one = await t.http.get(`/api/audit-events/${byApplication.body[0].id}`).set(ncp.auth);
    expect(one.body).toMatchObject({ actorName: 'Ulla Unit', entityReference: application.reference });
  });

  it('takes a LIKE wildcard in the record filter literally', async () => {
    const { auth } = await t.signedIn('contact_point');
    expect((await list(auth, { record: '%' })).body).toEqual([]);
    expect((await list(auth, { record: '_' })).body).toEqual([]);
  });

  it('filters by user, action and period together', async () => {
    const unit = await t.signedIn('unit_worker', { displayName: 'Per Period' });
    const ncp = await t.signedIn('contact_point');
    await newCase(t, unit.auth);
    // the start of today where the installation is, as the admin's period filter sends it
    const today = new Date();
    today.setHours(0, 0, 0, 0);
    const filter = { actorId: unit.user.id, action: 'case.create' };
    expect((await list(ncp.auth, { ...filter, at_gte: today.toISOString() })).body).toHaveLength(1);
    expect((await list(ncp.auth, { ...filter, at_lte: '2000-01-01T00:00:00Z' })).body).toHaveLength(0);
    expect((await list(ncp.auth, { actorId: unit.user.id })).body.map((e: { action: string }) => e.action)).toEqual([
      'case.create',
      'auth.login',
    ]);
  });

  it('names a user record, and the system as no actor', async () => {
    const { auth } = await t.signedIn('admin');
    const created = await t.http.post('/api/users').set(auth).send({
      email: 'named@test.example',
      displayName: 'Nina Named',
      role: 'finance',
      password: 'a-long-enough-password',
    });
    const [event] = (await list(auth, { action: 'user.create', entityId: created.body.id })).body;
    expect(event).toMatchObject({ entityType: 'user', entityReference: 'Nina Named' });
    await t.http.post('/api/auth/login').send({ email: 'nobody@test.example', password: 'whatever-password' });
    const [failed] = (await list(auth, { action: 'auth.login_failed', actorId: null })).body;
    expect(failed).toMatchObject({ actorId: null, actorName: null, entityReference: null });
  });

  it('lists every user by name for the user filter, to contact points and admins only, without e-mail addresses', async () => {
    const named = await t.newUser('finance', { displayName: 'Fie Finance' });
    const ncp = await t.signedIn('contact_point');
    const res = await t.http.get('/api/audit-events/actors').set(ncp.auth);
    expect(res.status).toBe(200);
    expect(res.body).toContainEqual({ id: named.id, displayName: 'Fie Finance', role: 'finance', active: true });
    expect(JSON.stringify(res.body)).not.toContain('@');
    const unit = await t.signedIn('unit_worker');
    expect((await t.http.get('/api/audit-events/actors').set(unit.auth)).status).toBe(403);
  });

  it('refuses a record filter that is not a text, naming it', async () => {
    const { auth } = await t.signedIn('admin');
    const res = await list(auth, { record: 14 });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual({ 'filter.record': 'must be a string' });
  });
});
