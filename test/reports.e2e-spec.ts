import { fromMajorString, toMajorString } from '@app/money';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DEMO_PASSWORD } from '../api/src/demo/demo-data.js';
import { seedDemoApplications } from '../api/src/demo/demo-applications.js';
import { seedDemo } from '../api/src/demo/demo-seed.js';
import { checkLedger } from '../api/src/ledger/ledger-check.js';
import { binary } from './support/bytes.js';
import { type Auth, isoDateOf } from './support/fixtures.js';
import { thisYear } from './support/money.js';
import { createTestApp, type TestApp } from './support/test-app.js';

interface Row {
  unitCode?: string;
  unitName?: string;
  categoryCode?: string;
  month?: string;
  quarter?: string;
  committed: number;
  disbursed: number;
}

const FIGURES = `
  coalesce(sum(CASE kind WHEN 'commit' THEN amount WHEN 'refund' THEN amount ELSE -amount END), 0)::bigint AS committed,
  coalesce(sum(CASE kind WHEN 'disburse' THEN amount WHEN 'refund' THEN -amount ELSE 0 END), 0)::bigint AS disbursed`;

describe('Reports on the demo history', () => {
  let t: TestApp;
  let finance: Auth;
  let cp: Auth;
  let kbh: Auth;
  let units: Record<string, string>;
  const year = thisYear();
  const previous = year - 1;
  let seedMs = 0;

  /** committed and disbursed straight from the postings, keyed by the given SQL expressions. */
  async function sums(keys: string, where = 'true', params: unknown[] = []): Promise<Map<string, [number, number]>> {
    const rows: { key: string; committed: string; disbursed: string }[] = await t.db.query(
      `SELECT concat_ws('|', ${keys}) AS key, ${FIGURES}
         FROM ledger_postings p JOIN units u ON u.id = p.unit_id
        WHERE ${where} GROUP BY 1`,
      params,
    );
    return new Map(rows.map((r) => [r.key, [Number(r.committed), Number(r.disbursed)]]));
  }

  const yearId = async (y: number): Promise<string> =>
    (await t.db.query(`SELECT id FROM budget_years WHERE year = $1`, [y]))[0].id;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.db);
    const started = Date.now();
    await seedDemoApplications(t.app);
    seedMs = Date.now() - started;
    const login = async (email: string) => ({
      Authorization: `Bearer ${await t.login(email, DEMO_PASSWORD)}`,
    });
    finance = await login('finance@demo.test');
    cp = await login('ncp@demo.test');
    kbh = await login('kbh@demo.test');
    units = Object.fromEntries(
      (await t.db.query(`SELECT code, id FROM units`)).map((u: { code: string; id: string }) => [u.code, u.id]),
    );
  });
  afterAll(() => t.close());

  describe('the demo history', () => {
    it('keeps the books: the ledger check finds nothing, and the seed is quick', async () => {
      expect(await checkLedger(t.db.manager)).toEqual([]);
      // the demo's own applications go through the services; the history is a few bulk inserts on top
      expect(seedMs).toBeLessThan(15_000);
    });

    it('closed last year at its end with a DKK 2,000,000 pool and nothing left committed', async () => {
      const [y] = await t.db.query(
        `SELECT pool_amount::text AS pool, committed::text, disbursed::text, status, closed_at FROM budget_years WHERE year = $1`,
        [previous],
      );
      expect(y).toMatchObject({ pool: '200000000', committed: '0', status: 'closed' });
      expect(Number(y.disbursed)).toBeGreaterThan(0);
      // the last day of the year where the installation is
      expect(isoDateOf(new Date(y.closed_at))).toBe(`${previous}-12-31`);
      const [late] = await t.db.query(
        `SELECT count(*)::int AS n FROM ledger_postings p JOIN budget_years y ON y.id = p.budget_year_id
          WHERE y.year = $1 AND p.posted_on > make_date($1, 12, 31)`,
        [previous],
      );
      expect(late.n).toBe(0);
    });

    it('keeps this year’s DKK 2,000,000 pool, with money left', async () => {
      const [y] = await t.db.query(
        `SELECT pool_amount::text AS pool, (pool_amount - committed - disbursed)::bigint AS available, status
           FROM budget_years WHERE year = $1`,
        [year],
      );
      expect(y.pool).toBe('200000000');
      expect(y.status).toBe('open');
      expect(Number(y.available)).toBeGreaterThanOrEqual(40_000_000);
    });

    it('names nobody: cases are references, and the texts are the invented ones', async () => {
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM cases WHERE reference !~ '^[A-Z]{3}-\\d{4}-\\d{3,}$'`,
      );
      expect(n).toBe(0);
    });
  });

  describe('GET /api/reports/spending', () => {
    it.each([previous, year])(
      'adds up to the pool report of %i, and each unit’s row to its pool figures',
      async (y) => {
        const res = await t.http.get(`/api/reports/spending?year=${y}&groupBy=unit`).set(finance);
        expect(res.status).toBe(200);
        const pool = (await t.http.get(`/api/reports/pool?year=${y}`).set(finance)).body;
        expect(res.body.totals).toEqual({ committed: pool.committed, disbursed: pool.disbursed });
        for (const row of res.body.rows as Row[]) {
          const unit = pool.byUnit.find((u: { unitCode: string }) => u.unitCode === row.unitCode);
          expect({ committed: row.committed, disbursed: row.disbursed }).toEqual({
            committed: unit.committed,
            disbursed: unit.disbursed,
          });
        }
        expect(res.body).toMatchObject({ year: y, from: null, to: null, groupBy: ['unit'] });
      },
    );

    it('groups by unit, category and month exactly as the postings add up in SQL', async () => {
      const res = await t.http.get(`/api/reports/spending?year=${previous}&groupBy=unit,category,month`).set(cp);
      const expected = await sums(`u.code, p.category_code, to_char(p.posted_on, 'YYYY-MM')`, 'p.budget_year_id = $1', [
        await yearId(previous),
      ]);
      const rows = res.body.rows as Row[];
      expect(rows.length).toBe(expected.size);
      for (const r of rows) {
        expect(r.month).toMatch(/^\d{4}-\d{2}$/);
        expect([r.committed, r.disbursed]).toEqual(expected.get(`${r.unitCode}|${r.categoryCode}|${r.month}`));
      }
      expect(Object.keys(rows[0])).toEqual([
        'unitCode',
        'unitName',
        'categoryCode',
        'categoryName',
        'month',
        'committed',
        'disbursed',
      ]);
      const sorted = [...rows].sort(
        (a, b) =>
          a.unitCode!.localeCompare(b.unitCode!) ||
          a.categoryCode!.localeCompare(b.categoryCode!) ||
          a.month!.localeCompare(b.month!),
      );
      expect(rows).toEqual(sorted);
    });

    it('groups by quarter as YYYY-Qn, the quarters adding up to the year', async () => {
      const res = await t.http.get(`/api/reports/spending?year=${previous}&groupBy=quarter`).set(finance);
      const expected = await sums(
        `to_char(p.posted_on, 'YYYY') || '-Q' || extract(quarter FROM p.posted_on)`,
        'p.budget_year_id = $1',
        [await yearId(previous)],
      );
      expect(Object.fromEntries((res.body.rows as Row[]).map((r) => [r.quarter, [r.committed, r.disbursed]]))).toEqual(
        Object.fromEntries(expected),
      );
      // a closed year: everything committed was paid or released, quarter by quarter it nets to zero
      expect(res.body.totals.committed).toBe(0);
    });

    it('reports a period of posting dates across budget years, with filters by unit and category', async () => {
      const from = `${previous}-10-01`;
      const to = `${year}-03-31`;
      const res = await t.http
        .get(`/api/reports/spending?from=${from}&to=${to}&groupBy=month&unitId=${units.KBH}&categoryCode=relocation`)
        .set(finance);
      expect(res.status).toBe(200);
      const expected = await sums(
        `to_char(p.posted_on, 'YYYY-MM')`,
        `p.posted_on BETWEEN $1 AND $2 AND p.unit_id = $3 AND p.category_code = 'relocation'`,
        [from, to, units.KBH],
      );
      expect(Object.fromEntries((res.body.rows as Row[]).map((r) => [r.month, [r.committed, r.disbursed]]))).toEqual(
        Object.fromEntries(expected),
      );
      const all = await t.http.get(`/api/reports/spending?from=${from}&to=${to}`).set(finance);
      const [total] = [...(await sums(`'all'`, 'p.posted_on BETWEEN $1 AND $2', [from, to])).values()];
      expect(all.body.rows).toEqual([{ committed: total[0], disbursed: total[1] }]);
      expect(all.body.totals).toEqual({ committed: total[0], disbursed: total[1] });
    });

    it('answers an empty, correct report for a period without postings', async () => {
      const res = await t.http.get(`/api/reports/spending?from=2001-01-01&to=2001-12-31&groupBy=unit`).set(finance);
      expect(res.status).toBe(200);
      expect(res.body.rows).toEqual([]);
      expect(res.body.totals).toEqual({ committed: 0, disbursed: 0 });
    });

    it('gives a unit worker their own unit’s figures only, whatever they ask', async () => {
      const res = await t.http.get(`/api/reports/spending?year=${year}&groupBy=unit,category`).set(kbh);
      expect(res.status).toBe(200);
      expect(new Set((res.body.rows as Row[]).map((r) => r.unitCode))).toEqual(new Set(['KBH']));
      const [own] = [
        ...(await sums(`'x'`, 'p.budget_year_id = $1 AND p.unit_id = $2', [await yearId(year), units.KBH])).values(),
      ];
      expect(res.body.totals).toEqual({ committed: own[0], disbursed: own[1] });
      const pool = (await t.http.get(`/api/reports/pool?year=${year}`).set(kbh)).body;
      expect(res.body.totals).toEqual({ committed: pool.committed, disbursed: pool.disbursed });
      expect((await t.http.get(`/api/reports/spending?year=${year}&unitId=${units.KBH}`).set(kbh)).status).toBe(200);
      const other = await t.http.get(`/api/reports/spending?year=${year}&unitId=${units.FYN}`).set(kbh);
      expect(other.status).toBe(404);
      expect(JSON.stringify(other.body)).not.toMatch(/committed/);
      for (const file of ['spending.csv', 'spending.xlsx']) {
        expect((await t.http.get(`/api/reports/${file}?year=${year}&unitId=${units.FYN}`).set(kbh)).status).toBe(404);
      }
    });

    it.each([
      [`groupBy=unit,colour&year=${year}`, 400, 'groupBy', 'colour'],
      [`groupBy=unit&groupBy=weekday&year=${year}`, 400, 'groupBy', 'weekday'],
      ['from=2026-06-30&to=2026-01-01', 400, 'to', 'must not be before from'],
      ['groupBy=unit', 400, 'year', 'give a budget year'],
      ['year=abc', 400, 'year', 'whole year'],
      [`year=${year}&year=${previous}`, 400, 'year', 'whole year'],
      ['from=2026-02-30', 400, 'from', 'YYYY-MM-DD'],
      [`year=${year}&unitId=KBH`, 400, 'unitId', 'UUID'],
      [`year=${year}&categoryCode=holiday`, 400, 'categoryCode', 'no category'],
      [`year=${year}&colour=red`, 400, 'colour', 'not a known field'],
    ])('refuses %s with %i naming %s', async (query, status, field, words) => {
      const res = await t.http.get(`/api/reports/spending?${query}`).set(finance);
      expect(res.status).toBe(status);
      expect(res.body.errors[field]).toContain(words);
    });

    it.each([
      ['spending', 'year=2099'],
      ['spending', `year=${year}&unitId=00000000-0000-4000-8000-000000000000`],
      ['spending.csv', 'year=2099'],
      ['spending.xlsx', 'year=2099'],
    ])('answers %s?%s with 404: no pool that year, no such unit', async (path, query) => {
      const res = await t.http.get(`/api/reports/${path}?${query}`).set(finance);
      expect(res.status).toBe(404);
      expect(res.body.statusCode).toBe(404);
    });

    it.each([
      ['spending.csv', `year=${year}&lang=fr`, 'lang'],
      ['spending.csv', `year=${year}&delimiter=|`, 'delimiter'],
      ['spending.xlsx', `year=${year}&delimiter=;`, 'delimiter'],
      ['statistics.csv', `year=${year}&byUnit=maybe`, 'byUnit'],
      ['statistics', 'year=', 'year'],
      ['statistics.xlsx', 'byUnit=true', 'year'],
      ['processing', 'year=1999', 'year'],
    ])('refuses %s?%s as a 400 naming %s', async (path, query, field) => {
      const res = await t.http.get(`/api/reports/${path}?${query}`).set(finance);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors)).toContain(field);
    });

    it('is for the unit workers, the contact point and finance, not the administrator', async () => {
      const { auth } = await t.signedIn('admin');
      for (const path of [
        'spending?year=2026',
        'spending.csv?year=2026',
        'statistics?year=2026',
        'processing?year=2026',
      ]) {
        expect((await t.http.get(`/api/reports/${path}`).set(auth)).status).toBe(403);
      }
      expect((await t.http.get(`/api/disbursements.csv`).set(auth)).status).toBe(403);
      expect((await t.http.get(`/api/reports/spending?year=2026`)).status).toBe(401);
    });
  });

  describe('GET /api/reports/spending.csv', () => {
    const csv = (text: string, delimiter: string) =>
      parse(text, { bom: true, delimiter, columns: true, relax_quotes: false }) as Record<string, string>[];

    it('writes RFC 4180 CSV in English: BOM, commas, decimal points, the JSON’s figures, a file name with the year', async () => {
      const json = await t.http.get(`/api/reports/spending?year=${previous}&groupBy=unit,category`).set(finance);
      const res = await t.http
        .get(`/api/reports/spending.csv?year=${previous}&groupBy=unit,category&lang=en`)
        .set(finance);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="spending-${previous}.csv"`);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.text.startsWith('\uFEFF')).toBe(true);
      expect(res.text.split('\r\n')[0]).toBe(
        '\uFEFFUnit,Unit name,Category,Category name,Committed (DKK),Disbursed (DKK)',
      );
      const rows = csv(res.text, ',');
      expect(rows).toHaveLength(json.body.rows.length);
      rows.forEach((r, i) => {
        const j = json.body.rows[i] as Row;
        expect(r.Unit).toBe(j.unitCode);
        expect(r['Unit name']).toBe(j.unitName);
        expect(r.Category).toBe(j.categoryCode);
        expect(r['Committed (DKK)']).toMatch(/^-?\d+\.\d{2}$/);
        expect(fromMajorString(r['Committed (DKK)'])).toBe(BigInt(j.committed));
        expect(fromMajorString(r['Disbursed (DKK)'])).toBe(BigInt(j.disbursed));
      });
      expect(rows.map((r) => r['Unit name'])).toContain('Østjyllands Politi');
      // the category in the file's language, not the name stored in Danish
      expect(
        new Set(rows.filter((r) => r.Category === 'psychological_treatment').map((r) => r['Category name'])),
      ).toEqual(new Set(['Psychological treatment']));
    });

    it('writes Danish CSV for a Danish reader: semicolons, decimal commas, Danish headers and file name', async () => {
      const json = await t.http.get(`/api/reports/spending?year=${year}&groupBy=month`).set(finance);
      const res = await t.http
        .get(`/api/reports/spending.csv?year=${year}&groupBy=month`)
        .set(finance)
        .set('Accept-Language', 'da-DK,da;q=0.9,en;q=0.5');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="forbrug-${year}.csv"`);
      expect(res.text.split('\r\n')[0]).toBe('\uFEFFMåned;Disponeret (DKK);Udbetalt (DKK)');
      const rows = csv(res.text, ';');
      expect(rows.map((r) => [r['Måned'], fromMajorString(r['Udbetalt (DKK)'], ',')])).toEqual(
        (json.body.rows as Row[]).map((r) => [r.month, BigInt(r.disbursed)]),
      );
      expect(rows.every((r) => /^-?\d+,\d{2}$/.test(r['Disponeret (DKK)']))).toBe(true);
    });

    it('takes delimiter=; with a decimal comma in English too, and lang over Accept-Language', async () => {
      const res = await t.http
        .get(
          `/api/reports/spending.csv?from=${previous}-01-01&to=${previous}-06-30&groupBy=category&delimiter=;&lang=en`,
        )
        .set(finance)
        .set('Accept-Language', 'da');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="spending-${previous}-01-01_${previous}-06-30.csv"`,
      );
      const rows = csv(res.text, ';');
      const expected = await sums('p.category_code', `p.posted_on BETWEEN $1 AND $2`, [
        `${previous}-01-01`,
        `${previous}-06-30`,
      ]);
      expect(Object.fromEntries(rows.map((r) => [r.Category, [r['Committed (DKK)'], r['Disbursed (DKK)']]]))).toEqual(
        Object.fromEntries(
          [...expected].map(([k, [c, d]]) => [k, [toMajorString(BigInt(c), ','), toMajorString(BigInt(d), ',')]]),
        ),
      );
    });
  });

  describe('GET /api/reports/spending.xlsx', () => {
    const workbook = async (query: string, auth: Auth = finance) => {
      const res = await t.http.get(`/api/reports/spending.xlsx?${query}`).set(auth).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as ArrayBuffer);
      return { res, wb };
    };

    it('has a sheet per grouping and one of them together, numbers as numbers, a frozen filtered header and SUM totals', async () => {
      const { res, wb } = await workbook(`year=${previous}&groupBy=unit,category&lang=en`);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="spending-${previous}.xlsx"`);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['By unit', 'By category', 'Combined']);
      const json = {
        unit: (await t.http.get(`/api/reports/spending?year=${previous}&groupBy=unit`).set(finance)).body,
        category: (await t.http.get(`/api/reports/spending?year=${previous}&groupBy=category`).set(finance)).body,
        both: (await t.http.get(`/api/reports/spending?year=${previous}&groupBy=unit,category`).set(finance)).body,
      };
      const checks: [string, { rows: Row[]; totals: Row }, number][] = [
        ['By unit', json.unit, 3],
        ['By category', json.category, 3],
        ['Combined', json.both, 5],
      ];
      for (const [name, report, committedColumn] of checks) {
        const ws = wb.getWorksheet(name)!;
        expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(ws.autoFilter).toBeDefined();
        expect(ws.getRow(1).font?.bold).toBe(true);
        expect(ws.rowCount).toBe(report.rows.length + 2);
        report.rows.forEach((r, i) => {
          const row = ws.getRow(i + 2);
          expect(row.getCell(committedColumn).value).toBe(Number(toMajorString(BigInt(r.committed))));
          expect(row.getCell(committedColumn + 1).value).toBe(Number(toMajorString(BigInt(r.disbursed))));
          expect(row.getCell(committedColumn).numFmt).toContain('#,##0.00');
        });
        const totals = ws.getRow(report.rows.length + 2);
        expect(totals.getCell(1).value).toBe('Total');
        const cell = totals.getCell(committedColumn).value as ExcelJS.CellFormulaValue;
        const letter = ws.getColumn(committedColumn).letter;
        expect(cell.formula).toBe(`SUM(${letter}2:${letter}${report.rows.length + 1})`);
        // exceljs reads a stored result of 0 back as none
        expect(cell.result ?? 0).toBe(Number(toMajorString(BigInt(report.totals.committed))));
        expect((totals.getCell(committedColumn + 1).value as ExcelJS.CellFormulaValue).result ?? 0).toBe(
          Number(toMajorString(BigInt(report.totals.disbursed))),
        );
      }
      expect(wb.getWorksheet('By unit')!.getRow(1).values).toEqual([
        undefined,
        'Unit',
        'Unit name',
        'Committed (DKK)',
        'Disbursed (DKK)',
      ]);
    });

    it('names sheets, headers and the file in Danish, with a kroner format', async () => {
      const { res, wb } = await workbook(`year=${previous}&groupBy=month,quarter&lang=da`);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="forbrug-${previous}.xlsx"`);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Pr. måned', 'Pr. kvartal', 'Samlet']);
      const ws = wb.getWorksheet('Pr. kvartal')!;
      expect(ws.getRow(1).values).toEqual([undefined, 'Kvartal', 'Disponeret (DKK)', 'Udbetalt (DKK)']);
      expect(ws.getRow(2).getCell(3).numFmt).toBe('#,##0.00 "kr.";-#,##0.00 "kr."');
      expect(ws.getRow(ws.rowCount).getCell(1).value).toBe('I alt');
    });

    it('writes one sheet for one grouping, and the Danish letters of the unit names intact', async () => {
      const { wb } = await workbook(`year=${previous}&groupBy=unit`);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['By unit']);
      const names = wb.worksheets[0].getColumn(2).values;
      expect(names).toContain('Sydsjællands og Lolland-Falsters Politi');
    });

    it('gives a unit worker a workbook of their own unit', async () => {
      const { wb } = await workbook(`year=${previous}&groupBy=unit,category`, kbh);
      const codes = wb.getWorksheet('Combined')!.getColumn(1).values.slice(2, -1);
      expect(new Set(codes)).toEqual(new Set(['KBH']));
    });
  });

  describe('GET /api/disbursements.csv', () => {
    const csv = (text: string, delimiter = ',') =>
      parse(text, { bom: true, delimiter, columns: true }) as Record<string, string>[];

    it('lists every payment matching the filter, in payment order, with the list’s own filter', async () => {
      const filter = JSON.stringify({ paidOn_gte: `${previous}-07-01`, paidOn_lte: `${previous}-12-31` });
      const res = await t.http.get(`/api/disbursements.csv?lang=da&filter=${encodeURIComponent(filter)}`).set(finance);
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="udbetalinger-${previous}-07-01_${previous}-12-31.csv"`,
      );
      const rows = csv(res.text, ';');
      const expected: { id: string; amount: string; paid_on: string }[] = await t.db.query(
        `SELECT id, amount::text, to_char(paid_on, 'YYYY-MM-DD') AS paid_on FROM disbursements
          WHERE paid_on BETWEEN $1 AND $2 ORDER BY paid_on, seq`,
        [`${previous}-07-01`, `${previous}-12-31`],
      );
      expect(rows.length).toBeGreaterThan(20);
      expect(rows.map((r) => [r['Betalings-id'], fromMajorString(r['Beløb (DKK)'], ','), r['Betalt den']])).toEqual(
        expected.map((e) => [e.id, BigInt(e.amount), e.paid_on]),
      );
      expect(Object.keys(rows[0] ?? {})).toEqual([
        'Betalt den',
        'Budgetår',
        'Enhed',
        'Kategori',
        'Ansøgning',
        'Beløb (DKK)',
        'Modtagertype',
        'Konto',
        'Betalings-id',
      ]);
      // asked for, the payee reference comes last, as each payment was recorded
      const withPayees = await t.http
        .get(`/api/disbursements.csv?lang=da&payeeReferences=true&filter=${encodeURIComponent(filter)}`)
        .set(finance);
      const payees: { ref: string | null }[] = await t.db.query(
        `SELECT payee_reference AS ref FROM disbursements WHERE paid_on BETWEEN $1 AND $2 ORDER BY paid_on, seq`,
        [`${previous}-07-01`, `${previous}-12-31`],
      );
      const rowsWithPayees = csv(withPayees.text, ';');
      expect(Object.keys(rowsWithPayees[0] ?? {}).at(-1)).toBe('Modtagerreference');
      expect(rowsWithPayees.map((r) => r['Betalings-id'])).toEqual(rows.map((r) => r['Betalings-id']));
      expect(rowsWithPayees.filter((r) => r.Modtagerreference !== '').length).toBe(
        payees.filter((p) => p.ref !== null).length,
      );
      const refused = await t.http.get(`/api/disbursements.csv?payeeReferences=yes`).set(finance);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('payeeReferences must be true or false');
      // the list agrees on how many match
      const list = await t.http.get(`/api/disbursements?filter=${encodeURIComponent(filter)}&range=[0,0]`).set(finance);
      expect(list.headers['content-range']).toMatch(new RegExp(`/${rows.length}$`));
    });

    it('names categories and payee types in words, in the language asked', async () => {
      const names: Record<string, Record<string, string>> = {
        relocation: { en: 'Temporary relocation', da: 'Midlertidig flytning' },
        tattoo_removal: { en: 'Tattoo removal', da: 'Fjernelse af tatovering' },
        psychological_treatment: { en: 'Psychological treatment', da: 'Psykologbehandling' },
        clinic: { en: 'Clinic', da: 'Klinik' },
        landlord: { en: 'Landlord', da: 'Udlejer' },
        psychologist: { en: 'Psychologist', da: 'Psykolog' },
        municipality: { en: 'Municipality', da: 'Kommune' },
        other: { en: 'Other', da: 'Andet' },
      };
      const codes: { id: string; category: string; payee: string }[] = await t.db.query(
        `SELECT d.id, a.category_code AS category, d.payee_type AS payee
           FROM disbursements d JOIN applications a ON a.id = d.application_id`,
      );
      const byId = new Map(codes.map((c) => [c.id, c]));
      for (const [lang, header, delimiter, id, category, payee] of [
        ['da', 'da', ';', 'Betalings-id', 'Kategori', 'Modtagertype'],
        ['en', 'en-GB,en;q=0.9', ',', 'Payment id', 'Category', 'Payee type'],
      ]) {
        const res = await t.http.get(`/api/disbursements.csv`).set(finance).set('Accept-Language', header);
        const rows = csv(res.text, delimiter);
        expect(rows).toHaveLength(codes.length);
        for (const r of rows) {
          const code = byId.get(r[id])!;
          expect([r[category], r[payee]]).toEqual([names[code.category][lang], names[code.payee][lang]]);
        }
        expect(new Set(rows.map((r) => r[payee])).size).toBeGreaterThan(1);
      }
    });

    it('lists refunds as negative amounts, and all payments when there is no filter', async () => {
      const res = await t.http.get(`/api/disbursements.csv`).set(cp);
      expect(res.headers['content-disposition']).toBe('attachment; filename="disbursements-all.csv"');
      const rows = csv(res.text);
      const [{ n, total }] = await t.db.query(
        `SELECT count(*)::int AS n, sum(amount)::text AS total FROM disbursements`,
      );
      expect(rows).toHaveLength(n);
      expect(rows.reduce((s, r) => s + fromMajorString(r['Amount (DKK)']), 0n)).toBe(BigInt(total));
      expect(rows.some((r) => r['Amount (DKK)'].startsWith('-'))).toBe(true);
    });

    it('gives a unit worker their own unit’s payments only, and another unit’s filter an empty file', async () => {
      const mine = csv((await t.http.get(`/api/disbursements.csv`).set(kbh)).text);
      expect(mine.length).toBeGreaterThan(0);
      expect(new Set(mine.map((r) => r.Unit))).toEqual(new Set(['KBH']));
      const other = await t.http
        .get(`/api/disbursements.csv?filter=${encodeURIComponent(JSON.stringify({ unitId: units.FYN }))}`)
        .set(kbh);
      expect(other.status).toBe(200);
      expect(csv(other.text)).toEqual([]);
    });

    it('leaves GET /api/disbursements/:id to the payments', async () => {
      const [{ id }] = await t.db.query(`SELECT id FROM disbursements LIMIT 1`);
      expect((await t.http.get(`/api/disbursements/${id}`).set(finance)).body.id).toBe(id);
      expect((await t.http.get(`/api/disbursements/not-a-uuid`).set(finance)).status).toBe(400);
      expect((await t.http.get(`/api/disbursements`).set(finance)).status).toBe(200);
    });

    it.each([
      ['filter={"colour":"red"}', 'filter.colour'],
      ['filter=not-json', 'filter'],
      ['filter={"paidOn_gte":"2026-06-30","paidOn_lte":"2026-01-01"}', 'filter.paidOn_lte'],
      ['sort=["paidOn","ASC"]', 'sort'],
      ['delimiter=tab', 'delimiter'],
    ])('refuses %s with a 400 naming %s', async (query, field) => {
      const res = await t.http.get(`/api/disbursements.csv?${query}`).set(finance);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors)).toContain(field);
    });
  });

  describe('exports are audited', () => {
    it('records who exported which report in which format with which filters, and nothing narrative', async () => {
      const before = new Date();
      const search = encodeURIComponent(JSON.stringify({ q: 'a text someone typed', year }));
      await t.http.get(`/api/reports/spending.csv?year=${year}&groupBy=unit&lang=da`).set(finance);
      await t.http.get(`/api/reports/spending.xlsx?year=${year}`).set(cp);
      await t.http.get(`/api/disbursements.csv?filter=${search}`).set(finance);
      await t.http.get(`/api/disbursements.csv?filter=${search}&payeeReferences=true`).set(finance);
      await t.http.get(`/api/reports/statistics?year=${year}`).set(finance);
      await t.http.get(`/api/reports/statistics.xlsx?year=${year}`).set(finance);
      await t.http.get(`/api/reports/spending?year=${year}`).set(finance);
      const events: { action: string; actor: string; entity_type: string; entity_id: string; details: object }[] =
        await t.db.query(
          `SELECT e.action, u.email AS actor, e.entity_type, e.entity_id, e.details
             FROM audit_events e JOIN users u ON u.id = e.actor_id
            WHERE e.at >= $1 AND e.action = 'report.export' ORDER BY e.seq`,
          [before],
        );
      expect(events).toEqual([
        {
          action: 'report.export',
          actor: 'finance@demo.test',
          entity_type: 'report',
          entity_id: 'spending',
          details: {
            report: 'spending',
            format: 'csv',
            language: 'da',
            filters: { year, from: null, to: null, groupBy: ['unit'], unitId: null, categoryCode: null },
          },
        },
        expect.objectContaining({
          actor: 'ncp@demo.test',
          details: expect.objectContaining({ report: 'spending', format: 'xlsx', language: 'en' }),
        }),
        expect.objectContaining({
          details: { report: 'disbursements', format: 'csv', language: 'en', filters: { year, search: true } },
        }),
        // the asking for payee references is on record
        expect.objectContaining({
          details: {
            report: 'disbursements',
            format: 'csv',
            language: 'en',
            filters: { year, search: true, payeeReferences: true },
          },
        }),
        expect.objectContaining({
          details: { report: 'statistics', format: 'json', filters: { year, byUnit: false } },
        }),
        expect.objectContaining({ details: expect.objectContaining({ report: 'statistics', format: 'xlsx' }) }),
      ]);
      expect(JSON.stringify(events)).not.toContain('someone typed');
    });

    it('records nothing for a refused export', async () => {
      const before = new Date();
      await t.http.get(`/api/reports/spending.csv?year=2099`).set(finance);
      await t.http.get(`/api/disbursements.csv?filter=nonsense`).set(finance);
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE at >= $1 AND action = 'report.export'`,
        [before],
      );
      expect(n).toBe(0);
    });
  });

  describe('GET /api/reports/processing', () => {
    /** percentile_cont: linear interpolation between the closest ranks. */
    const percentile = (sorted: number[], p: number) => {
      const at = (sorted.length - 1) * p;
      const lo = Math.floor(at);
      return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (at - lo);
    };

    it.each([previous])(
      'gives the median and 90th percentile days, approval rates and the average grant per case of %i',
      async (y) => {
        const res = await t.http.get(`/api/reports/processing?year=${y}`).set(cp);
        expect(res.status).toBe(200);
        const decided: {
          category: string;
          urgent: boolean;
          status: string;
          days: number;
          granted: string | null;
          case_id: string;
        }[] = await t.db.query(
          `SELECT category_code AS category, urgent, status, case_id,
                    extract(epoch FROM decided_at - submitted_at)::float8 / 86400 AS days,
                    CASE status WHEN 'rejected' THEN NULL WHEN 'cancelled' THEN paid_amount ELSE amount_approved END::text AS granted
               FROM applications WHERE decided_at IS NOT NULL AND extract(year FROM decided_at AT TIME ZONE 'UTC') = $1`,
          [y],
        );
        const expected = (rows: typeof decided) => {
          const days = rows.map((r) => r.days).sort((a, b) => a - b);
          const approved = rows.filter((r) => r.status !== 'rejected');
          const cases = new Set(approved.map((r) => r.case_id));
          const granted = approved.reduce((s, r) => s + BigInt(r.granted!), 0n);
          return {
            decided: rows.length,
            approved: approved.length,
            rejected: rows.length - approved.length,
            approvalRate: Math.round((approved.length / rows.length) * 10_000) / 10_000,
            medianDays: percentile(days, 0.5),
            p90Days: percentile(days, 0.9),
            grantedCases: cases.size,
            // rounded half up, as PostgreSQL rounds a positive numeric
            averageGrantPerCase: Number((granted * 2n + BigInt(cases.size)) / (2n * BigInt(cases.size))),
          };
        };
        const agree = (actual: Record<string, number>, rows: typeof decided) => {
          const { medianDays, p90Days, ...rest } = expected(rows);
          expect({ ...actual, medianDays: undefined, p90Days: undefined }).toEqual({
            ...rest,
            medianDays: undefined,
            p90Days: undefined,
          });
          // days to one decimal
          expect(Math.abs(actual.medianDays - medianDays)).toBeLessThanOrEqual(0.05 + 1e-9);
          expect(Math.abs(actual.p90Days - p90Days)).toBeLessThanOrEqual(0.05 + 1e-9);
        };
        expect(decided.length).toBeGreaterThan(20);
        agree(res.body.overall, decided);
        agree(
          res.body.urgent,
          decided.filter((r) => r.urgent),
        );
        agree(
          res.body.ordinary,
          decided.filter((r) => !r.urgent),
        );
        expect(res.body.byCategory.map((c: { categoryCode: string }) => c.categoryCode)).toEqual([
          'psychological_treatment',
          'relocation',
          'tattoo_removal',
        ]);
        for (const { categoryCode, ...figures } of res.body.byCategory) {
          agree(
            figures,
            decided.filter((r) => r.category === categoryCode),
          );
        }
        expect(res.body.urgent.medianDays).toBeLessThan(res.body.ordinary.medianDays);
      },
    );

    it('answers an empty year with nulls, not a failure', async () => {
      const res = await t.http.get(`/api/reports/processing?year=2001`).set(finance);
      expect(res.status).toBe(200);
      expect(res.body.overall).toEqual({
        decided: 0,
        approved: 0,
        rejected: 0,
        approvalRate: null,
        medianDays: null,
        p90Days: null,
        grantedCases: 0,
        averageGrantPerCase: null,
      });
    });

    it('gives a unit worker their own unit’s decisions', async () => {
      const mine = await t.http.get(`/api/reports/processing?year=${year}`).set(kbh);
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM applications
          WHERE unit_id = $1 AND decided_at IS NOT NULL AND extract(year FROM decided_at AT TIME ZONE 'UTC') = $2`,
        [units.KBH, year],
      );
      expect(mine.body.overall.decided).toBe(n);
    });
  });

  // last, so that it sees what every test above left behind
  it('leaves books that add up: the ledger check finds nothing', async () => {
    expect(await checkLedger(t.db.manager)).toEqual([]);
  });
});
