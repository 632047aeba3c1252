// The generator's distribution plan: pure functions over plain data, no database, so that the
// same plan can be checked on its own and the loader only writes what it says.

export const DKK = 100;
/** Above this an approval needs a second contact point (the demo guideline's threshold). */
export const SECOND_APPROVAL_ABOVE = 25_000 * DKK;
/** 1× is 1,000 times today's programme: 100,000 applications over two budget years. */
export const APPLICATIONS_AT_1 = 100_000;

const DAY = 86_400_000;

/** A small deterministic generator (mulberry32), as the demo history uses. */
export function random(seed) {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The larger units see more cases (as in the demo history); every unit gets some. */
export const UNIT_WEIGHT = { KBH: 5, KVE: 3, OJY: 3, FYN: 3, KRF: 3, BOR: 1 };

export const CATEGORIES = ['relocation', 'tattoo_removal', 'psychological_treatment'];

export const WORK = {
  relocation: { min: 5, max: 40, rates: [800, 900, 1000, 1200, 1400, 1500], payee: ['landlord', '4410'] },
  tattoo_removal: { min: 2, max: 8, rates: [1500, 1800, 2000, 2200, 2500], payee: ['clinic', '4420'] },
  psychological_treatment: { min: 4, max: 12, rates: [900, 1100, 1200, 1400, 1500], payee: ['psychologist', '4430'] },
};

/**
 * Share of each status among a year's applications. Last year's budget year is closed: every
 * grant in it is paid or cancelled; what is still open (drafts aside) belongs to this year.
 */
export const STATUS_MIX = {
  previous: { paid: 0.66, cancelled: 0.08, rejected: 0.15, withdrawn: 0.07, draft: 0.04 },
  current: {
    draft: 0.05,
    submitted: 0.05,
    in_review: 0.04,
    info_requested: 0.02,
    awaiting_second_approval: 0.02,
    approved: 0.13,
    partially_approved: 0.04,
    paid: 0.43,
    rejected: 0.12,
    cancelled: 0.05,
    withdrawn: 0.05,
  },
};

/** Statuses whose money is committed at some point (they have a budget year and postings). */
export const GRANTED = new Set(['awaiting_second_approval', 'approved', 'partially_approved', 'paid', 'cancelled']);
/** Statuses still waiting to be worked on: dated in the last weeks before the cut-off. */
const OPEN = new Set(['draft', 'submitted', 'in_review', 'info_requested', 'awaiting_second_approval']);

/** Payments of a grant paid in full: a rent, a series of sessions, paid invoice by invoice. */
export const PARTS = { min: 6, max: 26 };

/** How many of each status `n` applications of a year get: rounded shares, the rest to the largest. */
export function statusCounts(n, mix) {
  const entries = Object.entries(mix);
  const counts = Object.fromEntries(entries.map(([s, share]) => [s, Math.floor(n * share)]));
  const largest = entries.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  counts[largest] += n - Object.values(counts).reduce((a, b) => a + b, 0);
  return counts;
}

/** Splits `total` minor units into `parts` positive payments in whole DKK, the last taking the rest. */
export function splitPayments(total, parts) {
  const each = Math.max(DKK, Math.floor(total / parts / DKK) * DKK);
  const out = [];
  let paid = 0;
  for (let i = 0; i < parts - 1 && paid + each < total; i++) {
    out.push(each);
    paid += each;
  }
  out.push(total - paid);
  return out;
}

const dayOf = (date) => Math.floor(date.getTime() / DAY);

/**
 * The whole data set as plain rows: cases, applications and, per grant, its payments, refunds and
 * releases in the order the services would write them. `units` are {id, code}; `users` the ids of
 * the demo accounts; `years` {previous, current} as {id, year}.
 */
export function planDataSet({ scale, units, users, years, today, seed = 20261203 }) {
  const rnd = random(seed);
  const between = (min, max) => min + Math.floor(rnd() * (max - min + 1));
  const pick = (items) => items[Math.floor(rnd() * items.length)];
  const total = Math.max(1, Math.round(APPLICATIONS_AT_1 * scale));
  const weighted = units.flatMap((u) => Array(UNIT_WEIGHT[u.code] ?? 2).fill(u));
  const cutoffDay = dayOf(today) - 1;
  const cases = [];
  const applications = [];
  // payments in parallel arrays: a million objects would cost more than the database work
  const payments = { app: [], amount: [], day: [] };
  const releases = [];
  const lastCase = new Map();

  for (const [which, budgetYear] of [
    ['previous', years.previous],
    ['current', years.current],
  ]) {
    const n = which === 'previous' ? Math.floor(total / 2) : total - Math.floor(total / 2);
    const counts = statusCounts(n, STATUS_MIX[which]);
    const statuses = Object.entries(counts).flatMap(([s, c]) => Array(c).fill(s));
    // shuffled so that the units and days of each status are as mixed as in life
    for (let i = statuses.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [statuses[i], statuses[j]] = [statuses[j], statuses[i]];
    }
    const first = dayOf(new Date(Date.UTC(budgetYear.year, 0, 1)));
    const yearEnd = dayOf(new Date(Date.UTC(budgetYear.year, 11, 31)));
    const limit = Math.min(yearEnd, cutoffDay);
    for (const status of statuses) {
      const unit = pick(weighted);
      const category = rnd() < 0.35 ? 'relocation' : rnd() < 0.5 ? 'tattoo_removal' : 'psychological_treatment';
      const work = WORK[category];
      const open = which === 'current' && OPEN.has(status);
      const submitDay = open ? between(limit - 60, limit) : between(first, limit - 45);
      // a grant to be decided by two: above the threshold, so every approval above it has two approvers
      let quantity = between(work.min, work.max);
      let rate = pick(work.rates) * DKK;
      if (status === 'awaiting_second_approval') {
        quantity = Math.max(quantity, Math.ceil((SECOND_APPROVAL_ABOVE + DKK) / rate));
      }
      const requested = quantity * rate;
      const partial =
        status === 'partially_approved' || ((status === 'paid' || status === 'cancelled') && rnd() < 0.12);
      let approved = null;
      if (GRANTED.has(status)) {
        approved = partial
          ? Math.max(100 * DKK, Math.round((requested * (0.6 + rnd() * 0.3)) / (100 * DKK)) * 100 * DKK)
          : requested;
        if (approved >= requested) approved = requested;
        if (status === 'partially_approved' && approved === requested) approved = requested - 100 * DKK;
      }
      const twoStep = approved !== null && approved > SECOND_APPROVAL_ABOVE;

      // the case: mostly a new one; sometimes the unit's last case of the year has a further application
      const key = `${unit.id}|${budgetYear.year}`;
      let theCase = lastCase.get(key);
      if (!theCase || theCase.applications >= 3 || rnd() >= 0.1) {
        theCase = {
          index: cases.length,
          unitId: unit.id,
          unitCode: unit.code,
          year: budgetYear.year,
          createdDay: Math.max(first, submitDay - between(3, 20)),
          lastDay: submitDay,
          applications: 0,
        };
        cases.push(theCase);
        lastCase.set(key, theCase);
      }
      theCase.applications += 1;
      const decideDay = Math.min(limit, submitDay + between(1, 25));
      theCase.lastDay = Math.max(theCase.lastDay, decideDay);
      const worker = users.workers.get(unit.id) ?? null;
      const app = {
        index: applications.length,
        caseIndex: theCase.index,
        number: theCase.applications,
        unitId: unit.id,
        category,
        quantity,
        rate,
        requested,
        approved: status === 'awaiting_second_approval' ? null : approved,
        firstApproved: twoStep ? approved : null,
        status,
        // what the payments trigger must find while they are recorded; the final status follows them
        loadStatus:
          status === 'paid' || status === 'cancelled'
            ? approved < requested
              ? 'partially_approved'
              : 'approved'
            : status,
        urgent: category === 'relocation' ? rnd() < 0.3 : rnd() < 0.04,
        submitted: status === 'draft' ? null : submitDay,
        decided: ['rejected', 'approved', 'partially_approved', 'paid', 'cancelled'].includes(status)
          ? decideDay
          : null,
        firstDay: twoStep ? Math.max(submitDay, decideDay - between(0, 3)) : null,
        submittedBy: status === 'draft' ? null : worker,
        createdBy: worker ?? users.admin,
        createdDay: Math.max(first, submitDay - between(0, 2)),
        decidedBy:
          status === 'rejected' ? pick([users.ncp, users.ncp2]) : twoStep ? users.ncp2 : pick([users.ncp, users.ncp2]),
        budgetYearId: GRANTED.has(status) ? budgetYear.id : null,
        budgetYear: which,
        payee: work.payee,
        paid: 0,
      };
      applications.push(app);
      if (!GRANTED.has(status) || status === 'awaiting_second_approval') continue;

      // the payments: invoices after the decision, evenly up to the year's end (last year) or the cut-off
      const parts = between(PARTS.min, PARTS.max);
      const planned = splitPayments(approved, parts);
      const paidCount =
        status === 'paid'
          ? planned.length
          : status === 'cancelled'
            ? between(0, planned.length - 1)
            : between(0, planned.length - 1);
      const span = Math.max(0, limit - decideDay - 1);
      let day = decideDay;
      for (let p = 0; p < paidCount; p++) {
        day = Math.min(limit - 1, decideDay + 1 + Math.floor(((p + 1) * span) / (planned.length + 1)));
        payments.app.push(app.index);
        payments.amount.push(planned[p]);
        payments.day.push(Math.max(decideDay, day));
        app.paid += planned[p];
      }
      if (status === 'cancelled') {
        const cancelDay = Math.min(limit - 1, Math.max(day, decideDay) + between(0, 5));
        releases.push({ app: app.index, amount: approved - app.paid, day: cancelDay, by: users.ncp2 });
        // sometimes the payee returns part of what was paid, which goes back to the pool
        if (app.paid > 0 && rnd() < 0.4) {
          const refund = Math.min(app.paid, Math.max(DKK, Math.round((app.paid * (0.2 + rnd() * 0.3)) / DKK) * DKK));
          payments.app.push(app.index);
          payments.amount.push(-refund);
          payments.day.push(limit);
          app.paid -= refund;
          releases.push({ app: app.index, amount: refund, day: limit, by: users.finance, afterRefund: true });
        }
      }
    }
  }
  return { cases, applications, payments, releases, cutoffDay };
}

export const dateOfDay = (day) => new Date(day * DAY).toISOString().slice(0, 10);
export const momentOfDay = (day, hours = 10) => new Date(day * DAY + hours * 3_600_000).toISOString();
