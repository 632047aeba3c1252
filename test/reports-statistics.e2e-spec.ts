import { fromMajorString } from '@app/money';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { checkLedger } from '../api/src/ledger/ledger-check.js';
import { binary } from './support/bytes.js';
import { type Auth, newCase, seedCatalog } from './support/fixtures.js';
import { grant, pay } from './support/money.js';
import { createTestApp, type TestApp } from './support/test-app.js';

interface Figure {
  unitCode?: string;
  categoryCode?: string;
  quarter?: string;
  grants: number | null;
  candidates: number | null;
  granted: number | null;
  paid: number | null;
  suppressed: boolean;
}

const YEAR = 2025;
const DECIDED: Record<string, string> = {
  Q1: `${YEAR}-02-15T10:00:00Z`,
  Q2: `${YEAR}-05-15T10:00:00Z`,
  Q3: `${YEAR}-08-15T10:00:00Z`,
  Q4: `${YEAR}-11-15T10:00:00Z`,
};

/**
 * The published statistics: small cells hidden and marked, and no hidden
 * figure that a published total would give away. The grants are made through
 * the API, then dated into the quarters of a year of their own.
 */
describe('Statistics for publication', () => {
  let t: TestApp;
  let cp: Auth;
  let finance: Auth;
  let workerA: Auth;
  let unitA: string;
  let codeA: string;
  let codeB: string;

  /** `cases` candidates in one unit, category and quarter, with `extra` second grants for the first of them. */
  async function grants(worker: Auth, category: string, quarter: string, cases: number, extra = 0) {
    const ids: string[] = [];
    let first = '';
    for (let i = 0; i < cases; i++) {
      const c = await newCase(t, worker);
      first ||= c.id;
      ids.push((await grant(t, worker, cp, c.id, 1 + i)).id);
    }
    for (let i = 0; i < extra; i++) ids.push((await grant(t, worker, cp, first, 1)).id);
    await t.db.query(`UPDATE applications SET decided_at = $1, category_code = $2 WHERE id = ANY($3)`, [
      DECIDED[quarter],
      category,
      ids,
    ]);
    return ids;
  }

  beforeAll(async () => {
    t = await createTestApp();
    await seedCatalog(t);
    cp = (await t.signedIn('contact_point')).auth;
    finance = (await t.signedIn('finance')).auth;
    const a = await t.signedIn('unit_worker');
    const b = await t.signedIn('unit_worker');
    workerA = a.auth;
    unitA = a.user.unitId!;
    [{ code: codeA }] = await t.db.query(`SELECT code FROM units WHERE id = $1`, [unitA]);
    [{ code: codeB }] = await t.db.query(`SELECT code FROM units WHERE id = $1`, [b.user.unitId]);
    const paidOne = (await grants(workerA, 'relocation', 'Q1', 6))[0];
    await grants(workerA, 'relocation', 'Q2', 5, 2);
    await grants(workerA, 'tattoo_removal', 'Q1', 2);
    await grants(workerA, 'psychological_treatment', 'Q3', 1);
    await grants(b.auth, 'relocation', 'Q1', 5);
    await grants(b.auth, 'psychological_treatment', 'Q4', 5);
    expect((await pay(t, finance, paidOne, 100_000)).status).toBe(201);
    // granted and then cancelled before anything was paid: not a grant any more
    const cancelled = (await grants(b.auth, 'tattoo_removal', 'Q2', 1))[0];
    await t.http.post(`/api/applications/${cancelled}/cancel`).set(cp).send({ reason: 'Not needed.' });
  }, 120_000);
  afterAll(() => t.close());

  /** count, distinct cases, amounts of the year's grants matching a condition, straight from SQL. */
  async function sql(where: string, params: unknown[] = []) {
    const [r] = await t.db.query(
      `SELECT count(*)::int AS grants, count(DISTINCT a.case_id)::int AS candidates,
              coalesce(sum(CASE WHEN a.status = 'cancelled' THEN a.paid_amount ELSE a.amount_approved END), 0)::int AS granted,
              coalesce(sum(a.paid_amount), 0)::int AS paid
         FROM applications a JOIN units u ON u.id = a.unit_id
        WHERE extract(year FROM a.decided_at AT TIME ZONE 'UTC') = ${YEAR}
          AND (a.status IN ('approved', 'partially_approved', 'paid') OR (a.status = 'cancelled' AND a.paid_amount > 0))
          AND ${where}`,
      params,
    );
    return r;
  }

  const all = (body: { cells: Figure[]; totals: Record<string, Figure[] | Figure> }): Figure[] => [
    ...body.cells,
    ...Object.values(body.totals).flat(),
  ];

  /** Every published total with exactly one hidden figure among it and its parts would give that one away. */
  function expectNoFigureDerivable(body: { cells: Figure[]; totals: Record<string, Figure[] | Figure> }) {
    const totals = body.totals as unknown as {
      byCategory: Figure[];
      byQuarter: Figure[];
      byUnit?: Figure[];
      all: Figure;
    };
    const equations: Figure[][] = [];
    const dims: ('categoryCode' | 'quarter' | 'unitCode')[] = ['categoryCode', 'quarter'];
    if (totals.byUnit) dims.push('unitCode');
    const margins = { categoryCode: totals.byCategory, quarter: totals.byQuarter, unitCode: totals.byUnit ?? [] };
    for (const d of dims) {
      for (const m of margins[d]) equations.push([m, ...body.cells.filter((c) => c[d] === m[d])]);
      equations.push([totals.all, ...margins[d]]);
    }
    for (const members of equations) expect(members.filter((m) => m.suppressed).length).not.toBe(1);
  }

  it('counts grants and distinct candidates and sums them by category and quarter, hiding small cells', async () => {
    const res = await t.http.get(`/api/reports/statistics?year=${YEAR}`).set(finance);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: YEAR, byUnit: false, threshold: 5 });
    expect(res.body.cells).toHaveLength(3 * 4);
    const cell = (categoryCode: string, quarter: string) =>
      res.body.cells.find((c: Figure) => c.categoryCode === categoryCode && c.quarter === `${YEAR}-${quarter}`);
    // 2 and 1 candidates: hidden, values withheld
    for (const [c, q] of [
      ['tattoo_removal', 'Q1'],
      ['psychological_treatment', 'Q3'],
    ]) {
      expect(cell(c, q)).toEqual({
        categoryCode: c,
        quarter: `${YEAR}-${q}`,
        grants: null,
        candidates: null,
        granted: null,
        paid: null,
        suppressed: true,
      });
    }
    // 11 candidates, but beside the 2 of tattoo removal in the published first quarter: hidden too
    expect(cell('relocation', 'Q1').suppressed).toBe(true);
    // zero points to nobody
    expect(cell('tattoo_removal', 'Q3')).toMatchObject({ grants: 0, candidates: 0, granted: 0, suppressed: false });
    // nothing published has 1 to 4 candidates
    for (const f of all(res.body)) {
      if (!f.suppressed) expect(f.candidates === 0 || f.candidates! >= 5).toBe(true);
    }
    expectNoFigureDerivable(res.body);
    // what is published is what the grants add up to
    expect(res.body.totals.all).toEqual({ ...(await sql('true')), suppressed: false });
    const relocation = res.body.totals.byCategory.find((c: Figure) => c.categoryCode === 'relocation');
    expect(relocation).toEqual({
      categoryCode: 'relocation',
      ...(await sql(`a.category_code = 'relocation'`)),
      suppressed: false,
    });
    expect(relocation.grants).toBe(18);
    expect(relocation.candidates).toBe(16);
    expect(relocation.paid).toBe(100_000);
    const q1 = res.body.totals.byQuarter.find((q: Figure) => q.quarter === `${YEAR}-Q1`);
    expect(q1).toEqual({ quarter: `${YEAR}-Q1`, ...(await sql(`a.decided_at < '${YEAR}-04-01'`)), suppressed: false });
  });

  it('adds a unit dimension when asked, still with no figure that points to a person', async () => {
    const res = await t.http.get(`/api/reports/statistics?year=${YEAR}&byUnit=true`).set(cp);
    expect(res.body.byUnit).toBe(true);
    const units = res.body.totals.byUnit.map((u: Figure) => u.unitCode);
    expect(units).toEqual(expect.arrayContaining([codeA, codeB]));
    const unitCount = units.length;
    expect(res.body.cells).toHaveLength(unitCount * 3 * 4);
    for (const f of all(res.body)) {
      if (!f.suppressed) expect(f.candidates === 0 || f.candidates! >= 5).toBe(true);
      else expect([f.grants, f.candidates, f.granted, f.paid]).toEqual([null, null, null, null]);
    }
    expectNoFigureDerivable(res.body);
    const cell = (unitCode: string, categoryCode: string, quarter: string) =>
      res.body.cells.find(
        (c: Figure) => c.unitCode === unitCode && c.categoryCode === categoryCode && c.quarter === `${YEAR}-${quarter}`,
      );
    expect(cell(codeA, 'tattoo_removal', 'Q1').suppressed).toBe(true);
    // five candidates of B, the smallest beside A's two in the first quarter's total: hidden with them
    expect(cell(codeB, 'relocation', 'Q1').suppressed).toBe(true);
  });

  it('answers a year without grants with zeros, by unit too', async () => {
    for (const byUnit of [false, true]) {
      const res = await t.http.get(`/api/reports/statistics?year=${YEAR - 1}&byUnit=${byUnit}`).set(cp);
      expect(res.status).toBe(200);
      expect(res.body.totals.all).toEqual({ grants: 0, candidates: 0, granted: 0, paid: 0, suppressed: false });
      expect(res.body.cells.every((c: Figure) => c.grants === 0 && !c.suppressed)).toBe(true);
    }
  });

  it('gives a unit worker their own unit only', async () => {
    const res = await t.http.get(`/api/reports/statistics?year=${YEAR}&byUnit=true`).set(workerA);
    expect(res.body.totals.byUnit.map((u: Figure) => u.unitCode)).toEqual([codeA]);
    expect(res.body.totals.all).toEqual({ ...(await sql('a.unit_id = $1', [unitA])), suppressed: false });
  });

  it('writes the same table as CSV, suppressed figures empty and flagged, margins as "All", in both languages', async () => {
    // the categories' names in each language, as an administrator gives them
    await t.db.query(
      `UPDATE categories SET name = 'Fjernelse af tatovering', name_en = 'Tattoo removal' WHERE code = 'tattoo_removal'`,
    );
    const json = (await t.http.get(`/api/reports/statistics?year=${YEAR}`).set(finance)).body;
    for (const [lang, delimiter, marker, allWord] of [
      ['en', ',', 'suppressed', 'All'],
      ['da', ';', 'diskretioneret', 'Alle'],
    ]) {
      const res = await t.http.get(`/api/reports/statistics.csv?year=${YEAR}&lang=${lang}`).set(finance);
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="${lang === 'da' ? 'statistik' : 'statistics'}-${YEAR}.csv"`,
      );
      expect(res.text.startsWith('\uFEFF')).toBe(true);
      expect(res.text).not.toContain('<5');
      const rows = parse(res.text, { bom: true, delimiter }) as string[][];
      expect(rows[0]).toEqual(
        lang === 'da'
          ? [
              'Kategori',
              'Kategoriens navn',
              'Kvartal',
              'Bevillinger',
              'Kandidater',
              'Bevilget (DKK)',
              'Udbetalt (DKK)',
              'Tilbageholdt',
            ]
          : ['Category', 'Category name', 'Quarter', 'Grants', 'Candidates', 'Granted (DKK)', 'Paid (DKK)', 'Withheld'],
      );
      const body = rows.slice(1);
      expect(body).toHaveLength(12 + 3 + 4 + 1);
      const find = (c: string, q: string) => body.find((r) => r[0] === c && r[2] === q)!;
      expect(find('tattoo_removal', `${YEAR}-Q1`).slice(3)).toEqual(['', '', '', '', marker]);
      expect(find('tattoo_removal', `${YEAR}-Q1`)[1]).toBe(
        lang === 'da' ? 'Fjernelse af tatovering' : 'Tattoo removal',
      );
      expect(find(allWord, allWord)[7]).toBe('');
      const overall = find(allWord, allWord);
      expect(overall.slice(3, 5).map(Number)).toEqual([json.totals.all.grants, json.totals.all.candidates]);
      expect(fromMajorString(overall[5], lang === 'da' ? ',' : '.')).toBe(BigInt(json.totals.all.granted));
      expect(find('relocation', allWord)[3]).toBe('18');
    }
    const semicolon = await t.http.get(`/api/reports/statistics.csv?year=${YEAR}&byUnit=true&delimiter=;`).set(cp);
    expect(semicolon.headers['content-disposition']).toBe(`attachment; filename="statistics-${YEAR}-by-unit.csv"`);
    expect((parse(semicolon.text, { bom: true, delimiter: ';' }) as string[][])[0][0]).toBe('Unit');
  });

  it('writes the same table as a workbook: numbers as numbers, withheld figures empty and flagged, and a note', async () => {
    await t.db.query(`UPDATE categories SET name = 'Fjernelse af tatovering' WHERE code = 'tattoo_removal'`);
    const res = await t.http
      .get(`/api/reports/statistics.xlsx?year=${YEAR}`)
      .set(finance)
      .set('Accept-Language', 'da')
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="statistik-${YEAR}.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Statistik', 'Om tallene']);
    const ws = wb.getWorksheet('Statistik')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    const find = (c: string, q: string) => rows.find((r) => r[1] === c && r[3] === q)!;
    expect(ws.getRow(1).getCell(8).value).toBe('Tilbageholdt');
    // no text in a number column: the figures are empty cells, the flag stands in its own column
    const withheld = find('tattoo_removal', `${YEAR}-Q1`);
    expect(withheld[2]).toBe('Fjernelse af tatovering');
    expect([4, 5, 6, 7].map((i) => withheld[i] ?? null)).toEqual([null, null, null, null]);
    expect(withheld[8]).toBe('diskretioneret');
    for (const r of rows) for (const i of [4, 5, 6, 7]) expect(['number', 'undefined']).toContain(typeof r[i]);
    const relocation = find('relocation', 'Alle');
    expect(relocation.slice(4, 6)).toEqual([18, 16]);
    expect(typeof relocation[6]).toBe('number');
    const about = wb.getWorksheet('Om tallene')!.getColumn(1).values.join(' ');
    expect(about).toContain('færre end 5 kandidater');
  });

  // last, so that it sees what every test above left behind
  it('leaves books that add up: the ledger check finds nothing', async () => {
    expect(await checkLedger(t.db.manager)).toEqual([]);
  });
});
