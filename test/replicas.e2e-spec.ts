import { handMadePdf } from '../libs/files/src/testing/pdf-builders.js';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { migrate } from '../api/src/database/data-source.js';
import { freePort } from '../api/src/database/embedded-postgres.js';
import { checkLedger } from '../api/src/ledger/ledger-check.js';
import { RETENTION_JOB } from '../api/src/retention/retention.service.js';
import { type Run, run, started } from './support/built-process.js';
import { adminQuery, asAppRole, withAdminClient, withDatabase } from './support/database.js';
import { type Auth, newApplication, newCase, quoteOverride, seedCatalog, todayIso } from './support/fixtures.js';
import { setPool, yearFigures } from './support/money.js';
import { createTestApp, type TestApp, TEST_PASSWORD } from './support/test-app.js';

const TEMPLATE = resolve('deploy/nginx/exit-pool.conf.template');
const MB = 1024 * 1024;
const NIGHTS = 5; // each application: DKK 5,000
const GRANT = 500_000;

/** Debian's nginx, or a failure that says how to get it. */
function nginxBinary(): string {
  for (const candidate of ['/usr/sbin/nginx', 'nginx']) {
    try {
      execFileSync(candidate, ['-v'], { stdio: 'ignore' });
      return candidate;
    } catch {
      /* the next candidate */
    }
  }
  throw new Error("This test runs Debian's nginx as the load balancer: apt-get install nginx (.ci/run installs it)");
}

/**
 * nginx as a child of the test (no daemon), in a directory of its own, with the
 * deployed site file rendered for the three processes. The test's main file adds
 * only what a test needs: its own paths, and X-Upstream naming the process that answered.
 */
async function startNginx(dir: string, port: number, upstreams: number[]) {
  const site = (await readFile(TEMPLATE, 'utf8'))
    .replace('${EXITPOOL_LISTEN}', `127.0.0.1:${port}`)
    .replace(
      '${EXITPOOL_UPSTREAM_SERVERS}',
      upstreams.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n    '),
    );
  expect(site).not.toContain('${EXITPOOL_');
  await writeFile(join(dir, 'exit-pool.conf'), site);
  await writeFile(
    join(dir, 'nginx.conf'),
    `worker_processes 1;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  log_format upstreams '$request_id $request_method $uri $status $upstream_addr';
  access_log ${dir}/access.log upstreams;
  add_header X-Upstream $upstream_addr always;
  include ${dir}/exit-pool.conf;
}
`,
  );
  // nginx's workers run as nobody when the test runs as root: they must reach the temporary paths
  await chmod(dir, 0o755);
  const child = spawn(
    nginxBinary(),
    ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', `daemon off; pid ${dir}/nginx.pid;`],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, exited, base };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  const log = await readFile(join(dir, 'error.log'), 'utf8').catch(() => '');
  throw new Error(`nginx did not serve:\n${errors}\n${log}`);
}

interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  bytes: Buffer;
  upstream: string | null;
  headers: Headers;
}

