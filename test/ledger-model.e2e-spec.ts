import fc from 'fast-check';
import { checkLedger } from '../api/src/ledger/ledger-check.js';
import { type Auth, newApplication, newCase, quoteOverride, seedCatalog } from './support/fixtures.js';
import { pay, setPool, thisYear, yearFigures } from './support/money.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** What the pool should look like, kept by plain arithmetic beside the real API. */
interface Model {
  pool: bigint;
  /** committed and disbursed of grants from earlier runs in the same database */
  baseCommitted: bigint;
  baseDisbursed: bigint;
  grants: { id: string; approved: bigint; paid: bigint; cancelled: boolean }[];
}

const committed = (m: Model) =>
  m.baseCommitted + m.grants.reduce((s, g) => s + (g.cancelled ? 0n : g.approved - g.paid), 0n);
const disbursed = (m: Model) => m.baseDisbursed + m.grants.reduce((s, g) => s + g.paid, 0n);

interface Real {
  t: TestApp;
  worker: Auth;
  cp: Auth;
  finance: Auth;
  yearId: string;
}

type Cmd = fc.AsyncCommand<Model, Real>;

/** The kinds of step the runs took: they must cover all, or they prove little. */
const executed = new Set<string>();

/** After every step the API's figures must be the model's, to the øre. */
async function agree(m: Model, r: Real, step: string): Promise<void> {
  executed.add(step);
  const year = (await r.t.http.get(`/api/budget-years/${r.yearId}`).set(r.finance)).body;
  expect({
    pool: year.poolAmount,
    committed: year.committed,
    disbursed: year.disbursed,
    available: year.available,
  }).toEqual({
    pool: Number(m.pool),
    committed: Number(committed(m)),
    disbursed: Number(disbursed(m)),
    available: Number(m.pool - committed(m) - disbursed(m)),
  });
}

class Approve implements Cmd {
  constructor(readonly nights: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const c = await newCase(r.t, r.worker);
    const a = await newApplication(r.t, r.worker, c.id, {}, this.nights);
    const submitted = await r.t.http.post(`/api/applications/${a.id}/submit`).set(r.worker);
    const amount = BigInt(a.amountRequested);
    const room = m.pool - committed(m) - disbursed(m);
    if (submitted.status !== 200) {
      // the pool check already refuses at submission when the pool is short
      expect(amount > room).toBe(true);
    } else {
      const res = await r.t.http
        .post(`/api/applications/${a.id}/approve`)
        .set(r.cp)
        .send({ amountApproved: a.amountRequested, reason: 'ok', overrides: quoteOverride });
      expect(res.status).toBe(amount <= room ? 200 : 409);
      if (res.status === 200) m.grants.push({ id: a.id, approved: amount, paid: 0n, cancelled: false });
    }
    await agree(m, r, 'approve');
  }
  toString = () => `approve(${this.nights} nights)`;
}

class Pay implements Cmd {
  constructor(
    readonly pick: number,
    readonly share: number,
  ) {}
  check = (m: Readonly<Model>) => m.grants.length > 0;
  async run(m: Model, r: Real) {
    const g = m.grants[this.pick % m.grants.length];
    const unpaid = g.approved - g.paid;
    // sometimes a little more than is unpaid, which must be refused
    const amount = (unpaid * BigInt(this.share)) / 100n + (this.share > 100 ? 1n : 0n);
    const res = await pay(r.t, r.finance, g.id, Number(amount));
    const ok = amount > 0n && amount <= unpaid && !g.cancelled;
    expect(res.status).toBe(amount === 0n ? 400 : ok ? 201 : 409);
    if (ok) g.paid += amount;
    await agree(m, r, 'pay');
  }
  toString = () => `pay(#${this.pick}, ${this.share}%)`;
}

