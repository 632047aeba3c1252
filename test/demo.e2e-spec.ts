import { DEMO_PASSWORD } from '../api/src/demo/demo-data.js';
import { seedDemoApplications } from '../api/src/demo/demo-applications.js';
import { seedDemo } from '../api/src/demo/demo-seed.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('The demo installation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('seeds an empty database once, and a second time not at all', async () => {
    expect(await seedDemo(t.db)).toBe(true);
    expect(await seedDemo(t.db)).toBe(false);
    const [{ users }] = await t.db.query('SELECT count(*)::int AS users FROM users');
    expect(users).toBe(8);
  });

  it('has the 13 exit units of the contract, Danish letters intact', async () => {
    const token = await t.login('finance@demo.test', DEMO_PASSWORD);
    const res = await t.http.get('/api/units?sort=["code","ASC"]&range=[0,99]').set('Authorization', `Bearer ${token}`);
    expect(res.body.map((u: { code: string }) => u.code)).toEqual([
      'BOR',
      'FYN',
      'KBH',
      'KRF',
      'KVE',
      'MVJ',
      'MVS',
      'NJY',
      'NSJ',
      'OJY',
      'SOJ',
      'SSJ',
      'SSL',
    ]);
    const names = Object.fromEntries(res.body.map((u: { code: string; name: string }) => [u.code, u.name]));
    expect(names.OJY).toBe('Østjyllands Politi');
    expect(names.SSL).toBe('Sydsjællands og Lolland-Falsters Politi');
    expect(names.KVE).toBe('Københavns Vestegns Politi');
    expect(names.KRF).toBe('Kriminalforsorgen');
  });

  it('has the three categories', async () => {
    const token = await t.login('kbh@demo.test', DEMO_PASSWORD);
    const res = await t.http.get('/api/categories').set('Authorization', `Bearer ${token}`);
    expect(res.body.map((c: { code: string }) => c.code).sort()).toEqual([
      'psychological_treatment',
      'relocation',
      'tattoo_removal',
    ]);
  });

  it.each([
    ['admin@demo.test', 'admin', null],
    ['ncp@demo.test', 'contact_point', null],
    ['ncp2@demo.test', 'contact_point', null],
    ['finance@demo.test', 'finance', null],
    ['kbh@demo.test', 'unit_worker', 'KBH'],
    ['kbh-kommune@demo.test', 'unit_worker', 'KBH'],
    ['kbh-kriminalforsorg@demo.test', 'unit_worker', 'KBH'],
    ['fyn@demo.test', 'unit_worker', 'FYN'],
  ])('lets %s sign in as %s', async (email, role, unitCode) => {
    const res = await t.http.post('/api/auth/login').send({ email, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user.role).toBe(role);
    if (unitCode) {
      const unit = await t.http
        .get(`/api/units/${res.body.user.unitId}`)
        .set('Authorization', `Bearer ${res.body.accessToken}`);
      expect(unit.body.code).toBe(unitCode);
    } else {
      expect(res.body.user.unitId).toBeNull();
    }
  });
});

