import { createHash } from 'node:crypto';
import { AuditService } from '../../../api/src/audit/audit.service.js';
import { createMediumTest, type MediumTest } from '../medium-db.js';

let t: MediumTest;
let audit: AuditService;

beforeAll(async () => {
  t = await createMediumTest({ imports: [] });
  audit = t.get(AuditService);
});
afterAll(() => t.close());

const GENESIS = '0'.repeat(64);

async function chain(): Promise<{ seq: number; action: string; prev_hash: string; hash: string }[]> {
  return t.db.query(`SELECT seq::int, action, prev_hash, hash FROM audit_events ORDER BY seq`);
}

describe('AuditService (append)', () => {
  it('appends events as a chain: 1, 2, 3…, each linked to the hash of the one before, from the genesis hash', async () => {
    // the set-up of this file wrote nothing yet: the chain starts here
    await audit.record({ actorId: null, action: 'test.first', entityType: 'test', entityId: 'a' });
    await audit.record({ actorId: null, action: 'test.second', entityType: 'test', entityId: 'b', details: { n: 2 } });
    const rows = await chain();
    expect(rows.map((r) => [r.seq, r.action])).toEqual([
      [1, 'test.first'],
      [2, 'test.second'],
    ]);
    expect(rows[0].prev_hash).toBe(GENESIS);
    expect(rows[1].prev_hash).toBe(rows[0].hash);
    expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[1].hash).not.toBe(rows[0].hash);
  });

  it('joins an event recorded in a transaction to the chain at commit, and drops it on rollback', async () => {
    const before = (await chain()).length;
    await t.db.transaction(async (tx) => {
      await audit.record({ actorId: null, action: 'test.in_tx', entityType: 'test' }, tx);
      await tx.query(`SELECT 1`);
    });
    await expect(
      t.db.transaction(async (tx) => {
        await audit.record({ actorId: null, action: 'test.rolled_back', entityType: 'test' }, tx);
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    const rows = await chain();
    expect(rows.slice(before).map((r) => r.action)).toEqual(['test.in_tx']);
    expect(rows.at(-1)!.seq).toBe(before + 1);
  });

  it('keeps the chain whole under concurrent appends from many transactions', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.db.transaction((tx) => audit.record({ actorId: null, action: `test.parallel_${i}`, entityType: 'test' }, tx)),
      ),
    );
    const rows = await chain();
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
  });

  it('refuses a field longer than its column instead of letting PostgreSQL cut it', async () => {
    await expect(audit.record({ actorId: null, action: 'x'.repeat(61), entityType: 'test' })).rejects.toThrow(
      'audit action is longer than 60 characters',
    );
    await expect(audit.record({ actorId: null, action: 'ok', entityType: 'e'.repeat(41) })).rejects.toThrow(
      'audit entityType is longer than 40 characters',
    );
  });

  it('is append-only: an update or a delete is refused by the database', async () => {
    await expect(t.db.query(`UPDATE audit_events SET action = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
  });

  it('lists events with the actor’s name, filtered by actor; actors() names every user', async () => {
    const user = await t.newUser('admin', { displayName: 'Audit Reader' });
    await audit.record({ actorId: user.id.toUpperCase(), action: 'test.by_user', entityType: 'test', entityId: 'z' });
    const page = await audit.list({ sort: ['seq', 'DESC'], range: [0, 9], filter: { actorId: user.id } });
    expect(page.total).toBe(1);
    // stored lower-case, as PostgreSQL reads a uuid back
    expect(page.rows[0]).toMatchObject({ actorId: user.id, actorName: 'Audit Reader', action: 'test.by_user' });
    await expect(audit.get(page.rows[0].id)).resolves.toMatchObject({ action: 'test.by_user', entityId: 'z' });
    await expect(audit.get('00000000-0000-4000-8000-000000000000')).resolves.toBeNull();
    expect(await audit.actors()).toContainEqual({
      id: user.id,
      displayName: 'Audit Reader',
      role: 'admin',
      active: true,
    });
  });
});

describe('AuditService (list totals)', () => {
  it('answers the whole log’s total as the number of events, and a filtered total as the matching ones', async () => {
    for (const action of ['test.total_a', 'test.total_b', 'test.total_a'])
      await audit.record({ actorId: null, action, entityType: 'test', entityId: 't' });
    const [{ all, a }] = await t.db.query(
      `SELECT count(*)::int AS all, count(*) FILTER (WHERE action = 'test.total_a')::int AS a FROM audit_events`,
    );
    const whole = await audit.list({ sort: ['seq', 'ASC'], range: [0, 0], filter: {} });
    expect(whole.total).toBe(all);
    // the last page of the whole log, read from the other end
    const last = await audit.list({ sort: ['seq', 'ASC'], range: [all - 1, all - 1], filter: {} });
    expect(last.rows.map((r) => r.action)).toEqual(['test.total_a']);
    const filtered = await audit.list({ sort: ['seq', 'ASC'], range: [0, 9], filter: { action: 'test.total_a' } });
    expect(filtered.total).toBe(a);
  });
});

describe('AuditService (verify)', () => {
  // the tests below break the chain on purpose, as someone with the table owner's rights could
  const asOwner = async (sql: string, params: unknown[] = []) => {
    await t.db.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change`);
    try {
      await t.db.query(sql, params);
    } finally {
      await t.db.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change`);
    }
  };

  it('answers the number of events and the head hash of a whole chain, and holds to a checkpoint', async () => {
    const rows = await chain();
    const head = rows.at(-1)!;
    expect(await audit.verify()).toEqual({ ok: true, events: rows.length, head: head.hash });
    expect(await audit.verify([{ seq: 2, hash: rows[1].hash.toUpperCase() }])).toEqual({
      ok: true,
      events: rows.length,
      head: head.hash,
    });
    const wrong = createHash('sha256').update('not it').digest('hex');
    expect(await audit.verify([{ seq: 2, hash: wrong }])).toEqual({
      ok: false,
      events: rows.length,
      brokenAt: { seq: 2, id: expect.any(String), problem: 'checkpoint' },
    });
    // a checkpoint beyond the head: events at the end were deleted
    expect(await audit.verify([{ seq: head.seq + 5, hash: wrong }])).toEqual({
      ok: false,
      events: rows.length,
      brokenAt: { seq: head.seq + 5, id: null, problem: 'checkpoint' },
    });
  });

  it('finds an event whose content was changed, at its own sequence number', async () => {
    const events = (await chain()).length;
    const [{ details }] = await t.db.query(`SELECT details FROM audit_events WHERE seq = 2`);
    await asOwner(`UPDATE audit_events SET details = '{"n": 3}' WHERE seq = 2`);
    try {
      expect(await audit.verify()).toEqual({
        ok: false,
        events,
        brokenAt: { seq: 2, id: expect.any(String), problem: 'changed' },
      });
    } finally {
      await asOwner(`UPDATE audit_events SET details = $1 WHERE seq = 2`, [details]);
    }
    expect(await audit.verify()).toMatchObject({ ok: true, events });
  });

  it('finds a deleted event as the first sequence number missing', async () => {
    const events = (await chain()).length;
    await asOwner(`DELETE FROM audit_events WHERE seq = 3`);
    expect(await audit.verify()).toEqual({
      ok: false,
      events: events - 1,
      brokenAt: { seq: 4, id: expect.any(String), problem: 'missing', missingFrom: 3 },
    });
  });
});
