import type { ApplicationStatus } from '@app/workflow';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ApplicationRepository } from '../../api/src/applications/application.repository.js';
import { thisYear, todayIso } from '../../api/src/common/dates.js';
import { LedgerRepository } from '../../api/src/ledger/ledger.repository.js';
import { LedgerService } from '../../api/src/ledger/ledger.service.js';
import { type Auth, newApplication, quoteOverride } from './fixtures.js';
import type { TestApp } from './test-app.js';

export { thisYear };

/**
 * The tests' money goes the ledger's own way: budget years through its
 * repository, postings through `LedgerService` (the path the services and the
 * demo history take), so the trigger and the checks see what they would see in use.
 * `t` is anything that holds the application: an e2e TestApp or a medium test.
 */
type Provider = <T>(type: abstract new (...args: never[]) => T) => T;
/** An e2e TestApp (its `app`) or a medium test (its `get`): either holds the application's providers. */
type HasLedger = Pick<TestApp, 'db'> & ({ app: { get: Provider } } | { get: Provider });

const provider = (t: HasLedger): Provider => ('get' in t ? t.get : (type) => t.app.get(type));

/** A year's budget year opened with a pool, or its pool set when it exists already. */
export async function setPool(t: HasLedger, poolAmount: bigint | number, year = thisYear()): Promise<string> {
  const years = provider(t)(LedgerRepository);
  return t.db.transaction(async (tx) => {
    const found = await years.lockYearNumbered(tx, year);
    if (!found) return years.insertYear(tx, { year, poolAmount: BigInt(poolAmount), createdBy: null });
    await years.updateYear(tx, found.id, { poolAmount: BigInt(poolAmount) });
    return found.id;
  });
}

/** A year's budget year with its pool, opened unless it is open already (its pool then stays as it is). */
export async function openYear(t: HasLedger, year: number, poolAmount: bigint | number): Promise<string> {
  const years = provider(t)(LedgerRepository);
  return t.db.transaction(
    async (tx) =>
      (await years.lockYearNumbered(tx, year))?.id ??
      years.insertYear(tx, { year, poolAmount: BigInt(poolAmount), createdBy: null }),
  );
}

export async function yearFigures(t: HasLedger, year = thisYear()) {
  const found = (await provider(t)(LedgerRepository).findYearNumbered(year))!;
  return { pool: found.poolAmount, committed: found.committed, disbursed: found.disbursed };
}

/** How a year's committed and disbursed moved since `before` (its yearFigures then). */
export async function yearChange(t: HasLedger, before: { committed: bigint; disbursed: bigint }, year = thisYear()) {
  const after = await yearFigures(t, year);
  return { committed: after.committed - before.committed, disbursed: after.disbursed - before.disbursed };
}

const GRANTED: readonly ApplicationStatus[] = ['approved', 'partially_approved', 'paid', 'cancelled'];
const DECIDED: readonly ApplicationStatus[] = [...GRANTED, 'rejected'];
const HOLDS_MONEY: readonly ApplicationStatus[] = ['awaiting_second_approval', 'approved', 'partially_approved'];

/**
 * An application put straight into a status, with the fields the workflow
 * would have set on the way (the database's constraints still hold), for
 * tests of what may happen from there. A status that holds money commits the
 * amount requested from today's open year through `LedgerService.commit`, as
 * the approval does; a `paid` one is marked paid without payments (so
 * `checkLedger` would name it: use a real payment where the books matter).
 */
export async function putInStatus(
  t: HasLedger,
  id: string,
  status: ApplicationStatus,
  by: { guidelineId: string; submittedBy: string; decidedBy: string },
): Promise<void> {
  const get = provider(t);
  const applications = get(ApplicationRepository);
  const ledger = get(LedgerService);
  await t.db.transaction(async (tx: EntityManager) => {
    const a = await applications.reload(tx, id);
    const now = new Date();
    const amount = a.amountRequested;
    Object.assign(a, {
      status,
      guidelineId: by.guidelineId,
      submittedAt: now,
      submittedBy: by.submittedBy,
      amountApproved: GRANTED.includes(status) ? amount : null,
      ...(status === 'awaiting_second_approval' && {
        firstApprovedBy: by.decidedBy,
        firstApprovedAt: now,
        firstApprovedAmount: amount,
      }),
      ...(DECIDED.includes(status) && { decidedBy: by.decidedBy, decidedAt: now }),
      paidAmount: status === 'paid' ? amount : 0n,
    });
    if (HOLDS_MONEY.includes(status)) {
      a.budgetYearId = await ledger.commit(tx, await ledger.lockOpenYear(tx, todayIso()), a, amount, by.decidedBy);
    }
    await applications.save(tx, a);
  });
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
      paidOn: todayIso(),
      payeeType: 'landlord',
      payeeReference: 'INV-1',
      ...extra,
    });
}
