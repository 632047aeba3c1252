// The built application and the PostgreSQL server the scale benchmark runs on.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

/**
 * The benchmark's own key ring: the data set is invented, and every process that reads it (the
 * generator, the app it starts, other helpers on a copy) must use the same key.
 */
export const BENCH_ENCRYPTION_KEYS = 'k1:u6dmvTJrhV112q5Ev8YMzrdxoUV+A6P8fz12TqEpD5I=';

export const ROOT = process.cwd();
export const built = (file) => pathToFileURL(join(ROOT, 'dist', file)).href;

export async function freePort() {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => done(port));
    });
  });
}

export const withDatabase = (url, database) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

/**
 * A superuser URL of a server: DATABASE_URL's server when it is set, else an embedded PostgreSQL
 * started as the application starts its own, in a temporary directory removed by `stop`.
 */
export async function openServer() {
  if (process.env.DATABASE_URL)
    return { adminUrl: withDatabase(process.env.DATABASE_URL, 'postgres'), stop: async () => {} };
  const { startEmbeddedPostgres } = await import(built('api/src/database/embedded-postgres.js'));
  const dir = mkdtempSync(join(tmpdir(), 'exitpool-scale-'));
  const cluster = await startEmbeddedPostgres(dir, { persistent: false });
  return {
    adminUrl: cluster.url('postgres'),
    embedded: true,
    stop: async () => {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function adminQuery(adminUrl, sql, params) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end();
  }
}

export async function databaseExists(adminUrl, name) {
  return (await adminQuery(adminUrl, 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).length > 0;
}

/** A new empty database `name` (an older one of that name dropped), or a copy of `template`. */
export async function createDatabase(adminUrl, name, template) {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  // FILE_COPY: a gigabyte copied as files after one checkpoint, not block by block through the WAL
  await adminQuery(
    adminUrl,
    `CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}" STRATEGY FILE_COPY` : ''}`,
  );
}

/**
 * Starts `dist/api/src/main.js` on `databaseUrl` and waits for a healthy /api/health; `ms` is the
 * time from spawn to that answer. `stop()` ends it with SIGTERM; `peakRss()` reads its VmHWM.
 */
export async function startApp(databaseUrl, { demo = true, poolSize, processes } = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'exitpool-scale-app-'));
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/api/src/main.js'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ENCRYPTION_KEYS: BENCH_ENCRYPTION_KEYS,
      DEMO: String(demo),
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      ...(poolSize && { DATABASE_POOL_SIZE: String(poolSize) }),
      ...(processes && { API_PROCESSES: String(processes) }),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((done) => child.on('exit', (code) => done(code)));
  const base = `http://127.0.0.1:${port}`;
  let healthy = false;
  for (let i = 0; i < 2400 && !healthy && child.exitCode === null; i++) {
    try {
      healthy = (await fetch(`${base}/api/health`)).ok;
    } catch {
      /* not up yet */
    }
    if (!healthy) await new Promise((r) => setTimeout(r, 50));
  }
  const ms = performance.now() - started;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  if (!healthy) {
    await stop();
    throw new Error(`the application did not become healthy on ${new URL(databaseUrl).pathname}`);
  }
  const peakRss = () => {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  };
  return { base, pid: child.pid, ms, stop, peakRss };
}
