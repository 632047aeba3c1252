// The scale data set: 1,000× today's programme (at --scale 1) in a fresh database, migrated and
// seeded by the built application itself, then bulk-loaded with COPY through every constraint and
// trigger (no session_replication_role, no disabled trigger), so that check:ledger finds nothing.
import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { BENCH_ENCRYPTION_KEYS, built, startApp } from './processes.mjs';
import { dateOfDay, momentOfDay, planDataSet, WORK } from './plan.mjs';

const { from: copyFrom } = copyStreams;

const JUSTIFICATION = {
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
const LINE = {
  relocation: 'Furnished room, per night',
  tattoo_removal: 'Laser session at a clinic',
  psychological_treatment: 'Session with an authorised psychologist',
};
const REJECTION = [
  'The municipality’s ordinary offer covers the cost.',
  'The cost falls outside the guidelines for flexible use of the pool.',
];

/**
 * Sealed narratives: each text sealed by the app's own code (dist/api/src/crypto) a number of
 * times, every copy with its own IV, and rows take one of them. Sealing each of a million payee
 * references one by one would cost the generator more than it tells the benchmark.
 */
async function sealedPools() {
  const { parseKeyRing, installKeyRing } = await import(built('api/src/crypto/key-ring.js'));
  const { sealText } = await import(built('api/src/crypto/encrypted-columns.js'));
  installKeyRing(parseKeyRing(BENCH_ENCRYPTION_KEYS));
  const many = (text, n) => Array.from({ length: n }, () => sealText(text));
  return {
    justification: Object.fromEntries(
      Object.entries(JUSTIFICATION).map(([c, texts]) => [c, texts.flatMap((t) => many(t, 64))]),
    ),
    line: Object.fromEntries(Object.entries(LINE).map(([c, t]) => [c, many(t, 128)])),
    rejection: REJECTION.flatMap((t) => many(t, 64)),
    reason: many('Within the guideline.', 128),
    payee: Array.from({ length: 4096 }, (_, i) => sealText(`INV-${100000 + i}`)),
    credit: Array.from({ length: 256 }, (_, i) => sealText(`CRN-${100000 + i}`)),
  };
}

/** Rows (arrays, null as \N) into `table` with one COPY … FROM STDIN in text format. */
async function copyRows(client, table, columns, rows) {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  const chunks = function* () {
    let buffer = [];
    for (const row of rows) {
      buffer.push(row.map((v) => (v === null || v === undefined ? '\\N' : String(v))).join('\t'));
      if (buffer.length >= 2000) {
        yield buffer.join('\n') + '\n';
        buffer = [];
      }
    }
    if (buffer.length) yield buffer.join('\n') + '\n';
  };
  await pipeline(Readable.from(chunks()), stream);
}

const uuidOf = (bytes, i) => {
  const h = bytes.toString('hex', i * 16, i * 16 + 16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** Runs `work(client)` on each of `n` connections at once. */
async function inParallel(url, jobs) {
  await Promise.all(
    jobs.map(async (work) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      // a bulk load need not wait for each commit to reach the disk; durability is all it changes
      await c.query('SET synchronous_commit = off');
      try {
        await work(c);
      } finally {
        await c.end();
      }
    }),
  );
}

/**
 * Migrates and seeds `databaseUrl` by starting the built application once on it (DEMO, so the
 * units, categories, users, guideline and the demo's own history exist), then loads the data set.
 * Returns the row counts and the seconds each phase took.
 */
export async function generate(databaseUrl, { scale = 1, batch = 100000, log = console.log, today = new Date() } = {}) {
  const phases = {};
  const phase = async (name, work) => {
    const t0 = performance.now();
    const result = await work();
    phases[name] = (performance.now() - t0) / 1000;
    log(`  ${name}: ${phases[name].toFixed(1)} s`);
    return result;
  };

  await phase('migrate and seed (the built app, DEMO)', async () => {
    const app = await startApp(databaseUrl, { demo: true });
    await app.stop();
  });

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const before = await rowCounts(db);
    const users = await db.query(`SELECT id, email, role, unit_id FROM users`);
    const byEmail = (e) => users.rows.find((u) => u.email === e).id;
    const units = (await db.query(`SELECT id, code FROM units ORDER BY code`)).rows;
    const [{ id: guidelineId }] = (
      await db.query(`SELECT id FROM guidelines WHERE status = 'published' ORDER BY effective_from DESC LIMIT 1`)
    ).rows;
    const year = today.getUTCFullYear();
    const yearRows = (await db.query(`SELECT id, year FROM budget_years WHERE year IN ($1, $2)`, [year - 1, year]))
      .rows;
    const yearId = (y) => yearRows.find((r) => r.year === y)?.id;
    if (!yearId(year) || !yearId(year - 1)) throw new Error('the demo start did not create both budget years');
    const ctx = {
      scale,
      units,
      guidelineId,
      today,
      users: {
        admin: byEmail('admin@demo.test'),
        ncp: byEmail('ncp@demo.test'),
        ncp2: byEmail('ncp2@demo.test'),
        finance: byEmail('finance@demo.test'),
        workers: new Map(users.rows.filter((u) => u.role === 'unit_worker').map((u) => [u.unit_id, u.id])),
      },
      years: { previous: { id: yearId(year - 1), year: year - 1 }, current: { id: yearId(year), year } },
    };

    const { plan, sealed } = await phase('plan and seal (in Node)', async () => ({
      plan: planDataSet(ctx),
      sealed: await sealedPools(),
    }));
    const { cases, applications, payments, releases } = plan;
    const appIds = randomBytes(16 * applications.length);
    const caseIds = randomBytes(16 * cases.length);
    const payIds = randomBytes(16 * payments.app.length);
    const pickOf = (list, i) => list[i % list.length];

    await phase('cases and applications (COPY)', async () => {
      await db.query('BEGIN');
      // case numbers continue each unit's and year's counter, as CasesService numbers them
      const perKey = new Map();
      for (const c of cases) {
        const key = `${c.unitId}|${c.year}`;
        perKey.set(key, [...(perKey.get(key) ?? []), c]);
      }
      for (const [key, list] of perKey) {
        const [unitId, y] = key.split('|');
        const {
          rows: [{ last_number: last }],
        } = await db.query(
          `INSERT INTO case_counters (unit_id, year, last_number) VALUES ($1, $2, $3)
           ON CONFLICT (unit_id, year) DO UPDATE SET last_number = case_counters.last_number + $3
           RETURNING last_number`,
          [unitId, Number(y), list.length],
        );
        list.forEach((c, i) => {
          c.number = last - list.length + i + 1;
          c.reference = `${c.unitCode}-${y}-${String(c.number).padStart(3, '0')}`;
        });
      }
      await copyRows(
        db,
        'cases',
        [
          'id',
          'reference',
          'unit_id',
          'year',
          'number',
          'status',
          'birth_year',
          'consent_recorded_on',
          'agreement_signed_on',
          'programme_start',
          'application_count',
          'created_by',
          'created_at',
          'updated_at',
        ],
        (function* () {
          for (const c of cases) {
            const ended = c.lastDay < plan.cutoffDay - 180;
            yield [
              uuidOf(caseIds, c.index),
              c.reference,
              c.unitId,
              c.year,
              c.number,
              ended ? (c.index % 7 === 0 ? 'discontinued' : 'completed') : c.applications ? 'active' : 'assessment',
              c.year - 19 - (c.index % 25),
              dateOfDay(c.createdDay),
              dateOfDay(c.createdDay + 1),
              dateOfDay(c.createdDay + 2),
              c.applications,
              ctx.users.workers.get(c.unitId) ?? ctx.users.admin,
              momentOfDay(c.createdDay, 9),
              momentOfDay(c.lastDay, 15),
            ];
          }
        })(),
      );
      await copyRows(
        db,
        'applications',
        [
          'id',
          'reference',
          'case_id',
          'unit_id',
          'category_code',
          'amount_requested',
          'amount_approved',
          'justification',
          'ordinary_funding_considered',
          'urgent',
          'lines',
          'status',
          'guideline_id',
          'submitted_at',
          'submitted_by',
          'first_approved_by',
          'first_approved_at',
          'first_approved_amount',
          'decided_at',
          'decided_by',
          'decision_reason',
          'budget_year_id',
          'editors',
          'created_by',
          'created_at',
          'updated_at',
          'final_at',
        ],
        (function* () {
          for (const a of applications) {
            const c = cases[a.caseIndex];
            const decided = a.decided !== null;
            const lastDay = a.decided ?? a.firstDay ?? a.submitted ?? a.createdDay;
            yield [
              uuidOf(appIds, a.index),
              `${c.reference}-A${a.number}`,
              uuidOf(caseIds, a.caseIndex),
              a.unitId,
              a.category,
              a.requested,
              a.approved,
              pickOf(sealed.justification[a.category], a.index),
              'true',
              String(a.urgent),
              JSON.stringify([
                { description: pickOf(sealed.line[a.category], a.index), quantity: a.quantity, unitAmount: a.rate },
              ]),
              a.loadStatus,
              a.submitted === null ? null : guidelineId,
              a.submitted === null ? null : momentOfDay(a.submitted, 11),
              a.submittedBy,
              a.firstApproved === null ? null : ctx.users.ncp,
              a.firstApproved === null ? null : momentOfDay(a.firstDay, 13),
              a.firstApproved,
              decided ? momentOfDay(a.decided, 14) : null,
              decided ? a.decidedBy : null,
              !decided
                ? null
                : a.status === 'rejected'
                  ? pickOf(sealed.rejection, a.index)
                  : pickOf(sealed.reason, a.index),
              a.budgetYearId,
              a.createdBy === ctx.users.admin ? '{}' : `{${a.createdBy}}`,
              a.createdBy,
              momentOfDay(a.createdDay, 8 + (a.index % 8)),
              momentOfDay(lastDay, 15),
              // rejected and withdrawn are final at their decision (the trigger dates the others as they move)
              ['rejected', 'withdrawn'].includes(a.loadStatus) ? momentOfDay(lastDay, 15) : null,
            ];
          }
        })(),
      );
      await db.query('COMMIT');
    });

    // the pools: what the two years already hold, plus all that is granted here and a margin
    const commits = { previous: 0, current: 0 };
    for (const a of applications) if (a.budgetYearId) commits[a.budgetYear] += a.firstApproved ?? a.approved;
    await phase('pools and commitments (COPY, ledger trigger)', async () => {
      for (const [which, y] of Object.entries(ctx.years)) {
        await db.query(`UPDATE budget_years SET pool_amount = pool_amount + $2 WHERE id = $1`, [
          y.id,
          String(Math.ceil((commits[which] * 1.08) / 1e6) * 1e6),
        ]);
      }
      await inParallel(
        databaseUrl,
        ['previous', 'current'].map((which) => async (c) => {
          const grants = applications.filter((a) => a.budgetYear === which && a.budgetYearId);
          for (let i = 0; i < grants.length; i += batch) {
            await copyRows(
              c,
              'ledger_postings',
              [
                'budget_year_id',
                'application_id',
                'unit_id',
                'category_code',
                'kind',
                'amount',
                'posted_on',
                'created_by',
                'created_at',
              ],
              grants.slice(i, i + batch).map((a) => {
                const day = a.firstDay ?? a.decided;
                return [
                  a.budgetYearId,
                  uuidOf(appIds, a.index),
                  a.unitId,
                  a.category,
                  'commit',
                  a.firstApproved ?? a.approved,
                  dateOfDay(day),
                  a.firstApproved ? ctx.users.ncp : a.decidedBy,
                  momentOfDay(day, 14),
                ];
              }),
            );
          }
        }),
      );
    });

    // payments in the order they were made (by day), each year on its own connection
    const order = Array.from(payments.app.keys()).sort(
      (x, y) => payments.day[x] - payments.day[y] || payments.app[x] - payments.app[y] || x - y,
    );
    const byYear = { previous: [], current: [] };
    for (const i of order) byYear[applications[payments.app[i]].budgetYear].push(i);

    // each grant's payments on one connection (its row is locked by the trigger), two per year
    const paymentJobs = ['previous', 'current'].flatMap((which) =>
      [0, 1].map((part) => byYear[which].filter((i) => payments.app[i] % 2 === part)),
    );
    await phase('payments (COPY, disbursements trigger)', () =>
      inParallel(
        databaseUrl,
        paymentJobs.map((list) => async (c) => {
          const size = 20000;
          for (let k = 0; k < list.length; k += size) {
            await copyRows(
              c,
              'disbursements',
              [
                'id',
                'application_id',
                'unit_id',
                'budget_year_id',
                'amount',
                'paid_on',
                'payee_type',
                'payee_reference',
                'account_code',
                'recorded_by',
                'created_at',
              ],
              (function* () {
                for (const i of list.slice(k, k + size)) {
                  const a = applications[payments.app[i]];
                  const amount = payments.amount[i];
                  yield [
                    uuidOf(payIds, i),
                    uuidOf(appIds, a.index),
                    a.unitId,
                    a.budgetYearId,
                    amount,
                    dateOfDay(payments.day[i]),
                    i % 5 === 0 ? 'municipality' : a.payee[0],
                    amount < 0 ? pickOf(sealed.credit, i) : pickOf(sealed.payee, i),
                    a.payee[1],
                    ctx.users.finance,
                    momentOfDay(payments.day[i], 10),
                  ];
                }
              })(),
            );
          }
        }),
      ),
    );

    await phase('payment and release postings (COPY, ledger trigger)', () =>
      inParallel(
        databaseUrl,
        ['previous', 'current'].map((which) => async (c) => {
          // on one day: payments and refunds before releases, so a refund's release follows it
          const rel = releases.filter((r) => applications[r.app].budgetYear === which).sort((x, y) => x.day - y.day);
          const list = byYear[which];
          const rows = function* () {
            let r = 0;
            for (const i of list) {
              while (r < rel.length && rel[r].day < payments.day[i]) yield release(rel[r++]);
              const a = applications[payments.app[i]];
              const amount = payments.amount[i];
              yield [
                a.budgetYearId,
                uuidOf(appIds, a.index),
                a.unitId,
                a.category,
                amount > 0 ? 'disburse' : 'refund',
                Math.abs(amount),
                dateOfDay(payments.day[i]),
                uuidOf(payIds, i),
                ctx.users.finance,
                momentOfDay(payments.day[i], 10),
              ];
            }
            while (r < rel.length) yield release(rel[r++]);
          };
          const release = (x) => {
            const a = applications[x.app];
            return [
              a.budgetYearId,
              uuidOf(appIds, a.index),
              a.unitId,
              a.category,
              'release',
              x.amount,
              dateOfDay(x.day),
              null,
              x.by,
              momentOfDay(x.day, 12),
            ];
          };
          let chunk = [];
          const columns = [
            'budget_year_id',
            'application_id',
            'unit_id',
            'category_code',
            'kind',
            'amount',
            'posted_on',
            'disbursement_id',
            'created_by',
            'created_at',
          ];
          for (const row of rows()) {
            chunk.push(row);
            if (chunk.length >= batch) {
              await copyRows(c, 'ledger_postings', columns, chunk);
              chunk = [];
            }
          }
          if (chunk.length) await copyRows(c, 'ledger_postings', columns, chunk);
        }),
      ),
    );

    await phase('final statuses (paid, cancelled)', async () => {
      for (const status of ['paid', 'cancelled']) {
        const ids = applications.filter((a) => a.status === status).map((a) => uuidOf(appIds, a.index));
        for (let i = 0; i < ids.length; i += 20000) {
          await db.query(`UPDATE applications SET status = $1, updated_at = updated_at WHERE id = ANY($2::uuid[])`, [
            status,
            ids.slice(i, i + 20000),
          ]);
        }
      }
    });

    await phase('audit trail (COPY, hash chain)', () =>
      appendAuditTrail(db, { applications, payments, appIds, payIds, users: ctx.users }),
    );

    await phase('VACUUM ANALYZE', () => db.query('VACUUM (ANALYZE)'));

    const problems = await phase('check:ledger (the app’s checkLedger)', () => ledgerProblems(databaseUrl));
    if (problems.length) {
      for (const p of problems.slice(0, 20))
        log(`  ${p.what} ${p.id}: stored ${p.stored}, from postings ${p.fromPostings}`);
      throw new Error(`check:ledger found ${problems.length} figure(s) that differ from the postings`);
    }
    const counts = await rowCounts(db);
    // what the load added to the demo's own rows, beside what the plan asked for
    const added = Object.fromEntries(
      ['cases', 'applications', 'disbursements', 'ledger_postings'].map((t) => [t, counts[t] - before[t]]),
    );
    const planned = { cases: cases.length, applications: applications.length, disbursements: payments.app.length };
    return { counts, added, planned, phases, head: await migrationHead(db) };
  } finally {
    await db.end();
  }
}

/**
 * The audit events the services would have written for this history, in time order after the
 * demo's own: each submission and decision, each payment and refund, chained with the app's own
 * eventHash (dist/api/src/audit/audit-chain.js), so that check:audit verifies the whole trail.
 */
async function appendAuditTrail(db, { applications, payments, appIds, payIds, users }) {
  const { eventHash, AUDIT_CHAIN_LOCK, GENESIS_HASH } = await import(built('api/src/audit/audit-chain.js'));
  const events = [];
  for (const a of applications) {
    const id = uuidOf(appIds, a.index);
    const actor = a.submittedBy ?? a.createdBy;
    if (a.submitted !== null && a.status !== 'withdrawn') {
      events.push({
        t: a.submitted * 864e5 + 11 * 36e5,
        actor,
        action: 'application.submit',
        type: 'application',
        entity: id,
        details: { from: 'draft', to: 'submitted' },
      });
    }
    if (a.decided !== null) {
      const action = a.status === 'rejected' ? 'application.reject' : 'application.approve';
      const to = a.status === 'rejected' ? 'rejected' : a.loadStatus;
      events.push({
        t: a.decided * 864e5 + 14 * 36e5,
        actor: a.decidedBy,
        action,
        type: 'application',
        entity: id,
        details: { from: 'in_review', to },
      });
    }
  }
  const paidSoFar = new Map();
  const order = Array.from(payments.app.keys()).sort((x, y) => payments.day[x] - payments.day[y] || x - y);
  for (const i of order) {
    const a = applications[payments.app[i]];
    const amount = payments.amount[i];
    const paid = (paidSoFar.get(a.index) ?? 0) + amount;
    paidSoFar.set(a.index, paid);
    const statusTo = amount > 0 && paid === a.approved ? 'paid' : a.loadStatus;
    events.push({
      t: payments.day[i] * 864e5 + 10 * 36e5 + (i % 3_600_000),
      actor: users.finance,
      action: amount > 0 ? 'disbursement.pay' : 'disbursement.refund',
      type: 'disbursement',
      entity: uuidOf(payIds, i),
      details: { applicationId: uuidOf(appIds, a.index), amount: String(amount), statusFrom: a.loadStatus, statusTo },
    });
  }
  events.sort((x, y) => x.t - y.t);
  const {
    rows: [head],
  } = await db.query(`SELECT seq::text AS last, hash FROM audit_events ORDER BY audit_events.seq DESC LIMIT 1`);
  let seq = BigInt(head?.last ?? 0);
  let prevHash = head?.hash ?? GENESIS_HASH;
  const ids = randomBytes(16 * events.length);
  const rows = function* () {
    for (let k = 0; k < events.length; k++) {
      const e = events[k];
      seq += 1n;
      const at = new Date(e.t).toISOString().replace('Z', '000Z');
      const fields = {
        seq: String(seq),
        id: uuidOf(ids, k),
        at,
        actorId: e.actor,
        action: e.action,
        entityType: e.type,
        entityId: e.entity,
        requestId: null,
        details: e.details,
        prevHash,
      };
      const hash = eventHash(fields);
      yield [
        fields.id,
        fields.seq,
        at,
        e.actor ?? null,
        e.action,
        e.type,
        e.entity,
        null,
        JSON.stringify(e.details),
        prevHash,
        hash,
      ];
      prevHash = hash;
    }
  };
  await db.query('BEGIN');
  // the app appends under this lock; nothing else may write into the chain meanwhile
  await db.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  await copyRows(
    db,
    'audit_events',
    ['id', 'seq', 'at', 'actor_id', 'action', 'entity_type', 'entity_id', 'request_id', 'details', 'prev_hash', 'hash'],
    rows(),
  );
  await db.query('COMMIT');
  return events.length;
}

/** The built checkLedger on a TypeORM data source of its own. */
export async function ledgerProblems(databaseUrl) {
  const { checkLedger } = await import(built('api/src/ledger/ledger-check.js'));
  const { DataSource } = await import('typeorm');
  const source = new DataSource({ type: 'postgres', url: databaseUrl });
  await source.initialize();
  try {
    return await checkLedger(source.manager);
  } finally {
    await source.destroy();
  }
}

export async function rowCounts(db) {
  const { rows } = await db.query(`
    SELECT (SELECT count(*) FROM cases)::int AS cases,
           (SELECT count(*) FROM applications)::int AS applications,
           (SELECT count(*) FROM disbursements)::int AS disbursements,
           (SELECT count(*) FROM ledger_postings)::int AS ledger_postings,
           (SELECT count(*) FROM audit_events)::int AS audit_events,
           (SELECT count(*) FROM users)::int AS users,
           (SELECT count(*) FROM units)::int AS units`);
  const statuses = (await db.query(`SELECT status, count(*)::int AS n FROM applications GROUP BY 1 ORDER BY 2 DESC`))
    .rows;
  return { ...rows[0], statuses: Object.fromEntries(statuses.map((s) => [s.status, s.n])) };
}

export async function migrationHead(db) {
  const { rows } = await db.query(`SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1`);
  return rows[0]?.name;
}

export { WORK };
