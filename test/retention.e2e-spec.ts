import { handMadePdf } from '../libs/files/src/testing/pdf-builders.js';
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { appendAuditEvents } from '../api/src/audit/audit-append.js';
import { AuditChainHead1795400800000 } from '../api/src/database/migrations/1795400800000-AuditChainHead.js';
import { Clock } from '../api/src/common/clock.js';
import { freePort } from '../api/src/database/embedded-postgres.js';
import { Retention1795300800000 } from '../api/src/database/migrations/1795300800000-Retention.js';
import { isoDateOf } from '../api/src/common/dates.js';
import { DEMO_PASSWORD } from '../api/src/demo/demo-data.js';
import { seedDemoApplications } from '../api/src/demo/demo-applications.js';
import { seedDemo } from '../api/src/demo/demo-seed.js';
import { JobsService } from '../api/src/jobs/jobs.service.js';
import { checkLedger } from '../api/src/ledger/ledger-check.js';
import { RETENTION_JOB, RetentionService } from '../api/src/retention/retention.service.js';
import { run, type Run, started } from './support/built-process.js';
import { databaseBefore } from './support/migration-database.js';
import { TEST_ENCRYPTION_KEYS } from './support/encryption.js';
import { type Auth, newApplication, newCase, postApplication, seedCatalog } from './support/fixtures.js';
import { grant, pay, thisYear } from './support/money.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const PURGE_COMMAND = resolve('dist/api/src/retention/purge.main.js');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The installation's date `years` years and `days` days from today, by the calendar (not the code under test). */
function fromToday(years: number, days: number): string {
  const d = new Date();
  d.setFullYear(d.getFullYear() + years);
  d.setDate(d.getDate() + days);
  return isoDateOf(d);
}

/** Moves the clock the purge reads; the database keeps its own real time. */
function moveClock(t: TestApp, day: string): void {
  t.app.get(Clock).now = () => new Date(`${day}T12:00:00`);
}

async function ok(res: { status: number; body: unknown }, status = 200): Promise<void> {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
}

/** Every report the contact point and finance read, as figures: the pool, spending, statistics, processing, the payments export. */
async function reports(t: TestApp, cp: Auth, finance: Auth, years: number[]): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const get = async (url: string, auth: Auth) => {
    const res = await t.http.get(url).set(auth);
    await ok(res);
    return res.headers['content-type']?.includes('json') ? res.body : res.text;
  };
  for (const y of years) {
    out[`pool ${y}`] = await get(`/api/reports/pool?year=${y}`, finance);
    out[`spending ${y}`] = await get(`/api/reports/spending?year=${y}&groupBy=unit,category,month`, finance);
    out[`spending.csv ${y}`] = await get(`/api/reports/spending.csv?year=${y}&groupBy=unit,category&lang=en`, finance);
    out[`statistics ${y}`] = await get(`/api/reports/statistics?year=${y}&byUnit=true`, cp);
    out[`processing ${y}`] = await get(`/api/reports/processing?year=${y}`, cp);
  }
  out.payments = await get('/api/disbursements.csv', finance);
  return out;
}

/** What the purge keeps of every application: amounts, dates, unit, category, reference, status. */
const BOOKS = `
  SELECT id, reference, unit_id, category_code, status, amount_requested::text, amount_approved::text, paid_amount::text,
         submitted_at, first_approved_at, decided_at, final_at, budget_year_id,
         (SELECT jsonb_agg(jsonb_build_array(l->'quantity', l->'unitAmount')) FROM jsonb_array_elements(lines) l) AS amounts
    FROM applications ORDER BY id`;
const MONEY = `
  SELECT (SELECT jsonb_agg(p ORDER BY p.id) FROM ledger_postings p) AS postings,
         (SELECT jsonb_agg(jsonb_build_array(d.id, d.amount, d.paid_on, d.application_id, d.payee_reference) ORDER BY d.id)
            FROM disbursements d) AS payments`;

const purgeEvents = async (t: TestApp) =>
  (await t.db.query(`SELECT details FROM audit_events WHERE action = 'retention.purge' ORDER BY seq`)) as {
    details: Record<string, unknown>;
  }[];

