import { handMadePdf } from '../libs/files/src/testing/pdf-builders.js';
import { PNG_IEND, png, pngChunk } from '../libs/files/src/testing/image-builders.js';
import { Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { AttachmentFileMove } from '../api/src/attachments/attachment-file-move.js';
import { AttachmentStore } from '../api/src/attachments/attachment-store.js';
import { CHUNK_SIZE } from '../api/src/attachments/attachment-chunks.js';
import { attachmentChunksRotation } from '../api/src/attachments/attachment-rotation.js';
import { installKeyRing, parseKeyRing } from '../api/src/crypto/key-ring.js';
import { runRotation } from '../api/src/crypto/rotation.js';
import { binary, filesUnder } from './support/bytes.js';
import { TEST_ENCRYPTION_KEYS, testKeyRing } from './support/encryption.js';
import { type Auth, newApplication, newCase, seedCatalog } from './support/fixtures.js';
import { createTestApp, createTestAppWithDataDir, type TestApp } from './support/test-app.js';

const MB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A PDF of exactly `size` bytes: its one stream is random hex text, so that no two chunks are alike. */
function pdfOfSize(size: number): Buffer {
  const data = randomBytes(Math.ceil(size / 2))
    .toString('hex')
    .slice(0, size - 300);
  const pdf = handMadePdf('large quote', '', [`<< /Length ${data.length} >>\nstream\n${data}\nendstream`]);
  // white space after %%EOF, as any PDF may have
  return Buffer.concat([pdf, Buffer.alloc(size - pdf.length, 0x20)]);
}

/** A real 1-pixel-high greyscale PNG whose pixels are the text's bytes (deflate level 0 keeps them as they are). */
function pngHolding(text: string): Buffer {
  const pixels = Buffer.from(text, 'latin1');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(pixels.length, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const data = deflateSync(Buffer.concat([Buffer.from([0]), pixels]), { level: 0 });
  return Buffer.from(png(pngChunk('IHDR', header), pngChunk('IDAT', data), PNG_IEND));
}

/** Every error the application logs while `work` runs. */
async function loggedErrors(work: () => Promise<void>): Promise<string[]> {
  const logged: string[] = [];
  const error = Logger.prototype.error;
  Logger.prototype.error = (message: unknown) => void logged.push(String(message));
  try {
    await work();
  } finally {
    Logger.prototype.error = error;
  }
  return logged;
}

describe('Attachments in PostgreSQL', () => {
  let t: TestApp & { dataDir: string };
  let worker: Auth;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestAppWithDataDir('attachments-db');
    await seedCatalog(t);
    worker = (await t.signedIn('unit_worker')).auth;
    caseId = (await newCase(t, worker)).id;
  });
  afterAll(() => t.close());

  const draft = async () => (await newApplication(t, worker, caseId)).id;

  const upload = (app: TestApp, applicationId: string, bytes: Uint8Array, name: string) =>
    app.http
      .post('/api/attachments')
      .set(worker)
      .field('applicationId', applicationId)
      .field('kind', 'quote')
      .attach('file', Buffer.from(bytes), { filename: name, contentType: 'application/octet-stream' });

  const uploaded = async (bytes: Uint8Array, name = 'quote.pdf'): Promise<{ id: string; size: number }> => {
    const res = await upload(t, await draft(), bytes, name);
    expect(res.status).toBe(201);
    return res.body;
  };

  const download = (app: TestApp, id: string) =>
    app.http.get(`/api/attachments/${id}/content`).set(worker).buffer(true).parse(binary);

  const chunkCount = async (id: string): Promise<number> =>
    (await t.db.query(`SELECT count(*)::int AS n FROM attachment_chunks WHERE attachment_id = $1`, [id]))[0].n;

  describe('two API processes on one database', () => {
    let replica: TestApp;
    let replicaDir: string;
    beforeAll(async () => {
      replicaDir = await mkdtemp(join(tmpdir(), 'exitpool-replica-'));
      replica = await createTestApp({ dataDir: replicaDir }, t.databaseUrl);
    });
    afterAll(async () => {
      await replica.close();
      await rm(replicaDir, { recursive: true, force: true });
    });

    it('downloads through the second what was uploaded through the first, byte for byte, for a 10 MB file', async () => {
      const bytes = pdfOfSize(10 * MB);
      const res = await upload(t, await draft(), bytes, 'Tilbud på flytning.html');
      expect(res.status).toBe(201);
      expect(await chunkCount(res.body.id)).toBe(Math.ceil(bytes.length / CHUNK_SIZE));

      const got = await download(replica, res.body.id);
      expect(got.status).toBe(200);
      expect(got.headers['content-type']).toBe('application/pdf');
      expect(got.headers['content-length']).toBe(String(bytes.length));
      expect(got.headers['content-disposition']).toBe(
        `attachment; filename="Tilbud paa flytning.html.pdf"; filename*=UTF-8''Tilbud%20p%C3%A5%20flytning.html.pdf`,
      );
      expect(got.headers['cache-control']).toBe('no-store');
      expect(got.body.length).toBe(bytes.length);
      expect(sha256(got.body)).toBe(sha256(bytes));
      expect(Buffer.compare(got.body, bytes)).toBe(0);
    });

    it('leaves nothing under either DATA_DIR', async () => {
      await uploaded(pdfOfSize(100_000));
      expect(await filesUnder(t.dataDir)).toEqual([]);
      expect(await filesUnder(replicaDir)).toEqual([]);
    });
  });

  describe('at rest', () => {
    const marker = `EXITPOOL-MARKER-${randomBytes(8).toString('hex')}`;
    let ids: string[];
    beforeAll(async () => {
      const pdf = Buffer.from(handMadePdf(marker));
      const image = pngHolding(marker);
      ids = [(await uploaded(pdf, 'marker.pdf')).id, (await uploaded(image, 'marker.png')).id];
      // the marker is really in what was uploaded and what comes back
      for (const [id, bytes] of [
        [ids[0], pdf],
        [ids[1], image],
      ] as const) {
        expect(bytes.includes(marker)).toBe(true);
        const got = await download(t, id);
        expect(got.status).toBe(200);
        expect(Buffer.compare(got.body, bytes)).toBe(0);
      }
    });

    it('holds the bytes only encrypted: no chunk contains the text of a PDF or a PNG', async () => {
      const chunks: { bytes: Buffer; key_id: string }[] = await t.db.query(
        `SELECT bytes, key_id FROM attachment_chunks WHERE attachment_id = ANY($1)`,
        [ids],
      );
      expect(chunks).toHaveLength(2);
      for (const chunk of chunks) {
        expect(chunk.key_id).toBe(chunk.bytes.subarray(2, 2 + chunk.bytes[1]).toString('ascii'));
        expect(chunk.bytes.includes(marker)).toBe(false);
        expect(chunk.bytes.includes('%PDF')).toBe(false);
      }
    });

    it('has the text in no row of any table of the database, as text or as hex', async () => {
      const tables: { name: string }[] = await t.db.query(
        `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public'`,
      );
      expect(tables.map((x) => x.name)).toEqual(expect.arrayContaining(['attachments', 'attachment_chunks']));
      const hex = Buffer.from(marker).toString('hex');
      for (const { name } of tables) {
        const [{ hits }] = await t.db.query(
          `SELECT count(*)::int AS hits FROM ${name} r WHERE strpos(r::text, $1) > 0 OR strpos(r::text, $2) > 0`,
          [marker, hex],
        );
        expect({ table: name, hits }).toEqual({ table: name, hits: 0 });
      }
    });

    it('has the text in no file under DATA_DIR', async () => {
      for (const file of await filesUnder(t.dataDir)) {
        expect((await readFile(file)).includes(marker)).toBe(false);
      }
    });
  });

  describe('a changed chunk', () => {
    let port: number;
    beforeAll(async () => {
      const server = t.app.getHttpServer() as Server;
      await new Promise<void>((resolve) => server.listen(0, resolve));
      port = (server.address() as AddressInfo).port;
    });

    /** Downloads over a real connection; answers the status, the bytes that arrived and how the body ended. */
    async function fetchContent(
      id: string,
    ): Promise<{ status: number; received: number; error?: string; body?: unknown }> {
      const res = await fetch(`http://127.0.0.1:${port}/api/attachments/${id}/content`, { headers: worker });
      if (res.headers.get('content-type')?.startsWith('application/json')) {
        return { status: res.status, received: 0, body: await res.json() };
      }
      let received = 0;
      try {
        for await (const piece of res.body!) received += (piece as Uint8Array).length;
        return { status: res.status, received };
      } catch (error) {
        return { status: res.status, received, error: (error as Error).message };
      }
    }

    const flipByte = (n: number) =>
      `UPDATE attachment_chunks SET bytes = set_byte(bytes, 100, get_byte(bytes, 100) # 1)
        WHERE attachment_id = $1 AND n = ${n}`;

    it.each([
      ['a byte changed in a middle chunk', 2, [flipByte(2)]],
      ['a byte changed in the last chunk', 5, [flipByte(5)]],
      // chunk 4 now looks like the last, but was sealed as one with more to come
      [
        'the last chunk deleted (the file cut short)',
        4,
        [`DELETE FROM attachment_chunks WHERE attachment_id = $1 AND n = 5`],
      ],
      ['a middle chunk deleted', 2, [`DELETE FROM attachment_chunks WHERE attachment_id = $1 AND n = 3`]],
      [
        'two chunks swapped',
        1,
        [
          `UPDATE attachment_chunks SET n = 100 WHERE attachment_id = $1 AND n = 1`,
          `UPDATE attachment_chunks SET n = 1 WHERE attachment_id = $1 AND n = 2`,
          `UPDATE attachment_chunks SET n = 2 WHERE attachment_id = $1 AND n = 100`,
        ],
      ],
      [
        'a chunk added after the last',
        5,
        [
          `INSERT INTO attachment_chunks (attachment_id, n, bytes)
             SELECT attachment_id, 6, bytes FROM attachment_chunks WHERE attachment_id = $1 AND n = 5`,
        ],
      ],
    ])('with %s, ends the download as a broken transfer and logs why without content', async (_, failing, changes) => {
      const bytes = pdfOfSize(5 * CHUNK_SIZE + 1000);
      const { id } = await uploaded(bytes);
      expect(await chunkCount(id)).toBe(6);
      for (const sql of changes) await t.db.query(sql, [id]);

      let outcome!: Awaited<ReturnType<typeof fetchContent>>;
      const logged = await loggedErrors(async () => {
        outcome = await fetchContent(id);
      });
      expect(outcome.status).toBe(200);
      expect(outcome.error).toBeDefined();
      expect(outcome.received).toBeLessThan(bytes.length);
      expect(logged).toEqual([
        expect.stringMatching(
          new RegExp(`^Attachment ${id} cannot be read: chunk ${failing} \\(key [\\w-]+\\) does not authenticate`),
        ),
      ]);
      expect(logged.join()).not.toContain(bytes.subarray(600, 640).toString());
    });

    it('answers 500 naming the problem, before any byte, when the first chunk is changed, and records no download', async () => {
      const { id } = await uploaded(pdfOfSize(100_000));
      await t.db.query(flipByte(0), [id]);
      let outcome!: Awaited<ReturnType<typeof fetchContent>>;
      const logged = await loggedErrors(async () => {
        outcome = await fetchContent(id);
      });
      expect(outcome.status).toBe(500);
      expect(outcome.body).toMatchObject({ statusCode: 500, code: 'ATTACHMENT_CONTENT_CORRUPT' });
      expect(logged[0]).toMatch(
        new RegExp(`^Attachment ${id} cannot be read: chunk 0 \\(key [\\w-]+\\) does not authenticate`),
      );
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'attachment.download' AND entity_id = $1`,
        [id],
      );
      expect(n).toBe(0);
    });

    it('refuses a chunk moved from another attachment', async () => {
      const one = await uploaded(pdfOfSize(100_000));
      const other = await uploaded(pdfOfSize(100_000));
      await t.db.query(
        `UPDATE attachment_chunks SET bytes = (SELECT bytes FROM attachment_chunks WHERE attachment_id = $2 AND n = 0)
          WHERE attachment_id = $1 AND n = 0`,
        [one.id, other.id],
      );
      const outcome = await fetchContent(one.id);
      expect(outcome).toMatchObject({ status: 500, body: { code: 'ATTACHMENT_CONTENT_CORRUPT' } });
    });
  });

  it('reads a chunk from the database only when the reader wants more', async () => {
    const bytes = pdfOfSize(8 * CHUNK_SIZE);
    const { id, size } = await uploaded(bytes);
    const stream = await t.app.get(AttachmentStore).read({ id, size, sha256: sha256(bytes) });
    const pieces = stream[Symbol.asyncIterator]();
    let received = ((await pieces.next()).value as Buffer).length;
    // a reader that takes its time: the stream reads ahead until its buffer is full, and then waits for it;
    // whatever it read ahead by then, it read before the chunks went
    for (const deadline = Date.now() + 10_000; stream.readableLength < stream.readableHighWaterMark;) {
      if (Date.now() > deadline) throw new Error('gave up waiting: the stream to fill its buffer');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await t.db.query(`DELETE FROM attachment_chunks WHERE attachment_id = $1 AND n >= 3`, [id]);
    await expect(
      (async () => {
        for (let next = await pieces.next(); !next.done; next = await pieces.next()) {
          received += (next.value as Buffer).length;
        }
      })(),
    ).rejects.toMatchObject({ code: 'ATTACHMENT_CONTENT_CORRUPT' });
    expect(received).toBeGreaterThanOrEqual(CHUNK_SIZE);
    expect(received).toBeLessThanOrEqual(3 * CHUNK_SIZE);
  });

  describe('removal', () => {
    it('takes the chunks with the attachment, through the API', async () => {
      const { id } = await uploaded(pdfOfSize(2 * CHUNK_SIZE + 1));
      expect(await chunkCount(id)).toBe(3);
      expect((await t.http.delete(`/api/attachments/${id}`).set(worker)).status).toBe(200);
      expect(await chunkCount(id)).toBe(0);
    });

    it('takes the chunks with a row deleted in SQL, as the retention purge does', async () => {
      const { id } = await uploaded(pdfOfSize(2 * CHUNK_SIZE + 1));
      await t.db.query(`DELETE FROM attachments WHERE id = $1`, [id]);
      expect(await chunkCount(id)).toBe(0);
    });
  });

  it('stores no chunk of an upload that fails after its chunks were written', async () => {
    const bytes = pdfOfSize(3 * CHUNK_SIZE + 77);
    // the upload's last step, its audit event, fails for this file only
    await t.db.query(`
      CREATE FUNCTION fail_upload() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the audit trail refuses this upload'; END $$`);
    await t.db.query(`
      CREATE TRIGGER fail_upload BEFORE INSERT ON audit_events FOR EACH ROW
        WHEN (NEW.action = 'attachment.upload' AND NEW.details ->> 'size' = '${bytes.length}') EXECUTE FUNCTION fail_upload()`);
    try {
      const applicationId = await draft();
      expect((await upload(t, applicationId, bytes, 'q.pdf')).status).toBe(500);
      const [{ rows, chunks }] = await t.db.query(
        `SELECT (SELECT count(*)::int FROM attachments WHERE application_id = $1) AS rows,
                (SELECT count(*)::int FROM attachment_chunks c
                   WHERE NOT EXISTS (SELECT 1 FROM attachments a WHERE a.id = c.attachment_id)) AS chunks`,
        [applicationId],
      );
      expect({ rows, chunks }).toEqual({ rows: 0, chunks: 0 });
    } finally {
      await t.db.query(`DROP TRIGGER fail_upload ON audit_events`);
      await t.db.query(`DROP FUNCTION fail_upload()`);
    }
  });

  describe('files of the old storage under DATA_DIR/attachments', () => {
    let oldDir: string;
    beforeEach(async () => {
      oldDir = await mkdtemp(join(tmpdir(), 'exitpool-old-'));
    });
    afterEach(() => rm(oldDir, { recursive: true, force: true }));

    const oldPath = (key: string) => join(oldDir, 'attachments', key.slice(0, 2), key);

    /** An attachment as the version before kept it: its bytes in a plain file, mode 0600, named by storage_key. */
    async function storedTheOldWay(bytes: Buffer): Promise<{ id: string; key: string }> {
      const { id } = await uploaded(bytes);
      const key = randomBytes(32).toString('hex');
      await mkdir(join(oldDir, 'attachments', key.slice(0, 2)), { recursive: true, mode: 0o700 });
      await writeFile(oldPath(key), bytes, { mode: 0o600 });
      await t.db.query(`DELETE FROM attachment_chunks WHERE attachment_id = $1`, [id]);
      await t.db.query(`UPDATE attachments SET storage_key = $2 WHERE id = $1`, [id, key]);
      return { id, key };
    }

    const storageKey = async (id: string): Promise<string | null> =>
      (await t.db.query(`SELECT storage_key FROM attachments WHERE id = $1`, [id]))[0].storage_key;

    it('moves them into the database at start, removes the files and the folder, and downloads work', async () => {
      const files = [pdfOfSize(3 * CHUNK_SIZE), pngHolding('old scan'), pdfOfSize(1000)];
      const old = [];
      for (const bytes of files) old.push(await storedTheOldWay(bytes));
      // before the start, the bytes are only in the files
      expect((await download(t, old[0].id)).status).toBe(500);

      const started = await createTestApp({ dataDir: oldDir }, t.databaseUrl);
      try {
        for (const [i, { id }] of old.entries()) {
          expect(await storageKey(id)).toBeNull();
          expect(await chunkCount(id)).toBe(Math.ceil(files[i].length / CHUNK_SIZE));
          for (const app of [started, t]) {
            const got = await download(app, id);
            expect(got.status).toBe(200);
            expect(Buffer.compare(got.body, files[i])).toBe(0);
          }
        }
        expect(await filesUnder(oldDir)).toEqual([]);
        await expect(stat(join(oldDir, 'attachments'))).rejects.toMatchObject({ code: 'ENOENT' });
        // again: nothing left to do
        expect(await started.app.get(AttachmentFileMove).run()).toEqual({
          moved: 0,
          missing: 0,
          differing: 0,
          unknown: 0,
        });
      } finally {
        await started.close();
      }
    });

    it('finishes a move that stopped after its chunks were written, and keeps what it cannot move', async () => {
      const bytes = pdfOfSize(CHUNK_SIZE + 10);
      // chunks committed, the file not yet removed
      const half = await storedTheOldWay(bytes);
      await t.app.get(AttachmentStore).write(t.db.manager, half.id, bytes);
      // a file on another server's disk, a file that is not what was uploaded, a file nothing names
      const elsewhere = await storedTheOldWay(pdfOfSize(1000));
      await rm(oldPath(elsewhere.key));
      const changed = await storedTheOldWay(pdfOfSize(1000));
      await writeFile(oldPath(changed.key), pdfOfSize(1000));
      const stray = join(oldDir, 'attachments', 'ab', 'ab'.padEnd(64, '0'));
      await mkdir(join(oldDir, 'attachments', 'ab'), { recursive: true });
      await writeFile(stray, 'not ours');

      const started = await createTestApp({ dataDir: oldDir }, t.databaseUrl);
      try {
        expect(await storageKey(half.id)).toBeNull();
        expect(await chunkCount(half.id)).toBe(2);
        expect(Buffer.compare((await download(started, half.id)).body, bytes)).toBe(0);

        expect(await storageKey(elsewhere.id)).toBe(elsewhere.key);
        expect(await storageKey(changed.id)).toBe(changed.key);
        expect(await chunkCount(changed.id)).toBe(0);
        expect((await filesUnder(oldDir)).sort()).toEqual([oldPath(changed.key), stray].sort());
        expect(await started.app.get(AttachmentFileMove).run()).toEqual({
          moved: 0,
          missing: 1,
          differing: 1,
          unknown: 1,
        });
      } finally {
        await started.close();
        await t.db.query(`DELETE FROM attachments WHERE id = ANY($1)`, [[elsewhere.id, changed.id]]);
      }
    });

    it('stops the start, naming the folder, when a file cannot be read', async () => {
      const old = await storedTheOldWay(pdfOfSize(1000));
      await rm(oldPath(old.key));
      await mkdir(oldPath(old.key));
      try {
        await expect(createTestApp({ dataDir: oldDir }, t.databaseUrl)).rejects.toThrow(
          `Cannot move the attachment files under ${join(oldDir, 'attachments')} into the database: EISDIR`,
        );
      } finally {
        await t.db.query(`DELETE FROM attachments WHERE id = $1`, [old.id]);
      }
    });

    it('moves each file once when two processes start at the same time', async () => {
      const files = Array.from({ length: 6 }, (_, i) => pdfOfSize(CHUNK_SIZE + 1 + i * 1000));
      const old = [];
      for (const bytes of files) old.push(await storedTheOldWay(bytes));
      const both = await Promise.all([
        createTestApp({ dataDir: oldDir }, t.databaseUrl),
        createTestApp({ dataDir: oldDir }, t.databaseUrl),
      ]);
      try {
        for (const [i, { id }] of old.entries()) {
          expect(await storageKey(id)).toBeNull();
          expect(await chunkCount(id)).toBe(2);
          expect(Buffer.compare((await download(both[i % 2], id)).body, files[i])).toBe(0);
        }
        expect(await filesUnder(oldDir)).toEqual([]);
      } finally {
        await Promise.all(both.map((app) => app.close()));
      }
    });
  });

  describe('key rotation', () => {
    const newKey = `k2:${randomBytes(32).toString('base64')}`;
    const rotated = parseKeyRing(`${newKey},${TEST_ENCRYPTION_KEYS}`);
    const stale = async (): Promise<number> =>
      (await t.db.query(`SELECT count(*)::int AS n FROM attachment_chunks WHERE key_id <> 'k2'`))[0].n;

    beforeAll(async () => {
      // the chunks changed on purpose above would (rightly) stop the rotation
      await t.db.query(`DELETE FROM attachment_chunks`);
    });
    afterEach(() => installKeyRing(testKeyRing()));

    it('re-encrypts every chunk under the newest key, batch by batch, and the files still read', async () => {
      const files = [pdfOfSize(3 * CHUNK_SIZE + 5), pngHolding('rotated scan'), pdfOfSize(CHUNK_SIZE + 1)];
      const ids = [];
      for (const bytes of files) ids.push((await uploaded(bytes)).id);
      expect(await stale()).toBe(4 + 1 + 2);

      expect(await attachmentChunksRotation.run(t.db.manager, rotated, 2)).toBe(2);
      expect(await stale()).toBe(5);
      const counts = await runRotation(t.db.manager, rotated, [attachmentChunksRotation], 2);
      expect(counts.get('attachment_chunks.bytes')).toBe(5);
      expect(await stale()).toBe(0);

      // as the application reads them once ENCRYPTION_KEYS starts with the new key
      installKeyRing(rotated);
      for (const [i, id] of ids.entries()) {
        const got = await download(t, id);
        expect(got.status).toBe(200);
        expect(Buffer.compare(got.body, files[i])).toBe(0);
      }
      expect(await attachmentChunksRotation.run(t.db.manager, rotated, 2)).toBe(0);
    });

    it('refuses to start with a key ring that lacks the key of stored chunks, naming it', async () => {
      await uploaded(pdfOfSize(CHUNK_SIZE + 1));
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM attachment_chunks WHERE key_id = 'test1'`);
      expect(n).toBeGreaterThanOrEqual(2);
      installKeyRing(parseKeyRing(newKey));
      await expect(createTestApp({ dataDir: t.dataDir }, t.databaseUrl)).rejects.toThrow(
        `The database holds attachment bytes encrypted under the key(s) test1 (${n} chunk(s)), which the key ring`,
      );
      installKeyRing(rotated);
      const started = await createTestApp({ dataDir: t.dataDir }, t.databaseUrl);
      await started.close();
    });

    it('stops at a chunk that does not authenticate, naming it, and leaves it as it was', async () => {
      const { id } = await uploaded(pdfOfSize(1000));
      await t.db.query(
        `UPDATE attachment_chunks SET bytes = set_byte(bytes, 100, get_byte(bytes, 100) # 1) WHERE attachment_id = $1`,
        [id],
      );
      await expect(attachmentChunksRotation.run(t.db.manager, rotated, 10)).rejects.toThrow(
        new RegExp(`^Attachment ${id}, chunk 0: .* it was not re-encrypted$`),
      );
      const [{ key_id }] = await t.db.query(`SELECT key_id FROM attachment_chunks WHERE attachment_id = $1`, [id]);
      expect(key_id).toBe(testKeyRing().current.id);
      await t.db.query(`DELETE FROM attachments WHERE id = $1`, [id]);
    });
  });
});
