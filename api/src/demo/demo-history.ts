import { requiresSecondApproval } from '@app/guidelines';
import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In } from 'typeorm';
import { Application } from '../applications/application.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { encryptedLineDescriptions, sealNullable, sealText } from '../crypto/encrypted-columns.js';
import { Disbursement, type PayeeType } from '../disbursements/disbursement.entity.js';
import { available } from '../ledger/ledger-figures.js';
import { LedgerRepository, type NewPosting } from '../ledger/ledger.repository.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { DEMO_PROFILES, type DemoProfile } from './demo-data.js';

/**
 * A year and a half of invented history, so that reports and charts mean
 * something: grants of every unit in every category, decided and paid in most
 * months of last year (its pool, DKK 2,000,000 in Denmark, closed at the year's end, every
 * grant paid or cancelled) and of this year up to a few days ago.
 *
 * Cases and applications go in with a few bulk INSERTs rather than through the
 * services (which would need a signed-in worker of each unit and take a
 * minute), but row for row what the services write: the same statuses,
 * amounts and four-eyes approvers. The money takes the ledger's own path: the
 * years through its repository, every commitment, payment, refund and release
 * through `LedgerService.postMany` (dated as the services date them), and the
 * payments as Disbursement rows, which the disbursements trigger adds to the
 * grants — so `checkLedger` finds nothing. No names: cases are references, and
 * every text is an invented, generic one.
 */
export async function seedDemoHistory(
  app: INestApplicationContext,
  profile: DemoProfile = DEMO_PROFILES.dk,
  today: Date = new Date(),
): Promise<void> {
  const db = app.get(DataSource);
  const money = moneyOf(profile);
  const ledger = { service: app.get(LedgerService), years: app.get(LedgerRepository) };
  await db.transaction(async (tx) => {
    const context = await loadContext(tx, ledger.years, today, money);
    const plan = planHistory(context, today, money, profile);
    await write(tx, ledger, context, plan, today);
    // into the chain at the commit, like every other event
    await app.get(AuditService).record(
      {
        actorId: null,
        action: 'demo.history',
        entityType: 'demo',
        details: { cases: plan.cases.length, applications: plan.applications.length, payments: plan.payments.length },
      },
      tx,
    );
  });
}

/** The history's amounts in the installation's minor units: its pool, threshold and prices. */
interface Money {
  /** One major unit (krone, euro) in minor units. */
  unit: number;
  /** The two years' pools may never run dry in the demo: what is left for the users to grant this year. */
  keepAvailable: number;
  previousPool: number;
  previousCap: number;
  /** A price as written in kroner. */
  price: (kroner: number) => number;
}

const moneyOf = (profile: DemoProfile): Money => ({
  unit: 100,
  keepAvailable: profile.pool / 5,
  previousPool: profile.pool,
  previousCap: Math.round(profile.pool * 0.925),
  price: profile.money,
});

const CATEGORIES = ['relocation', 'tattoo_removal', 'psychological_treatment'] as const;
type CategoryCode = (typeof CATEGORIES)[number];

const WORK: Record<CategoryCode, { description: string; min: number; max: number; rates: number[] }> = {
  relocation: { description: 'Furnished room, per night', min: 5, max: 40, rates: [800, 900, 1000, 1200, 1400, 1500] },
  tattoo_removal: { description: 'Laser session at a clinic', min: 2, max: 8, rates: [1500, 1800, 2000, 2200, 2500] },
  psychological_treatment: {
    description: 'Session with an authorised psychologist',
    min: 4,
    max: 12,
    rates: [900, 1100, 1200, 1400, 1500],
  },
};

const JUSTIFICATION: Record<CategoryCode, string[]> = {
  relocation: [
    'Former associates know the current address; a stay elsewhere until the housing office finds a flat.',
    'Threat assessment by the local unit recommends a move away from the old milieu.',
  ],
  tattoo_removal: [
    'A visible group emblem stands in the way of job interviews.',
    'Removal of a club emblem; sessions planned six weeks apart.',
  ],
  psychological_treatment: [
    'Treatment for anxiety after leaving the group; the public offer has a long waiting list.',
    'Psychological assessment and follow-up sessions during the exit course.',
  ],
};

