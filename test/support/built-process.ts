import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TEST_ENCRYPTION_KEYS } from './encryption.js';

export const MAIN = resolve('dist/api/src/main.js');

export interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * The built process as `npm start` runs it, without the test run's DATABASE_URL or ENCRYPTION_KEYS
 * unless `env` gives them. Outside demo mode with the embedded database, where a key ring is
 * required, it gets the test run's unless `env` names ENCRYPTION_KEYS (empty for none).
 */
export function run(env: Record<string, string>): Run {
  if (!existsSync(MAIN)) throw new Error('Build first: npm run build (npm test does)');
  const { DATABASE_URL: _, ENCRYPTION_KEYS: __, ...inherited } = process.env;
  const keyFileAllowed = !env.DATABASE_URL && !/^(0|false|off|no)$/i.test((env.DEMO ?? '').trim());
  const keys = keyFileAllowed || 'ENCRYPTION_KEYS' in env ? {} : { ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS };
  const child = spawn(process.execPath, [MAIN], {
    env: { ...inherited, ...keys, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

/** Waits until the process says it serves; fails with its output if it exits first. */
export async function started(what: string, run: Run, seconds = 120): Promise<void> {
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

/** The pid in the cluster's postmaster.pid, if the file is there. */
export function postmasterPid(dataDir: string): number | undefined {
  const file = join(dataDir, 'postgres', 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : undefined;
}

/** Whether the process runs; a zombie (exited, not yet reaped by its new parent) does not. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return !existsSync('/proc/self/stat');
  }
}

/** After a test that failed half-way: stops whatever PostgreSQL of the DATA_DIR still runs. */
export async function stopLeftoverPostgres(dataDir: string): Promise<void> {
  const pid = postmasterPid(dataDir);
  if (!pid || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 600 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

export async function signIn(base: string, email: string, password = 'demo-password-1'): Promise<Response> {
  return fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}
