import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachInvoice, type Auth, newApplication, newCase, seedCatalog } from './support/fixtures.js';
import { grant, openYear, pay, thisYear } from './support/money.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const q = (params: Record<string, unknown>) =>
  Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`)
    .join('&');

describe('Collections follow the react-admin simple REST convention', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  const codes = ['AAQ', 'ABQ', 'ACQ', 'ADQ', 'AEQ'];

  beforeAll(async () => {
    t = await createTestApp();
    ({ auth } = await t.signedIn('finance'));
    for (const [i, code] of codes.entries()) {
      await t.newUnit({ code, name: `Enhed ${'æøå'[i % 3]} ${5 - i}`, active: i !== 2 });
    }
  });
  afterAll(() => t.close());

  it('answers a JSON array and a Content-Range header that CORS exposes', async () => {
    const res = await t.http
      .get(`/api/units?${q({ range: [0, 1], sort: ['code', 'ASC'], filter: { q: 'Enhed' } })}`)
      .set(auth);
    expect(res.status).toBe(200);
    expect(res.body.map((u: { code: string }) => u.code)).toEqual(['AAQ', 'ABQ']);
    expect(res.headers['content-range']).toBe('units 0-1/5');
    expect(res.headers['access-control-expose-headers']).toContain('Content-Range');
  });

  it('pages with range', async () => {
    const res = await t.http
      .get(`/api/units?${q({ range: [2, 3], sort: ['code', 'ASC'], filter: { q: 'Enhed' } })}`)
      .set(auth);
    expect(res.body.map((u: { code: string }) => u.code)).toEqual(['ACQ', 'ADQ']);
    expect(res.headers['content-range']).toBe('units 2-3/5');
  });

  it('sorts both ways by any sortable field', async () => {
    const desc = await t.http.get(`/api/units?${q({ sort: ['name', 'DESC'], filter: { q: 'Enhed' } })}`).set(auth);
    const asc = await t.http.get(`/api/units?${q({ sort: ['name', 'ASC'], filter: { q: 'Enhed' } })}`).set(auth);
    const names = (r: { body: { name: string }[] }) => r.body.map((u) => u.name);
    expect(names(desc)).toEqual([...names(asc)].reverse());
    expect(names(asc)).toEqual([...names(asc)].sort());
  });

  it('filters by field value and by free text, case-insensitively and with Danish letters', async () => {
    const inactive = await t.http.get(`/api/units?${q({ filter: { active: false, q: 'enhed' } })}`).set(auth);
    expect(inactive.body.map((u: { code: string }) => u.code)).toEqual(['ACQ']);
    const danish = await t.http.get(`/api/units?${q({ filter: { q: 'ø' } })}`).set(auth);
    expect(danish.body.map((u: { code: string }) => u.code)).toContain('ABQ');
    const wildcard = await t.http.get(`/api/units?${q({ filter: { q: '%' } })}`).set(auth);
    expect(wildcard.body).toEqual([]);
    expect(wildcard.headers['content-range']).toBe('units */0');
  });

  it('answers getMany for {"id":[...]} with every listed record', async () => {
    const all = await t.http.get(`/api/units?${q({ filter: { q: 'Enhed' } })}`).set(auth);
    const ids = all.body.slice(0, 3).map((u: { id: string }) => u.id);
    const res = await t.http.get(`/api/units?${q({ filter: { id: ids } })}`).set(auth);
    expect(res.body.map((u: { id: string }) => u.id).sort()).toEqual([...ids].sort());
  });

  it('answers getManyReference for a filter on a reference field', async () => {
    const { auth: adminAuth } = await t.signedIn('admin');
    const unit = await t.newUnit();
    const a = await t.newUser('unit_worker', { unitId: unit.id });
    await t.newUser('unit_worker');
    const res = await t.http.get(`/api/users?${q({ filter: { unitId: unit.id } })}`).set(adminAuth);
    expect(res.body.map((u: { id: string }) => u.id)).toEqual([a.id]);
    expect(res.headers['content-range']).toBe('users 0-0/1');
  });

  it('answers one record by id, and 404 for an unknown id', async () => {
    const unit = await t.newUnit({ name: 'Single' });
    const res = await t.http.get(`/api/units/${unit.id}`).set(auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: unit.id, code: unit.code, name: 'Single', active: true });
    const missing = await t.http.get('/api/units/00000000-0000-4000-8000-000000000000').set(auth);
    expect(missing.status).toBe(404);
  });

  it.each([
    ['sort', 'sort=oops', 'sort', 'is not valid JSON'],
    ['sort field', `sort=${encodeURIComponent('["secret","ASC"]')}`, 'sort', 'cannot sort by "secret"'],
    ['sort order', `sort=${encodeURIComponent('["code","UP"]')}`, 'sort', 'order must be ASC or DESC'],
    ['range', `range=${encodeURIComponent('[5,1]')}`, 'range', 'first ≤ last'],
    ['huge range', `range=${encodeURIComponent('[0,5000]')}`, 'range', 'at most 1000'],
    [
      'filter field',
      `filter=${encodeURIComponent('{"passwordHash":"x"}')}`,
      'filter.passwordHash',
      'is not a filterable field',
    ],
    ['filter type', `filter=${encodeURIComponent('{"active":"yes"}')}`, 'filter.active', 'must be a boolean'],
    ['filter uuid', `filter=${encodeURIComponent('{"id":["nope"]}')}`, 'filter.id', 'must be a uuid'],
    ['unknown parameter', 'page=2', 'page', 'is not a known query parameter'],
  ])('refuses a bad %s with a 400 naming it', async (_, query, field, message) => {
    const res = await t.http.get(`/api/units?${query}`).set(auth);
    expect(res.status).toBe(400);
    expect(res.body.errors[field]).toContain(message);
  });
});

describe('Every collection sorts by id, react-admin’s default sort', () => {
  let t: TestApp;
  let dataDir: string;
  const roleOf: Record<string, 'admin' | 'contact_point' | 'finance'> = {
    units: 'admin',
    users: 'admin',
    categories: 'admin',
    cases: 'contact_point',
    guidelines: 'contact_point',
    'budget-years': 'contact_point',
    applications: 'contact_point',
    attachments: 'contact_point',
    disbursements: 'finance',
    'audit-events': 'admin',
    'application-messages': 'contact_point',
    'advice-requests': 'contact_point',
  };
  const auth: Partial<Record<string, Auth>> = {};
  let workerUnitId: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'exitpool-sort-'));
    t = await createTestApp({ dataDir });
    await seedCatalog(t);
    for (const role of ['admin', 'contact_point', 'finance'] as const) auth[role] = (await t.signedIn(role)).auth;
    const { auth: worker, user: workerUser } = await t.signedIn('unit_worker');
    workerUnitId = workerUser.unitId!;
    const cp = auth.contact_point!;
    for (const nights of [2, 3]) {
      const c = await newCase(t, worker);
      const g = await grant(t, worker, cp, c.id, nights);
      const paid = await pay(t, auth.finance!, g.id, 100_000);
      if (paid.status !== 201) throw new Error(JSON.stringify(paid.body));
      for (const name of ['a.png', 'b.png']) {
        const uploaded = await attachInvoice(t, worker, g.id, name);
        if (uploaded.status !== 201) throw new Error(JSON.stringify(uploaded.body));
      }
      const draft = await newApplication(t, worker, c.id);
      await t.http.post(`/api/applications/${draft.id}/submit`).set(worker).expect(200);
      await t.http
        .post(`/api/applications/${draft.id}/request-info`)
        .set(cp)
        .send({ message: 'Which nights exactly?' })
        .expect(200);
      for (const topic of ['safety', 'other']) {
        await t.http
          .post('/api/advice-requests')
          .set(worker)
          .send({ caseId: c.id, topic, question: 'Who do we call?' })
          .expect(201);
      }
    }
    await t.db.query(
      `INSERT INTO guidelines (version, effective_from, status, min_age, max_course_months, categories)
       SELECT 'test-draft', effective_from, 'draft', min_age, max_course_months, categories FROM guidelines LIMIT 1`,
    );
    await openYear(t, thisYear() + 1, 0);
    await t.newUnit();
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each(Object.keys(roleOf))('sorts %s by id in both orders', async (resource) => {
    const ids = async (order: string) => {
      const res = await t.http
        .get(`/api/${resource}?${q({ sort: ['id', order], range: [0, 999] })}`)
        .set(auth[roleOf[resource]]!);
      expect({ status: res.status, body: res.status === 200 ? 'a list' : res.body }).toEqual({
        status: 200,
        body: 'a list',
      });
      return res.body.map((row: { id: string }) => row.id) as string[];
    };
    const asc = await ids('ASC');
    expect(asc.length).toBeGreaterThanOrEqual(2);
    expect(asc).toEqual([...asc].sort());
    expect(await ids('DESC')).toEqual([...asc].reverse());
  });

  it('finds applications by free text in their reference, category code or unit name, as one ILIKE over the three would', async () => {
    const [{ name: unitName }]: { name: string }[] = await t.db.query(`SELECT name FROM units WHERE id = $1`, [
      workerUnitId,
    ]);
    const [{ reference }]: { reference: string }[] = await t.db.query(
      `SELECT reference FROM applications ORDER BY created_at LIMIT 1`,
    );
    for (const text of [unitName.slice(1, -1).toUpperCase(), reference.slice(2), 'ELOCAT', 'nowhere at all', '%']) {
      const expected: { id: string }[] = await t.db.query(
        `SELECT a.id FROM applications a WHERE a.status <> 'draft' AND (a.reference ILIKE $1 OR a.category_code ILIKE $1
           OR (SELECT su.name FROM units su WHERE su.id = a.unit_id) ILIKE $1) ORDER BY a.created_at DESC, a.id DESC`,
        [`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`],
      );
      const res = await t.http
        .get(`/api/applications?${q({ filter: { q: text }, range: [0, 999] })}`)
        .set(auth.contact_point!);
      expect(res.status).toBe(200);
      expect(res.body.map((a: { id: string }) => a.id)).toEqual(expected.map((r) => r.id));
      expect(res.headers['content-range']).toMatch(new RegExp(`/${expected.length}$`));
    }
  });

  it('answers the last page of applications, read from the other end, as the first pages in the other order', async () => {
    const all = await t.http
      .get(`/api/applications?${q({ sort: ['createdAt', 'ASC'], range: [0, 999] })}`)
      .set(auth.contact_point!);
    const ids = all.body.map((a: { id: string }) => a.id);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    const last = await t.http
      .get(`/api/applications?${q({ sort: ['createdAt', 'ASC'], range: [ids.length - 2, ids.length + 5] })}`)
      .set(auth.contact_point!);
    expect(last.body).toEqual(all.body.slice(ids.length - 2));
    expect(last.headers['content-range']).toBe(`applications ${ids.length - 2}-${ids.length - 1}/${ids.length}`);
  });
});
