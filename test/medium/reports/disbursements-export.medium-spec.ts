import type { Actor } from '../../../api/src/auth/auth.decorators.js';
import { thisYear, todayIso } from '../../../api/src/common/dates.js';
import { DisbursementsService } from '../../../api/src/disbursements/disbursements.service.js';
import { DisbursementsExportService, type PaymentLine } from '../../../api/src/reports/disbursements-export.service.js';
import type { ListQuery } from '../../../api/src/common/list-query.js';
import { setPool } from '../../support/money.js';
import { actorOf, createMediumTest, type MediumTest } from '../medium-db.js';
import { approvedRelocation } from '../relocation.js';

let t: MediumTest;
let exporter: DisbursementsExportService;
let finance: Actor;
let cp: Actor;
let workerA: Actor;
let workerB: Actor;
let unitCodes: Record<string, string>;
const refs: string[] = [];
let grantA: string;

/** A relocation of `nights` nights at DKK 1,000 a night for a new case of the worker's unit, approved in full. */
const grant = (worker: Actor, nights: number) => approvedRelocation(t, worker, cp, nights);

const pay = (applicationId: string, amount: number, payeeReference?: string, accountCode?: string) =>
  t.get(DisbursementsService).create(finance, {
    applicationId,
    amount,
    paidOn: todayIso(),
    payeeType: 'landlord',
    ...(payeeReference && { payeeReference }),
    ...(accountCode && { accountCode }),
  } as never);

async function exported(
  actor: Actor,
  filter: Record<string, unknown> = {},
  payeeReferences = true,
): Promise<PaymentLine[]> {
  const query: ListQuery = { sort: ['paidOn', 'DESC'], range: [0, 9], filter };
  const lines: PaymentLine[] = [];
  for await (const batch of await exporter.payments(actor, query, { payeeReferences }))
    lines.push(...(batch as PaymentLine[]));
  return lines;
}

beforeAll(async () => {
  t = await createMediumTest();
  await t.seedCatalog();
  await setPool(t, 5_000_000);
  exporter = t.get(DisbursementsExportService);
  finance = actorOf(await t.newUser('finance'));
  cp = actorOf(await t.newUser('contact_point'));
  workerA = actorOf(await t.newUser('unit_worker'));
  workerB = actorOf(await t.newUser('unit_worker'));
  const rows: { id: string; code: string }[] = await t.db.query(`SELECT id, code FROM units`);
  unitCodes = Object.fromEntries(rows.map((r) => [r.id, r.code]));

  const a = await grant(workerA, 3);
  const b = await grant(workerB, 2);
  refs.push(a.reference, b.reference);
  grantA = a.id;
  await pay(a.id, 100_000, 'INV-A-1', '4711');
  await pay(b.id, 200_000, 'INV-B-1');
  await pay(a.id, -20_000, 'REFUND-A');
});
afterAll(() => t.close());

describe('DisbursementsExportService', () => {
  it('lists every payment in the order recorded on a day, refunds negative, the payee reference in plain text', async () => {
    const lines = await exported(finance);
    expect(lines.map(({ id: _, ...line }) => line)).toEqual([
      {
        paidOn: todayIso(),
        year: thisYear(),
        unitCode: unitCodes[workerA.unitId!],
        categoryCode: 'relocation',
        applicationReference: refs[0],
        amount: 100_000n,
        payeeType: 'landlord',
        payeeReference: 'INV-A-1',
        accountCode: '4711',
      },
      {
        paidOn: todayIso(),
        year: thisYear(),
        unitCode: unitCodes[workerB.unitId!],
        categoryCode: 'relocation',
        applicationReference: refs[1],
        amount: 200_000n,
        payeeType: 'landlord',
        payeeReference: 'INV-B-1',
        accountCode: null,
      },
      {
        paidOn: todayIso(),
        year: thisYear(),
        unitCode: unitCodes[workerA.unitId!],
        categoryCode: 'relocation',
        applicationReference: refs[0],
        amount: -20_000n,
        payeeType: 'landlord',
        payeeReference: 'REFUND-A',
        accountCode: null,
      },
    ]);
    // encrypted at rest all the same
    const stored: { ref: string }[] = await t.db.query(`SELECT payee_reference AS ref FROM disbursements`);
    for (const { ref } of stored) expect(ref).not.toMatch(/INV|REFUND/);
  });

  it('leaves the payee reference out unless asked: neither read nor opened', async () => {
    const lines = await exported(finance, {}, false);
    expect(lines.map((l) => l.amount)).toEqual([100_000n, 200_000n, -20_000n]);
    for (const line of lines) expect(line).not.toHaveProperty('payeeReference');
    expect(
      exporter.copySql(finance, { sort: ['paidOn', 'DESC'], range: [0, 9], filter: {} }, { payeeReferences: false }),
    ).not.toContain('payee_reference');
  });

  it("confines a unit worker to their unit's payments, and applies the list's filters", async () => {
    expect((await exported(workerB)).map((l) => l.amount)).toEqual([200_000n]);
    expect((await exported(finance, { amount_lte: 0 })).map((l) => l.payeeReference)).toEqual(['REFUND-A']);
    expect(await exported(finance, { unitId: workerA.unitId, q: refs[1] })).toEqual([]);
  });

  it('tells what it reads: three rows, then the end after all of them', async () => {
    const seen: number[] = [];
    const ended: [number, boolean][] = [];
    const onRows = (rows: number) => seen.push(rows);
    const onEnd = (rows: number, complete: boolean) => ended.push([rows, complete]);
    exporter.reads.on('rows', onRows);
    exporter.reads.on('end', onEnd);
    try {
      await exported(finance);
    } finally {
      exporter.reads.off('rows', onRows);
      exporter.reads.off('end', onEnd);
    }
    expect(seen.at(-1)).toBe(3);
    expect(ended).toEqual([[3, true]]);
  });

  it('carries any text through the COPY and any filter into it as a literal: quotes, backslashes, tabs, line breaks', async () => {
    const hostile = [
      `'; DROP TABLE units; --`,
      `\\'); SELECT 1; --`,
      `$1 :scope \\N \\x41 \\101`,
      `tab\there, "comma";`,
      `line\nbreak\r\nend`,
    ];
    for (const text of hostile) await pay(grantA, 1, `ref ${text}`, text);
    for (const text of hostile) {
      const found = await exported(finance, { q: text });
      expect(found.map((l) => [l.accountCode, l.payeeReference])).toEqual([[text, `ref ${text}`]]);
      // the unit scope holds beside it
      expect(await exported(workerB, { q: text })).toEqual([]);
    }
    expect(await exported(finance, { unitId: [workerA.unitId, workerB.unitId], amount_gte: 2 })).toHaveLength(2);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM units`);
    expect(n).toBeGreaterThan(0);
  });
});
