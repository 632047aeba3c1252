import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import pg from 'pg';
import type { EntityManager } from 'typeorm';
import { eventHash, GENESIS_HASH } from '../api/src/audit/audit-chain.js';
import { verifyAuditChain } from '../api/src/audit/audit-verify.js';
import { AuditService } from '../api/src/audit/audit.service.js';
import { hashPassword } from '../api/src/auth/password.js';
import { AuditChain1795300700000 } from '../api/src/database/migrations/1795300700000-AuditChain.js';
import { seedDemoApplications } from '../api/src/demo/demo-applications.js';
import { DEMO_PASSWORD } from '../api/src/demo/demo-data.js';
import { seedDemo } from '../api/src/demo/demo-seed.js';
import { type Run, run, started } from './support/built-process.js';
import { withDatabase } from './support/database.js';
import { databaseBefore } from './support/migration-database.js';
import { type Auth, newApplication, newCase, quoteOverride, seedCatalog, todayIso } from './support/fixtures.js';
import { grant, pay } from './support/money.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from './support/test-app.js';

const COMMAND = resolve('dist/api/src/audit/check-audit.main.js');

/** `npm run check:audit`, as an operator runs it: only DATABASE_URL, no encryption key. */
function checkAudit(databaseUrl: string, ...args: string[]) {
  const { ENCRYPTION_KEYS: _, ...env } = process.env;
  const result = spawnSync(process.execPath, [COMMAND, ...args], {
    env: { ...env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

/** A superuser's session on the test's database, as a DBA with every right has. */
async function asSuperuser<T>(databaseUrl: string, work: (db: pg.Client) => Promise<T>): Promise<T> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const client = new pg.Client({ connectionString: withDatabase(process.env.EXITPOOL_TEST_ADMIN_URL!, name) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const COLUMNS = `e.id, e.seq::text AS seq, e.actor_id, e.action, e.entity_type, e.entity_id, e.details, e.prev_hash, e.hash`;

interface EventRow {
  id: string;
  seq: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

describe('The hash chain of the audit trail', () => {
  let t: TestApp;
  let admin: Auth;
  let cp: Auth;

  beforeAll(async () => {
    if (!existsSync(COMMAND)) throw new Error('Build first: npm run build (npm test does)');
    t = await createTestApp();
    await seedDemo(t.db);
    await seedDemoApplications(t.app);
    admin = { Authorization: `Bearer ${await t.login('admin@demo.test', DEMO_PASSWORD)}` };
    cp = { Authorization: `Bearer ${await t.login('ncp@demo.test', DEMO_PASSWORD)}` };
    // and a workflow of its own: a case, an application granted in full, a payment
    const worker = { Authorization: `Bearer ${await t.login('kbh@demo.test', DEMO_PASSWORD)}` };
    const finance = { Authorization: `Bearer ${await t.login('finance@demo.test', DEMO_PASSWORD)}` };
    const g = await grant(t, worker, cp, (await newCase(t, worker)).id, 2);
    expect((await pay(t, finance, g.id, 50_000)).status).toBe(201);
    expect((await t.http.get(`/api/applications/${g.id}`).set(cp)).status).toBe(200);
  });
  afterAll(() => t.close());

  const verify = (checkpoint?: string) =>
    t.http
      .get('/api/audit-events/verify')
      .query(checkpoint ? { checkpoint } : {})
      .set(admin);
  const event = async (seq: number | string): Promise<EventRow> =>
    (await t.db.query(`SELECT ${COLUMNS} FROM audit_events e WHERE e.seq = $1`, [seq]))[0];
  const head = async (): Promise<EventRow> =>
    (await t.db.query(`SELECT ${COLUMNS} FROM audit_events e ORDER BY e.seq DESC LIMIT 1`))[0];
  /** A sequence number in the middle of the trail: an approval of the demo. */
  const middle = async (): Promise<number> =>
    Number(
      (await t.db.query(`SELECT min(seq)::int AS seq FROM audit_events WHERE action = 'application.approve'`))[0].seq,
    );

  it('is whole after the demo and a workflow, numbered 1, 2, 3, … and ending at the newest event', async () => {
    const [{ n, max }] = await t.db.query(`SELECT count(*)::int AS n, max(seq)::int AS max FROM audit_events`);
    expect(n).toBeGreaterThan(50);
    expect(max).toBe(n);
    const last = await head();
    expect((await verify()).body).toEqual({ ok: true, events: n, head: last.hash });
    const first = await event(1);
    expect(first.prev_hash).toBe(GENESIS_HASH);
    expect((await event(2)).prev_hash).toBe(first.hash);
    for (const action of ['demo.history', 'application.approve', 'disbursement.pay', 'application.read']) {
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM audit_events WHERE action = $1`, [
        action,
      ]);
      expect([action, count > 0]).toEqual([action, true]);
    }
  });

  it('check:audit prints the number of events and the head, and exits 0', async () => {
    const last = await head();
    const result = checkAudit(t.databaseUrl);
    expect(result.output).toContain(`The audit trail is whole: ${last.seq} events.`);
    expect(result.output).toContain(`Head: ${last.hash}`);
    expect(result.output).toContain(`Checkpoint to write down: ${last.seq}:${last.hash}`);
    expect(result.status).toBe(0);
  });

  it.each(['unit_worker', 'finance'] as const)('refuses the verification to %s', async (role) => {
    const { auth } = await t.signedIn(role);
    const res = await t.http.get('/api/audit-events/verify').set(auth);
    expect(res.status).toBe(403);
  });

  it('answers the contact point', async () => {
    const res = await t.http.get('/api/audit-events/verify').set(cp);
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
  });

  it('is in the OpenAPI document, with its checkpoint', async () => {
    const doc = (await t.http.get('/api/docs-json')).body;
    const route = doc.paths['/api/audit-events/verify'].get;
    expect(route.parameters.map((p: { name: string; in: string }) => [p.name, p.in])).toEqual([
      ['checkpoint', 'query'],
    ]);
    expect(route.description).toContain('brokenAt');
  });

  it('refuses a malformed checkpoint with a 400 naming it', async () => {
    const res = await verify('12:not-a-hash');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toContain('checkpoint');
  });

  it('finds an event whose details a superuser changed with the triggers disabled', async () => {
    const seq = await middle();
    const original = await event(seq);
    await asSuperuser(t.databaseUrl, async (db) => {
      await db.query(`ALTER TABLE audit_events DISABLE TRIGGER ALL`);
      await db.query(`UPDATE audit_events SET details = details || '{"to":"rejected"}' WHERE seq = $1`, [seq]);
      await db.query(`ALTER TABLE audit_events ENABLE TRIGGER ALL`);
    });
    try {
      const result = checkAudit(t.databaseUrl);
      expect(result.status).toBe(1);
      expect(result.output).toContain(`event ${seq} (${original.id}) no longer gives its stored hash`);
      expect(result.output).toContain(`First broken link: seq ${seq}, problem changed.`);
      const res = await verify();
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        ok: false,
        events: Number((await head()).seq),
        brokenAt: { seq, id: original.id, problem: 'changed' },
      });
    } finally {
      await asSuperuser(t.databaseUrl, async (db) => {
        await db.query(`SET session_replication_role = replica`);
        await db.query(`UPDATE audit_events SET details = $2 WHERE seq = $1`, [seq, original.details]);
      });
    }
    expect((await verify()).body.ok).toBe(true);
  });

  it('finds an event that a superuser deleted with session_replication_role = replica', async () => {
    const seq = await middle();
    const [{ row }] = await t.db.query(`SELECT row_to_json(e) AS row FROM audit_events e WHERE seq = $1`, [seq]);
    const next = await event(seq + 1);
    await asSuperuser(t.databaseUrl, async (db) => {
      await db.query(`SET session_replication_role = replica`);
      await db.query(`DELETE FROM audit_events WHERE seq = $1`, [seq]);
    });
    try {
      const result = checkAudit(t.databaseUrl);
      expect(result.status).toBe(1);
      expect(result.output).toContain(`event ${seq} is missing before event ${seq + 1} (${next.id}): it was deleted`);
      const res = await verify();
      expect(res.body).toEqual({
        ok: false,
        events: Number((await head()).seq) - 1,
        brokenAt: { seq: seq + 1, id: next.id, problem: 'missing', missingFrom: seq },
      });
    } finally {
      await asSuperuser(t.databaseUrl, (db) =>
        db.query(`INSERT INTO audit_events SELECT * FROM json_populate_record(NULL::audit_events, $1)`, [row]),
      );
    }
    expect((await verify()).body.ok).toBe(true);
  });

  it('finds an event that a superuser inserted in the middle, even with a hash made like the real ones', async () => {
    const seq = await middle();
    const before = await event(seq - 1);
    const displaced = await event(seq);
    const forged = {
      id: '0f0f0f0f-0000-4000-8000-000000000001',
      seq: String(seq),
      at: '2026-01-01T12:00:00.000000Z',
      actorId: null,
      action: 'application.read',
      entityType: 'application',
      entityId: displaced.entity_id,
      requestId: null,
      details: {},
      prevHash: before.hash,
    };
    await asSuperuser(t.databaseUrl, async (db) => {
      await db.query(`SET session_replication_role = replica`);
      // a DBA can drop what stands in the way: one chain allows one event after each
      await db.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_prev_hash_unique`);
      await db.query(`UPDATE audit_events SET seq = seq + 1000000000 WHERE seq >= $1`, [seq]);
      await db.query(`UPDATE audit_events SET seq = seq - 999999999 WHERE seq >= 1000000000`);
      await db.query(
        `INSERT INTO audit_events (id, seq, at, actor_id, action, entity_type, entity_id, request_id, details, prev_hash, hash)
         VALUES ($1, $2, $3, NULL, $4, $5, $6, NULL, '{}', $7, $8)`,
        [forged.id, seq, forged.at, forged.action, forged.entityType, forged.entityId, before.hash, eventHash(forged)],
      );
    });
    try {
      const result = checkAudit(t.databaseUrl);
      expect(result.status).toBe(1);
      expect(result.output).toContain(
        `event ${seq + 1} (${displaced.id}) does not carry the hash of event ${seq}: that event was changed and rehashed, or inserted`,
      );
      expect((await verify()).body.brokenAt).toEqual({ seq: seq + 1, id: displaced.id, problem: 'unlinked' });
    } finally {
      await asSuperuser(t.databaseUrl, async (db) => {
        await db.query(`SET session_replication_role = replica`);
        await db.query(`DELETE FROM audit_events WHERE id = $1`, [forged.id]);
        await db.query(`UPDATE audit_events SET seq = seq + 1000000000 WHERE seq > $1`, [seq]);
        await db.query(`UPDATE audit_events SET seq = seq - 1000000001 WHERE seq >= 1000000000`);
        await db.query(`ALTER TABLE audit_events ADD CONSTRAINT audit_events_prev_hash_unique UNIQUE (prev_hash)`);
      });
    }
    expect((await verify()).body.ok).toBe(true);
  });

  it('needs a checkpoint written down elsewhere to find a rewritten end of the trail', async () => {
    const last = await head();
    const checkpoint = `${last.seq}:${last.hash}`;
    const [{ row }] = await t.db.query(`SELECT row_to_json(e) AS row FROM audit_events e WHERE seq = $1`, [last.seq]);
    const before = await event(Number(last.seq) - 1);
    const rewritten = {
      id: last.id,
      seq: last.seq,
      at: '2026-01-01T12:00:00.000000Z',
      actorId: null,
      action: 'auth.logout',
      entityType: 'session',
      entityId: null,
      requestId: null,
      details: {},
      prevHash: before.hash,
    };
    await asSuperuser(t.databaseUrl, async (db) => {
      await db.query(`SET session_replication_role = replica`);
      await db.query(
        `UPDATE audit_events SET at = $2, actor_id = NULL, action = $3, entity_type = $4, entity_id = NULL,
                request_id = NULL, details = '{}', hash = $5 WHERE id = $1`,
        [last.id, rewritten.at, rewritten.action, rewritten.entityType, eventHash(rewritten)],
      );
    });
    try {
      // rewritten with the algorithm from its start to its end, the chain alone is whole again
      expect((await verify()).body).toMatchObject({ ok: true, events: Number(last.seq) });
      expect((await verify(checkpoint)).body).toEqual({
        ok: false,
        events: Number(last.seq),
        brokenAt: { seq: Number(last.seq), id: last.id, problem: 'checkpoint' },
      });
      const result = checkAudit(t.databaseUrl, '--checkpoint', checkpoint);
      expect(result.status).toBe(1);
      expect(result.output).toContain(`event ${last.seq} (${last.id}) does not carry the checkpoint's hash`);
    } finally {
      await asSuperuser(t.databaseUrl, async (db) => {
        await db.query(`SET session_replication_role = replica`);
        await db.query(`DELETE FROM audit_events WHERE id = $1`, [last.id]);
        await db.query(`INSERT INTO audit_events SELECT * FROM json_populate_record(NULL::audit_events, $1)`, [row]);
      });
    }
    expect((await verify(checkpoint)).body.ok).toBe(true);
    expect(checkAudit(t.databaseUrl, '--checkpoint', checkpoint).status).toBe(0);
  });

  it('finds events deleted from the end by a checkpoint beyond the new head', async () => {
    const last = await head();
    const [{ row }] = await t.db.query(`SELECT row_to_json(e) AS row FROM audit_events e WHERE seq = $1`, [last.seq]);
    await asSuperuser(t.databaseUrl, async (db) => {
      await db.query(`SET session_replication_role = replica`);
      await db.query(`DELETE FROM audit_events WHERE id = $1`, [last.id]);
    });
    try {
      expect((await verify(`${last.seq}:${last.hash}`)).body.brokenAt).toEqual({
        seq: Number(last.seq),
        id: null,
        problem: 'checkpoint',
      });
    } finally {
      await asSuperuser(t.databaseUrl, (db) =>
        db.query(`INSERT INTO audit_events SELECT * FROM json_populate_record(NULL::audit_events, $1)`, [row]),
      );
    }
  });
});

/** Two real processes on one database, each serving audited writes that hold row locks. */
describe('Appending to the chain under concurrency', () => {
  let t: TestApp;
  let other: Run;
  let otherBase: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedCatalog(t);
    const port = await freePort();
    other = run({
      DATABASE_URL: t.databaseUrl,
      PORT: String(port),
      DEMO: 'false',
      MFA_REQUIRED_ROLES: 'none',
    });
    await started('the second process', other, 150);
    otherBase = `http://127.0.0.1:${port}`;
  }, 180_000);
  afterAll(async () => {
    other?.child.kill('SIGTERM');
    await other?.exited;
    await t.close();
  });

  it('keeps one linear chain through many simultaneous audited writes in two processes, without an error', async () => {
    const worker = await t.signedIn('unit_worker');
    const cp = await t.signedIn('contact_point');
    const finance = await t.signedIn('finance');
    const admin = await t.signedIn('admin');
    const caseId = (await newCase(t, worker.auth)).id;
    const toApprove: string[] = [];
    for (let i = 0; i < 16; i++) {
      const a = await newApplication(t, worker.auth, caseId, {}, 1);
      expect((await t.http.post(`/api/applications/${a.id}/submit`).set(worker.auth)).status).toBe(200);
      toApprove.push(a.id);
    }
    const toPay: string[] = [];
    for (let i = 0; i < 8; i++) toPay.push((await grant(t, worker.auth, cp.auth, caseId, 1)).id);
    const [{ before }] = await t.db.query(`SELECT count(*)::int AS before FROM audit_events`);

    // alternately in this process and the other one
    const call = (i: number, method: string, path: string, auth?: Auth, body?: object, headers = {}) =>
      i % 2 === 0
        ? send(t.http, method, path, auth, body, headers)
        : fetch(`${otherBase}${path}`, {
            method,
            headers: { 'Content-Type': 'application/json', ...auth, ...headers },
            body: body && JSON.stringify(body),
          }).then(async (r) => ({ status: r.status, body: await r.json().catch(() => null) }));

    const work = [
      // the budget year's row locked, an override audited in the middle, then the transition
      ...toApprove.map((id, i) => ({
        action: 'application.approve',
        go: () =>
          call(i, 'POST', `/api/applications/${id}/approve`, cp.auth, {
            amountApproved: 100_000,
            reason: 'ok',
            overrides: quoteOverride,
          }),
      })),
      // the application's and the year's rows locked
      ...toPay.map((id, i) => ({
        action: 'disbursement.pay',
        go: () =>
          call(
            i,
            'POST',
            '/api/disbursements',
            finance.auth,
            { applicationId: id, amount: 50_000, paidOn: todayIso(), payeeType: 'landlord' },
            { 'Idempotency-Key': `audit-chain-${id}` },
          ),
      })),
      // the contact point's user row locked (FOR UPDATE) by each sign-in ...
      ...Array.from({ length: 8 }, (_, i) => ({
        action: 'auth.login',
        go: () => call(i, 'POST', '/api/auth/login', undefined, { email: cp.user.email, password: TEST_PASSWORD }),
      })),
      // ... while events of that user need a key-share lock on it (the actor's foreign key)
      ...Array.from({ length: 16 }, (_, i) => ({
        action: 'application.read',
        go: () => call(i, 'GET', `/api/applications/${toApprove[i % toApprove.length]}`, cp.auth),
      })),
      // and the admin's changes to that user lock the same row
      ...Array.from({ length: 8 }, (_, i) => ({
        action: 'user.update',
        go: () => call(i, 'PUT', `/api/users/${cp.user.id}`, admin.auth, { displayName: `Contact point ${i}` }),
      })),
    ];
    const results = await Promise.all(work.map((w) => w.go()));

    const statuses = results.map((r, i) => [work[i].action, r.status]);
    expect(statuses.filter(([, s]) => Number(s) >= 300)).toEqual([]);
    expect(await verifyAuditChain(t.db.manager)).toMatchObject({ ok: true });
    const [{ n, max, distinctPrev }] = await t.db.query(
      `SELECT count(*)::int AS n, max(seq)::int AS max, count(DISTINCT prev_hash)::int AS "distinctPrev" FROM audit_events`,
    );
    expect([max, distinctPrev]).toEqual([n, n]);
    // every audited write is in the chain once (the approvals with an override each have two events)
    expect(n - before).toBe(work.length + toApprove.length);
    const [{ approvals }] = await t.db.query(
      `SELECT count(*)::int AS approvals FROM audit_events WHERE action = 'application.approve' AND entity_id = ANY($1)`,
      [toApprove],
    );
    expect(approvals).toBe(toApprove.length);
  });
});

/** AuditService.record inside the callers' transactions: the event commits with the change, or not at all. */
describe('Recording inside a transaction', () => {
  let t: TestApp;
  let audit: AuditService;
  let yearId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedCatalog(t);
    audit = t.app.get(AuditService);
    [{ id: yearId }] = await t.db.query(`SELECT id FROM budget_years LIMIT 1`);
  });
  afterAll(() => t.close());

  const entry = (action: string, i = 0) => ({
    actorId: null,
    action,
    entityType: 'budget_year',
    entityId: yearId,
    details: { i },
  });
  const count = async (action: string): Promise<number> =>
    (await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = $1`, [action]))[0].n;

  it('takes the chain’s lock last, even when the event is recorded before the transaction locks a row', async () => {
    const lockYear = (tx: EntityManager) => tx.query(`SELECT 1 FROM budget_years WHERE id = $1 FOR UPDATE`, [yearId]);
    const pause = () => new Promise((r) => setTimeout(r, 20));
    // half record first and then lock the year, half the other way round: were the chain's lock
    // taken where the event is recorded, the two halves would wait for each other
    await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        t.db.transaction(async (tx) => {
          if (i % 2) {
            await audit.record(entry('test.record_then_lock', i), tx);
            await pause();
            await lockYear(tx);
          } else {
            await lockYear(tx);
            await pause();
            await audit.record(entry('test.lock_then_record', i), tx);
          }
        }),
      ),
    );
    expect([await count('test.record_then_lock'), await count('test.lock_then_record')]).toEqual([8, 8]);
    expect(await verifyAuditChain(t.db.manager)).toMatchObject({ ok: true });
  });

  it('appends an event when its transaction commits, not before', async () => {
    await t.db.transaction(async (tx) => {
      await audit.record(entry('test.at_commit'), tx);
      expect(await count('test.at_commit')).toBe(0);
    });
    expect(await count('test.at_commit')).toBe(1);
  });

  it('drops the events of a transaction that rolls back, and of a savepoint that rolls back', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await audit.record(entry('test.rolled_back'), tx);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await t.db.transaction(async (tx) => {
      await audit.record(entry('test.outer'), tx);
      await tx.transaction((inner) => audit.record(entry('test.released_savepoint'), inner));
      await expect(
        tx.transaction(async (inner) => {
          await audit.record(entry('test.rolled_back'), inner);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
    });
    expect([
      await count('test.rolled_back'),
      await count('test.outer'),
      await count('test.released_savepoint'),
    ]).toEqual([0, 1, 1]);
    expect(await verifyAuditChain(t.db.manager)).toMatchObject({ ok: true });
  });

  it('rolls the change back when its event cannot join the chain', async () => {
    const code = `QZ${String.fromCharCode(65 + (Date.now() % 26))}`;
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(`INSERT INTO units (code, name) VALUES ($1, 'Audit chain')`, [code]);
        // a user that does not exist: the event's foreign key refuses it at the commit
        await audit.record({ ...entry('test.refused'), actorId: '00000000-0000-4000-8000-00000000dead' }, tx);
      }),
    ).rejects.toThrow(/foreign key/);
    expect(await t.db.query(`SELECT 1 FROM units WHERE code = $1`, [code])).toEqual([]);
    expect(await count('test.refused')).toBe(0);
  });
});

/** The migration chains the events that were there before it, in their order. */
describe(AuditChain1795300700000.name, () => {
  const before = databaseBefore(AuditChain1795300700000, 'chain');
  const url = before.url;

  it('numbers the existing events 1, 2, 3, … in their order and chains them as the verifier does', async () => {
    const old = await before.migrated();
    try {
      const [user] = await old.query(
        `INSERT INTO users (email, display_name, role, password_hash) VALUES ('old@test.example', 'Old', 'admin', $1) RETURNING id`,
        [await hashPassword('an-old-password-1')],
      );
      const insert = (action: string, details: object, actor: string | null = null) =>
        old.query(
          `INSERT INTO audit_events (action, entity_type, entity_id, actor_id, request_id, details) VALUES ($1, 'unit', 'x', $2, 'r-1', $3)`,
          [action, actor, JSON.stringify(details)],
        );
      await insert('old.first', { z: 1, a: [1.5, 'æøå', { y: null, b: true }] });
      // a gap, as rolled-back transactions leave in a sequence
      await old.query(`SELECT setval('audit_events_seq_seq', 40)`);
      await insert('old.second', { note: 'line\nbreak "quoted"' }, user.id);
      await old.query(`SELECT setval('audit_events_seq_seq', 99)`);
      await insert('old.third', {});
    } finally {
      await old.destroy();
    }

    const db = await before.upToDate();
    try {
      const rows = await db.query(`SELECT seq::int AS seq, action FROM audit_events ORDER BY seq`);
      expect(rows).toEqual([
        { seq: 1, action: 'old.first' },
        { seq: 2, action: 'old.second' },
        { seq: 3, action: 'old.third' },
      ]);
      const [third] = await db.query(`SELECT hash FROM audit_events WHERE seq = 3`);
      expect(await verifyAuditChain(db.manager)).toEqual({ ok: true, events: 3, head: third.hash });
      await expect(db.query(`UPDATE audit_events SET action = 'rewritten'`)).rejects.toThrow(/append-only/);
    } finally {
      await db.destroy();
    }
    // and the application appends after them
    const t = await createTestApp({}, url);
    try {
      await t.signedIn('admin');
      const result = await verifyAuditChain(t.db.manager);
      expect(result).toMatchObject({ ok: true, events: 4 });
    } finally {
      await t.app.close();
    }
  });
});

type Http = TestApp['http'];

async function send(http: Http, method: string, path: string, auth?: Auth, body?: object, headers = {}) {
  let req = method === 'GET' ? http.get(path) : method === 'PUT' ? http.put(path) : http.post(path);
  if (auth) req = req.set(auth);
  req = req.set(headers);
  const res = body ? await req.send(body) : await req;
  return { status: res.status, body: res.body };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}