async function call(
  base: string,
  path: string,
  options: { method?: string; auth?: Auth; json?: unknown; form?: FormData; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const res = await fetch(`${base}${path}`, {
    method: options.method ?? (options.json !== undefined || options.form ? 'POST' : 'GET'),
    headers: {
      ...options.auth,
      ...(options.json !== undefined && { 'Content-Type': 'application/json' }),
      ...options.headers,
    },
    body: options.form ?? (options.json !== undefined ? JSON.stringify(options.json) : undefined),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const json = res.headers.get('content-type')?.includes('application/json');
  return {
    status: res.status,
    body: json ? JSON.parse(bytes.toString('utf8')) : bytes.toString('utf8'),
    bytes,
    upstream: res.headers.get('x-upstream'),
    headers: res.headers,
  };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A PDF of exactly `size` bytes whose stream is random text, so that no two of its chunks are alike. */
function pdfOfSize(size: number): Buffer {
  const data = randomBytes(Math.ceil(size / 2))
    .toString('hex')
    .slice(0, size - 300);
  const pdf = handMadePdf('invoice', '', [`<< /Length ${data.length} >>\nstream\n${data}\nendstream`]);
  return Buffer.concat([pdf, Buffer.alloc(size - pdf.length, 0x20)]);
}

const invoiceForm = (applicationId: string, bytes: Buffer) => {
  const form = new FormData();
  form.set('applicationId', applicationId);
  form.set('kind', 'invoice');
  form.set('file', new Blob([bytes], { type: 'application/pdf' }), 'invoice.pdf');
  return form;
};

/**
 * Several stateless API processes behind a real load balancer on one
 * PostgreSQL (deploy/README.md): three built processes, Debian's nginx with
 * the deployed site file, and clients that go through nginx.
 */
describe('Three API processes behind nginx on one PostgreSQL', () => {
  const role = process.env.EXITPOOL_TEST_APP_ROLE!;
  const database = `exitpool_replicas_${randomBytes(4).toString('hex')}`;
  const databaseUrl = asAppRole(withDatabase(process.env.EXITPOOL_TEST_ADMIN_URL!, database));
  let dir: string;
  let migrations: string[][];
  let t: TestApp;
  let worker: Auth, cp: Auth, finance: Auth, caseId: string;
  let ports: number[];
  let processes: Run[];
  let nginx: { child: ChildProcess; exited: Promise<number | null>; base: string };
  let allUpAt: number;
  let scheduledRun: Promise<number>;
  let dueTimer: NodeJS.Timeout | undefined;
  let grants: string[] = [];

  const direct = (i: number) => `http://127.0.0.1:${ports[i]}`;
  const addressOf = (i: number) => `127.0.0.1:${ports[i]}`;
  const via = (path: string, options?: Parameters<typeof call>[2]) => call(nginx.base, path, options);

  beforeAll(async () => {
    nginxBinary();
    dir = await mkdtemp(join(tmpdir(), 'exitpool-replicas-'));
    await withAdminClient((c) => c.query(`CREATE DATABASE ${database} OWNER ${pg.escapeIdentifier(role)}`));
    // the app's own migrations, once before the roll-out; three at the same moment, as three
    // deploy jobs or three processes starting together would run them
    migrations = await Promise.all([migrate(databaseUrl), migrate(databaseUrl), migrate(databaseUrl)]);

    ports = [];
    while (ports.length < 4) {
      const port = await freePort();
      if (!ports.includes(port)) ports.push(port);
    }
    const nginxPort = ports.pop()!;
    processes = ports.map((port) =>
      run({
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        DATABASE_POOL_SIZE: '4',
        DEMO: 'false',
        MFA_REQUIRED_ROLES: 'none',
        LOGIN_MAX_FAILURES: '5',
        // every minute, so that a due time passes while the test runs
        RETENTION_SCHEDULE: '* * * * *',
        LOG_LEVEL: 'info',
      }),
    );
    // meanwhile, an in-process application on the same database seeds the people and the catalogue
    t = await createTestApp({}, databaseUrl);
    await seedCatalog(t);
    const w = await t.signedIn('unit_worker');
    worker = w.auth;
    cp = (await t.signedIn('contact_point')).auth;
    finance = (await t.signedIn('finance')).auth;
    caseId = (await newCase(t, worker)).id;

    await Promise.all(processes.map((p, i) => started(`API process ${i + 1}`, p, 150)));
    allUpAt = Date.now();
    nginx = await startNginx(dir, nginxPort, ports);
    // observed while the tests below run: the first due time with all three schedulers up
    scheduledRun = firstDueTimeAfter(allUpAt);
  }, 240_000);

  afterAll(async () => {
    clearTimeout(dueTimer);
    nginx?.child.kill('SIGTERM');
    await nginx?.exited;
    for (const p of processes ?? [])
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
    await Promise.all((processes ?? []).map((p) => p.exited));
    await t?.close();
    await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  /** Resolves with the due time (ms) of the first scheduled minute at least 6 s after `since`, 11 s after it. */
  function firstDueTimeAfter(since: number): Promise<number> {
    // before this, a process's start-up may still be handing over the minute it started in
    const due = Math.ceil((since + 6_000) / 60_000) * 60_000;
    // each process's cron monitor (every 10 s) has looked at the due time by then
    return new Promise((done) => (dueTimer = setTimeout(() => done(due), due + 11_000 - Date.now())));
  }

  it('migrates once when three migrations of the same release run at the same moment', async () => {
    const ran = migrations.filter((names) => names.length > 0);
    expect(ran).toHaveLength(1);
    expect(new Set(ran[0]).size).toBe(ran[0].length);
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM migrations`);
    expect(count).toBe(ran[0].length);
    // the processes found nothing left to migrate
    for (const p of processes) expect(p.output()).not.toContain('Migrations applied');
  });

  it('spreads the requests over the three processes, each of which knows every session', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await via('/api/auth/me', { auth: finance }));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
    expect(new Set(answers.map((a) => a.upstream))).toEqual(new Set(ports.map((_, i) => addressOf(i))));
  });

  it('ends a session on every process at once: a sign-out through one, a deactivation through another', async () => {
    const me = (i: number, auth: Auth) => call(direct(i), '/api/auth/me', { auth }).then((a) => a.status);
    const leaving = (await t.signedIn('finance')).auth;
    const deactivated = await t.signedIn('finance');
    const admin = (await t.signedIn('admin')).auth;
    // each process has served both sessions before they end
    for (let i = 0; i < 3; i++) expect([await me(i, leaving), await me(i, deactivated.auth)]).toEqual([200, 200]);

    expect((await call(direct(0), '/api/auth/logout', { method: 'POST', auth: leaving })).status).toBeLessThan(300);
    const off = await call(direct(2), `/api/users/${deactivated.user.id}`, {
      method: 'PUT',
      auth: admin,
      json: { active: false },
    });
    expect(off.status).toBe(200);
    for (let i = 0; i < 3; i++) expect([await me(i, leaving), await me(i, deactivated.auth)]).toEqual([401, 401]);
  });

  it('approves exactly as many of 8 simultaneous approvals as the pool has room for', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const a = await newApplication(t, worker, caseId, {}, NIGHTS);
      expect((await t.http.post(`/api/applications/${a.id}/submit`).set(worker)).status).toBe(200);
      ids.push(a.id);
    }
    const { committed, disbursed } = await yearFigures(t);
    await setPool(t, committed + disbursed + 5n * BigInt(GRANT));

    const answers = await Promise.all(
      ids.map((id) =>
        via(`/api/applications/${id}/approve`, {
          auth: cp,
          json: { amountApproved: GRANT, reason: 'ok', overrides: quoteOverride },
        }),
      ),
    );
    expect(new Set(answers.map((a) => a.upstream)).size).toBeGreaterThan(1);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(5);
    expect(answers.filter((a) => a.status !== 200).map((a) => [a.status, a.body.code])).toEqual(
      Array(3).fill([409, 'APPLICATION_BLOCKED_BY_FINDINGS']),
    );
    const after = await yearFigures(t);
    expect(after.pool - after.committed - after.disbursed).toBe(0n);
    grants = ids.filter((_, i) => answers[i].status === 200);
  });

  it('never pays a grant beyond its amount, whichever processes the payments reach', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        via('/api/disbursements', {
          auth: finance,
          headers: { 'Idempotency-Key': randomUUID() },
          json: { applicationId: grants[0], amount: 200_000, paidOn: todayIso(), payeeType: 'landlord' },
        }),
      ),
    );
    expect(new Set(answers.map((a) => a.upstream)).size).toBeGreaterThan(1);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(2);
    expect(answers.filter((a) => a.status !== 201).map((a) => [a.status, a.body.code])).toEqual(
      Array(3).fill([409, 'DISBURSEMENT_OVER_PAYMENT']),
    );
  });

  it('records one payment for replays of one Idempotency-Key that land on different processes', async () => {
    const key = randomUUID();
    const payment = { applicationId: grants[1], amount: 100_000, paidOn: todayIso(), payeeType: 'landlord' };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        via('/api/disbursements', { auth: finance, headers: { 'Idempotency-Key': key }, json: payment }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.upstream)).size).toBeGreaterThan(1);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(5);
    const rows = await t.db.query(`SELECT id FROM disbursements WHERE idempotency_key = $1`, [key]);
    expect(rows).toEqual([{ id: answers[0].body.id }]);
  });

  it('holds the sign-in throttle across processes: the attempts count in the database', async () => {
    const user = await t.newUser('unit_worker');
    const wrong = await Promise.all(
      Array.from({ length: 8 }, () =>
        via('/api/auth/login', { json: { email: user.email, password: 'not-the-password' } }),
      ),
    );
    expect(new Set(wrong.map((a) => a.upstream)).size).toBeGreaterThan(1);
    // LOGIN_MAX_FAILURES=5: five counted, whichever process each reached; the rest refused
    expect(wrong.map((a) => a.status).sort()).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM login_attempts WHERE email = $1`, [
      user.email,
    ]);
    expect(count).toBe(5);
    // the right password now, at each process directly: every one of them refuses it
    for (let i = 0; i < 3; i++) {
      const right = await call(direct(i), '/api/auth/login', { json: { email: user.email, password: TEST_PASSWORD } });
      expect(right.status).toBe(429);
      expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('downloads through the other processes, byte for byte, what was uploaded through one', async () => {
    const bytes = pdfOfSize(Math.round(1.5 * MB));
    const upload = await via('/api/attachments', { auth: worker, form: invoiceForm(grants[2], bytes) });
    expect(upload.status).toBe(201);
    const uploadedAt = ports.findIndex((_, i) => upload.upstream === addressOf(i));
    expect(uploadedAt).toBeGreaterThanOrEqual(0);
    for (const i of [0, 1, 2].filter((i) => i !== uploadedAt)) {
      const download = await call(direct(i), `/api/attachments/${upload.body.id}/content`, { auth: worker });
      expect(download.status).toBe(200);
      expect(sha256(download.bytes)).toBe(sha256(bytes));
    }
  });

  it("lets a file just above the app's limit through nginx, for the app to refuse with its own answer", async () => {
    const tooLarge = await via('/api/attachments', {
      auth: worker,
      form: invoiceForm(grants[2], pdfOfSize(10 * MB + 1)),
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('ATTACHMENT_TOO_LARGE');
  });

  it("joins nginx's request id, the app's answer and the audit trail", async () => {
    const payment = await via('/api/disbursements', {
      auth: finance,
      headers: { 'Idempotency-Key': randomUUID() },
      json: { applicationId: grants[1], amount: 1_000, paidOn: todayIso(), payeeType: 'landlord' },
    });
    expect(payment.status).toBe(201);
    const requestId = payment.headers.get('x-request-id')!;
    expect(requestId).toMatch(/^[0-9a-f]{32}$/);
    const [event] = await t.db.query(`SELECT action FROM audit_events WHERE request_id = $1 AND entity_id = $2::text`, [
      requestId,
      payment.body.id,
    ]);
    expect(event).toEqual({ action: 'disbursement.pay' });
    // nginx writes its access log line once the answer has left
    await new Promise((r) => setTimeout(r, 200));
    expect(await readFile(join(dir, 'access.log'), 'utf8')).toContain(`${requestId} POST /api/disbursements 201`);
  });

  it('runs a scheduled job once per due time with three schedulers up', async () => {
    const due = await scheduledRun;
    let jobs: { id: string; state: string }[] = [];
    for (let i = 0; i < 30; i++) {
      jobs = await t.db.query(
        `SELECT id, state FROM pgboss.job WHERE name = $1 AND created_on >= $2 AND created_on < $3`,
        [RETENTION_JOB, new Date(due), new Date(due + 45_000)],
      );
      if (jobs.length > 0 && jobs.every((j) => j.state === 'completed')) break;
      await new Promise((r) => setTimeout(r, 1_000));
    }
    expect(jobs.map((j) => j.state)).toEqual(['completed']);
    const runs = processes.map((p) => p.output().split(`${RETENTION_JOB} started (job ${jobs[0].id}`).length - 1);
    expect(runs.reduce((a, b) => a + b)).toBe(1);
    const purges = await t.db.query(
      `SELECT details->>'trigger' AS trigger FROM audit_events WHERE action = 'retention.purge' AND at >= $1`,
      [new Date(due)],
    );
    expect(purges).toEqual([{ trigger: 'job' }]);
  }, 120_000);

  it('loses no answered payment when a process is killed in the middle of payment traffic', async () => {
    const victim = 1;
    const planned = Array.from({ length: 48 }, (_, i) => ({
      key: randomUUID(),
      body: { applicationId: grants[3 + (i % 2)], amount: 1_000, paidOn: todayIso(), payeeType: 'landlord' },
    }));
    const answered = new Map<string, { id: string; upstream: string | null; at: number }>();
    let killedAt = Infinity;
    let next = 0;
    const client = async () => {
      while (next < planned.length) {
        const { key, body } = planned[next++];
        // a client retries a failed payment with the same Idempotency-Key until it is answered
        for (let attempt = 1; ; attempt++) {
          const answer = await via('/api/disbursements', {
            auth: finance,
            headers: { 'Idempotency-Key': key },
            json: body,
          }).catch(() => undefined);
          if (answer?.status === 201) {
            answered.set(key, { id: answer.body.id, upstream: answer.upstream, at: Date.now() });
            break;
          }
          // only what a process's death explains: no answer, or nginx's 502 for a request cut off
          if (answer && answer.status !== 502) throw new Error(`payment answered ${answer.status}: ${answer.bytes}`);
          if (attempt === 10) throw new Error(`payment ${key} failed ten times`);
          await new Promise((r) => setTimeout(r, 200));
        }
        if (answered.size === 12 && killedAt === Infinity) {
          killedAt = Date.now();
          processes[victim].child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, client));
    expect(await processes[victim].exited).toBeNull();
    expect(processes[victim].child.signalCode).toBe('SIGKILL');

    // the victim served payments before it was killed, and the others all of them after
    const served = [...answered.values()];
    expect(served.some((a) => a.at < killedAt && a.upstream?.endsWith(addressOf(victim)))).toBe(true);
    expect(served.filter((a) => a.at > killedAt + 1_000).every((a) => !a.upstream?.endsWith(addressOf(victim)))).toBe(
      true,
    );
    // every payment answered 2xx is in the books, once, under the id it was answered with
    expect(answered.size).toBe(planned.length);
    const rows: { key: string; id: string }[] = await t.db.query(
      `SELECT idempotency_key AS key, id FROM disbursements WHERE idempotency_key = ANY($1)`,
      [planned.map((p) => p.key)],
    );
    expect(new Map(rows.map((r) => [r.key, r.id]))).toEqual(new Map([...answered].map(([key, a]) => [key, a.id])));
    const paid = await t.db.query(`SELECT paid_amount::int AS paid FROM applications WHERE id = ANY($1) ORDER BY id`, [
      grants.slice(3),
    ]);
    expect(paid).toEqual(Array(2).fill({ paid: 24 * 1_000 }));
    expect(await checkLedger(t.db.manager)).toEqual([]);
  }, 90_000);
});
