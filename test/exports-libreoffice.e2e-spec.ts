import { toMajorString } from '@app/money';
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';
import { DEMO_PASSWORD } from '../api/src/demo/demo-data.js';
import { seedDemoApplications } from '../api/src/demo/demo-applications.js';
import { seedDemo } from '../api/src/demo/demo-seed.js';
import { binary } from './support/bytes.js';
import type { Auth } from './support/fixtures.js';
import { thisYear } from './support/money.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const run = promisify(execFile);

/** The path of a program on PATH, or null. */
async function which(program: string): Promise<string | null> {
  try {
    const { stdout } = await run('sh', ['-c', `command -v ${program}`]);
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

const tools = await Promise.all([which('soffice'), which('pdftotext')]);
const missing = ['soffice', 'pdftotext'].filter((_, i) => !tools[i]);
if (missing.length) {
  console.warn(
    `exports-libreoffice: SKIPPED, ${missing.join(' and ')} not found. ` +
      'Install them with `apt-get install -y libreoffice-calc-nogui poppler-utils` (CI does).',
  );
}
const describeWithLibreOffice = missing.length ? describe.skip : describe;

/** The CSV import of LibreOffice as a Danish, English or Finnish user has it: separator, UTF-8, and the locale's numbers. */
const CSV_IMPORT = { da: 'CSV:59,34,76,1,,1030', en: 'CSV:44,34,76,1,,1033', fi: 'CSV:59,34,76,1,,1035' } as const;

/**
 * Every export opened by LibreOffice (headless, in a profile of its own) the
 * way a user opens it, saved again and read back: numbers stay numbers, months
 * dates, the Danish letters intact, and no column too narrow for what it shows
 * (LibreOffice prints `###` there, which the PDF it makes would hold).
 */
describeWithLibreOffice('Exports opened in LibreOffice', () => {
  let t: TestApp;
  let finance: Auth;
  let dir: string;
  const year = thisYear();
  const previous = year - 1;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.db);
    await seedDemoApplications(t.app);
    finance = { Authorization: `Bearer ${await t.login('finance@demo.test', DEMO_PASSWORD)}` };
    dir = await mkdtemp(join(tmpdir(), 'exitpool-lo-'));
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function download(path: string, name: string): Promise<string> {
    const res = await t.http.get(path).set(finance).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const file = join(dir, name);
    await writeFile(file, res.body as Buffer);
    return file;
  }

  /** `soffice --convert-to`, answering the converted file's path. */
  async function convert(file: string, to: string, infilter?: string): Promise<string> {
    const out = join(dir, `${basename(file)}-${to.split(':')[0]}`);
    await mkdir(out, { recursive: true });
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--norestore',
        ...(infilter ? [`--infilter=${infilter}`] : []),
        '--convert-to',
        to,
        '--outdir',
        out,
        file,
      ],
      { timeout: 120_000 },
    );
    return join(out, `${basename(file, extname(file))}.${to.split(':')[0]}`);
  }

  /** The file as LibreOffice saves it again as XLSX, read with exceljs. */
  async function reopened(file: string, infilter?: string): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(await convert(file, 'xlsx', infilter))) as unknown as ArrayBuffer);
    return wb;
  }

  /** The text LibreOffice prints of every sheet, as in a PDF. */
  async function printed(file: string): Promise<string> {
    const pdf = await convert(file, 'pdf');
    return (await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
  }

  /** The rows below the header as objects by header, skipping a totals row (its first cell `totalLabel`). */
  function records(ws: ExcelJS.Worksheet, totalLabel?: string): Record<string, ExcelJS.CellValue>[] {
    const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
    const out: Record<string, ExcelJS.CellValue>[] = [];
    ws.eachRow((row, n) => {
      if (n === 1 || (totalLabel !== undefined && row.getCell(1).value === totalLabel)) return;
      out.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
    });
    return out;
  }

  const kroner = (minor: number | string) => Number(toMajorString(BigInt(minor)));

  describe.each([
    ['en', ',', 'Unit name', 'Committed (DKK)', 'Disbursed (DKK)'],
    ['da', ';', 'Enhedens navn', 'Disponeret (DKK)', 'Udbetalt (DKK)'],
  ] as const)('the spending report in %s', (lang, _delimiter, unitName, committed, disbursed) => {
    // every year of the demo together: totals in the millions, as wide as the pool's
    const period = `from=${previous - 1}-01-01&to=${year}-12-31&groupBy=unit,category,month`;
    const query = `${period}&lang=${lang}`;
    let json: { rows: { unitName: string; committed: number; disbursed: number }[] };

    beforeAll(async () => {
      json = (await t.http.get(`/api/reports/spending?${period}`).set(finance)).body;
    });

    it('CSV: LibreOffice reads the amounts as numbers and the unit names intact', async () => {
      const file = await download(`/api/reports/spending.csv?${query}`, `spending-${lang}.csv`);
      const wb = await reopened(file, CSV_IMPORT[lang]);
      const rows = records(wb.worksheets[0]);
      expect(rows).toHaveLength(json.rows.length);
      rows.forEach((r, i) => {
        expect(r[committed]).toBe(kroner(json.rows[i].committed));
        expect(r[disbursed]).toBe(kroner(json.rows[i].disbursed));
        expect(r[unitName]).toBe(json.rows[i].unitName);
      });
      expect(rows.map((r) => r[unitName])).toContain('Østjyllands Politi');
      expect(rows.map((r) => r[unitName])).toContain('Sydsjællands og Lolland-Falsters Politi');
    });

    it('XLSX: numbers as numbers, months as dates, letters intact, no column too narrow', async () => {
      const file = await download(`/api/reports/spending.xlsx?${query}`, `spending-${lang}.xlsx`);
      const wb = await reopened(file);
      const combined = wb.worksheets[wb.worksheets.length - 1];
      const total = lang === 'da' ? 'I alt' : 'Total';
      const rows = records(combined, total);
      expect(rows).toHaveLength(json.rows.length);
      const month = lang === 'da' ? 'Måned' : 'Month';
      rows.forEach((r, i) => {
        expect(r[committed]).toBe(kroner(json.rows[i].committed));
        expect(r[disbursed]).toBe(kroner(json.rows[i].disbursed));
        expect(r[month]).toBeInstanceOf(Date);
      });
      const monthColumn = (combined.getRow(1).values as ExcelJS.CellValue[]).indexOf(month);
      expect(combined.getRow(2).getCell(monthColumn).numFmt).toMatch(/^y+-m+$/i);
      expect(rows.map((r) => r[unitName])).toContain('Østjyllands Politi');
      if (lang === 'da') expect(wb.worksheets.map((w) => w.name)).toContain('Pr. måned');

      const text = await printed(file);
      expect(text).not.toContain('###');
      expect(text).toContain('Østjyllands Politi');
    });
  });

  it.each(['en', 'da'] as const)(
    'statistics XLSX (%s): figures are numbers or empty, withheld ones flagged, nothing too narrow',
    async (lang) => {
      const file = await download(`/api/reports/statistics.xlsx?year=${year}&lang=${lang}`, `statistics-${lang}.xlsx`);
      const wb = await reopened(file);
      const [grants, candidates, granted, paid, flag, marker] =
        lang === 'da'
          ? ['Bevillinger', 'Kandidater', 'Bevilget (DKK)', 'Udbetalt (DKK)', 'Tilbageholdt', 'diskretioneret']
          : ['Grants', 'Candidates', 'Granted (DKK)', 'Paid (DKK)', 'Withheld', 'suppressed'];
      const rows = records(wb.worksheets[0]);
      expect(rows.length).toBeGreaterThan(0);
      let withheld = 0;
      for (const r of rows) {
        const figures = [r[grants], r[candidates], r[granted], r[paid]];
        if (r[flag] === marker) {
          withheld++;
          expect(figures).toEqual([null, null, null, null]);
        } else {
          expect(r[flag]).toBeNull();
          for (const f of figures) expect(typeof f).toBe('number');
        }
      }
      expect(withheld).toBeGreaterThan(0);
      const text = await printed(file);
      expect(text).not.toContain('###');
      if (lang === 'da') expect(text).toContain('færre end');
    },
  );

  it('payments CSV and spending XLSX (fi): Finnish columns and words, amounts numbers, letters intact', async () => {
    const csvFile = await download(`/api/disbursements.csv?lang=fi`, 'payments-fi.csv');
    const rows = records((await reopened(csvFile, CSV_IMPORT.fi)).worksheets[0]);
    const [{ n, total }] = await t.db.query(`SELECT count(*)::int AS n, sum(amount)::text AS total FROM disbursements`);
    expect(rows).toHaveLength(n);
    for (const r of rows) expect(typeof r['Summa (DKK)']).toBe('number');
    const sum = rows.reduce((s, r) => s + BigInt(Math.round((r['Summa (DKK)'] as number) * 100)), 0n);
    expect(sum).toBe(BigInt(total));
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(['Budjettivuosi', 'Maksupäivä', 'Luokka']));
    expect(new Set(rows.map((r) => r.Luokka))).toContain('Tatuoinnin poisto');
    expect(new Set(rows.map((r) => r['Maksunsaajan tyyppi']))).toContain('Vuokranantaja');

    const xlsxFile = await download(
      `/api/reports/spending.xlsx?year=${previous}&groupBy=unit,month&lang=fi`,
      'spending-fi.xlsx',
    );
    const wb = await reopened(xlsxFile);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Yksiköittäin', 'Kuukausittain', 'Yhdistetty']);
    const byUnit = records(wb.getWorksheet('Yksiköittäin')!, 'Yhteensä');
    expect(byUnit.map((r) => r['Yksikön nimi'])).toContain('Østjyllands Politi');
    for (const r of byUnit) expect(typeof r['Maksettu (DKK)']).toBe('number');
    const text = await printed(xlsxFile);
    expect(text).not.toContain('###');
    expect(text).toContain('Yhteensä');
  });

  it('payments CSV (da): amounts are numbers, categories and payee types in Danish words, letters intact', async () => {
    const file = await download(`/api/disbursements.csv?lang=da`, 'payments-da.csv');
    const wb = await reopened(file, CSV_IMPORT.da);
    const rows = records(wb.worksheets[0]);
    const [{ n, total }] = await t.db.query(`SELECT count(*)::int AS n, sum(amount)::text AS total FROM disbursements`);
    expect(rows).toHaveLength(n);
    for (const r of rows) expect(typeof r['Beløb (DKK)']).toBe('number');
    const sum = rows.reduce((s, r) => s + BigInt(Math.round((r['Beløb (DKK)'] as number) * 100)), 0n);
    expect(sum).toBe(BigInt(total));
    expect(Object.keys(rows[0])).toContain('Budgetår');
    const categories = new Set(rows.map((r) => r.Kategori));
    expect(categories).toContain('Fjernelse af tatovering');
    expect([...categories].every((c) => typeof c === 'string' && !c.includes('_'))).toBe(true);
    expect(new Set(rows.map((r) => r.Modtagertype))).toContain('Udlejer');
  });

  it('payments CSV (en): amounts are numbers and the labels English', async () => {
    const file = await download(`/api/disbursements.csv?lang=en`, 'payments-en.csv');
    const wb = await reopened(file, CSV_IMPORT.en);
    const rows = records(wb.worksheets[0]);
    for (const r of rows) expect(typeof r['Amount (DKK)']).toBe('number');
    expect(new Set(rows.map((r) => r.Category))).toContain('Tattoo removal');
    expect(new Set(rows.map((r) => r['Payee type']))).toContain('Landlord');
  });
});