describe('The demo cases and applications', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.db);
    await seedDemoApplications(t.app);
  });
  afterAll(() => t.close());

  const list = async (email: string) => {
    const token = await t.login(email, DEMO_PASSWORD);
    return (await t.http.get('/api/applications?range=[0,999]').set('Authorization', `Bearer ${token}`)).body as {
      status: string;
      reference: string;
      unitId: string;
    }[];
  };

  it('has applications of several units in every status before payment', async () => {
    const statuses = new Set((await list('ncp@demo.test')).map((a) => a.status));
    const kbh = new Set((await list('kbh@demo.test')).map((a) => a.status));
    expect([...new Set([...statuses, ...kbh])].sort()).toEqual(
      [
        'approved',
        'awaiting_second_approval',
        'cancelled',
        'draft',
        'in_review',
        'paid',
        'info_requested',
        'partially_approved',
        'rejected',
        'submitted',
        'withdrawn',
      ].sort(),
    );
  });

  it('shows each unit worker their own unit only', async () => {
    const kbh = await list('kbh@demo.test');
    const fyn = await list('fyn@demo.test');
    expect(kbh.length).toBeGreaterThan(0);
    expect(fyn.length).toBeGreaterThan(0);
    expect(kbh.every((a) => a.reference.startsWith('KBH-'))).toBe(true);
    expect(fyn.every((a) => a.reference.startsWith('FYN-'))).toBe(true);
  });

  it('has KBH workers of three parties, and a case whose consent covers the police and the municipality only', async () => {
    const casesOf = async (email: string) => {
      const token = await t.login(email, DEMO_PASSWORD);
      const res = await t.http.get('/api/cases?range=[0,99]').set('Authorization', `Bearer ${token}`);
      return res.body as { reference: string; consent: { parties: string[] } | null }[];
    };
    const police = await casesOf('kbh@demo.test');
    const partial = police.filter((c) => c.consent?.parties.join() === 'police,municipality');
    expect(partial).toHaveLength(1);
    const municipality = (await casesOf('kbh-kommune@demo.test')).map((c) => c.reference);
    const probation = (await casesOf('kbh-kriminalforsorg@demo.test')).map((c) => c.reference);
    expect(municipality).toContain(partial[0].reference);
    expect(probation).not.toContain(partial[0].reference);
    expect(probation.length).toBe(police.length - 1);
  });

  it('has notifications from the seeded workflow, so that the bell is not empty, each user their own', async () => {
    for (const email of ['kbh@demo.test', 'fyn@demo.test', 'ncp@demo.test', 'ncp2@demo.test', 'finance@demo.test']) {
      const token = await t.login(email, DEMO_PASSWORD);
      const count = await t.http.get('/api/notifications/unread-count').set('Authorization', `Bearer ${token}`);
      expect({ email, some: count.body.count > 0 }).toEqual({ email, some: true });
    }
    const token = await t.login('kbh@demo.test', DEMO_PASSWORD);
    const own = await t.http.get('/api/notifications?range=[0,99]').set('Authorization', `Bearer ${token}`);
    // its own applications', and the transfers of cases to or from the unit (a case keeps its reference)
    const notices = own.body as { reference: string; resource: string }[];
    expect(notices.filter((n) => n.resource !== 'case-transfers').every((n) => n.reference.startsWith('KBH-'))).toBe(
      true,
    );
  });

  it('has cases that moved: one released from custody to KBH, one KBH proposes to FYN, one KBH declined', async () => {
    const token = await t.login('kbh@demo.test', DEMO_PASSWORD);
    const res = await t.http.get('/api/case-transfers?range=[0,99]').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    const seen = (res.body as { caseReference: string; status: string; direct: boolean }[]).map((r) => [
      r.caseReference.slice(0, 4),
      r.status,
      r.direct,
    ]);
    expect(seen.sort()).toEqual(
      [
        ['KRF-', 'accepted', true],
        ['KBH-', 'proposed', false],
        ['FYN-', 'declined', false],
      ].sort(),
    );
  });

  it('publishes the contract’s guideline version', async () => {
    const token = await t.login('kbh@demo.test', DEMO_PASSWORD);
    const res = await t.http.get('/api/guidelines').set('Authorization', `Bearer ${token}`);
    expect(res.body).toEqual([
      expect.objectContaining({ version: '2026.1', status: 'published', effectiveFrom: '2026-01-01' }),
    ]);
    const relocation = res.body[0].categories.find((c: { categoryCode: string }) => c.categoryCode === 'relocation');
    expect(relocation).toMatchObject({
      maxPerApplication: 6_000_000,
      maxPerCase: 12_000_000,
      maxUnitAmount: 150_000,
      maxUnitsPerApplication: 90,
      secondApprovalAbove: 2_500_000,
    });
  });
});
