import { fromMajorString } from '@app/money';
import { once } from 'node:events';
import { get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Actor } from '../api/src/auth/auth.decorators.js';
import { encryptedLineDescriptions, sealText } from '../api/src/crypto/encrypted-columns.js';
import { DisbursementsExportService, PAGE_ROWS } from '../api/src/reports/disbursements-export.service.js';
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
 * the database a page at a time, only as fast as the client reads them.
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

  /** The file as the controller hands it to the HTTP layer, and the pages read for it, counted as they are read. */
  async function exportFile() {
    const reads = t.app.get(DisbursementsExportService).reads;
    const counted = { pages: 0 };
    const onPage = () => counted.pages++;
    reads.on('page', onPage);
    const ended = once(reads, 'end') as Promise<[pages: number]>;
    const file = await t.app.get(ReportExportsService).disbursementsCsv(financeActor, {});
    return { source: file.getStream(), counted, ended, stop: () => reads.off('page', onPage) };
  }

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
      // the reader's refusal pauses the pipe, and the stream stops asking for pages once its own buffer is full
      await until(
        'the file holds back for its reader',
        () => source.isPaused() && source.readableLength >= source.readableHighWaterMark,
      );
      // what is in hand: a page with the reader, one in the stream's buffer, one on its way
      const held = counted.pages;
      expect(held).toBeLessThanOrEqual(3);
      release();
      // reading on reads on
      await until('three more pages read', () => counted.pages >= held + 3);
      expect(received).toBeGreaterThan(3 * 150_000);
      source.destroy();
      const [pages] = await within('the export to stop reading', ended);
      expect(pages).toBeLessThan(PAYMENTS / PAGE_ROWS);
    } finally {
      stop();
    }
  }, 120_000);

  it('stops reading the database when the reader goes away', async () => {
    const { source, ended, stop } = await exportFile();
    try {
      await once(source, 'data');
      source.destroy();
      const [pages] = await within('the export to stop reading', ended);
      expect(pages).toBeLessThanOrEqual(2);
    } finally {
      stop();
    }
  });

  it('stops reading the database when a client hangs up mid-file, and serves on', async () => {
    const ended = once(t.app.get(DisbursementsExportService).reads, 'end') as Promise<[pages: number]>;
    const res = await request('/api/disbursements.csv');
    await once(res, 'data');
    res.destroy();
    const [pages] = await within('the export to stop reading', ended);
    expect(pages).toBeLessThan(PAYMENTS / PAGE_ROWS);
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
});