const REJECTION = [
  'The municipality’s ordinary offer covers the cost.',
  'The cost falls outside the guidelines for flexible use of the pool.',
];

interface Context {
  users: { admin: string; ncp: string; ncp2: string; finance: string; workers: Map<string, string> };
  units: { id: string; code: string }[];
  guidelineId: string;
  previousYear: { id: string; year: number };
  thisYear: { id: string; year: number; available: number };
}

interface PlannedCase {
  id: string;
  unitId: string;
  unitCode: string;
  createdAt: Date;
  lastActivity: Date;
  categories: Set<string>;
  applications: number;
  number?: number;
  reference?: string;
}

interface PlannedApplication {
  [column: string]: unknown;
  id: string;
  status: string;
  preStatus: string;
}

type Payment = Pick<
  Disbursement,
  | 'id'
  | 'applicationId'
  | 'unitId'
  | 'budgetYearId'
  | 'amount'
  | 'paidOn'
  | 'payeeType'
  | 'payeeReference'
  | 'accountCode'
  | 'recordedBy'
  | 'createdAt'
>;

interface Plan {
  cases: PlannedCase[];
  applications: PlannedApplication[];
  payments: Payment[];
  postings: NewPosting[];
}

async function loadContext(tx: EntityManager, years: LedgerRepository, today: Date, money: Money): Promise<Context> {
  const users: { id: string; email: string; unit_id: string | null; role: string; party: string }[] = await tx.query(
    `SELECT id, email, unit_id, role, party FROM users`,
  );
  const byEmail = (email: string) => users.find((u) => u.email === email)!.id;
  const units: { id: string; code: string }[] = await tx.query(`SELECT id, code FROM units ORDER BY code`);
  const [{ id: guidelineId }] = await tx.query(
    `SELECT id FROM guidelines WHERE status = 'published' ORDER BY effective_from DESC LIMIT 1`,
  );
  const year = today.getUTCFullYear();
  const current = (await years.findYearNumbered(year, tx))!;
  const previous = await years.insertYear(tx, {
    year: year - 1,
    poolAmount: BigInt(money.previousPool),
    createdBy: byEmail('ncp@demo.test'),
    createdAt: new Date(Date.UTC(year - 1, 0, 2, 9)),
  });
  return {
    users: {
      admin: byEmail('admin@demo.test'),
      ncp: byEmail('ncp@demo.test'),
      ncp2: byEmail('ncp2@demo.test'),
      finance: byEmail('finance@demo.test'),
      // the unit's police worker opened its past cases
      workers: new Map(users.filter((u) => u.party === 'police').map((u) => [u.unit_id!, u.id])),
    },
    units,
    guidelineId,
    previousYear: { id: previous, year: year - 1 },
    thisYear: { id: current.id, year, available: Number(available(current)) },
  };
}

