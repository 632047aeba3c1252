// `npm run bench`: starts the built application on a throw-away embedded
// PostgreSQL with the demo data and measures what users wait for.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = await new Promise((done) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => done(port));
  });
});
const dataDir = mkdtempSync(join(tmpdir(), 'exitpool-bench-'));
const base = `http://127.0.0.1:${port}`;
const { DATABASE_URL: _, ...env } = process.env;
const app = spawn(process.execPath, ['dist/api/src/main.js'], {
  env: { ...env, PORT: String(port), DATA_DIR: dataDir, DEMO: 'true', LOG_LEVEL: 'warn' },
  stdio: 'inherit',
});
const stop = () => {
  app.kill('SIGTERM');
  return new Promise((done) => app.on('exit', done));
};

async function waitForHealth() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the application did not start');
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function measure(name, count, concurrency, request) {
  const times = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        const t0 = performance.now();
        const res = await request();
        if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
        await res.arrayBuffer();
        times.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(44)} n=${String(count).padStart(5)} c=${String(concurrency).padStart(2)}  ` +
      `p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms  ` +
      `${(count / seconds).toFixed(0).padStart(6)} req/s`,
  );
}

try {
  await waitForHealth();
  const login = () =>
    fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.test', password: 'demo-password-1' }),
    });
  const { accessToken } = await (await login()).json();
  const auth = { Authorization: `Bearer ${accessToken}` };
  console.log('Exit Pool benchmarks (built app, embedded PostgreSQL, demo data)');
  await measure('POST /api/auth/login (argon2id verify)', 40, 2, login);
  await measure('GET /api/auth/me (session lookup)', 2000, 8, () => fetch(`${base}/api/auth/me`, { headers: auth }));
  await measure('GET /api/units sorted, paged, searched', 2000, 8, () =>
    fetch(`${base}/api/units?sort=["name","DESC"]&range=[0,9]&filter={"q":"politi"}`, { headers: auth }),
  );
  await measure('GET /api/audit-events newest first', 1000, 8, () =>
    fetch(`${base}/api/audit-events?sort=["at","DESC"]&range=[0,24]`, { headers: auth }),
  );
  const ncp = await (
    await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'ncp@demo.test', password: 'demo-password-1' }),
    })
  ).json();
  const cp = { Authorization: `Bearer ${ncp.accessToken}` };
  const queue = await (
    await fetch(`${base}/api/applications?sort=["queue","ASC"]&filter={"status":["submitted","in_review"]}`, {
      headers: cp,
    })
  ).json();
  await measure('GET /api/applications review queue', 1000, 8, () =>
    fetch(
      `${base}/api/applications?sort=["queue","ASC"]&filter={"status":["submitted","in_review","info_requested"]}`,
      { headers: cp },
    ),
  );
  await measure('POST /api/applications/:id/check (guidelines)', 1000, 8, () =>
    fetch(`${base}/api/applications/${queue[0].id}/check`, { method: 'POST', headers: cp }),
  );
  await measure('GET /api/reports/pool', 1000, 8, () =>
    fetch(`${base}/api/reports/pool?year=${new Date().getUTCFullYear()}`, { headers: cp }),
  );
} finally {
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
}
