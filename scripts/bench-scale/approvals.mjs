#!/usr/bin/env node
// 200 simultaneous approvals on a budget year with room for 100 of them: through the API, then the
// same statements an approval sends, through `pg` at the same concurrency (issue 12).
//
//   BASE_URL=http://localhost:3140 DATABASE_URL=postgres://… node scripts/bench-scale/approvals.mjs
//
// The app must run in demo mode (its accounts, password demo-password-1) on DATABASE_URL.
// Each application is a relocation of one night at DKK 1,000: below the second-approval threshold
// (DKK 25,000), so ONE approval decides it; ten cases share them, so no case reaches its maximum.
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

const PASSWORD = 'demo-password-1';
const AMOUNT = 100_000; // øre
const CASES = 10;
const OVERRIDES = [{ rule: 'required-documents', justification: 'The quote follows with the invoice.' }];

/** A sign-in through the API: the bearer token of a demo account. */
export function loginThrough(baseUrl) {
  return async (email) => {
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
    return (await res.json()).accessToken;
  };
}

function api(baseUrl, token) {
  return async (method, path, body) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
}

const daysAgo = (n) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** `count` relocation applications of the KBH unit, submitted, spread over new cases. */
async function submittedApplications(worker, count) {
  const cases = [];
  for (let i = 0; i < CASES; i++) {
    const res = await worker('POST', '/api/cases', {
      status: 'active',
      birthYear: 1995,
      consentRecordedOn: daysAgo(40),
      agreementSignedOn: daysAgo(35),
      programmeStart: daysAgo(30),
    });
    if (res.status !== 201) throw new Error(`case: ${res.status} ${JSON.stringify(res.body)}`);
    cases.push(res.body.id);
  }
  const ids = [];
  for (let i = 0; i < count; i++) {
    const res = await worker('POST', '/api/applications', {
      caseId: cases[i % CASES],
      categoryCode: 'relocation',
      amountRequested: AMOUNT,
      justification: 'A night away from the old milieu.',
      ordinaryFundingConsidered: true,
      lines: [{ description: 'Room, per night', quantity: 1, unitAmount: AMOUNT }],
    });
    if (res.status !== 201) throw new Error(`application: ${res.status} ${JSON.stringify(res.body)}`);
    const submitted = await worker('POST', `/api/applications/${res.body.id}/submit`);
    if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    ids.push(res.body.id);
  }
  return ids;
}

/** This year's budget year with room for exactly `room` approvals; no unit allocation to warn about. */
async function leaveRoomFor(db, room) {
  const { rows } = await db.query(
    `UPDATE budget_years SET pool_amount = committed + disbursed + $2::bigint
      WHERE year = $1 RETURNING id, pool_amount::text AS pool`,
    [new Date().getFullYear(), room * AMOUNT],
  );
  if (!rows.length) throw new Error('no budget year of this year: run the app in demo mode');
  await db.query(`DELETE FROM budget_allocations WHERE budget_year_id = $1`, [rows[0].id]);
  return rows[0].id;
}

async function available(db, yearId) {
  const { rows } = await db.query(
    `SELECT (pool_amount - committed - disbursed)::text AS available FROM budget_years WHERE id = $1`,
    [yearId],
  );
  return BigInt(rows[0].available);
}

/** The ledger check's comparison of the years' running balances with their postings (check:ledger, in part). */
async function ledgerProblems(db) {
  const { rows } = await db.query(`
    SELECT y.id FROM budget_years y LEFT JOIN ledger_postings p ON p.budget_year_id = y.id
     GROUP BY y.id, y.committed, y.disbursed
    HAVING y.committed <> coalesce(sum(CASE p.kind WHEN 'commit' THEN p.amount WHEN 'refund' THEN p.amount
                                                   WHEN 'disburse' THEN -p.amount ELSE -p.amount END), 0)
        OR y.disbursed <> coalesce(sum(CASE p.kind WHEN 'disburse' THEN p.amount WHEN 'refund' THEN -p.amount
                                                   ELSE 0 END), 0)`);
  return rows.length;
}