/** A small deterministic generator (mulberry32): the same history every time for the same day. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const isoDate = (d: Date): string => d.toISOString().slice(0, 10);
const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * DAY);

function planHistory(ctx: Context, today: Date, money: Money, profile: DemoProfile): Plan {
  const rnd = random(20260101);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const between = (min: number, max: number): number => min + Math.floor(rnd() * (max - min + 1));
  const { previousYear, thisYear, users } = ctx;
  const yearOf = (y: number) => (y === previousYear.year ? previousYear : thisYear);
  const yearEnd = new Date(Date.UTC(previousYear.year, 11, 31, 12));
  // nothing after this day, so the demo's own recent applications and payments stay the newest
  const cutoff = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - 3, 18));
  const start = new Date(
    Math.max(Date.UTC(previousYear.year, 0, 1), Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 17, 1)),
  );
  const committed = new Map<number, number>([
    [previousYear.year, 0],
    [thisYear.year, 0],
  ]);
  const cap = new Map([
    [previousYear.year, money.previousCap],
    [thisYear.year, Math.max(0, thisYear.available - money.keepAvailable)],
  ]);
  const weighted = ctx.units.flatMap((u) => Array<typeof u>(profile.unitWeight[u.code] ?? 2).fill(u));
  // every unit and every category in each year: the first applications of a year go round them
  const coverage = new Map<number, { unit: Context['units'][number]; category: CategoryCode }[]>();
  for (const y of [previousYear.year, thisYear.year]) {
    const shuffled = [...ctx.units].sort(() => rnd() - 0.5);
    coverage.set(
      y,
      shuffled.map((unit, i) => ({ unit, category: CATEGORIES[i % CATEGORIES.length] })),
    );
  }

  const plan: Plan = { cases: [], applications: [], payments: [], postings: [] };
  const openCases = new Map<string, PlannedCase[]>();
  let invoice = 1000;

  for (
    let month = start;
    month <= cutoff;
    month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1))
  ) {
    const days = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0)).getUTCDate();
    const count = between(7, 11);
    for (let k = 0; k < count; k++) {
      const submittedAt = new Date(
        Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), between(1, days), between(8, 15), between(0, 59)),
      );
      const forced = coverage.get(submittedAt.getUTCFullYear())?.shift();
      const unit = forced?.unit ?? pick(weighted);
      const category: CategoryCode =
        forced?.category ?? (rnd() < 0.35 ? 'relocation' : rnd() < 0.5 ? 'tattoo_removal' : 'psychological_treatment');
      const urgent = category === 'relocation' ? rnd() < 0.3 : rnd() < 0.04;
      const roll = forced ? 1 : rnd();
      const outcome = roll < 0.11 ? 'rejected' : roll < 0.16 ? 'withdrawn' : 'granted';
      const processing = urgent ? rnd() * 2.5 : 1 + Math.pow(rnd(), 1.5) * 24;
      const endAt = new Date(submittedAt.getTime() + processing * DAY);
      if (endAt > cutoff || submittedAt < start) {
        if (forced) coverage.get(submittedAt.getUTCFullYear())?.unshift(forced);
        continue;
      }

      // the case: one of the unit's recent ones that has no application of this kind yet, or a new one
      const recent = (openCases.get(unit.id) ?? []).filter(
        (c) =>
          !c.categories.has(category) &&
          c.applications < 3 &&
          submittedAt.getTime() - c.createdAt.getTime() < 240 * DAY,
      );
      let theCase = recent.length && rnd() < 0.45 ? pick(recent) : undefined;
      if (!theCase) {
        theCase = {
          id: randomUUID(),
          unitId: unit.id,
          unitCode: unit.code,
          createdAt: new Date(Math.max(start.getTime(), submittedAt.getTime() - between(3, 20) * DAY)),
          lastActivity: submittedAt,
          categories: new Set(),
          applications: 0,
        };
        plan.cases.push(theCase);
        openCases.set(unit.id, [...(openCases.get(unit.id) ?? []), theCase]);
      }
      theCase.categories.add(category);
      theCase.applications += 1;
      theCase.lastActivity = endAt;

      const work = WORK[category];
      const quantity = between(work.min, work.max);
      const rate = money.price(pick(work.rates));
      const requested = quantity * rate;
      const worker = users.workers.get(unit.id) ?? null;
      const application: PlannedApplication = {
        id: randomUUID(),
        case: theCase,
        number: theCase.applications,
        unit_id: unit.id,
        category_code: category,
        amount_requested: requested,
        amount_approved: null,
        justification: pick(JUSTIFICATION[category]),
        urgent,
        lines: [{ description: work.description, quantity, unitAmount: rate }],
        status: outcome,
        preStatus: outcome,
        guideline_id: ctx.guidelineId,
        submitted_at: submittedAt.toISOString(),
        submitted_by: worker,
        first_approved_by: null,
        first_approved_at: null,
        first_approved_amount: null,
        decided_at: null,
        decided_by: null,
        decision_reason: null,
        budget_year_id: null,
        editors: worker ? [worker] : [],
        created_by: worker ?? users.admin,
        created_at: new Date(submittedAt.getTime() - between(2, 48) * 3_600_000).toISOString(),
        updated_at: endAt.toISOString(),
      };
      plan.applications.push(application);
      if (outcome === 'withdrawn') continue;

      let approved =
        rnd() < 0.15
          ? Math.max(
              money.unit * 100,
              Math.round((requested * (0.6 + rnd() * 0.3)) / (100 * money.unit)) * 100 * money.unit,
            )
          : requested;
      if (approved >= requested) approved = requested;
      const approver = rnd() < 0.5 ? users.ncp : users.ncp2;
      // above the threshold the money is committed at the first approval, a second contact point decides
      const twoStep = requiresSecondApproval(BigInt(approved), profile.guideline, category);
      // (both approvals in one year here: one straddling New Year would be a carry-over)
      const firstAt = twoStep
        ? new Date(Math.max(submittedAt.getTime() + processing * 0.6 * DAY, Date.UTC(endAt.getUTCFullYear(), 0, 1)))
        : endAt;
      const year = firstAt.getUTCFullYear();
      if (outcome === 'rejected' || committed.get(year)! + approved > cap.get(year)!) {
        Object.assign(application, {
          status: 'rejected',
          preStatus: 'rejected',
          decided_at: endAt.toISOString(),
          decided_by: approver,
          decision_reason: pick(REJECTION),
        });
        continue;
      }
      committed.set(year, committed.get(year)! + approved);
      const budgetYear = yearOf(year);
      const granted = approved < requested ? 'partially_approved' : 'approved';
      Object.assign(application, {
        status: granted,
        preStatus: granted,
        amount_approved: approved,
        decided_at: endAt.toISOString(),
        decided_by: twoStep ? users.ncp2 : approver,
        decision_reason: 'Within the guideline.',
        budget_year_id: budgetYear.id,
        ...(twoStep && {
          first_approved_by: users.ncp,
          first_approved_at: firstAt.toISOString(),
          first_approved_amount: approved,
        }),
      });
      const post = (
        kind: NewPosting['kind'],
        amount: number,
        on: Date,
        by: string,
        disbursementId: string | null = null,
      ) =>
        plan.postings.push({
          budgetYearId: budgetYear.id,
          applicationId: application.id,
          unitId: unit.id,
          categoryCode: category,
          kind,
          amount: BigInt(amount),
          postedOn: isoDate(on),
          disbursementId,
          createdBy: by,
        });
      post('commit', approved, firstAt, twoStep ? users.ncp : approver);

      // the payments: invoices after the decision; last year's all by the year's end, this year's up to the cutoff
      const limit = budgetYear === previousYear ? yearEnd : cutoff;
      const parts = category === 'relocation' ? between(1, 2) : between(1, Math.min(3, quantity));
      const cancelAfter = rnd() < 0.07 ? between(0, parts - 1) : -1;
      let paid = 0;
      let on = endAt;
      for (let p = 0; p < parts && p !== cancelAfter; p++) {
        on = addDays(on, p === 0 ? between(5, 40) : between(14, 60));
        if (on > limit) {
          if (budgetYear !== previousYear) break;
          on = new Date(Math.max(endAt.getTime(), limit.getTime() - between(0, 2) * DAY));
        }
        const amount = p === parts - 1 ? approved - paid : Math.round(approved / parts / money.unit) * money.unit;
        paid += amount;
        payment(plan, application.id, unit.id, budgetYear.id, category, amount, on, users.finance, invoice++, post);
      }
      if (cancelAfter >= 0) {
        // no longer needed: the unpaid rest goes back to the pool; sometimes a payee returns part of what was paid
        const cancelOn = new Date(Math.min(addDays(on, between(3, 30)).getTime(), limit.getTime()));
        post('release', approved - paid, cancelOn, users.ncp2);
        application.status = 'cancelled';
        const refundOn = addDays(cancelOn, between(5, 20));
        if (paid > 0 && rnd() < 0.4 && refundOn <= limit) {
          const refund = Math.round((paid * (0.2 + rnd() * 0.3)) / money.unit) * money.unit;
          if (refund > 0) {
            payment(
              plan,
              application.id,
              unit.id,
              budgetYear.id,
              category,
              -refund,
              refundOn,
              users.finance,
              invoice++,
              post,
            );
            post('release', refund, refundOn, users.finance);
          }
        }
      } else if (paid === approved) {
        application.status = 'paid';
      }
    }
  }
  // last year's pool closes at its end: nothing may be left committed in it
  for (const a of plan.applications) {
    if (a.budget_year_id === previousYear.id && !['paid', 'cancelled'].includes(a.status)) {
      throw new Error(`demo history: ${a.id} would stay open in the closed year`);
    }
  }
  return plan;
}

const PAYEE: Record<CategoryCode, [type: PayeeType, account: string]> = {
  relocation: ['landlord', '4410'],
  tattoo_removal: ['clinic', '4420'],
  psychological_treatment: ['psychologist', '4430'],
};

function payment(
  plan: Plan,
  applicationId: string,
  unitId: string,
  budgetYearId: string,
  category: CategoryCode,
  amount: number,
  on: Date,
  finance: string,
  invoice: number,
  post: (kind: NewPosting['kind'], amount: number, on: Date, by: string, disbursementId: string | null) => void,
): void {
  const id = randomUUID();
  const [payeeType, account] = PAYEE[category];
  plan.payments.push({
    id,
    applicationId,
    unitId,
    budgetYearId,
    amount: BigInt(amount),
    paidOn: isoDate(on),
    payeeType: invoice % 5 === 0 ? 'municipality' : payeeType,
    payeeReference: `${amount < 0 ? 'CRN' : 'INV'}-${on.getUTCFullYear()}-${invoice}`,
    accountCode: account,
    recordedBy: finance,
    createdAt: new Date(on.getTime() + 10 * 3_600_000),
  });
  post(amount > 0 ? 'disburse' : 'refund', Math.abs(amount), on, finance, id);
}

/** Rows of a JSON array inserted in their order, typed by a column list. */
async function insert(tx: EntityManager, table: string, columns: [string, string][], rows: object[]): Promise<void> {
  if (!rows.length) return;
  const names = columns.map(([name]) => name).join(', ');
  await tx.query(
    `INSERT INTO ${table} (${names})
     SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${columns.map(([n, t]) => `${n} ${t}`).join(', ')}, ord int)
     ORDER BY ord`,
    [JSON.stringify(rows.map((row, ord) => ({ ...row, ord })))],
  );
}

