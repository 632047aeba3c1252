import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../api/src/database/embedded-postgres.js';
import { MAIN, postmasterPid, run, started, stopLeftoverPostgres } from './support/built-process.js';
import { adminQuery, asAppRole, withDatabase } from './support/database.js';

/** `npm start` as a user runs it: the built process on an embedded PostgreSQL. */
describe('The built application', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'exitpool-start-'));
  });
  afterAll(async () => {
    await stopLeftoverPostgres(dataDir);
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT: PORT must be a whole number'],
    [{ PORT: '70000' }, 'PORT: PORT must be between 1 and 65535'],
    [{ DATABASE_URL: 'mysql://somewhere/db' }, 'DATABASE_URL: DATABASE_URL must look like postgres://'],
    [{ DEMO: 'maybe' }, 'DEMO: DEMO must be true or false'],
  ])('refuses to start with %j, naming the variable', async (env, message) => {
    const { DATABASE_URL: _, ...inherited } = process.env;
    const child = spawn(process.execPath, [MAIN], {
      env: { ...inherited, DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const code = await new Promise((done) => child.on('exit', done));
    expect(code).toBe(78);
    expect(stderr).toContain(message);
  });

  it('starts on an embedded PostgreSQL, seeds once, serves API and UI, stops cleanly and reuses its data', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = run({ PORT: String(port), DATA_DIR: dataDir });
    await started('the first start', first);
    expect(first.output()).toContain('Demo data created');
    expect(first.output()).toContain('admin@demo.test (admin)');
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'ncp@demo.test', password: 'demo-password-1' }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    if (existsSync('admin/dist/index.html')) {
      const page = await fetch(`${base}/units/some/client/route`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    }
    expect(first.output()).not.toContain(accessToken);
    expect(first.output()).not.toContain('demo-password-1"');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = run({ PORT: String(port), DATA_DIR: dataDir });
    await started('the second start', second);
    expect(second.output()).not.toContain('Demo data created');
    const again = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'ncp@demo.test', password: 'demo-password-1' }),
    });
    const units = await fetch(`${base}/api/units?range=[0,99]`, {
      headers: { Authorization: `Bearer ${((await again.json()) as { accessToken: string }).accessToken}` },
    });
    expect(units.headers.get('content-range')).toBe('units 0-12/13');
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 180_000);

  /** Runs the built process that is expected not to start, and answers what it printed. */
  async function failedStart(env: Record<string, string>): Promise<string> {
    const failed = run({ DATA_DIR: dataDir, ...env });
    expect(await failed.exited).toBe(1);
    return failed.output();
  }

  it('names a port that is in use, and leaves no PostgreSQL running', async () => {
    const taken = createServer();
    const port = await freePort();
    await new Promise<void>((done) => taken.listen(port, done));
    try {
      const output = await failedStart({ PORT: String(port) });
      expect(output).toContain(`Exit Pool could not start: port ${port} is in use`);
      expect(postmasterPid(dataDir)).toBeUndefined();
    } finally {
      taken.close();
    }
  }, 120_000);

  it('names a DATA_DIR it cannot write', async () => {
    const file = join(dataDir, 'a-file');
    await writeFile(file, '');
    const output = await failedStart({ DATA_DIR: join(file, 'data') });
    expect(output).toContain(
      `Exit Pool could not start: DATA_DIR ${join(file, 'data')} is not a directory this user can write`,
    );
  });

  it('names a DATABASE_URL where nothing answers', async () => {
    const port = await freePort();
    const output = await failedStart({ DATABASE_URL: `postgres://exitpool:secret@127.0.0.1:${port}/exitpool` });
    expect(output).toContain(`Exit Pool could not start: nothing answers at 127.0.0.1:${port} (DATABASE_URL)`);
    expect(output).not.toContain('secret');
  });

  it('names the migration that failed and why', async () => {
    const name = `${process.env.EXITPOOL_TEST_TEMPLATE}_start_${randomBytes(3).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name} OWNER ${process.env.EXITPOOL_TEST_APP_ROLE}`);
    try {
      const url = asAppRole(withDatabase(process.env.EXITPOOL_TEST_ADMIN_URL!, name));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query('CREATE TABLE units (clash int)').finally(() => client.end());
      const output = await failedStart({ DATABASE_URL: url, DEMO: 'false' });
      expect(output).toContain(
        'Exit Pool could not start: migration Foundation1795300000000 failed: relation "units" already exists',
      );
    } finally {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });

  it('names why the embedded PostgreSQL did not start, with its last output', async () => {
    const conf = join(dataDir, 'postgres', 'postgresql.conf');
    const original = await readFile(conf, 'utf8');
    await appendFile(conf, '\nno_such_setting_of_exit_pool = on\n');
    try {
      const output = await failedStart({ PORT: String(await freePort()) });
      expect(output).toContain(
        `Exit Pool could not start: the embedded PostgreSQL in ${join(dataDir, 'postgres')} did not start`,
      );
      expect(output).toContain('no_such_setting_of_exit_pool');
      expect(output).not.toContain('undefined');
    } finally {
      await writeFile(conf, original);
    }
  }, 120_000);
});