describe('Retention: narratives purged, books kept', () => {
  describe('on a clock moved three years on', () => {
    let t: TestApp;
    let worker: Auth;
    let cp: Auth;
    let cp2: Auth;
    let finance: Auth;
    const year = thisYear();
    const ids: Record<string, string> = {};
    const cases: Record<string, string> = {};
    let before: Record<string, unknown>;
    let booksBefore: unknown;
    let moneyBefore: unknown;
    let messagesOfPurged: number;

    const act = async (id: string, action: string, auth: Auth, body: object = {}) =>
      ok(await t.http.post(`/api/applications/${id}/${action}`).set(auth).send(body));

    beforeAll(async () => {
      t = await createTestApp({ retentionMonths: 36 });
      await seedCatalog(t);
      worker = (await t.signedIn('unit_worker')).auth;
      cp = (await t.signedIn('contact_point')).auth;
      cp2 = (await t.signedIn('contact_point')).auth;
      finance = (await t.signedIn('finance')).auth;
      await ok(
        await t.http
          .post('/api/budget-years')
          .set(cp)
          .send({ year: year + 1, poolAmount: 100_000_000 }),
        201,
      );
      for (const name of ['A', 'B', 'C']) cases[name] = (await newCase(t, worker)).id;
      const narrative = (tag: string) => ({
        justification: `SECRET justification ${tag}`,
        lines: [{ description: `SECRET line ${tag}`, quantity: 4, unitAmount: 100_000 }],
        amountRequested: 400_000,
      });

      // paid in full, with a quote, an information request and its answer, a reason and conditions
      ids.paid = (await newApplication(t, worker, cases.A, narrative('paid'))).id;
      const quote = await t.http
        .post('/api/attachments')
        .set(worker)
        .field('applicationId', ids.paid)
        .field('kind', 'quote')
        .attach('file', Buffer.from(handMadePdf('Quote from the landlord')), {
          filename: 'quote.pdf',
          contentType: 'application/pdf',
        });
      await ok(quote, 201);
      ids.quote = quote.body.id;
      await act(ids.paid, 'submit', worker);
      await act(ids.paid, 'request-info', cp, { message: 'SECRET question' });
      await act(ids.paid, 'answer', worker, { message: 'SECRET answer' });
      await act(ids.paid, 'approve', cp, {
        amountApproved: 400_000,
        reason: 'SECRET reason paid',
        conditions: 'SECRET conditions',
      });
      await ok(await pay(t, finance, ids.paid, 400_000), 201);

      ids.rejected = (await newApplication(t, worker, cases.A, narrative('rejected'))).id;
      await act(ids.rejected, 'submit', worker);
      await act(ids.rejected, 'reject', cp, { reason: 'SECRET rejection' });

      ids.withdrawn = (await newApplication(t, worker, cases.B, narrative('withdrawn'))).id;
      await act(ids.withdrawn, 'submit', worker);
      await act(ids.withdrawn, 'withdraw', worker, { reason: 'SECRET withdrawal' });

      // cancelled after a part was paid, with a warning overridden in writing
      ids.cancelled = (await grant(t, worker, cp, cases.B, 4)).id;
      await ok(await pay(t, finance, ids.cancelled, 100_000), 201);
      await act(ids.cancelled, 'cancel', cp2, { reason: 'SECRET cancellation' });

      // still in review: not final
      ids.inReview = (await newApplication(t, worker, cases.B, narrative('in review'))).id;
      await act(ids.inReview, 'submit', worker);
      await act(ids.inReview, 'start-review', cp);

      // carried over into next year, then cancelled: final, but its budget year is still open
      ids.nextYear = (await grant(t, worker, cp, cases.C, 3)).id;
      await act(ids.nextYear, 'carry-over', cp, { reason: 'SECRET carry-over' });
      await act(ids.nextYear, 'cancel', cp2, { reason: 'SECRET cancellation next year' });

      const [{ id: current }] = await t.db.query(`SELECT id FROM budget_years WHERE year = $1`, [year]);
      await ok(await t.http.post(`/api/budget-years/${current}/close`).set(cp));

      before = await reports(t, cp, finance, [year, year + 1]);
      booksBefore = await t.db.query(BOOKS);
      [moneyBefore] = await t.db.query(MONEY);
      const purgeable = [ids.paid, ids.rejected, ids.withdrawn, ids.cancelled];
      [{ n: messagesOfPurged }] = await t.db.query(
        `SELECT count(*)::int AS n FROM application_messages WHERE application_id = ANY($1::uuid[])`,
        [purgeable],
      );
    });
    afterAll(() => t.close());

    const chunksOf = async (attachmentId: string): Promise<number> =>
      (await t.db.query(`SELECT count(*)::int AS n FROM attachment_chunks WHERE attachment_id = $1`, [attachmentId]))[0]
        .n;

    const purgedIds = async (): Promise<string[]> =>
      (await t.db.query(`SELECT id FROM applications WHERE purged_at IS NOT NULL ORDER BY id`)).map(
        (r: { id: string }) => r.id,
      );

    it('gives the same reports twice without a purge (the comparison below means something)', async () => {
      expect(await reports(t, cp, finance, [year, year + 1])).toEqual(before);
      expect(messagesOfPurged).toBeGreaterThanOrEqual(6);
      expect(await chunksOf(ids.quote)).toBeGreaterThan(0);
    });

    it('purges nothing today, nor the day before the retention period has run', async () => {
      const retention = t.app.get(RetentionService);
      for (const day of [fromToday(0, 0), fromToday(3, -2)]) {
        moveClock(t, day);
        const run = await retention.purge('job');
        expect(run).toMatchObject({ asOf: day, applications: 0, messages: 0, attachments: 0, cases: 0, failed: 0 });
      }
      expect(await purgedIds()).toEqual([]);
    });

    it('after it, purges exactly the final applications whose budget year is closed, and a case left with purged ones only', async () => {
      const day = fromToday(3, 1);
      moveClock(t, day);
      const run = await t.app.get(RetentionService).purge('job');
      expect(run).toMatchObject({
        outcome: 'completed',
        asOf: day,
        retentionMonths: 36,
        applications: 4,
        messages: messagesOfPurged,
        attachments: 1,
        cases: 1,
        failed: 0,
      });
      expect(await purgedIds()).toEqual([ids.paid, ids.rejected, ids.withdrawn, ids.cancelled].sort());
      const purgedCases = await t.db.query(`SELECT id FROM cases WHERE purged_at IS NOT NULL`);
      expect(purgedCases).toEqual([{ id: cases.A }]);
      // the run is audited with its counts, and nothing of the narrative
      const events = await purgeEvents(t);
      expect(events.at(-1)!.details).toMatchObject({ trigger: 'job', applications: 4, attachments: 1, cases: 1 });
      expect(JSON.stringify(events)).not.toContain('SECRET');
    });

    it('leaves no narrative in the database: texts NULL, thread and attachments deleted', async () => {
      const rows = await t.db.query(
        `SELECT id, justification, decision_reason, conditions,
                (SELECT jsonb_agg(l->'description') FROM jsonb_array_elements(lines) l) AS descriptions,
                (SELECT jsonb_agg(o->'justification') FROM jsonb_array_elements(overrides) o) AS overrides,
                (SELECT count(*)::int FROM application_messages m WHERE m.application_id = a.id) AS messages,
                (SELECT count(*)::int FROM attachments f WHERE f.application_id = a.id) AS attachments
           FROM applications a WHERE purged_at IS NOT NULL`,
      );
      expect(rows).toHaveLength(4);
      for (const row of rows) {
        expect(row).toMatchObject({ justification: null, decision_reason: null, conditions: null });
        expect(row.descriptions).toEqual([null]);
        expect(row.overrides === null || row.overrides.every((o: unknown) => o === null)).toBe(true);
        expect(row).toMatchObject({ messages: 0, attachments: 0 });
      }
      // the attachment's stored bytes went with its row
      expect(await chunksOf(ids.quote)).toBe(0);
      const [overridden] = rows.filter((r: { id: string }) => r.id === ids.cancelled);
      expect(overridden.overrides).toEqual([null]);
      const [caseA] = await t.db.query(
        `SELECT birth_year, consent_recorded_on, agreement_signed_on, programme_start, status, reference FROM cases WHERE id = $1`,
        [cases.A],
      );
      expect(caseA).toMatchObject({
        birth_year: null,
        consent_recorded_on: null,
        agreement_signed_on: null,
        programme_start: null,
        status: 'active',
      });
      // what is not yet due keeps every word
      const kept = await t.db.query(
        `SELECT justification, decision_reason,
                (SELECT count(*)::int FROM application_messages m WHERE m.application_id = a.id) AS messages
           FROM applications a WHERE id = ANY($1::uuid[])`,
        [[ids.inReview, ids.nextYear]],
      );
      for (const row of kept) expect(row.justification).not.toBeNull();
      expect(kept.map((r: { messages: number }) => r.messages).some((n: number) => n > 0)).toBe(true);
      const [caseB] = await t.db.query(`SELECT birth_year, purged_at FROM cases WHERE id = $1`, [cases.B]);
      expect(caseB).toMatchObject({ birth_year: 1995, purged_at: null });
    });

    it('keeps the books: amounts, dates, unit, category, reference, every posting and payment; the ledger adds up; every report is the same', async () => {
      expect(await t.db.query(BOOKS)).toEqual(booksBefore);
      expect((await t.db.query(MONEY))[0]).toEqual(moneyBefore);
      expect(await checkLedger(t.db.manager)).toEqual([]);
      expect(await reports(t, cp, finance, [year, year + 1])).toEqual(before);
    });

    it('shows "purged on" in the API: purgedAt, the narrative fields null, no thread, no attachments', async () => {
      for (const auth of [worker, cp]) {
        const res = await t.http.get(`/api/applications/${ids.paid}`).set(auth);
        await ok(res);
        expect(res.body).toMatchObject({
          status: 'paid',
          amountRequested: 400_000,
          amountApproved: 400_000,
          paidAmount: 400_000,
          justification: null,
          decisionReason: null,
          conditions: null,
          lines: [{ quantity: 4, unitAmount: 100_000, description: null }],
        });
        expect(new Date(res.body.purgedAt).getTime()).toBeGreaterThan(Date.now() - 600_000);
        expect(res.body.decidedAt).not.toBeNull();
        const thread = await t.http.get(`/api/application-messages?filter={"applicationId":"${ids.paid}"}`).set(auth);
        expect(thread.body).toEqual([]);
        const files = await t.http.get(`/api/attachments?filter={"applicationId":"${ids.paid}"}`).set(auth);
        expect(files.body).toEqual([]);
      }
      const cancelled = await t.http.get(`/api/applications/${ids.cancelled}`).set(cp);
      expect(cancelled.body.overrides).toEqual([
        expect.objectContaining({ rule: 'required-documents', justification: null }),
      ]);
      // the lists carry it too, for the finance role as well
      const list = await t.http.get(`/api/applications?filter={"id":["${ids.paid}","${ids.inReview}"]}`).set(finance);
      const byId = Object.fromEntries(list.body.map((a: { id: string }) => [a.id, a]));
      expect(byId[ids.paid].purgedAt).not.toBeNull();
      expect(byId[ids.inReview].purgedAt).toBeNull();
      const c = await t.http.get(`/api/cases/${cases.A}`).set(worker);
      expect(c.body).toMatchObject({ birthYear: null, consentRecordedOn: null, programmeStart: null });
      expect(c.body.purgedAt).not.toBeNull();
      expect((await t.http.get(`/api/cases/${cases.B}`).set(worker)).body.purgedAt).toBeNull();
    });

    it('refuses to edit or act on what was purged, with a 409 that says so', async () => {
      const approve = await t.http
        .post(`/api/applications/${ids.rejected}/approve`)
        .set(cp)
        .send({ amountApproved: 100_000, reason: 'again' });
      expect(approve.status).toBe(409);
      expect(approve.body.code).toBe('RETENTION_APPLICATION_PURGED');
      expect(approve.body.message).toMatch(/was purged on \d{4}-\d{2}-\d{2} under the retention rule/);
      const edit = await t.http.put(`/api/applications/${ids.withdrawn}`).set(worker).send({ justification: 'x' });
      expect(edit.status).toBe(409);
      expect(edit.body.code).toBe('RETENTION_APPLICATION_PURGED');
      const details = await t.http.put(`/api/cases/${cases.A}`).set(worker).send({ birthYear: 1990 });
      expect(details.status).toBe(409);
      expect(details.body.code).toBe('RETENTION_CASE_PURGED');
      // the status of a purged case may still change
      await ok(await t.http.put(`/api/cases/${cases.A}`).set(worker).send({ status: 'completed', birthYear: null }));
      const again = await postApplication(t, worker, cases.A);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('RETENTION_CASE_PURGED');
    });

    it('is refused by the database too: no narrative on a purged application or case, no new message or attachment', async () => {
      const refused = async (sql: string, params: unknown[]) => {
        await expect(t.db.query(sql, params)).rejects.toThrow(
          /applications_purged_has_no_narrative|cases_purged_has_no_personal_details|was purged/,
        );
      };
      await refused(`UPDATE applications SET justification = 'x' WHERE id = $1`, [ids.paid]);
      await refused(
        `UPDATE applications SET lines = '[{"description":"x","quantity":4,"unitAmount":100000}]' WHERE id = $1`,
        [ids.paid],
      );
      await refused(`UPDATE cases SET birth_year = 1990 WHERE id = $1`, [cases.A]);
      await refused(
        `INSERT INTO application_messages (application_id, author_id, kind, body)
         SELECT $1, created_by, 'question', 'x' FROM applications WHERE id = $1`,
        [ids.paid],
      );
    });

    it('finds nothing the second time: each run idempotent, and audited', async () => {
      const events = (await purgeEvents(t)).length;
      const run = await t.app.get(RetentionService).purge('job');
      expect(run).toMatchObject({ applications: 0, messages: 0, attachments: 0, cases: 0, outcome: 'completed' });
      expect((await purgeEvents(t)).length).toBe(events + 1);
    });

    it('purges the application whose budget year was open once that year is closed', async () => {
      expect(await purgedIds()).not.toContain(ids.nextYear);
      const [{ id: next }] = await t.db.query(`SELECT id FROM budget_years WHERE year = $1`, [year + 1]);
      await ok(await t.http.post(`/api/budget-years/${next}/close`).set(cp));
      // closed today: the clock three years on has run out for it too
      const run = await t.app.get(RetentionService).purge('job');
      expect(run).toMatchObject({ applications: 1, cases: 1 });
      expect(await purgedIds()).toContain(ids.nextYear);
      expect(await checkLedger(t.db.manager)).toEqual([]);
      expect(await reports(t, cp, finance, [year, year + 1])).toEqual(before);
    });

    it('npm run purge runs the same purge once, now, and prints its counts', async () => {
      if (!existsSync(PURGE_COMMAND)) throw new Error('Build first: npm run build (npm test does)');
      // the application in review is rejected today; its year is closed, so with RETENTION_MONTHS=0 it is due now
      await act(ids.inReview, 'reject', cp, { reason: 'SECRET late rejection' });
      const events = (await purgeEvents(t)).length;
      const result = spawnSync(process.execPath, [PURGE_COMMAND], {
        env: {
          ...process.env,
          DATABASE_URL: t.databaseUrl,
          ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
          RETENTION_MONTHS: '0',
        },
        encoding: 'utf8',
      });
      expect(result.status).toBe(0);
      // the counts and nothing else: no log line, no narrative
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toContain('SECRET');
      expect(result.stderr).toContain(`Purge completed as of ${isoDateOf(new Date())} (RETENTION_MONTHS=0`);
      expect(result.stderr).toContain('applications purged: 1\n');
      expect(result.stderr).toContain('thread messages deleted: 1\n');
      expect(result.stderr).toContain('cases purged: 1');
      expect(await purgedIds()).toContain(ids.inReview);
      const all = await purgeEvents(t);
      expect(all).toHaveLength(events + 1);
      expect(all.at(-1)!.details).toMatchObject({ trigger: 'command', applications: 1, retentionMonths: 0 });
    });
  });

  describe('on the demo installation (eighteen months of history)', () => {
    let t: TestApp;
    afterAll(() => t?.close());

    it('purges last year’s final applications at RETENTION_MONTHS=0 and every report and the ledger stay as they were', async () => {
      t = await createTestApp({ retentionMonths: 0 });
      await seedDemo(t.db);
      await seedDemoApplications(t.app);
      const login = async (email: string) => ({ Authorization: `Bearer ${await t.login(email, DEMO_PASSWORD)}` });
      const cp = await login('ncp@demo.test');
      const finance = await login('finance@demo.test');
      const years = [thisYear() - 1, thisYear()];
      const before = await reports(t, cp, finance, years);
      const [{ due }] = await t.db.query(
        `SELECT count(*)::int AS due FROM applications a JOIN budget_years y ON y.id = a.budget_year_id
          WHERE y.status = 'closed' AND a.status IN ('paid', 'cancelled', 'rejected', 'withdrawn')`,
      );
      expect(due).toBeGreaterThan(10);

      const run = await t.app.get(RetentionService).purge('command');
      expect(run.outcome).toBe('completed');
      expect(run.applications).toBeGreaterThanOrEqual(due);
      const [{ open }] = await t.db.query(
        `SELECT count(*)::int AS open FROM applications a JOIN budget_years y ON y.id = a.budget_year_id
          WHERE y.status = 'open' AND a.purged_at IS NOT NULL`,
      );
      expect(open).toBe(0);
      // rejected and withdrawn without a grant became final this year, whose budget year is open: kept
      const [ungranted] = await t.db.query(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE purged_at IS NOT NULL)::int AS purged
           FROM applications WHERE status IN ('rejected', 'withdrawn') AND budget_year_id IS NULL`,
      );
      expect(ungranted.n).toBeGreaterThan(0);
      expect(ungranted.purged).toBe(0);
      expect(await checkLedger(t.db.manager)).toEqual([]);
      expect(await reports(t, cp, finance, years)).toEqual(before);
    });
  });

  describe('on pg-boss: scheduled once across processes, retried on failure', () => {
    /** Final applications (withdrawn drafts) in a closed budget year: due at once with RETENTION_MONTHS=0. */
    async function dueApplications(t: TestApp, n: number): Promise<string[]> {
      await seedCatalog(t);
      const worker = (await t.signedIn('unit_worker')).auth;
      const cp = (await t.signedIn('contact_point')).auth;
      const c = await newCase(t, worker);
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const a = await newApplication(t, worker, c.id, { justification: `SECRET ${i}` });
        await ok(await t.http.post(`/api/applications/${a.id}/withdraw`).set(worker).send({ reason: 'SECRET' }));
        ids.push(a.id);
      }
      const [{ id }] = await t.db.query(`SELECT id FROM budget_years WHERE year = $1`, [thisYear()]);
      await ok(await t.http.post(`/api/budget-years/${id}/close`).set(cp));
      return ids;
    }

    const jobsOf = (t: TestApp) =>
      t.db.query(
        `SELECT id, state, retry_count AS "retryCount", output FROM pgboss.job WHERE name = $1 ORDER BY created_on`,
        [RETENTION_JOB],
      ) as Promise<{ id: string; state: string; retryCount: number; output: Record<string, unknown> }[]>;

    it('two API processes on one database with the job due: one of them purges, once', async () => {
      const t = await createTestApp({ retentionMonths: 0 });
      const runs: Run[] = [];
      try {
        const ids = await dueApplications(t, 3);
        // the daily schedule, due once: at the first whole minute at least 25 s from now (in TZ, as the processes read it)
        const due = new Date(Date.now() + 25_000);
        due.setSeconds(0, 0);
        due.setMinutes(due.getMinutes() + 1);
        const env = (port: number) => ({
          DATABASE_URL: t.databaseUrl,
          DEMO: 'false',
          PORT: String(port),
          RETENTION_MONTHS: '0',
          RETENTION_SCHEDULE: `${due.getMinutes()} ${due.getHours()} * * *`,
          MFA_REQUIRED_ROLES: 'none',
          LOG_LEVEL: 'info',
        });
        runs.push(run(env(await freePort())), run(env(await freePort())));
        await Promise.all(runs.map((r, i) => started(`process ${i + 1}`, r)));
        while ((await purgeEvents(t)).length === 0 && Date.now() < due.getTime() + 75_000) await sleep(250);
        // long enough for the other process to have run it too, had it been handed the job
        await sleep(12_000);
        for (const r of runs) r.child.kill('SIGTERM');
        await Promise.all(runs.map((r) => r.exited));

        const events = await purgeEvents(t);
        expect(events).toHaveLength(1);
        expect(events[0].details).toMatchObject({ trigger: 'job', applications: 3, outcome: 'completed' });
        const jobs = await jobsOf(t);
        expect(jobs).toHaveLength(1);
        expect(jobs[0]).toMatchObject({ state: 'completed', retryCount: 0 });
        const [{ n }] = await t.db.query(
          `SELECT count(*)::int AS n FROM applications WHERE purged_at IS NOT NULL AND id = ANY($1::uuid[])`,
          [ids],
        );
        expect(n).toBe(3);
        // exactly one of the two ran it
        const ran = runs.filter((r) => r.output().includes(`${RETENTION_JOB} started`));
        expect(ran).toHaveLength(1);
        expect(runs.map((r) => r.output()).join('\n')).not.toContain('SECRET');
      } finally {
        for (const r of runs) if (r.child.exitCode === null) r.child.kill('SIGKILL');
        await t.close();
      }
    }, 240_000);

    it('retries a failed purge: the application that failed is purged on the retry, the others once', async () => {
      const t = await createTestApp({ retentionMonths: 0 });
      try {
        const ids = await dueApplications(t, 3);
        // the first purge of an application fails, as a lost connection or a deadlock would make it
        await t.db.query(`CREATE SEQUENCE purge_attempts`);
        await t.db.query(`
          CREATE FUNCTION fail_first_purge() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF nextval('purge_attempts') = 1 THEN RAISE EXCEPTION 'the database went away'; END IF;
            RETURN NEW;
          END $$`);
        await t.db.query(`
          CREATE TRIGGER fail_first_purge BEFORE UPDATE ON applications FOR EACH ROW
          WHEN (OLD.purged_at IS NULL AND NEW.purged_at IS NOT NULL) EXECUTE FUNCTION fail_first_purge()`);

        const jobs = t.app.get(JobsService);
        await jobs.start({ pollingIntervalSeconds: 0.5, retryDelaySeconds: 1 });
        await jobs.send(RETENTION_JOB);
        const end = Date.now() + 45_000;
        while ((await jobsOf(t))[0]?.state !== 'completed' && Date.now() < end) await sleep(250);

        const [job] = await jobsOf(t);
        expect(job).toMatchObject({ state: 'completed', retryCount: 1 });
        const events = (await purgeEvents(t)).map((e) => e.details);
        expect(events).toEqual([
          expect.objectContaining({ outcome: 'failed', applications: 2, failed: 1 }),
          expect.objectContaining({ outcome: 'completed', applications: 1, failed: 0 }),
        ]);
        const [{ n }] = await t.db.query(
          `SELECT count(*)::int AS n FROM applications WHERE purged_at IS NOT NULL AND id = ANY($1::uuid[])`,
          [ids],
        );
        expect(n).toBe(3);
      } finally {
        await t.close();
      }
    }, 90_000);
  });

  /** The migration dates the applications that were final before it. */
  describe(Retention1795300800000.name, () => {
    const before = databaseBefore(Retention1795300800000, 'retention');

    it('takes each final state’s moment from its audited transition, the payment that paid it, the decision, or the last change', async () => {
      const old = await before.migrated();
      const ids: Record<string, string> = {};
      try {
        const [unit] = await old.query(`INSERT INTO units (code, name) VALUES ('OLD', 'Old unit') RETURNING id`);
        const [user] = await old.query(
          `INSERT INTO users (email, display_name, role, unit_id, password_hash)
           VALUES ('old@test.example', 'Old', 'unit_worker', $1, '$argon2id$v=19$m=1,t=1,p=1$x$y') RETURNING id`,
          [unit.id],
        );
        await old.query(`INSERT INTO categories (code, name) VALUES ('relocation', 'Relocation')`);
        const [guideline] = await old.query(
          `INSERT INTO guidelines (version, effective_from, status, min_age, max_course_months, categories, published_at)
           VALUES ('old', '2024-01-01', 'published', 18, 12, '[]', now()) RETURNING id`,
        );
        const [year] = await old.query(
          `INSERT INTO budget_years (year, pool_amount) VALUES (2024, 100000000) RETURNING id`,
        );
        const [c] = await old.query(
          `INSERT INTO cases (reference, unit_id, year, number, created_by) VALUES ('OLD-2024-001', $1, 2024, 1, $2) RETURNING id`,
          [unit.id, user.id],
        );
        const application = async (key: string, status: string, fields: Record<string, unknown> = {}) => {
          const values = {
            reference: `OLD-2024-001-${key}`,
            case_id: c.id,
            unit_id: unit.id,
            category_code: 'relocation',
            amount_requested: 100_000,
            lines: JSON.stringify([{ description: '', quantity: 1, unitAmount: 100_000 }]),
            status,
            guideline_id: guideline.id,
            submitted_at: '2024-02-01T09:00:00Z',
            created_by: user.id,
            updated_at: '2024-12-20T09:00:00Z',
            ...fields,
          };
          const columns = Object.keys(values);
          const [row] = await old.query(
            `INSERT INTO applications (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
            Object.values(values),
          );
          ids[key] = row.id;
        };
        // appended as the app appends today, through the chain-head function of a later migration, there
        // for the append only: the migrations to come create it themselves
        const audit = (entityType: string, entityId: string, action: string, details: object) =>
          old.transaction(async (tx) => {
            const head = new AuditChainHead1795400800000();
            await head.up(tx.queryRunner!);
            await appendAuditEvents(tx, [
              {
                id: randomUUID(),
                actorId: null,
                action,
                entityType,
                entityId,
                requestId: null,
                details: details as never,
              },
            ]);
            await head.down(tx.queryRunner!);
          });

        await application('rejected', 'rejected', { decided_at: '2024-03-01T10:00:00Z' });
        await audit('application', ids.rejected, 'application.reject', { from: 'in_review', to: 'rejected' });
        await application('rejectedUnaudited', 'rejected', { decided_at: '2024-03-02T10:00:00Z' });
        await application('withdrawn', 'withdrawn', { guideline_id: null, submitted_at: null });
        await application('paid', 'approved', {
          amount_approved: 100_000,
          decided_at: '2024-03-03T10:00:00Z',
          budget_year_id: year.id,
        });
        const [payment] = await old.query(
          `INSERT INTO disbursements (application_id, unit_id, budget_year_id, amount, paid_on, recorded_by)
           VALUES ($1, $2, $3, 100000, '2024-04-01', $4) RETURNING id`,
          [ids.paid, unit.id, year.id, user.id],
        );
        await old.query(`UPDATE applications SET status = 'paid', updated_at = '2024-12-20T09:00:00Z' WHERE id = $1`, [
          ids.paid,
        ]);
        await audit('disbursement', payment.id, 'disbursement.pay', {
          applicationId: ids.paid,
          statusFrom: 'approved',
          statusTo: 'paid',
        });
        await application('open', 'submitted');
      } finally {
        await old.destroy();
      }

      const db = await before.upToDate();
      try {
        const at = async (entityId: string) =>
          (await db.query(`SELECT at FROM audit_events WHERE entity_id = $1`, [entityId]))[0].at as Date;
        const [payment] = await db.query(`SELECT id FROM disbursements`);
        const rows: { id: string; final_at: Date | null }[] = await db.query(`SELECT id, final_at FROM applications`);
        const finalAt = Object.fromEntries(rows.map((r) => [r.id, r.final_at?.toISOString() ?? null]));
        expect(finalAt[ids.rejected]).toBe((await at(ids.rejected)).toISOString());
        expect(finalAt[ids.paid]).toBe((await at(payment.id)).toISOString());
        expect(finalAt[ids.rejectedUnaudited]).toBe('2024-03-02T10:00:00.000Z');
        expect(finalAt[ids.withdrawn]).toBe('2024-12-20T09:00:00.000Z');
        expect(finalAt[ids.open]).toBeNull();
        // from now on the database dates a final state itself
        await db.query(`UPDATE applications SET status = 'withdrawn' WHERE id = $1`, [ids.open]);
        const [{ dated }] = await db.query(
          `SELECT final_at > now() - interval '1 minute' AS dated FROM applications WHERE id = $1`,
          [ids.open],
        );
        expect(dated).toBe(true);
      } finally {
        await db.destroy();
      }
    });
  });
});
