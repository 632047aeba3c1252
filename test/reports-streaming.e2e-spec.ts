import { fromMajorString } from '@app/money';
import { once } from 'node:events';
import { get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import v8 from 'node:v8';
import vm from 'node:vm';
import { type Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Actor } from '../api/src/auth/auth.decorators.js';
import { encryptedLineDescriptions, sealText } from '../api/src/crypto/encrypted-columns.js';
import { DisbursementsExportService } from '../api/src/reports/disbursements-export.service.js';
import { ReportExportsService } from '../api/src/reports/report-exports.service.js';
import { type Auth, isoDateOf, newCase, seedCatalog } from './support/fixtures.js';
import { thisYear } from './support/money.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const PAYMENTS = 100_000;
const GRANTS = 1_000;
const MB = 1024 * 1024;

/** Resolves once `check()` holds, looked at every few milliseconds; fails naming `what` after `ms`. */
async function until(what: string, check: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The promise, or a failure naming `what` once `ms` have passed without it. */
async function within<T>(what: string, promise: Promise<T>, ms = 30_000): Promise<T> {
  let timer!: NodeJS.Timeout;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up waiting: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Counts the CSV's lines and adds up its amount column as it passes, keeping nothing else; `every` lines it calls `tick`. */
class CountingStream extends Writable {
  lines = 0;
  bytes = 0;
  total = 0n;
  first = '';
  private rest = '';

  constructor(
    private readonly every = 10_000,
    private readonly tick: () => void = () => undefined,
  ) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.bytes += chunk.length;
    const text = this.rest + chunk.toString('utf8');
    const lines = text.split('\r\n');
    this.rest = lines.pop()!;
    for (const line of lines) {
      if (this.lines++ === 0) this.first = line;
      else this.total += fromMajorString(line.split(',')[5]);
      if (this.lines % this.every === 0) this.tick();
    }
    done();
  }
}

/**
 * `GET /api/disbursements.csv` over 100,000 payments: every one arrives, and
 * the process's memory does not grow with the file, because the rows come from
 * the database (one COPY) only as fast as the client reads them, and a client
 * that goes away stops the COPY and gives its connection back.
 */
describe('Streaming the payments file', () => {
  let t: TestApp;
  let finance: Auth;
  let financeActor: Actor;
  let port: number;
  let total: bigint;

  const request = (path: string): Promise<IncomingMessage> =>
    new Promise((resolve, reject) => get({ port, path, headers: finance }, resolve).on('error', reject));

  beforeAll(async () => {
    t = await createTestApp();
    const { guidelineId } = await seedCatalog(t);
    const f = await t.signedIn('finance');
    finance = f.auth;
    financeActor = { ...f.user, sessionId: 'test' };
    const worker = await t.signedIn('unit_worker');
    const c = await newCase(t, worker.auth);
    const [{ id: yearId }] = await t.db.query(`SELECT id FROM budget_years WHERE year = $1`, [thisYear()]);
    // grants to carry the payments: a thousand of them, approved
    await t.db.query(
      `INSERT INTO applications (reference, case_id, unit_id, category_code, amount_requested, amount_approved, lines,
                                 status, guideline_id, submitted_at, decided_at, budget_year_id, created_by)
       SELECT 'STREAM-' || g, $1, $2, 'relocation', 100000000, 100000000, $7::jsonb, 'approved', $3, now(), now(), $4, $5
         FROM generate_series(1, $6) AS g`,
      [
        c.id,
        worker.user.unitId,
        guidelineId,
        yearId,
        worker.user.id,
        GRANTS,
        // narratives as the application stores them: encrypted
        JSON.stringify(encryptedLineDescriptions.to([{ description: 'Bulk', quantity: 1, unitAmount: 100000000 }])),
      ],
    );
    const started = Date.now();
    // The payments trigger locks and updates the grant row for each payment (~0.5 ms a row); for the bulk
    // load it is off, and the grants' paid amounts are then set to what it would have made them.
    await t.db.transaction(async (tx) => {
      await tx.query(`ALTER TABLE disbursements DISABLE TRIGGER disbursements_apply`);
      await tx.query(
        `WITH g AS (SELECT id, row_number() OVER (ORDER BY reference) - 1 AS n FROM applications WHERE reference LIKE 'STREAM-%')
         INSERT INTO disbursements (application_id, unit_id, budget_year_id, amount, paid_on, payee_type, payee_reference, recorded_by)
         SELECT g.id, $1, $2, 10000 + (i % 997) * 101, make_date($3, 1, 1) + (i % 300), 'clinic', ($6::text[])[1 + i % 997],
                (SELECT id FROM users WHERE role = 'finance' LIMIT 1)
           FROM generate_series(1, $4) AS i JOIN g ON g.n = i % $5`,
        [
          worker.user.unitId,
          yearId,
          thisYear() - 1,
          PAYMENTS,
          GRANTS,
          Array.from({ length: 997 }, (_, i) => sealText(`INV-${i}`)),
        ],
      );
      await tx.query(`ALTER TABLE disbursements ENABLE TRIGGER disbursements_apply`);
      await tx.query(
        `UPDATE applications a SET paid_amount = s.paid
           FROM (SELECT application_id, sum(amount) AS paid FROM disbursements GROUP BY 1) s WHERE s.application_id = a.id`,
      );
    });
    // as autovacuum would after a load this size: the planner then walks the (paid_on, seq) index
    await t.db.query(`ANALYZE disbursements`);
    console.log(`inserted ${PAYMENTS} payments in ${Date.now() - started} ms`);
    [{ total }] = (await t.db.query(`SELECT sum(amount)::text AS total FROM disbursements`)).map(
      (r: { total: string }) => ({ total: BigInt(r.total) }),
    );
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, resolve));
    port = (server.address() as AddressInfo).port;
    // the ledger is left out here: these payments have no postings, so the ledger check would (rightly) object
  }, 120_000);
  afterAll(() => t.close());

  it('sends every one of 100,000 payments over HTTP, as a chunked file', async () => {
    const counter = new CountingStream();
    const started = Date.now();
    const res = await request('/api/disbursements.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="disbursements-all.csv"');
    expect(res.headers['transfer-encoding']).toBe('chunked');
    await pipeline(res, counter);
    console.log(`${counter.lines - 1} rows, ${(counter.bytes / MB).toFixed(1)} MB in ${Date.now() - started} ms`);
    expect(counter.first.startsWith('\uFEFFPaid on,Budget year,Unit')).toBe(true);
    expect(counter.lines).toBe(PAYMENTS + 1);
    expect(counter.total).toBe(total);
  }, 120_000);

  /**
   * What the heap holds after a full collection, looked at every 5,000 rows of
   * the file as it arrives: the most above what it held before the request.
   */
  async function heldWhileStreaming(path: string): Promise<{ rows: number; bytes: number; held: number }> {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    let held = 0;
    const counter = new CountingStream(5_000, () => {
      gc();
      held = Math.max(held, process.memoryUsage().heapUsed - before);
    });
    const res = await request(path);
    expect(res.statusCode).toBe(200);
    await pipeline(res, counter);
    return { rows: counter.lines - 1, bytes: counter.bytes, held };
  }

  it('holds no more memory for a file four times as long: the rows pass through, a page at a time', async () => {
    // a quarter of the payments: those of the first 75 of the 300 days they fall on
    const lastDay = isoDateOf(new Date(thisYear() - 1, 0, 75));
    const quarterPath = `/api/disbursements.csv?filter=${encodeURIComponent(JSON.stringify({ paidOn_lte: lastDay }))}`;
    const quarter = await heldWhileStreaming(quarterPath);
    const whole = await heldWhileStreaming('/api/disbursements.csv');
    console.log(
      `heap held while streaming: ${quarter.rows} rows ${(quarter.held / MB).toFixed(1)} MB, ` +
        `${whole.rows} rows ${(whole.held / MB).toFixed(1)} MB`,
    );
    expect(whole.rows).toBe(PAYMENTS);
    expect(whole.rows / quarter.rows).toBeCloseTo(4, 1);
    // Holding the rows, the heap would grow by at least the bytes of the three quarters more (some 7.5 MB);
    // passing them through, by a collection's noise, well under half of that.
    expect(whole.held - quarter.held).toBeLessThan((whole.bytes - quarter.bytes) / 2);
  }, 120_000);

  /** The file as the controller hands it to the HTTP layer, and the rows read for it, counted as they are read. */
  async function exportFile() {
    const reads = t.app.get(DisbursementsExportService).reads;
    const counted = { rows: 0 };
    const onRows = (rows: number) => (counted.rows = rows);
    reads.on('rows', onRows);
    const ended = once(reads, 'end') as Promise<[rows: number, complete: boolean]>;
    const file = await t.app.get(ReportExportsService).disbursementsCsv(financeActor, {});
    return { source: file.getStream(), counted, ended, stop: () => reads.off('rows', onRows) };
  }

  /** The first chunk of a stream, which is then left paused (`once(stream, 'data')` would leave it flowing, unread). */
  const firstChunk = (stream: Readable): Promise<Buffer> =>
    new Promise((resolve) =>
      stream.once('data', (chunk: Buffer) => {
        stream.pause();
        resolve(chunk);
      }),
    );

  /** The app's pool: its connections, and those handed out. */
  const pool = () => {
    const p = (t.app.get(DataSource).driver as PostgresDriver).master as pg.Pool;
    return { total: p.totalCount, busy: p.totalCount - p.idleCount, waiting: p.waitingCount };
  };

  /**
   * COPY statements at work in this test's database (not in another's on the same server): their
   * sessions, not the parallel workers a plan may give one, which show the same query.
   */
  const copying = async (): Promise<number> =>
    (
      await t.db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND backend_type = 'client backend'
            AND state = 'active' AND query LIKE 'COPY (SELECT%'`,
      )
    )[0].n;

  it('reads the database only as fast as the reader takes the file', async () => {
    const { source, counted, ended, stop } = await exportFile();
    try {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let received = 0;
      // a reader that takes the first piece and then nothing until told
      const reader = new Writable({
        highWaterMark: 1,
        write(chunk: Buffer, _encoding, done) {
          received += chunk.length;
          if (received === chunk.length) void gate.then(() => done());
          else done();
        },
      });
      source.pipe(reader);
      // the reader's refusal pauses the pipe, and the stream stops taking rows once its own buffer is full
      await until(
        'the file holds back for its reader',
        () => source.isPaused() && source.readableLength >= source.readableHighWaterMark,
      );
      // and so does the COPY: what is in hand is a few network reads' worth, the rest waits in the database
      await new Promise((resolve) => setTimeout(resolve, 500));
      const held = counted.rows;
      console.log(`rows read while the reader waits: ${held}`);
      expect(held).toBeGreaterThan(0);
      expect(held).toBeLessThan(PAYMENTS / 10);
      expect(await copying()).toBe(1);
      release();
      // reading on reads on
      await until('30,000 more rows read', () => counted.rows >= held + 30_000);
      expect(received).toBeGreaterThan(3 * 1024 * 1024);
      source.destroy();
      const [rows, complete] = await within('the export to stop reading', ended);
      expect(complete).toBe(false);
      expect(rows).toBeLessThan(PAYMENTS);
    } finally {
      stop();
    }
  }, 120_000);

  it('cancels the COPY and gives its connection back to the pool when the reader goes away', async () => {
    const before = pool();
    const { source, ended, stop } = await exportFile();
    try {
      await firstChunk(source);
      expect(await copying()).toBe(1);
      const during = pool();
      expect(during.busy).toBe(before.busy + 1);
      source.destroy();
      const [rows, complete] = await within('the export to stop reading', ended);
      expect(complete).toBe(false);
      expect(rows).toBeLessThan(PAYMENTS / 10);
      // the same connection, idle again in the pool (not closed), and nothing copying any more
      expect(pool()).toEqual({ ...during, busy: before.busy });
      expect(await copying()).toBe(0);
    } finally {
      stop();
    }
  });

  it('stops reading the database when a client hangs up mid-file, and serves on', async () => {
    const before = pool();
    const ended = once(t.app.get(DisbursementsExportService).reads, 'end') as Promise<
      [rows: number, complete: boolean]
    >;
    const res = await request('/api/disbursements.csv');
    await firstChunk(res);
    expect(await copying()).toBe(1);
    res.destroy();
    const [rows, complete] = await within('the export to stop reading', ended);
    expect(complete).toBe(false);
    expect(rows).toBeLessThan(PAYMENTS);
    expect(await copying()).toBe(0);
    expect(pool().busy).toBe(before.busy);
    expect((await t.http.get('/api/health')).status).toBe(200);
    expect((await t.http.get('/api/disbursements?range=[0,0]').set(finance)).status).toBe(200);
  }, 60_000);

  it('filters the large file as the list does', async () => {
    const filter = encodeURIComponent(JSON.stringify({ paidOn_gte: `${thisYear() - 1}-02-01`, amount_lte: 10_000 }));
    const res = await request(`/api/disbursements.csv?filter=${filter}`);
    const counter = new CountingStream();
    await pipeline(res, counter);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM disbursements WHERE paid_on >= make_date($1, 2, 1) AND amount <= 10000`,
      [thisYear() - 1],
    );
    expect(n).toBeGreaterThan(0);
    expect(counter.lines - 1).toBe(n);
  }, 60_000);
  // last: it records a payment
  it('leaves out a payment recorded after the file began', async () => {
    const { source, stop } = await exportFile();
    stop();
    const counter = new CountingStream();
    let tail = '';
    let chunks = 0;
    let begun!: () => void;
    const first = new Promise<void>((resolve) => (begun = resolve));
    source.on('data', (chunk: Buffer) => {
      counter.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-1000);
      if (++chunks === 1) {
        source.pause();
        begun();
      }
    });
    const end = once(source, 'end');
    await first;
    // the last day of the payments, so that it would be the file's last line
    const [{ id }] = await t.db.query(
      `INSERT INTO disbursements (application_id, unit_id, budget_year_id, amount, paid_on, payee_type, recorded_by)
       SELECT a.id, a.unit_id, a.budget_year_id, 12345, make_date($1, 1, 1) + 299, 'clinic',
              (SELECT id FROM users WHERE role = 'finance' LIMIT 1)
         FROM applications a WHERE a.reference = 'STREAM-1'
       RETURNING id`,
      [thisYear() - 1],
    );
    source.resume();
    await end;
    expect(counter.lines).toBe(PAYMENTS + 1);
    expect(tail).not.toContain(id);
    // a file begun now has it, last
    const res = await request('/api/disbursements.csv');
    const after = new CountingStream();
    let last = '';
    res.on('data', (chunk: Buffer) => (last = (last + chunk.toString('utf8')).slice(-1000)));
    await pipeline(res, after);
    expect(after.lines).toBe(PAYMENTS + 2);
    expect(last.trimEnd().endsWith(id)).toBe(true);
  }, 120_000);
});