async function approveThroughApi(cp, ids) {
  const started = performance.now();
  const results = await Promise.all(
    ids.map((id) =>
      cp('POST', `/api/applications/${id}/approve`, { amountApproved: AMOUNT, reason: 'ok', overrides: OVERRIDES }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const ok = results.filter((r) => r.status === 200).length;
  const poolShort = results.filter(
    (r) =>
      r.status === 409 &&
      r.body?.code === 'APPLICATION_BLOCKED_BY_FINDINGS' &&
      r.body.findings?.some((f) => f.rule === 'pool-available' && f.severity === 'block'),
  ).length;
  const other = results.filter((r) => r.status !== 200 && r.status !== 409).map((r) => [r.status, r.body?.code]);
  return { seconds, ok, refused: poolShort, other };
}

/**
 * One approval as the product sends it (api/src/applications/application-workflow.service.ts),
 * with what Node computes (the findings, the view, the audit hash) taken as given.
 */
async function approveRaw(pool, id, actorId, yearNumber, body) {
  const db = await pool.connect();
  try {
    await db.query('BEGIN');
    const {
      rows: [a],
    } = await db.query(`SELECT * FROM applications WHERE id = $1 FOR UPDATE`, [id]);
    // the decision's reads that no concurrent approval changes: guideline, case, documents
    await db.query(`SELECT * FROM guidelines WHERE id = $1`, [a.guideline_id]);
    await db.query(`SELECT * FROM cases WHERE id = $1`, [a.case_id]);
    await db.query(`SELECT DISTINCT kind FROM attachments WHERE application_id = $1`, [a.id]);
    await db.query(
      `INSERT INTO application_messages (application_id, author_id, kind, body) VALUES ($1, $2, 'decision', $3)`,
      [a.id, actorId, body],
    );
    // under the year's lock: the room, the posting, the decision
    const {
      rows: [year],
    } = await db.query(
      `SELECT id, pool_amount - committed - disbursed AS available FROM budget_years WHERE year = $1 FOR UPDATE`,
      [yearNumber],
    );
    // the product's one read under the lock (application-checker.ts, standing): the case's other
    // grants and their dates, the pool and the unit's allocation left (moneyLeftSql, from the build)
    await db.query(
      `WITH siblings AS (
         SELECT status, amount_approved, first_approved_amount, paid_amount, planned_session_dates
           FROM applications WHERE case_id = $1 AND category_code = $2 AND id <> $3)
       SELECT (SELECT coalesce(sum(CASE
                        WHEN status IN ('approved', 'partially_approved', 'paid') THEN amount_approved
                        WHEN status = 'awaiting_second_approval' THEN first_approved_amount
                        WHEN status = 'cancelled' THEN paid_amount
                        ELSE 0 END), 0)::text FROM siblings) AS granted,
              (SELECT coalesce(array_agg(d::text ORDER BY d), '{}') FROM siblings, unnest(planned_session_dates) AS d
                WHERE status IN ('approved', 'partially_approved', 'paid')) AS dates,
              m.available, m.allocation_left
         FROM (${ledger.moneyLeftSql('$4::int', '$5::uuid')}) AS m`,
      [a.case_id, a.category_code, a.id, yearNumber, a.unit_id],
    );
    if (BigInt(year.available) < BigInt(a.amount_requested)) {
      await db.query('ROLLBACK');
      return false;
    }
    await db.query(
      `INSERT INTO ledger_postings (budget_year_id, application_id, unit_id, category_code, kind, amount, posted_on, created_by)
       VALUES ($1, $2, $3, $4, 'commit', $5, current_date, $6)`,
      [year.id, a.id, a.unit_id, a.category_code, a.amount_requested, actorId],
    );
    await db.query(
      `UPDATE applications SET status = 'approved', amount_approved = $2, decided_at = now(), decided_by = $3,
              budget_year_id = $4, updated_at = now() WHERE id = $1`,
      [a.id, a.amount_requested, actorId, year.id],
    );
    // the audit chain's append, as api/src/audit/audit-append.ts does it: the actors' rows, the chain's lock
    // and its head in one statement (the function audit_chain_head), then the insert
    const {
      rows: [head],
    } = await db.query(`SELECT head_seq AS seq, head_hash AS hash, head_at AS now FROM audit_chain_head($1::uuid[])`, [
      [actorId],
    ]);
    // the chain stays whole: the event's hash as the product computes it
    const event = {
      id: randomUUID(),
      seq: String(BigInt(head.seq ?? 0) + 1n),
      at: head.now,
      actorId,
      action: 'application.approve',
      entityType: 'application',
      entityId: a.id,
      requestId: null,
      details: { from: a.status, to: 'approved' },
      prevHash: head.hash ?? chain.GENESIS_HASH,
    };
    await db.query(
      `INSERT INTO audit_events (id, seq, at, actor_id, action, entity_type, entity_id, request_id, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        event.id,
        event.seq,
        event.at,
        event.actorId,
        event.action,
        event.entityType,
        event.entityId,
        event.requestId,
        JSON.stringify(event.details),
        event.prevHash,
        chain.eventHash(event),
      ],
    );
    await db.query('COMMIT');
    // the answer, read after COMMIT: the application and what its view looks up
    await db.query(`SELECT * FROM applications WHERE id = $1`, [a.id]);
    await db.query(`SELECT id, reference FROM cases WHERE id = $1`, [a.case_id]);
    await db.query(`SELECT id, version FROM guidelines WHERE id = $1`, [a.guideline_id]);
    await db.query(`SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`, [[actorId, a.submitted_by]]);
    return true;
  } catch (error) {
    await db.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    db.release();
  }
}

// the built api/src/audit/audit-chain.ts (the chain's lock and hash) and ledger.repository.ts (npm run build:api first)
let chain;
let ledger;

async function approveThroughPg(databaseUrl, ids, actorId, poolSize) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  try {
    // a decision's message as the product stored it (encrypted): the same bytes to write
    const {
      rows: [{ body }],
    } = await pool.query(
      `SELECT body FROM application_messages WHERE kind = 'decision' ORDER BY created_at DESC LIMIT 1`,
    );
    const year = new Date().getFullYear();
    const started = performance.now();
    const results = await Promise.all(ids.map((id) => approveRaw(pool, id, actorId, year, body)));
    const seconds = (performance.now() - started) / 1000;
    return { seconds, ok: results.filter(Boolean).length, refused: results.filter((r) => !r).length };
  } finally {
    await pool.end();
  }
}

export async function measureApprovals({ baseUrl, databaseUrl, login, count = 200, room = 100, poolSize = 20 }) {
  chain = await import(new URL('../../dist/api/src/audit/audit-chain.js', import.meta.url).href);
  await import('reflect-metadata');
  ledger = await import(new URL('../../dist/api/src/ledger/ledger.repository.js', import.meta.url).href);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const worker = api(baseUrl, await login('kbh@demo.test'));
    const cp = api(baseUrl, await login('ncp@demo.test'));
    const {
      rows: [{ id: cpId }],
    } = await db.query(`SELECT id FROM users WHERE email = 'ncp@demo.test'`);

    const forApi = await submittedApplications(worker, count);
    const forPg = await submittedApplications(worker, count);

    let yearId = await leaveRoomFor(db, room);
    const viaApi = await approveThroughApi(cp, forApi);
    const apiLeft = await available(db, yearId);

    yearId = await leaveRoomFor(db, room);
    const viaPg = await approveThroughPg(databaseUrl, forPg, cpId, poolSize);
    const pgLeft = await available(db, yearId);

    // give the demo its pool back: room for everything approved here and more
    await db.query(`UPDATE budget_years SET pool_amount = committed + disbursed + 100000000 WHERE id = $1`, [yearId]);
    const problems = await ledgerProblems(db);
    const product = { perSecond: count / viaApi.seconds, ...viaApi, available: String(apiLeft) };
    const raw = { perSecond: count / viaPg.seconds, ...viaPg, available: String(pgLeft) };
    const exact =
      viaApi.ok === room && viaApi.refused === count - room && apiLeft === 0n && problems === 0 && !viaApi.other.length;
    return { product, raw, exact, ledgerProblems: problems };
  } finally {
    await db.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const baseUrl = process.env.BASE_URL ?? 'http://localhost:3000';
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL must name the database the app at BASE_URL runs on');
  const result = await measureApprovals({
    baseUrl,
    databaseUrl,
    login: loginThrough(baseUrl),
    count: Number(process.env.COUNT ?? 200),
    room: Number(process.env.ROOM ?? 100),
  });
  const f = (r) => `${r.perSecond.toFixed(1)}/s (${r.ok} ok, ${r.refused} refused, available ${r.available})`;
  console.log(`approvals, ${process.env.COUNT ?? 200} at once, room for ${process.env.ROOM ?? 100}`);
  console.log(`  product ${f(result.product)}`);
  console.log(`  raw pg  ${f(result.raw)}`);
  console.log(
    `  ratio ${(result.product.perSecond / result.raw.perSecond).toFixed(2)}; exact: ${result.exact}${result.product.other.length ? ` other: ${JSON.stringify(result.product.other)}` : ''}`,
  );
}
