import { demoGuideline } from '@app/guidelines';
import { toStoredCategories } from '../api/src/guidelines/guideline-mapping.js';
import { type Auth, daysAgo, seedCatalog, todayIso } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const inDays = (n: number) => daysAgo(-n);

describe('Guideline versions', () => {
  let t: TestApp;
  let cp: Auth;
  let seq = 0;
  const draftBody = (fields: Record<string, unknown> = {}) => ({
    version: `t-${Date.now()}-${seq++}`,
    effectiveFrom: inDays(30 + seq),
    minAge: 18,
    maxCourseMonths: 12,
    categories: toStoredCategories(demoGuideline),
    ...fields,
  });
  const createDraft = async (fields: Record<string, unknown> = {}) => {
    const res = await t.http.post('/api/guidelines').set(cp).send(draftBody(fields));
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedCatalog(t);
    ({ auth: cp } = await t.signedIn('contact_point'));
  });
  afterAll(() => t.close());

  it('creates a draft, edits it, publishes it and then refuses every change', async () => {
    const draft = await createDraft();
    expect(draft).toMatchObject({ status: 'draft', publishedAt: null });
    const edited = await t.http.put(`/api/guidelines/${draft.id}`).set(cp).send({ maxCourseMonths: 9 });
    expect(edited.body.maxCourseMonths).toBe(9);
    const published = await t.http.post(`/api/guidelines/${draft.id}/publish`).set(cp);
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect(published.body.publishedAt).toEqual(expect.any(String));
    const late = await t.http.put(`/api/guidelines/${draft.id}`).set(cp).send({ maxCourseMonths: 10 });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('GUIDELINE_NOT_DRAFT');
    expect((await t.http.post(`/api/guidelines/${draft.id}/publish`).set(cp)).status).toBe(409);
    expect((await t.http.delete(`/api/guidelines/${draft.id}`).set(cp)).status).toBe(409);
  });

  it('is immutable in the database once published, even if the code were wrong', async () => {
    const draft = await createDraft({ effectiveFrom: inDays(200) });
    await t.http.post(`/api/guidelines/${draft.id}/publish`).set(cp);
    await expect(t.db.query(`UPDATE guidelines SET max_course_months = 24 WHERE id = $1`, [draft.id])).rejects.toThrow(
      /never changes/,
    );
    await expect(t.db.query(`DELETE FROM guidelines WHERE id = $1`, [draft.id])).rejects.toThrow(/never deleted/);
  });

  it('retires a published version and only a published one', async () => {
    const draft = await createDraft({ effectiveFrom: inDays(300) });
    expect((await t.http.post(`/api/guidelines/${draft.id}/retire`).set(cp)).status).toBe(409);
    await t.http.post(`/api/guidelines/${draft.id}/publish`).set(cp);
    const retired = await t.http.post(`/api/guidelines/${draft.id}/retire`).set(cp);
    expect(retired.body.status).toBe('retired');
  });

  it('deletes a draft', async () => {
    const draft = await createDraft();
    expect((await t.http.delete(`/api/guidelines/${draft.id}`).set(cp)).status).toBe(200);
    expect((await t.http.get(`/api/guidelines/${draft.id}`).set(cp)).status).toBe(404);
  });

  it('never publishes in retrospect', async () => {
    const draft = await createDraft({ effectiveFrom: daysAgo(1) });
    const res = await t.http.post(`/api/guidelines/${draft.id}/publish`).set(cp);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('GUIDELINE_EFFECTIVE_DATE_PASSED');
  });

  it('refuses two published versions taking effect on the same day', async () => {
    const a = await createDraft({ effectiveFrom: inDays(400) });
    const b = await createDraft({ effectiveFrom: inDays(400) });
    expect((await t.http.post(`/api/guidelines/${a.id}/publish`).set(cp)).status).toBe(200);
    const res = await t.http.post(`/api/guidelines/${b.id}/publish`).set(cp);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('GUIDELINE_EFFECTIVE_DATE_TAKEN');
  });

  it('publishes a version effective today', async () => {
    const draft = await createDraft({ effectiveFrom: todayIso() });
    expect((await t.http.post(`/api/guidelines/${draft.id}/publish`).set(cp)).status).toBe(200);
  });

  it.each([
    [
      { categories: [{ ...toStoredCategories(demoGuideline)[0], maxPerCase: 100 }] },
      'categories.0.maxPerCase',
      'must be at least maxPerApplication',
    ],
    [
      { categories: [{ ...toStoredCategories(demoGuideline)[0], categoryCode: 'space_travel' }] },
      'categories.0.categoryCode',
      'no category has the code space_travel',
    ],
    [
      { categories: [{ ...toStoredCategories(demoGuideline)[0], maxPerApplication: -5 }] },
      'categories.0.maxPerApplication',
      'must be at least 1',
    ],
    [
      { categories: [{ ...toStoredCategories(demoGuideline)[0], maxUnitAmount: 12.5 }] },
      'categories.0.maxUnitAmount',
      'whole number of minor units',
    ],
    [
      { categories: [{ ...toStoredCategories(demoGuideline)[0], unitLabel: 'hour' }] },
      'categories.0.unitLabel',
      'must be one of night, session, item',
    ],
    [
      { categories: [{ ...toStoredCategories(demoGuideline)[0], colour: 'red' }] },
      'categories.0.colour',
      'is not a known field',
    ],
    [{ effectiveFrom: '2027-13-01' }, 'effectiveFrom', 'must be a date'],
    [{ minAge: 'adult' }, 'minAge', 'must be a whole number'],
  ])('refuses a draft with %j naming %s', async (fields, field, message) => {
    const res = await t.http.post('/api/guidelines').set(cp).send(draftBody(fields));
    expect(res.status).toBe(400);
    expect(res.body.errors[field]).toContain(message);
  });

  it('refuses a duplicate category in one version', async () => {
    const [first] = toStoredCategories(demoGuideline);
    const res = await t.http
      .post('/api/guidelines')
      .set(cp)
      .send(draftBody({ categories: [first, first] }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual({ categories: expect.stringContaining('"relocation" appears more than once') });
  });

  it('refuses a second version with the same name', async () => {
    const draft = await createDraft();
    const res = await t.http
      .post('/api/guidelines')
      .set(cp)
      .send(draftBody({ version: draft.version }));
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual({ version: 'is already in use' });
  });

  it.each(['unit_worker', 'finance', 'admin'] as const)(
    'lets a %s read the versions but not write them',
    async (role) => {
      const { auth } = await t.signedIn(role);
      const list = await t.http.get('/api/guidelines').set(auth);
      expect(list.status).toBe(200);
      expect(list.body.length).toBeGreaterThan(0);
      expect((await t.http.post('/api/guidelines').set(auth).send(draftBody())).status).toBe(403);
      expect((await t.http.post(`/api/guidelines/${list.body[0].id}/retire`).set(auth)).status).toBe(403);
    },
  );

  it('audits every step of a version', async () => {
    const draft = await createDraft({ effectiveFrom: inDays(500) });
    await t.http.put(`/api/guidelines/${draft.id}`).set(cp).send({ minAge: 21 });
    await t.http.post(`/api/guidelines/${draft.id}/publish`).set(cp);
    const rows = await t.db.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [draft.id]);
    expect(rows.map((r: { action: string }) => r.action)).toEqual([
      'guideline.create',
      'guideline.update',
      'guideline.publish',
    ]);
  });
});
