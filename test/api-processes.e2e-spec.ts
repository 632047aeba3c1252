import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import http from 'node:http';
import { freePort } from '../api/src/database/embedded-postgres.js';
import { isAlive, run, type Run, signIn, started } from './support/built-process.js';
import { adminQuery, asAppRole, withDatabase } from './support/database.js';

// API_PROCESSES=2: the built app forks two API processes on one port (node:cluster). Which process
// holds a connection is read off /proc: the server side of each connection is a socket of one of them.

/** The node processes the primary forked: its children. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(fields[1]) === pid && isAlive(Number(d));
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** The socket inodes of the connections accepted on `port` (established), from /proc/net/tcp and tcp6. */
function acceptedOn(port: number): Set<string> {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length > 9 && f[1].endsWith(`:${hex}`) && f[3] === '01') inodes.add(f[9]);
    }
  }
  return inodes;
}

/** How many of the connections accepted on `port` each process holds. */
function connectionsPerProcess(pids: number[], port: number): number[] {
  const accepted = acceptedOn(port);
  return pids.map((pid) => {
    let held = 0;
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && accepted.has(m[1])) held++;
      } catch {
        /* closed meanwhile */
      }
    }
    return held;
  });
}

/** A GET on a connection of its own, kept open by its agent; the status. */
function getOn(agent: http.Agent, base: string, path: string, token?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      new URL(path, base),
      { agent, headers: token ? { Authorization: `Bearer ${token}` } : {} },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
  });
}

async function waitFor(what: string, check: () => boolean, seconds = 30): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('API_PROCESSES: several API processes on one port', () => {
  const database = `exitpool_processes_${randomBytes(4).toString('hex')}`;
  let app: Run;
  let port: number;
  let base: string;
  const agents = Array.from({ length: 8 }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));

  beforeAll(async () => {
    await adminQuery(`CREATE DATABASE "${database}" OWNER ${process.env.EXITPOOL_TEST_APP_ROLE}`);
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = run({
      DATABASE_URL: asAppRole(withDatabase(process.env.EXITPOOL_TEST_ADMIN_URL!, database)),
      DEMO: 'true',
      PORT: String(port),
      API_PROCESSES: '2',
    });
    await started('the app with two API processes', app);
  }, 180_000);
  afterAll(async () => {
    for (const agent of agents) agent.destroy();
    if (app.child.exitCode === null) {
      app.child.kill('SIGKILL');
      await app.exited;
    }
    await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  });

  it('serves through both processes, and a session ended through one is ended for all at once', async () => {
    expect(app.output()).toContain('2 API processes serve the port');
    const workers = childrenOf(app.child.pid!);
    expect(workers).toHaveLength(2);
    // eight connections, each answered: the port hands them to both processes
    for (const agent of agents) expect(await getOn(agent, base, '/api/health')).toBe(200);
    const held = connectionsPerProcess(workers, port);
    expect(held.reduce((a, b) => a + b, 0)).toBe(agents.length);
    expect(held.every((n) => n > 0)).toBe(true);

    const { accessToken } = (await (await signIn(base, 'kbh@demo.test')).json()) as { accessToken: string };
    for (const agent of agents) expect(await getOn(agent, base, '/api/auth/me', accessToken)).toBe(200);
    const logout = await fetch(`${base}/api/auth/logout`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    expect(logout.status).toBeLessThan(300);
    for (const agent of agents) expect(await getOn(agent, base, '/api/auth/me', accessToken)).toBe(401);
  });

  it('replaces a process that dies, and keeps serving meanwhile', async () => {
    const [victim, survivor] = childrenOf(app.child.pid!);
    process.kill(victim, 'SIGKILL');
    // the survivor answers at once; a connection handed to the dead one just before is reset, and retried
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = await fetch(`${base}/api/health`).then(
        (res) => res.status,
        () => 0,
      );
    }
    expect(status).toBe(200);
    await waitFor('a replacement process', () => {
      const now = childrenOf(app.child.pid!);
      return now.length === 2 && now.includes(survivor) && !now.includes(victim);
    });
    await waitFor('the replacement to say so', () => app.output().includes('An API process took its place'));
    for (const agent of agents) agent.destroy();
    const fresh = Array.from({ length: 8 }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
    for (const agent of fresh) expect(await getOn(agent, base, '/api/health')).toBe(200);
    expect(connectionsPerProcess(childrenOf(app.child.pid!), port).every((n) => n > 0)).toBe(true);
    for (const agent of fresh) agent.destroy();
  });

  it('stops every process on SIGTERM, cleanly', async () => {
    const workers = childrenOf(app.child.pid!);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    for (const pid of workers) expect(isAlive(pid)).toBe(false);
  });
});

describe('One API process on DATABASE_URL', () => {
  const database = `exitpool_processes_${randomBytes(4).toString('hex')}`;
  beforeAll(() => adminQuery(`CREATE DATABASE "${database}" OWNER ${process.env.EXITPOOL_TEST_APP_ROLE}`));
  afterAll(() => adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'finishes its own shutdown on %s (no exit hook of the embedded PostgreSQL package cuts it short)',
    async (signal) => {
      const app = run({
        DATABASE_URL: asAppRole(withDatabase(process.env.EXITPOOL_TEST_ADMIN_URL!, database)),
        DEMO: 'true',
        PORT: String(await freePort()),
      });
      await started('the app', app);
      app.child.kill(signal);
      // the package's hook would exit with 128 + the signal before the app closed
      expect(await app.exited).toBe(0);
      expect(app.output()).toContain(`"reason":"${signal}","msg":"Stopping"`);
    },
    120_000,
  );
});
