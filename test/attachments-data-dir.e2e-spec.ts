import { handMadePdf } from '../libs/files/src/testing/pdf-builders.js';
import pg from 'pg';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../api/src/database/embedded-postgres.js';
import { run, signIn, started, stopLeftoverPostgres } from './support/built-process.js';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** The files under `dir` whose bytes contain `text`. */
async function filesHolding(dir: string, text: string): Promise<string[]> {
  const holding = [];
  for (const file of await filesUnder(dir)) {
    if ((await readFile(file).catch(() => Buffer.alloc(0))).includes(text)) holding.push(file);
  }
  return holding;
}

/**
 * `npm start` as a user runs it, on an embedded PostgreSQL whose files are in
 * DATA_DIR: attachments go into the database encrypted, so that no file under
 * DATA_DIR (the database's own files and WAL included) holds their bytes, and
 * the files an older version kept under DATA_DIR/attachments are moved in.
 */
describe('The built application’s DATA_DIR', () => {
  let dataDir: string;
  let port: number;
  let base: string;
  const marker = `EXITPOOL-ATTACHMENT-${randomBytes(8).toString('hex')}`;
  const oldMarker = `EXITPOOL-OLD-FILE-${randomBytes(8).toString('hex')}`;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'exitpool-data-dir-'));
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await stopLeftoverPostgres(dataDir);
    await rm(dataDir, { recursive: true, force: true });
  });

  async function worker(): Promise<Record<string, string>> {
    const res = await signIn(base, 'kbh@demo.test');
    expect(res.status).toBe(200);
    return { Authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
  }

  async function upload(auth: Record<string, string>, applicationId: string, bytes: Uint8Array) {
    const form = new FormData();
    form.set('applicationId', applicationId);
    form.set('kind', 'quote');
    form.set('file', new Blob([Buffer.from(bytes)]), 'quote.pdf');
    const res = await fetch(`${base}/api/attachments`, { method: 'POST', headers: auth, body: form });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string };
  }

  async function download(auth: Record<string, string>, id: string): Promise<Buffer> {
    const res = await fetch(`${base}/api/attachments/${id}/content`, { headers: auth });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  }

  it('holds no byte of an uploaded file, and moves the files of an older version into the database', async () => {
    const pdf = Buffer.from(handMadePdf(marker));
    const oldPdf = Buffer.from(handMadePdf(oldMarker));
    const first = run({ PORT: String(port), DATA_DIR: dataDir });
    let uploaded: string;
    let old: { id: string; key: string };
    try {
      await started('the first start', first);
      const auth = await worker();
      const drafts = await fetch(`${base}/api/applications?filter=${encodeURIComponent('{"status":"draft"}')}`, {
        headers: auth,
      });
      const [draft] = (await drafts.json()) as { id: string }[];
      uploaded = (await upload(auth, draft.id, pdf)).id;
      expect(Buffer.compare(await download(auth, uploaded), pdf)).toBe(0);

      // an attachment as the version before kept it: a plain file named by storage_key, the bytes nowhere else
      old = { id: (await upload(auth, draft.id, oldPdf)).id, key: randomBytes(32).toString('hex') };
      const db = new pg.Client({ connectionString: (await readFile(join(dataDir, 'postgres.url'), 'utf8')).trim() });
      await db.connect();
      try {
        await db.query(`DELETE FROM attachment_chunks WHERE attachment_id = $1`, [old.id]);
        await db.query(`UPDATE attachments SET storage_key = $2 WHERE id = $1`, [old.id, old.key]);
      } finally {
        await db.end();
      }
      await mkdir(join(dataDir, 'attachments', old.key.slice(0, 2)), { recursive: true, mode: 0o700 });
      await writeFile(join(dataDir, 'attachments', old.key.slice(0, 2), old.key), oldPdf, { mode: 0o600 });
    } finally {
      first.child.kill('SIGTERM');
    }
    expect(await first.exited).toBe(0);
    // the scan sees what the database stored in plain (the file's SHA-256 is), and finds no byte of the file
    expect(await filesHolding(dataDir, createHash('sha256').update(pdf).digest('hex'))).not.toEqual([]);
    expect(await filesHolding(dataDir, marker)).toEqual([]);
    expect(await filesHolding(dataDir, oldMarker)).toEqual([
      join(dataDir, 'attachments', old.key.slice(0, 2), old.key),
    ]);

    const second = run({ PORT: String(port), DATA_DIR: dataDir });
    try {
      await started('the second start', second);
      expect(second.output()).toContain('Moved 1 attachment file(s)');
      const auth = await worker();
      expect(Buffer.compare(await download(auth, old.id), oldPdf)).toBe(0);
      expect(
        createHash('sha256')
          .update(await download(auth, uploaded))
          .digest('hex'),
      ).toBe(createHash('sha256').update(pdf).digest('hex'));
    } finally {
      second.child.kill('SIGTERM');
    }
    expect(await second.exited).toBe(0);
    expect(await filesHolding(dataDir, marker)).toEqual([]);
    expect(await filesHolding(dataDir, oldMarker)).toEqual([]);
    // what DATA_DIR holds now: the embedded database, its secrets, and the demo's key file
    expect((await readdir(dataDir)).sort()).toEqual([
      'encryption.keys',
      'exitpool.secret',
      'postgres',
      'postgres.secret',
    ]);
  }, 300_000);
});
