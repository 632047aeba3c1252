import { loadConfig } from '../api/src/config/app-config.js';
import { seedDemoApplications } from '../api/src/demo/demo-applications.js';
import { DEMO_PASSWORD, DEMO_PROFILES } from '../api/src/demo/demo-data.js';
import { seedDemo } from '../api/src/demo/demo-seed.js';
import { checkLedger } from '../api/src/ledger/ledger-check.js';
import { newCase, postApplication, seedCatalog } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// INSTALLATION=fi: the Finnish profile. (The Danish one is the default every other suite runs.)
describe('A Finnish installation (INSTALLATION=fi)', () => {
  let t: TestApp;
  beforeAll(async () => {
    const { installation, profile, currency } = loadConfig({ INSTALLATION: 'fi' });
    t = await createTestApp({ installation, profile, currency });
  });
  afterAll(() => t.close());

  it('tells clients its profile: EUR, Finnish dates and numbers, Finnish as the first language', async () => {
    const res = await t.http.get('/api/settings');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ installation: 'fi', currency: 'EUR', locale: 'fi-FI', language: 'fi', demo: false });
  });

  it('names the Finnish identity code first when it refuses one, and still refuses a Danish CPR number', async () => {
    await seedCatalog(t);
    const { auth } = await t.signedIn('unit_worker');
    const c = await newCase(t, auth);
    const hetu = await postApplication(t, auth, c.id, { justification: 'Asiakas 131052-308T tarvitsee muuton.' });
    expect(hetu.status).toBe(400);
    expect(hetu.body.errors.justification).toContain('(HETU or CPR)');
    const cpr = await postApplication(t, auth, c.id, { justification: 'Client 010203-1234 must move.' });
    expect(cpr.status).toBe(400);
    expect(cpr.body.errors.justification).toContain('national identity number');
  });
});

describe('The Finnish demo (INSTALLATION=fi with DEMO on)', () => {
  let t: TestApp;
  beforeAll(async () => {
    const { installation, profile, currency } = loadConfig({ INSTALLATION: 'fi' });
    t = await createTestApp({ installation, profile, currency });
    await seedDemo(t.db, DEMO_PROFILES.fi);
    await seedDemoApplications(t.app);
  });
  afterAll(() => t.close());

  const get = async (email: string, path: string) => {
    const token = await t.login(email, DEMO_PASSWORD);
    return (await t.http.get(path).set('Authorization', `Bearer ${token}`)).body;
  };

  it('has the eleven police departments’ exit units and the Criminal Sanctions Agency', async () => {
    const units: { code: string; name: string }[] = await get('finance@demo.test', '/api/units?range=[0,99]');
    expect(units).toHaveLength(12);
    const names = Object.fromEntries(units.map((u) => [u.code, u.name]));
    expect(names.RISE).toBe('Rikosseuraamuslaitos');
    expect(names.HEL).toBe('Helsingin poliisilaitos');
    expect(names.IUU).toBe('Itä-Uudenmaan poliisilaitos');
    expect(units.filter((u) => u.name.endsWith('poliisilaitos'))).toHaveLength(11);
  });

  it('publishes a guideline version in euro cents and opens this year’s pool', async () => {
    const [guideline] = await get('hel@demo.test', '/api/guidelines');
    const relocation = guideline.categories.find((c: { categoryCode: string }) => c.categoryCode === 'relocation');
    expect(relocation).toMatchObject({
      maxPerApplication: 800_000,
      maxUnitAmount: 20_000,
      secondApprovalAbove: 350_000,
    });
    const years: { year: number; poolAmount: number }[] = await get('finance@demo.test', '/api/budget-years');
    expect(years.find((y) => y.year === new Date().getUTCFullYear())?.poolAmount).toBe(27_000_000);
  });

  it('walks the Helsinki and Oulu units’ applications through every status, each unit seeing its own', async () => {
    const all: { status: string }[] = await get('ncp@demo.test', '/api/applications?range=[0,999]');
    const hel: { status: string; reference: string }[] = await get('hel@demo.test', '/api/applications?range=[0,999]');
    const oul: { reference: string }[] = await get('oul@demo.test', '/api/applications?range=[0,999]');
    expect(new Set([...all, ...hel].map((a) => a.status))).toEqual(
      new Set([
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
      ]),
    );
    expect(hel.every((a) => a.reference.startsWith('HEL-'))).toBe(true);
    expect(oul.length).toBeGreaterThan(0);
    expect(oul.every((a) => a.reference.startsWith('OUL-'))).toBe(true);
  });

  it('leaves books the ledger check finds nothing wrong with', async () => {
    expect(await checkLedger(t.db.manager)).toEqual([]);
  });
});
