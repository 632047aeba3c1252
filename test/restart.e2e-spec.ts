import pg from 'pg';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../api/src/database/data-source.js';
import { freePort, startEmbeddedPostgres } from '../api/src/database/embedded-postgres.js';
import {
  isAlive,
  postmasterPid,
  type Run,
  run,
  signIn,
  started,
  stopLeftoverPostgres,
} from './support/built-process.js';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The superuser's URL of the running embedded cluster, from the files the application keeps in DATA_DIR. */
async function superuserUrl(dataDir: string, database: string): Promise<string> {
  const appUrl = new URL((await readFile(join(dataDir, 'postgres.url'), 'utf8')).trim());
  const password = (await readFile(join(dataDir, 'postgres.secret'), 'utf8')).trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${appUrl.port}/${database}`;
}

/** What the application's connections are: who they are, what that role may do, who owns the tables. */
async function whoTheAppIs(dataDir: string) {
  const appUrl = (await readFile(join(dataDir, 'postgres.url'), 'utf8')).trim();
  const [role] = await query<{
    current_user: string;
    rolsuper: boolean;
    rolcreatedb: boolean;
    rolcreaterole: boolean;
    rolbypassrls: boolean;
    rolreplication: boolean;
  }>(
    appUrl,
    `SELECT current_user, rolsuper, rolcreatedb, rolcreaterole, rolbypassrls, rolreplication
       FROM pg_roles WHERE rolname = current_user`,
  );
  const owners = await query<{ owner: string; tables: string }>(
    appUrl,
    `SELECT tableowner AS owner, count(*) AS tables FROM pg_tables WHERE schemaname = 'public' GROUP BY 1`,
  );
  const [database] = await query<{ owner: string }>(
    appUrl,
    `SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = current_database()`,
  );
  const others = await query<{ what: string }>(
    appUrl,
    `SELECT c.oid::regclass::text AS what FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relowner <> current_user::regrole
     UNION ALL
     SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND p.proowner <> current_user::regrole
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`,
  );
  const connections = await query<{ usename: string }>(
    await superuserUrl(dataDir, 'postgres'),
    `SELECT DISTINCT usename FROM pg_stat_activity WHERE application_name = 'exit-pool'`,
  );
  return {
    role,
    owners,
    databaseOwner: database.owner,
    notOwned: others.map((o) => o.what),
    connectedAs: connections.map((c) => c.usename),
  };
}

const tablesOwnedByTheApp = (owners: { owner: string; tables: string }[]) => {
  expect(owners).toHaveLength(1);
  expect(owners[0].owner).toBe('exitpool');
  expect(Number(owners[0].tables)).toBeGreaterThan(10);
};

const NOT_A_SUPERUSER = {
  current_user: 'exitpool',
  rolsuper: false,
  rolcreatedb: false,
  rolcreaterole: false,
  rolbypassrls: false,
  rolreplication: false,
};

async function unitCount(base: string): Promise<string | null> {
  const login = await signIn(base, 'ncp@demo.test');
  expect(login.status).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const units = await fetch(`${base}/api/units?range=[0,99]`, { headers: { Authorization: `Bearer ${accessToken}` } });
  return units.headers.get('content-range');
}

/** `npm start` again on the same DATA_DIR, after a clean stop and after a kill. */
describe('The built application on its embedded PostgreSQL', () => {
  let dataDir: string;
  let port: number;
  let base: string;
  let current: Run | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'exitpool-restart-'));
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    if (current && current.child.exitCode === null) {
      current.child.kill('SIGTERM');
      await current.exited;
    }
    await stopLeftoverPostgres(dataDir);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('connects as a role of its own that is no superuser and owns its database and tables', async () => {
    current = run({ PORT: String(port), DATA_DIR: dataDir });
    await started('the first start', current);
    expect(current.output()).toContain('Demo data created');

    const app = await whoTheAppIs(dataDir);
    expect(app.role).toEqual(NOT_A_SUPERUSER);
    expect(app.connectedAs).toEqual(['exitpool']);
    expect(app.databaseOwner).toBe('exitpool');
    tablesOwnedByTheApp(app.owners);
    expect(app.notOwned).toEqual([]);
  }, 180_000);

  it("keeps the application role's password beside the cluster's, readable by the owner only", async () => {
    const secret = join(dataDir, 'exitpool.secret');
    const mode = Number(execFileSync('stat', ['-c', '%a', secret], { encoding: 'utf8' }).trim());
    expect(mode).toBe(600);
    const password = (await readFile(secret, 'utf8')).trim();
    expect(password.length).toBeGreaterThanOrEqual(32);
    expect(current!.output()).not.toContain(password);
  });

  it('refuses a second Exit Pool on the same DATA_DIR, naming the one running, and leaves it serving', async () => {
    const second = run({ PORT: String(await freePort()), DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(
      `Exit Pool could not start: DATA_DIR ${dataDir} is in use by another running Exit Pool (process ${current!.child.pid}`,
    );
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  it('names a database that refuses the password, without repeating it', async () => {
    const url = new URL((await readFile(join(dataDir, 'postgres.url'), 'utf8')).trim());
    url.password = 'not-the-password-42';
    const wrong = run({ PORT: String(await freePort()), DATA_DIR: dataDir, DATABASE_URL: url.toString() });
    expect(await wrong.exited).toBe(1);
    expect(wrong.output()).toContain(
      `Exit Pool could not start: the database server at 127.0.0.1:${url.port} refused the password of user exitpool (DATABASE_URL)`,
    );
    expect(wrong.output()).not.toContain('not-the-password-42');
  });

  it('comes up again after SIGKILL left its PostgreSQL running, with its data and without seeding the demo twice', async () => {
    const before = await unitCount(base);
    expect(before).toBe('units 0-12/13');
    const orphan = postmasterPid(dataDir)!;
    current!.child.kill('SIGKILL');
    await current!.exited;
    expect(isAlive(orphan)).toBe(true);

    current = run({ PORT: String(port), DATA_DIR: dataDir });
    await started('the start after the kill', current);
    expect(current.output()).toContain(`stopping the PostgreSQL (process ${orphan}) left running`);
    expect(current.output()).not.toContain('Demo data created');
    expect(isAlive(orphan)).toBe(false);
    expect(await unitCount(base)).toBe('units 0-12/13');
    expect((await whoTheAppIs(dataDir)).role).toEqual(NOT_A_SUPERUSER);

    current.child.kill('SIGTERM');
    expect(await current.exited).toBe(0);
    expect(postmasterPid(dataDir)).toBeUndefined();
  }, 180_000);

  it('starts over a postmaster.pid whose process is alive but no PostgreSQL of this cluster', async () => {
    // a pid reused by another program of the cluster's owner: PostgreSQL itself refuses to start then
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    const stranger = spawn('sleep', ['600'], userInfo().uid === 0 ? { uid: id('-u'), gid: id('-g') } : {});
    try {
      const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
      await writeFile(pidFile, `${stranger.pid}\n${join(dataDir, 'postgres')}\n0\n5432\n\n127.0.0.1\n0 0\nready\n`);
      current = run({ PORT: String(port), DATA_DIR: dataDir });
      await started('the start over a stale postmaster.pid', current);
      expect(current.output()).toContain('removing the stale');
      expect(await unitCount(base)).toBe('units 0-12/13');
      expect(stranger.exitCode).toBeNull();
      current.child.kill('SIGTERM');
      expect(await current.exited).toBe(0);
    } finally {
      stranger.kill('SIGKILL');
    }
  }, 180_000);
});

/** A DATA_DIR of an older version: database `exitpool` and its tables belong to the superuser. */
describe('The built application on a DATA_DIR from before it had a role of its own', () => {
  let dataDir: string;
  afterAll(async () => {
    await stopLeftoverPostgres(dataDir);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('hands the database and everything in it to the application role, and serves', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'exitpool-upgrade-'));
    const old = await startEmbeddedPostgres(dataDir);
    try {
      await query(old.url('postgres'), 'CREATE DATABASE exitpool');
      // what the older version did: migrate as the superuser (TypeORM also added uuid-ossp)
      await query(old.url('exitpool'), 'CREATE EXTENSION IF NOT EXISTS "uuid-ossp"');
      await migrate(old.url('exitpool'));
      await query(old.url('exitpool'), `CREATE SEQUENCE old_counter`);
      const [{ owner }] = await query<{ owner: string }>(
        old.url('exitpool'),
        `SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'users'`,
      );
      expect(owner).toBe('postgres');
    } finally {
      await old.stop();
    }

    const port = await freePort();
    const upgraded = run({ PORT: String(port), DATA_DIR: dataDir });
    try {
      await started('the start on the older DATA_DIR', upgraded);
      expect(upgraded.output()).toContain('Demo data created');
      const app = await whoTheAppIs(dataDir);
      expect(app.role).toEqual(NOT_A_SUPERUSER);
      expect(app.connectedAs).toEqual(['exitpool']);
      expect(app.databaseOwner).toBe('exitpool');
      tablesOwnedByTheApp(app.owners);
      expect(app.notOwned).toEqual([]);
      expect(await unitCount(`http://127.0.0.1:${port}`)).toBe('units 0-12/13');
    } finally {
      upgraded.child.kill('SIGTERM');
      expect(await upgraded.exited).toBe(0);
    }
  }, 240_000);
});