class Refund implements Cmd {
  constructor(
    readonly pick: number,
    readonly share: number,
  ) {}
  check = (m: Readonly<Model>) => m.grants.some((g) => g.paid > 0n);
  async run(m: Model, r: Real) {
    const paid = m.grants.filter((g) => g.paid > 0n);
    const g = paid[this.pick % paid.length];
    const amount = (g.paid * BigInt(this.share)) / 100n + (this.share > 100 ? 1n : 0n);
    const res = await pay(r.t, r.finance, g.id, -Number(amount));
    const ok = amount > 0n && amount <= g.paid;
    expect(res.status).toBe(amount === 0n ? 400 : ok ? 201 : 409);
    if (ok) g.paid -= amount;
    await agree(m, r, 'refund');
  }
  toString = () => `refund(#${this.pick}, ${this.share}%)`;
}

class Cancel implements Cmd {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.grants.some((g) => !g.cancelled && g.paid < g.approved);
  async run(m: Model, r: Real) {
    const open = m.grants.filter((g) => !g.cancelled && g.paid < g.approved);
    const g = open[this.pick % open.length];
    const res = await r.t.http.post(`/api/applications/${g.id}/cancel`).set(r.cp).send({ reason: 'No longer needed.' });
    expect(res.status).toBe(200);
    g.cancelled = true;
    await agree(m, r, 'cancel');
  }
  toString = () => `cancel(#${this.pick})`;
}

class ChangePool implements Cmd {
  constructor(readonly delta: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const next = committed(m) + disbursed(m) + BigInt(this.delta);
    const res = await r.t.http
      .put(`/api/budget-years/${r.yearId}`)
      .set(r.cp)
      .send({ poolAmount: Number(next) });
    expect(res.status).toBe(next < 0n ? 400 : next >= committed(m) + disbursed(m) ? 200 : 409);
    if (res.status === 200) m.pool = next;
    await agree(m, r, 'pool');
  }
  toString = () => `pool(used ${this.delta >= 0 ? '+' : ''}${this.delta})`;
}

describe('The ledger against a model of the pool', () => {
  let t: TestApp;
  let real: Real;

  beforeAll(async () => {
    t = await createTestApp();
    await seedCatalog(t);
    const yearId = await setPool(t, 5_000_000);
    real = {
      t,
      worker: (await t.signedIn('unit_worker')).auth,
      cp: (await t.signedIn('contact_point')).auth,
      finance: (await t.signedIn('finance')).auth,
      yearId,
    };
  });
  afterAll(() => t.close());

  it('agrees with the model after every step of random approvals, payments, refunds, cancellations and pool changes', async () => {
    const commands = [
      fc.integer({ min: 1, max: 20 }).map((n) => new Approve(n)),
      fc.tuple(fc.nat(), fc.integer({ min: 0, max: 110 })).map(([p, s]) => new Pay(p, s)),
      fc.tuple(fc.nat(), fc.integer({ min: 0, max: 110 })).map(([p, s]) => new Refund(p, s)),
      fc.nat().map((p) => new Cancel(p)),
      fc.integer({ min: -200_000, max: 3_000_000 }).map((d) => new ChangePool(d)),
    ];
    const runModel = async (cmds: Iterable<Cmd>) => {
      const start = await yearFigures(t, thisYear());
      const model: Model = {
        pool: start.pool,
        baseCommitted: start.committed,
        baseDisbursed: start.disbursed,
        grants: [],
      };
      await fc.asyncModelRun(() => ({ model, real }), cmds);
      // and the books add up after every run: each figure is the sum of its postings
      expect(await checkLedger(t.db.manager)).toEqual([]);
    };
    // one fixed walk through every kind of step, so that a run of unlucky draws still proves each
    await runModel([new Approve(5), new Pay(0, 60), new Refund(0, 50), new Cancel(0), new ChangePool(1_000)]);
    expect(executed).toEqual(new Set(['approve', 'pay', 'refund', 'cancel', 'pool']));
    await fc.assert(fc.asyncProperty(fc.commands(commands, { size: 'large', maxCommands: 25 }), runModel), {
      numRuns: 12,
    });
  }, 300_000);
});
