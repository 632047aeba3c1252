import { randomUUID } from 'node:crypto';
import { type Auth, newApplication, quoteOverride } from './fixtures.js';
import type { TestApp } from './test-app.js';

export const thisYear = () => new Date().getUTCFullYear();

/** This year's budget year set to a given pool (created when missing). */
export async function setPool(t: TestApp, poolAmount: bigint | number): Promise<string> {
  const [row] = await t.db.query(
    `INSERT INTO budget_years (year, pool_amount) VALUES ($1, $2)
     ON CONFLICT (year) DO UPDATE SET pool_amount = EXCLUDED.pool_amount RETURNING id`,
    [thisYear(), String(poolAmount)],
  );
  return row.id;
}

export async function yearFigures(t: TestApp, year = thisYear()) {
  const [row] = await t.db.query(
    `SELECT pool_amount::text AS pool, committed::text, disbursed::text FROM budget_years WHERE year = $1`,
    [year],
  );
  return { pool: BigInt(row.pool), committed: BigInt(row.committed), disbursed: BigInt(row.disbursed) };
}

/** A submitted relocation of `nights` × DKK 1,000, approved in full by the contact point. */
export async function grant(
  t: TestApp,
  worker: Auth,
  cp: Auth,
  caseId: string,
  nights = 5,
): Promise<{ id: string; amount: number }> {
  const a = await newApplication(t, worker, caseId, {}, nights);
  const submitted = await t.http.post(`/api/applications/${a.id}/submit`).set(worker);
  if (submitted.status !== 200) throw new Error(JSON.stringify(submitted.body));
  const approved = await t.http
    .post(`/api/applications/${a.id}/approve`)
    .set(cp)
    .send({ amountApproved: a.amountRequested, reason: 'ok', overrides: quoteOverride });
  if (approved.status !== 200) throw new Error(JSON.stringify(approved.body));
  return { id: a.id, amount: a.amountRequested };
}

export function pay(
  t: TestApp,
  finance: Auth,
  applicationId: string,
  amount: number,
  key: string = randomUUID(),
  extra: object = {},
) {
  return t.http
    .post('/api/disbursements')
    .set(finance)
    .set('Idempotency-Key', key)
    .send({
      applicationId,
      amount,
      paidOn: new Date().toISOString().slice(0, 10),
      payeeType: 'landlord',
      payeeReference: 'INV-1',
      ...extra,
    });
}
