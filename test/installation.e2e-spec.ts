import { loadConfig } from '../api/src/config/app-config.js';
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
