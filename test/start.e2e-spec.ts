import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../api/src/database/embedded-postgres.js';

const MAIN = resolve('dist/api/src/main.js');

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(env: Record<string, string>): Run {
  const { DATABASE_URL: _, ...inherited } = process.env;
  const child = spawn(process.execPath, [MAIN], { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

async function started(what: string, run: Run, seconds = 120): Promise<void> {
  let exit: number | null | undefined;
  void run.exited.then((code) => (exit = code));
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (run.output().includes('Exit Pool is running')) return;
    if (exit !== undefined) throw new Error(`${what} exited with ${exit}:\n${run.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}:\n${run.output().slice(-3000)}`);
}

/** `npm start` as a user runs it: the built process on an embedded PostgreSQL. */
describe('The built application', () => {
  let dataDir: string;
  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('Build first: npm run build (npm test does)');
    dataDir = await mkdtemp(join(tmpdir(), 'exitpool-start-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

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
});
