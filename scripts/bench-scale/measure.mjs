// The scale benchmark's measurements: each figure of issue 12 for the product (the built app over
// HTTP) beside the same work sent to PostgreSQL directly (pg, psql), on a copy of the data set.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { adminQuery, createDatabase, startApp, withDatabase } from './processes.mjs';
import { figure, fmtMb, fmtMs, fmtRatio, line, markdown, median, percentile } from './figures.mjs';

/** The app's pool (api/src/database/data-source.ts, extra.max): the raw side gets as many connections. */
const APP_POOL = 20;
const PASSWORD = 'demo-password-1';

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One HTTP request on the keep-alive agent; the body read to its end (counted, or kept when `keep`). */
function request(base, path, { method = 'GET', token, body, keep = true } = {}) {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: {
          ...(token && { Authorization: `Bearer ${token}` }),
          ...(payload && { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }),
        },
      },
      (res) => {
        const chunks = [];
        let bytes = 0;
        res.on('data', (c) => {
          bytes += c.length;
          if (keep) chunks.push(c);
        });
        res.on('end', () => {
          const text = keep ? Buffer.concat(chunks).toString('utf8') : '';
          if (res.statusCode >= 400)
            reject(new Error(`${method} ${path}: HTTP ${res.statusCode} ${text.slice(0, 300)}`));
          else resolve({ status: res.statusCode, headers: res.headers, text, bytes });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

async function login(base, email) {
  const res = await request(base, '/api/auth/login', { method: 'POST', body: { email, password: PASSWORD } });
  return JSON.parse(res.text).accessToken;
}

/** `work()` from `concurrency` loops for `seconds`: requests per second and latency percentiles. */
async function load(seconds, concurrency, work) {
  const times = [];
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await work();
        times.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { rps: times.length / elapsed, p50: median(times), p99: percentile(times, 99), n: times.length };
}

/**
 * `work()` up to `n` times one after the other, stopping early (after at least 3) once `budgetMs`
 * is spent, so a figure far off its target does not hold up the run: the sorted times in ms.
 */
async function serial(n, work, budgetMs = 15_000) {
  await work(); // warm: the first call pays for plans and caches, as nobody's does twice
  const times = [];
  const started = performance.now();
  for (let i = 0; i < n && (i < 3 || performance.now() - started < budgetMs); i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

const q = (obj) => encodeURIComponent(JSON.stringify(obj));
const listPath = (resource, { filter = {}, range = [0, 24], sort } = {}) =>
  `/api/${resource}?filter=${q(filter)}&range=${q(range)}${sort ? `&sort=${q(sort)}` : ''}`;
const totalOf = (res) => Number(/\/(\d+)$/.exec(res.headers['content-range'] ?? '')?.[1] ?? NaN);

/** The list's columns (no narrative), the total beside each row: the page as one statement. */
const RAW_PAGE = (where) => `
  SELECT a.id, a.reference, a.case_id, a.unit_id, a.category_code, a.status, a.urgent, a.amount_requested,
         a.amount_approved, a.paid_amount, a.guideline_id, a.submitted_at, a.decided_at, a.created_at, a.updated_at,
         a.first_approved_by, a.budget_year_id, count(*) OVER () AS total
    FROM applications a
   WHERE ${where}
   ORDER BY a.created_at DESC, a.id DESC
   LIMIT 25`;

function timeCommand(cmd, args, env = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    child.on('exit', (code) =>
      code === 0 ? resolve(performance.now() - t0) : reject(new Error(`${cmd} failed (${code}): ${err}`)),
    );
  });
}

/** CREATE DATABASE … TEMPLATE waits for the template to have no other session (another helper copying it). */
async function copyOf(adminUrl, template, name) {
  for (let attempt = 0; ; attempt++) {
    try {
      await createDatabase(adminUrl, name, template);
      return;
    } catch (error) {
      if (attempt >= 30 || !/being accessed by other users/.test(error.message)) throw error;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

function machineFacts(counts) {
  const cpu = cpus();
  let pgVersion = '';
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    lines: [
      `machine: ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${fmtMb(totalmem())} RAM, Node ${process.version}${pgVersion}; load average at the start ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (shared with other work)`,
      `data set: ${counts.applications} applications, ${counts.disbursements} payments, ${counts.ledger_postings} ledger postings, ${counts.cases} cases (two budget years, 13 units)`,
      `lists at c=32 for the stated seconds, the raw side through a pg.Pool of ${APP_POOL} (the app's pool); c=1 figures are medians of repeated calls after one warm-up`,
    ],
  };
}

export async function measureAll({ adminUrl, dataSet, seconds = 10, keep = false, log = console.log }) {
  const figures = [];
  const add = (f) => {
    figures.push(f);
    log(line(f));
  };
  const phases = {};
  const phase = async (name, work) => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      phases[name] = (performance.now() - t0) / 1000;
      log(`  [${name}: ${phases[name].toFixed(1)} s]`);
    }
  };

  const benchDb = `${dataSet}_bench`;
  const emptyDb = `${dataSet}_empty`;
  await phase('copy the data set', () => copyOf(adminUrl, dataSet, benchDb));
  const benchUrl = withDatabase(adminUrl, benchDb);
  const emptyUrl = withDatabase(adminUrl, emptyDb);
  const raw = new pg.Pool({ connectionString: benchUrl, max: APP_POOL });
  const counts = (
    await raw.query(`SELECT (SELECT count(*) FROM applications)::int AS applications, (SELECT count(*) FROM disbursements)::int AS disbursements,
                            (SELECT count(*) FROM ledger_postings)::int AS ledger_postings, (SELECT count(*) FROM cases)::int AS cases`)
  ).rows[0];
  const facts = machineFacts(counts);
  const commit = spawnSync('git', ['log', '-1', '--format=%h %s'], { encoding: 'utf8' }).stdout.trim().slice(0, 100);
  facts.lines.push(`measured at commit ${commit || 'unknown'}`);
  const pgVersion = (await raw.query('SHOW server_version')).rows[0].server_version;
  facts.lines[0] += `, PostgreSQL ${pgVersion}`;

  let app;
  try {
    // start-up: spawn to a healthy /api/health, on the big database and on an empty migrated one
    const startup = await phase('start-up', async () => {
      await createDatabase(adminUrl, emptyDb);
      const first = await startApp(emptyUrl); // migrates (not timed)
      await first.stop();
      const empty = await startApp(emptyUrl);
      await empty.stop();
      app = await startApp(benchUrl);
      return { empty: empty.ms, big: app.ms };
    });
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${emptyDb}" WITH (FORCE)`);

    const base = app.base;
    const tokens = {
      worker: await login(base, 'kbh@demo.test'),
      ncp: await login(base, 'ncp@demo.test'),
      finance: await login(base, 'finance@demo.test'),
      admin: await login(base, 'admin@demo.test'),
    };
    const [{ id: kbh }] = (await raw.query(`SELECT id FROM units WHERE code = 'KBH'`)).rows;
    const year = new Date().getUTCFullYear();

    // 1. the applications list, page 1 with a status filter, c=32
    await phase('lists at c=32', async () => {
      const cases = [
        {
          name: "unit worker's applications list, status filter, page 1, c=32",
          who: 'kbh@demo.test',
          status: 'approved',
          where: `a.unit_id = $1 AND a.status = $2`,
          params: [kbh, 'approved'],
        },
        {
          name: "contact point's applications list, status filter, page 1, c=32",
          who: 'ncp@demo.test',
          status: 'approved',
          where: `a.status <> 'draft' AND a.status = $1`,
          params: ['approved'],
        },
      ];
      // one API process, then as many as the machine has cores (API_PROCESSES), each beside the raw page query
      for (const processes of [1, Math.max(2, cpus().length)]) {
        const served = processes === 1 ? app : await startApp(benchUrl, { processes });
        try {
          for (const c of cases) {
            const token = await login(served.base, c.who);
            const path = listPath('applications', { filter: { status: c.status }, sort: ['createdAt', 'DESC'] });
            const check = await request(served.base, path, { token });
            const rawCheck = await raw.query(RAW_PAGE(c.where), c.params);
            const same = totalOf(check) === Number(rawCheck.rows[0]?.total ?? 0);
            await load(2, 32, () => request(served.base, path, { token, keep: false })); // warm
            const api = await load(seconds, 32, () => request(served.base, path, { token, keep: false }));
            const sql = RAW_PAGE(c.where);
            await load(2, 32, () => raw.query(sql, c.params));
            const direct = await load(seconds, 32, () => raw.query(sql, c.params));
            const ratio = api.rps / direct.rps;
            add(
              figure({
                name: `${c.name}, API_PROCESSES=${processes}`,
                product: `${api.rps.toFixed(0)} req/s, p99 ${fmtMs(api.p99)}`,
                raw: `${direct.rps.toFixed(0)} req/s, p99 ${fmtMs(direct.p99)}`,
                ratio,
                target: 'ratio ≥ 0.6, p99 < 150 ms',
                met: ratio >= 0.6 && api.p99 < 150,
                note: same ? '' : `totals differ: API ${totalOf(check)}, raw ${rawCheck.rows[0]?.total}`,
              }),
            );
          }
        } finally {
          if (served !== app) await served.stop();
        }
      }
    });

    // 2. free-text q and the last page of each list, c=1
    await phase('q and last pages at c=1', async () => {
      const [{ reference }] = (
        await raw.query(`SELECT reference FROM cases WHERE year = $1 ORDER BY number DESC OFFSET 500 LIMIT 1`, [year])
      ).rows;
      const fragment = reference.slice(-8); // e.g. "2026-1234"
      for (const [resource, who] of [
        ['applications', 'ncp'],
        ['cases', 'ncp'],
      ]) {
        const path = listPath(resource, { filter: { q: fragment } });
        const times = await serial(20, () => request(base, path, { token: tokens[who], keep: false }));
        const m = median(times);
        add(
          figure({
            name: `free-text q "${fragment}" on ${resource} (${who}), c=1`,
            product: `median ${fmtMs(m)}, p95 ${fmtMs(percentile(times, 95))}`,
            target: '< 50 ms',
            met: percentile(times, 95) < 50,
          }),
        );
      }
      for (const [resource, who, label] of [
        ['applications', 'worker', "applications, unit worker's"],
        ['applications', 'ncp', "applications, contact point's"],
        ['cases', 'ncp', 'cases'],
        ['disbursements', 'finance', 'disbursements'],
        ['audit-events', 'admin', 'audit events'],
      ]) {
        const total = totalOf(await request(base, listPath(resource), { token: tokens[who], keep: false }));
        const path = listPath(resource, { range: [Math.max(0, total - 25), Math.max(0, total - 1)] });
        const times = await serial(10, () => request(base, path, { token: tokens[who], keep: false }));
        const m = median(times);
        add(
          figure({
            name: `last page of the ${label} list (${total} rows), c=1`,
            product: `median ${fmtMs(m)}`,
            target: '< 50 ms',
            met: m < 50,
          }),
        );
      }
    });

    // 3. the reports, c=1, beside the best plain SQL over the postings
    await phase('reports', async () => {
      const [{ id: yearId, pool_amount: poolAmount }] = (
        await raw.query(`SELECT id, pool_amount::text FROM budget_years WHERE year = $1`, [year])
      ).rows;
      const sums = `coalesce(sum(CASE p.kind WHEN 'commit' THEN p.amount WHEN 'refund' THEN p.amount ELSE -p.amount END), 0)::text AS committed,
                    coalesce(sum(CASE p.kind WHEN 'disburse' THEN p.amount WHEN 'refund' THEN -p.amount ELSE 0 END), 0)::text AS disbursed`;
      const spendingSql = `
        SELECT u.code AS "unitCode", s.category_code AS "categoryCode", s.month, s.committed, s.disbursed
          FROM (SELECT p.unit_id, p.category_code, to_char(p.posted_on, 'YYYY-MM') AS month, ${sums}
                  FROM ledger_postings p WHERE p.budget_year_id = $1 GROUP BY 1, 2, 3) s
          JOIN units u ON u.id = s.unit_id`;
      const poolSql = [
        `SELECT ${sums} FROM ledger_postings p WHERE p.budget_year_id = $1`,
        `SELECT p.unit_id, ${sums} FROM ledger_postings p WHERE p.budget_year_id = $1 GROUP BY 1`,
        `SELECT p.category_code, ${sums} FROM ledger_postings p WHERE p.budget_year_id = $1 GROUP BY 1`,
      ];
      const spendingPath = `/api/reports/spending?year=${year}&groupBy=unit,category,month`;
      const poolPath = `/api/reports/pool?year=${year}`;

      const apiSpending = JSON.parse((await request(base, spendingPath, { token: tokens.ncp })).text);
      const rawSpending = (await raw.query(spendingSql, [yearId])).rows;
      const key = (r) => `${r.unitCode}|${r.categoryCode}|${r.month}`;
      const rawByKey = new Map(rawSpending.map((r) => [key(r), r]));
      const spendingSame =
        apiSpending.rows.length === rawSpending.length &&
        apiSpending.rows.every(
          (r) =>
            rawByKey.get(key(r))?.committed === String(r.committed) &&
            rawByKey.get(key(r))?.disbursed === String(r.disbursed),
        );
      const tApi = median(await serial(7, () => request(base, spendingPath, { token: tokens.ncp, keep: false })));
      const tRaw = median(await serial(7, () => raw.query(spendingSql, [yearId])));
      add(
        figure({
          name: `spending report unit × category × month, ${year}, c=1`,
          product: `median ${fmtMs(tApi)}`,
          raw: `median ${fmtMs(tRaw)}`,
          ratio: tApi / tRaw,
          target: '< 200 ms, same figures',
          met: tApi < 200 && spendingSame,
          note: spendingSame ? `same figures as raw (${rawSpending.length} rows)` : 'FIGURES DIFFER from raw SQL',
        }),
      );

      const apiPool = JSON.parse((await request(base, poolPath, { token: tokens.ncp })).text);
      const [totals] = (await raw.query(poolSql[0], [yearId])).rows;
      const poolSame =
        String(apiPool.committed) === totals.committed &&
        String(apiPool.disbursed) === totals.disbursed &&
        String(apiPool.poolAmount) === poolAmount;
      const tPoolApi = median(await serial(7, () => request(base, poolPath, { token: tokens.ncp, keep: false })));
      const tPoolRaw = median(await serial(7, () => Promise.all(poolSql.map((s) => raw.query(s, [yearId])))));
      add(
        figure({
          name: `pool report, ${year}, c=1`,
          product: `median ${fmtMs(tPoolApi)}`,
          raw: `median ${fmtMs(tPoolRaw)}`,
          ratio: tPoolApi / tPoolRaw,
          target: '< 200 ms, same figures',
          met: tPoolApi < 200 && poolSame,
          note: poolSame ? 'same totals as raw' : 'TOTALS DIFFER from raw SQL',
        }),
      );
    });

    // 4. the payments CSV and the spending XLSX, each on a freshly started app so its peak is the export's
    await phase('exports', async () => {
      await app.stop();
      app = await startApp(benchUrl);
      let token = await login(app.base, 'finance@demo.test');
      // the file as it comes, and with the payee references asked for (each opened from its encryption),
      // each beside psql's \copy of the same columns
      const payeeColumn = ', d.payee_reference';
      for (const payees of [false, true]) {
        if (payees) {
          await app.stop();
          app = await startApp(benchUrl);
          token = await login(app.base, 'finance@demo.test');
        }
        const t0 = performance.now();
        const path = `/api/disbursements.csv${payees ? '?payeeReferences=true' : ''}`;
        const csv = await request(app.base, path, { token, keep: false });
        const tCsv = performance.now() - t0;
        const rssCsv = app.peakRss();
        const out = join(mkdtempSync(join(tmpdir(), 'exitpool-scale-csv-')), 'payments.csv');
        const columns = `SELECT d.paid_on, y.year, u.code, a.category_code, a.reference, d.amount, d.payee_type, d.account_code, d.id${payees ? payeeColumn : ''}
                           FROM disbursements d JOIN budget_years y ON y.id = d.budget_year_id JOIN units u ON u.id = d.unit_id
                           JOIN applications a ON a.id = d.application_id ORDER BY d.paid_on, d.seq`;
        const tPsql = await timeCommand('psql', [
          '-X',
          '-q',
          benchUrl,
          '-c',
          `\\copy (${columns}) TO '${out}' WITH (FORMAT csv, HEADER)`,
        ]);
        const psqlBytes = existsSync(out) ? statSync(out).size : 0;
        rmSync(join(out, '..'), { recursive: true, force: true });
        const ratio = tCsv / tPsql;
        add(
          figure({
            name: payees
              ? `payments CSV with payee references (asked for), ${counts.disbursements} rows`
              : `payments CSV, ${counts.disbursements} rows (finance, all)`,
            product: `${fmtMs(tCsv)}, peak RSS ${fmtMb(rssCsv)}`,
            raw: `psql \\copy ${fmtMs(tPsql)}`,
            ratio,
            target: payees ? 'RSS < 200 MB (each reference decrypted in Node)' : '≤ 1.5 × psql, RSS < 200 MB',
            met: payees ? rssCsv < 200 * 1048576 : ratio <= 1.5 && rssCsv < 200 * 1048576,
            note: `${fmtMb(csv.bytes)} from the app, ${fmtMb(psqlBytes)} from psql`,
          }),
        );
      }

      await app.stop();
      app = await startApp(benchUrl);
      token = await login(app.base, 'ncp@demo.test');
      const t1 = performance.now();
      const xlsx = await request(app.base, `/api/reports/spending.xlsx?year=${year}&groupBy=unit,category,month`, {
        token,
        keep: false,
      });
      const tXlsx = performance.now() - t1;
      const rssXlsx = app.peakRss();
      add(
        figure({
          name: `spending XLSX unit × category × month, ${year}`,
          product: `${fmtMs(tXlsx)}, peak RSS ${fmtMb(rssXlsx)}`,
          target: 'streamed, RSS < 200 MB',
          met: rssXlsx < 200 * 1048576,
          note: `${(xlsx.bytes / 1024).toFixed(0)} kB`,
        }),
      );
    });

    // 5. approvals, measured by their own module when there is one
    await phase('approvals', async () => {
      const file = join(import.meta.dirname, 'approvals.mjs');
      if (!existsSync(file)) {
        log('approvals: not measured');
        figures.push(figure({ name: 'approvals', product: 'not measured', target: '≥ 0.8 × raw, exact' }));
        return;
      }
      const { measureApprovals } = await import(pathToFileURL(file).href);
      const r = await measureApprovals({
        baseUrl: app.base,
        databaseUrl: benchUrl,
        login: (email) => login(app.base, email),
      });
      // approvals per second, as a number or as { perSecond, … }
      const rate = (x) => (typeof x === 'number' ? x : x.perSecond);
      const ratio = rate(r.product) / rate(r.raw);
      add(
        figure({
          name: 'simultaneous approvals',
          product: `${rate(r.product).toFixed(1)} approvals/s`,
          raw: `${rate(r.raw).toFixed(1)}/s`,
          ratio,
          target: '≥ 0.8 × raw, exact',
          met: ratio >= 0.8 && r.exact,
          note: r.exact ? 'exact' : 'NOT EXACT',
        }),
      );
    });

    const ratio = startup.big / startup.empty;
    add(
      figure({
        name: 'start-up to a healthy /api/health',
        product: `${fmtMs(startup.big)} on the data set`,
        raw: `${fmtMs(startup.empty)} on an empty database`,
        ratio,
        target: '≤ 1.5 × empty',
        met: ratio <= 1.5,
      }),
    );
  } finally {
    await app?.stop();
    await raw.end();
    agent.destroy();
    if (!keep) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${benchDb}" WITH (FORCE)`);
  }
  facts.lines.push(
    `phases: ${Object.entries(phases)
      .map(([k, v]) => `${k} ${v.toFixed(0)} s`)
      .join(', ')}`,
  );
  const md = markdown(figures, facts);
  writeFileSync(join(import.meta.dirname, 'latest.md'), md);
  log(
    `\nwritten to scripts/bench-scale/latest.md (ratio: the product ÷ raw; ${fmtRatio(null)} where there is no raw side)`,
  );
  return figures;
}
