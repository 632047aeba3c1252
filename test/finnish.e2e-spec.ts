import { fromMajorString } from '@app/money';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { loadConfig } from '../api/src/config/app-config.js';
import { seedDemoApplications } from '../api/src/demo/demo-applications.js';
import { DEMO_PASSWORD, DEMO_PROFILES } from '../api/src/demo/demo-data.js';
import { seedDemo } from '../api/src/demo/demo-seed.js';
import { binary } from './support/bytes.js';
import { thisYear } from './support/money.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// Finnish, the product's third language, on the Finnish demo: its files, category names, findings and e-mail language.
describe('Finnish (lang=fi) on the Finnish demo', () => {
  let t: TestApp;
  let finance: { Authorization: string };
  const year = thisYear();

  beforeAll(async () => {
    const { installation, profile, currency } = loadConfig({ INSTALLATION: 'fi' });
    t = await createTestApp({ installation, profile, currency });
    await seedDemo(t.db, DEMO_PROFILES.fi);
    await seedDemoApplications(t.app);
    finance = { Authorization: `Bearer ${await t.login('finance@demo.test', DEMO_PASSWORD)}` };
  });
  afterAll(() => t.close());

  const figures = async () => {
    const rows: { committed: string; disbursed: string }[] = await t.db.query(
      `SELECT committed::text, disbursed::text FROM budget_years WHERE year = $1`,
      [year],
    );
    return { committed: BigInt(rows[0].committed), disbursed: BigInt(rows[0].disbursed) };
  };

  it('opens the spending XLSX with Finnish sheets, columns and category names, and euros as numbers', async () => {
    const res = await t.http
      .get(`/api/reports/spending.xlsx?year=${year}&groupBy=unit,category&lang=fi`)
      .set(finance)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="kaytto-${year}.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Yksiköittäin', 'Luokittain', 'Yhdistetty']);

    const byCategory = wb.getWorksheet('Luokittain')!;
    expect(byCategory.getRow(1).values).toEqual([
      undefined,
      'Luokka',
      'Luokan nimi',
      'Sidottu (EUR)',
      'Maksettu (EUR)',
    ]);
    const names = byCategory.getColumn(2).values.filter((v) => typeof v === 'string');
    expect(names).toEqual(
      expect.arrayContaining(['Muutto turvalliseen asuntoon', 'Tatuoinnin poisto', 'Psykologinen hoito']),
    );
    const money = byCategory.getRow(2).getCell(3);
    expect(typeof money.value).toBe('number');
    expect(money.numFmt).toBe('#,##0.00 "€";-#,##0.00 "€"');
    expect(byCategory.getRow(byCategory.rowCount).getCell(1).value).toBe('Yhteensä');
  });

  it('writes the spending CSV with semicolons, decimal commas and Finnish headers, adding up to the ledger', async () => {
    const res = await t.http.get(`/api/reports/spending.csv?year=${year}&groupBy=category&lang=fi`).set(finance);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="kaytto-${year}.csv"`);
    expect(res.text.startsWith('\uFEFFLuokka;Luokan nimi;Sidottu (EUR);Maksettu (EUR)\r\n')).toBe(true);
    const rows = parse(res.text, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r['Luokan nimi']).sort()).toEqual([
      'Muutto turvalliseen asuntoon',
      'Psykologinen hoito',
      'Tatuoinnin poisto',
    ]);
    for (const row of rows) expect(row['Maksettu (EUR)']).toMatch(/^-?\d+,\d{2}$/);
    const sum = (column: string) => rows.reduce((total, r) => total + fromMajorString(r[column], ','), 0n);
    expect({ committed: sum('Sidottu (EUR)'), disbursed: sum('Maksettu (EUR)') }).toEqual(await figures());
  });

  it('names the payments CSV, its columns, categories and payee types in Finnish', async () => {
    const res = await t.http.get(`/api/disbursements.csv?lang=fi`).set(finance);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename="maksut-/);
    const rows = parse(res.text, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(['Maksupäivä', 'Summa (EUR)', 'Maksunsaajan tyyppi']));
    for (const row of rows) expect(row['Summa (EUR)']).toMatch(/^-?\d+,\d{2}$/);
    const payees = new Set(rows.map((r) => r['Maksunsaajan tyyppi']));
    for (const payee of payees) expect(['Klinikka', 'Vuokranantaja', 'Psykologi', 'Kunta', 'Muu']).toContain(payee);
  });

  it('gives the statistics file Finnish sheets and columns', async () => {
    const res = await t.http
      .get(`/api/reports/statistics.xlsx?year=${year}&lang=fi`)
      .set(finance)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tilastot', 'Tietoja luvuista']);
    expect(wb.worksheets[0].getRow(1).values).toEqual(expect.arrayContaining(['Avustukset', 'Asiakkaat']));
  });

  it('refuses a language the product does not have, naming the three', async () => {
    const res = await t.http.get(`/api/reports/spending.csv?year=${year}&lang=sv`).set(finance);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('da, en, fi');
  });

  it('names the three categories in Finnish', async () => {
    const res = await t.http.get('/api/categories').set(finance);
    expect(Object.fromEntries(res.body.map((c: { code: string; nameFi: string }) => [c.code, c.nameFi]))).toEqual({
      relocation: 'Muutto turvalliseen asuntoon',
      tattoo_removal: 'Tatuoinnin poisto',
      psychological_treatment: 'Psykologinen hoito',
    });
  });

  it('writes the demo users’ e-mails in Finnish, and lets a user choose fi, never a language it does not have', async () => {
    const ncp = { Authorization: `Bearer ${await t.login('ncp@demo.test', DEMO_PASSWORD)}` };
    expect((await t.http.get('/api/auth/preferences').set(ncp)).body).toEqual({ language: 'fi', email: 'each' });
    const english = await t.http.put('/api/auth/preferences').set(ncp).send({ language: 'en', email: 'digest' });
    expect(english.status).toBe(200);
    const finnish = await t.http.put('/api/auth/preferences').set(ncp).send({ language: 'fi', email: 'digest' });
    expect(finnish.body).toEqual({ language: 'fi', email: 'digest' });
    const swedish = await t.http.put('/api/auth/preferences').set(ncp).send({ language: 'sv', email: 'digest' });
    expect(swedish.status).toBe(400);
    expect(swedish.body.errors.language).toBe('language must be one of en, da, fi');
    // the database refuses it too
    await expect(t.db.query(`UPDATE users SET language = 'sv' WHERE email = 'ncp@demo.test'`)).rejects.toThrow(
      /users_language_known/,
    );
  });

  it('words each guideline finding in Finnish, with euros the Finnish way', async () => {
    const hel = { Authorization: `Bearer ${await t.login('hel@demo.test', DEMO_PASSWORD)}` };
    const applications: { id: string; status: string; findings: { messageFi?: string }[] }[] = (
      await t.http.get('/api/applications?range=[0,999]').set(hel)
    ).body;
    const draft = applications.find((a) => a.status === 'draft')!;
    const check = await t.http.post(`/api/applications/${draft.id}/check`).set(hel);
    expect(check.status).toBe(200);
    const finnish: string[] = check.body.findings.map((f: { messageFi: string }) => f.messageFi);
    expect(finnish.length).toBeGreaterThan(0);
    for (const message of finnish) expect(message).toMatch(/^[A-ZÄÖ]/);
    for (const amount of finnish.join(' ').match(/\d[\d\u00a0]*,\d{2}\u00a0\S+/g) ?? []) expect(amount).toMatch(/€$/);
  });
});
