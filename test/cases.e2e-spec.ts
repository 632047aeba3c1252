import { AuditEvent } from '../api/src/audit/audit-event.entity.js';
import { type Auth, daysAgo, newCase, thisYear } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('Cases', () => {
  let t: TestApp;
  let worker: { user: { id: string; unitId: string | null }; auth: Auth };
  let other: { auth: Auth };
  let unitCode: string;

  beforeAll(async () => {
    t = await createTestApp();
    const unit = await t.newUnit({ code: 'CASQ' });
    unitCode = unit.code;
    worker = await t.signedIn('unit_worker', { unitId: unit.id });
    other = await t.signedIn('unit_worker');
  });
  afterAll(() => t.close());

  it('gives a new case a pseudonymous reference of the unit, the year and a running number', async () => {
    const year = thisYear();
    const first = await newCase(t, worker.auth);
    const second = await newCase(t, worker.auth);
    expect(first.reference).toBe(`${unitCode}-${year}-001`);
    expect(second.reference).toBe(`${unitCode}-${year}-002`);
    expect(first.unitId).toBe(worker.user.unitId);
  });

  it('numbers cases created at the same moment without gaps or twins', async () => {
    const unit = await t.newUnit();
    const { auth } = await t.signedIn('unit_worker', { unitId: unit.id });
    const created = await Promise.all(Array.from({ length: 10 }, () => t.http.post('/api/cases').set(auth).send({})));
    expect(created.map((r) => r.status)).toEqual(Array(10).fill(201));
    const numbers = created.map((r) => Number(r.body.reference.split('-').pop())).sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('starts a case in assessment', async () => {
    const res = await t.http.post('/api/cases').set(worker.auth).send({ birthYear: 2000 });
    expect(res.body).toMatchObject({
      status: 'assessment',
      birthYear: 2000,
      consentRecordedOn: null,
      programmeStart: null,
    });
  });

  it.each(['name', 'cpr', 'address', 'offence', 'unitId', 'reference'])(
    'has no field %s: it is refused',
    async (field) => {
      const res = await t.http
        .post('/api/cases')
        .set(worker.auth)
        .send({ [field]: 'x' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual({ [field]: `${field} is not a known field` });
    },
  );

  it.each([
    [{ birthYear: 2999 }, 'birthYear', 'birthYear must not be in the future'],
    [{ birthYear: 1990.5 }, 'birthYear', 'birthYear must be a whole year'],
    [
      { consentRecordedOn: '2999-01-01' },
      'consentRecordedOn',
      'consentRecordedOn must be a date YYYY-MM-DD, not after today',
    ],
    [{ programmeStart: '2026-02-30' }, 'programmeStart', 'programmeStart must be a date YYYY-MM-DD'],
    [{ status: 'closed' }, 'status', 'status must be one of assessment, active, completed, discontinued, refused'],
  ])('refuses %j naming %s', async (body, field, message) => {
    const res = await t.http.post('/api/cases').set(worker.auth).send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors[field]).toBe(message);
  });

  it('edits the facts partially and records what changed', async () => {
    const c = await newCase(t, worker.auth, { status: 'assessment', agreementSignedOn: null });
    const res = await t.http
      .put(`/api/cases/${c.id}`)
      .set(worker.auth)
      .send({ status: 'active', agreementSignedOn: daysAgo(1) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'active', agreementSignedOn: daysAgo(1), birthYear: 1995 });
    const cleared = await t.http.put(`/api/cases/${c.id}`).set(worker.auth).send({ birthYear: null });
    expect(cleared.body.birthYear).toBeNull();
    const events = await t.db.getRepository(AuditEvent).find({ where: { entityId: c.id }, order: { seq: 'ASC' } });
    expect(events.map((e) => [e.action, e.details])).toEqual([
      // the consent date alone covers every party of the unit
      ['case.create', { reference: c.reference, consentParties: ['police', 'municipality', 'prison_probation'] }],
      ['case.update', { changed: ['status', 'agreementSignedOn'] }],
      ['case.update', { changed: ['birthYear'] }],
    ]);
  });

  it('hides another unit’s case as if it did not exist', async () => {
    const c = await newCase(t, worker.auth);
    expect((await t.http.get(`/api/cases/${c.id}`).set(other.auth)).status).toBe(404);
    expect((await t.http.put(`/api/cases/${c.id}`).set(other.auth).send({ status: 'completed' })).status).toBe(404);
    const list = await t.http.get('/api/cases?range=[0,999]').set(other.auth);
    expect(list.body.map((x: { id: string }) => x.id)).not.toContain(c.id);
    const byId = await t.http
      .get(`/api/cases?filter=${encodeURIComponent(JSON.stringify({ id: [c.id] }))}`)
      .set(other.auth);
    expect(byId.body).toEqual([]);
  });

  it('lets the contact point read every unit’s cases but not write them', async () => {
    const c = await newCase(t, worker.auth);
    const { auth } = await t.signedIn('contact_point');
    expect((await t.http.get(`/api/cases/${c.id}`).set(auth)).body.reference).toBe(c.reference);
    expect((await t.http.post('/api/cases').set(auth).send({})).status).toBe(403);
    expect((await t.http.put(`/api/cases/${c.id}`).set(auth).send({ status: 'completed' })).status).toBe(403);
  });

  it.each(['finance', 'admin'] as const)('shows %s no cases', async (role) => {
    const { auth } = await t.signedIn(role);
    expect((await t.http.get('/api/cases').set(auth)).status).toBe(403);
  });

  it('filters by status and searches the reference', async () => {
    const c = await newCase(t, worker.auth, { status: 'discontinued' });
    const q = encodeURIComponent(JSON.stringify({ status: 'discontinued', q: c.reference }));
    const res = await t.http.get(`/api/cases?filter=${q}`).set(worker.auth);
    expect(res.body.map((x: { id: string }) => x.id)).toEqual([c.id]);
  });

  it('never deletes a case', async () => {
    const c = await newCase(t, worker.auth);
    expect((await t.http.delete(`/api/cases/${c.id}`).set(worker.auth)).status).toBe(405);
  });
});