async function write(
  tx: EntityManager,
  ledger: { service: LedgerService; years: LedgerRepository },
  ctx: Context,
  plan: Plan,
  today: Date,
): Promise<void> {
  // case references continue each unit's and year's counter, as CasesService numbers them
  const groups = new Map<string, PlannedCase[]>();
  for (const c of [...plan.cases].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    const key = `${c.unitId}|${c.createdAt.getUTCFullYear()}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const [key, cases] of groups) {
    const [unitId, year] = key.split('|');
    const [{ last_number: last }] = await tx.query(
      `INSERT INTO case_counters (unit_id, year, last_number) VALUES ($1, $2, $3)
       ON CONFLICT (unit_id, year) DO UPDATE SET last_number = case_counters.last_number + $3
       RETURNING last_number`,
      [unitId, Number(year), cases.length],
    );
    cases.forEach((c, i) => {
      c.number = last - cases.length + i + 1;
      c.reference = `${c.unitCode}-${year}-${String(c.number).padStart(3, '0')}`;
    });
  }
  const rnd = random(7);
  const caseRows = plan.cases.map((c) => {
    const on = (days: number) => isoDate(addDays(c.createdAt, days));
    const ended = c.lastActivity.getTime() < today.getTime() - 180 * DAY;
    return {
      id: c.id,
      reference: c.reference,
      unit_id: c.unitId,
      year: c.createdAt.getUTCFullYear(),
      number: c.number,
      status: ended ? (rnd() < 0.85 ? 'completed' : 'discontinued') : 'active',
      birth_year: c.createdAt.getUTCFullYear() - 19 - Math.floor(rnd() * 25),
      consent_recorded_on: on(0),
      agreement_signed_on: on(1),
      programme_start: on(2),
      application_count: c.applications,
      created_by: ctx.users.workers.get(c.unitId) ?? ctx.users.admin,
      created_at: c.createdAt.toISOString(),
      updated_at: c.lastActivity.toISOString(),
    };
  });
  await insert(
    tx,
    'cases',
    [
      ['id', 'uuid'],
      ['reference', 'varchar'],
      ['unit_id', 'uuid'],
      ['year', 'int'],
      ['number', 'int'],
      ['status', 'varchar'],
      ['birth_year', 'int'],
      ['consent_recorded_on', 'date'],
      ['agreement_signed_on', 'date'],
      ['programme_start', 'date'],
      ['application_count', 'int'],
      ['created_by', 'uuid'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    caseRows,
  );

  // grants go in as granted, so the payments trigger takes them; their final status follows the payments
  await insert(
    tx,
    'applications',
    [
      ['id', 'uuid'],
      ['reference', 'varchar'],
      ['case_id', 'uuid'],
      ['unit_id', 'uuid'],
      ['category_code', 'varchar'],
      ['amount_requested', 'bigint'],
      ['amount_approved', 'bigint'],
      ['justification', 'text'],
      ['ordinary_funding_considered', 'boolean'],
      ['urgent', 'boolean'],
      ['lines', 'jsonb'],
      ['status', 'varchar'],
      ['guideline_id', 'uuid'],
      ['submitted_at', 'timestamptz'],
      ['submitted_by', 'uuid'],
      ['first_approved_by', 'uuid'],
      ['first_approved_at', 'timestamptz'],
      ['first_approved_amount', 'bigint'],
      ['decided_at', 'timestamptz'],
      ['decided_by', 'uuid'],
      ['decision_reason', 'text'],
      ['budget_year_id', 'uuid'],
      ['editors', 'uuid[]'],
      ['created_by', 'uuid'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    plan.applications.map(({ case: c, number, preStatus, status: _final, ...a }) => ({
      ...a,
      reference: `${(c as PlannedCase).reference}-A${number}`,
      case_id: (c as PlannedCase).id,
      ordinary_funding_considered: true,
      status: preStatus,
      // the narratives as the entity's transformers store them
      justification: sealText(a.justification as string),
      lines: encryptedLineDescriptions.to(a.lines),
      decision_reason: sealNullable(a.decision_reason as string | null),
    })),
  );
  // every commitment first, so that no balance ever dips below zero on the way
  const byDate = (a: NewPosting, b: NewPosting) => a.postedOn.localeCompare(b.postedOn);
  await ledger.service.postMany(tx, plan.postings.filter((p) => p.kind === 'commit').sort(byDate));
  // the entity's transformers seal the payee references, as the service's save does
  await tx.insert(
    Disbursement,
    [...plan.payments].sort(
      (a, b) => a.paidOn.localeCompare(b.paidOn) || a.createdAt.getTime() - b.createdAt.getTime(),
    ),
  );
  await ledger.service.postMany(tx, plan.postings.filter((p) => p.kind !== 'commit').sort(byDate));
  const finals = new Map<Application['status'], string[]>();
  for (const a of plan.applications.filter((a) => a.status !== a.preStatus)) {
    const status = a.status as Application['status'];
    finals.set(status, [...(finals.get(status) ?? []), a.id]);
  }
  for (const [status, ids] of finals) {
    // updated_at stays the history's (the retention clock's final_at follows it), not today
    await tx.update(Application, { id: In(ids) }, { status, updatedAt: () => 'updated_at' });
  }
  await ledger.years.updateYear(tx, ctx.previousYear.id, {
    status: 'closed',
    // the afternoon of 31 December where the installation is (16:00 UTC is already 1 January from UTC+8 east)
    closedAt: new Date(ctx.previousYear.year, 11, 31, 16),
  });
}
