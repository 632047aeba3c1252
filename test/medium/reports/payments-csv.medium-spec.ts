import type { Actor } from '../../../api/src/auth/auth.decorators.js';
import { todayIso } from '../../../api/src/common/dates.js';
import { DisbursementsService } from '../../../api/src/disbursements/disbursements.service.js';
import { BOM, type CsvDelimiter, csvFormat, csvRecord } from '../../../api/src/reports/csv.js';
import { DisbursementsExportService } from '../../../api/src/reports/disbursements-export.service.js';
import { ReportExportsService } from '../../../api/src/reports/report-exports.service.js';
import {
  categoryLabel,
  type CategoryNames,
  type Language,
  moneyHeader,
  payeeTypeLabel,
  word,
} from '../../../api/src/reports/report-language.js';
import { setPool } from '../../support/money.js';
import { actorOf, createMediumTest, type MediumTest } from '../medium-db.js';
import { approvedRelocation } from '../relocation.js';

let t: MediumTest;
let finance: Actor;
let cp: Actor;
let worker: Actor;

const grant = async (nights: number): Promise<string> => (await approvedRelocation(t, worker, cp, nights)).id;

const pay = (applicationId: string, amount: number, payeeType: string, accountCode: string | null) =>
  t
    .get(DisbursementsService)
    .create(finance, { applicationId, amount, paidOn: todayIso(), payeeType, accountCode } as never);

/** The file as the new path writes it (PostgreSQL's CSV, without payee references). */
async function file(lang: Language, delimiter?: CsvDelimiter): Promise<string> {
  const streamable = await t.get(ReportExportsService).disbursementsCsv(finance, { lang, delimiter } as never);
  const pieces: Buffer[] = [];
  for await (const piece of streamable.getStream()) pieces.push(piece as Buffer);
  return Buffer.concat(pieces).toString('utf8');
}

/** The same payments as csvRecord writes them, from the tables themselves: the reference. */
async function expected(lang: Language, delimiter?: CsvDelimiter): Promise<string> {
  const format = csvFormat(lang, delimiter);
  const categories: (CategoryNames & { code: string })[] = await t.db.query(
    `SELECT code, name, name_en AS "nameEn", name_fi AS "nameFi" FROM categories`,
  );
  const names = new Map(categories.map((c) => [c.code, c]));
  const rows: Record<string, string | number | null>[] = await t.db.query(
    `SELECT to_char(d.paid_on, 'YYYY-MM-DD') AS "paidOn", y.year, un.code AS unit, a.category_code AS category,
            a.reference, d.amount::text AS amount, d.payee_type AS "payeeType", d.account_code AS account, d.id
       FROM disbursements d JOIN applications a ON a.id = d.application_id
       JOIN budget_years y ON y.id = d.budget_year_id JOIN units un ON un.id = d.unit_id
      ORDER BY d.paid_on, d.seq`,
  );
  const header = csvRecord(
    [
      ...(['paidOn', 'budgetYear', 'unitCode', 'categoryCode', 'application'] as const).map((w) => word(w, lang)),
      moneyHeader('amount', lang, t.config.currency),
      ...(['payeeType', 'accountCode', 'paymentId'] as const).map((w) => word(w, lang)),
    ],
    format,
  );
  const lines = rows.map((r) =>
    csvRecord(
      [
        r.paidOn as string,
        r.year as number,
        r.unit as string,
        categoryLabel(r.category as string, lang, names.get(r.category as string)),
        r.reference as string,
        BigInt(r.amount as string),
        payeeTypeLabel(r.payeeType as string, lang),
        r.account as string | null,
        r.id as string,
      ],
      format,
    ),
  );
  return BOM + header + lines.join('');
}

beforeAll(async () => {
  t = await createMediumTest();
  await t.seedCatalog();
  await setPool(t, 50_000_000);
  finance = actorOf(await t.newUser('finance'));
  cp = actorOf(await t.newUser('contact_point'));
  worker = actorOf(await t.newUser('unit_worker'));
  // a category whose names hold both delimiters, a quote, and (in Finnish) a formula
  await t.db.query(`INSERT INTO categories (code, name, name_en, name_fi) VALUES ('moving_house', $1, $2, $3)`, [
    'Bolig; flytning, "ny"',
    'Moving, house',
    '=Muutto;"koti"',
  ]);
  const plain = await grant(15);
  const tricky = await grant(15);
  const quoted = await grant(15);
  await t.db.query(`UPDATE applications SET category_code = 'moving_house', reference = $2 WHERE id = $1`, [
    tricky,
    '=HYPERLINK("x")',
  ]);
  await t.db.query(`UPDATE applications SET reference = $2 WHERE id = $1`, [quoted, 'REF;1,"2"']);
  const payments: [string, number, string, string | null][] = [
    [plain, 1_250_000, 'landlord', '=SUM(A1)'],
    [plain, 5, 'clinic', 'a,b;"c"\nd'],
    [plain, -5, 'other', null],
    [plain, 100, 'psychologist', ''],
    [tricky, 12_345, 'municipality', '\ttab'],
    [tricky, 7, 'other', '+1'],
    [tricky, 8, 'landlord', '-2'],
    [tricky, -7, 'clinic', '@x'],
    [quoted, 9, 'other', '\rcarriage'],
    [quoted, 10, 'other', 'x\r\ny'],
    [quoted, 1_000_000, 'psychologist', 'Æblegård 4711'],
    [quoted, 11, 'other', '"'],
  ];
  for (const [application, amount, payeeType, account] of payments) await pay(application, amount, payeeType, account);
});
afterAll(() => t.close());

describe('The payments file as PostgreSQL writes it', () => {
  it.each([
    ['en', undefined],
    ['en', ','],
    ['en', ';'],
    ['da', undefined],
    ['da', ','],
    ['da', ';'],
    ['fi', undefined],
    ['fi', ','],
    ['fi', ';'],
  ] as [Language, CsvDelimiter | undefined][])(
    'is byte for byte what csvRecord writes (%s, delimiter %s)',
    async (lang, delimiter) => {
      const text = await file(lang, delimiter);
      expect(text).toBe(await expected(lang, delimiter));
      // the tricky values are there to be compared
      expect(text.split('\r\n').length).toBeGreaterThan(12);
    },
  );

  it('tells what it reads: every payment, then the end', async () => {
    const reads = t.get(DisbursementsExportService).reads;
    const seen: number[] = [];
    const ended: [number, boolean][] = [];
    const onRows = (rows: number) => seen.push(rows);
    const onEnd = (rows: number, complete: boolean) => ended.push([rows, complete]);
    reads.on('rows', onRows).on('end', onEnd);
    try {
      await file('da');
    } finally {
      reads.off('rows', onRows).off('end', onEnd);
    }
    expect(seen.at(-1)).toBe(12);
    expect(ended).toEqual([[12, true]]);
  });
});
