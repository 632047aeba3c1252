import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { tinyPng } from '../../../libs/files/src/testing/image-builders.js';
import { Application } from '../../../api/src/applications/application.entity.js';
import { AttachmentErrorCode } from '../../../api/src/attachments/attachments.errors.js';
import { AttachmentsModule } from '../../../api/src/attachments/attachments.module.js';
import { AttachmentsService } from '../../../api/src/attachments/attachments.service.js';
import type { Actor } from '../../../api/src/auth/auth.decorators.js';
import { actorOf, auditOf, createMediumTest, type MediumTest } from '../medium-db.js';

let t: MediumTest;
let attachments: AttachmentsService;
let worker: Actor;
let otherWorker: Actor;
let cp: Actor;
let caseId: string;
let seq = 0;

beforeAll(async () => {
  t = await createMediumTest({ imports: [AttachmentsModule] });
  attachments = t.get(AttachmentsService);
  const user = await t.newUser('unit_worker');
  worker = actorOf(user);
  otherWorker = actorOf(await t.newUser('unit_worker'));
  cp = actorOf(await t.newUser('contact_point'));
  await t.db.query(`INSERT INTO categories (code, name) VALUES ('relocation', 'Relocation')`);
  [{ id: caseId }] = await t.db.query(
    `INSERT INTO cases (reference, unit_id, year, number, status, created_by)
     VALUES ('ATT-2026-001', $1, 2026, 1, 'active', $2) RETURNING id`,
    [user.unitId, user.id],
  );
});
afterAll(() => t.close());

/** An application of the worker's unit in a status (only a draft needs nothing of the workflow). */
async function application(status: 'draft' | 'withdrawn' = 'draft'): Promise<string> {
  seq += 1;
  const saved = await t.db.getRepository(Application).save({
    reference: `ATT-2026-001-A${seq}`,
    caseId,
    unitId: worker.unitId!,
    categoryCode: 'relocation',
    amountRequested: 100_000n,
    justification: 'Narrative',
    ordinaryFundingConsidered: true,
    urgent: false,
    lines: [{ description: 'Room', quantity: 1, unitAmount: 100_000 }],
    status,
    createdBy: worker.id,
  } as Partial<Application>);
  return saved.id;
}

const file = (bytes: Uint8Array, originalname: string) => ({
  fieldname: 'file',
  originalname,
  mimetype: 'application/octet-stream',
  size: bytes.length,
  buffer: Buffer.from(bytes),
});

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('AttachmentsService', () => {
  it('stores an image without its metadata, named by its content, and hands back those bytes', async () => {
    const applicationId = await application();
    const sent = tinyPng('Photographer at home');
    const clean = Buffer.from(tinyPng());
    const view = await attachments.upload(worker, { applicationId, kind: 'quote' }, file(sent, 'quote.jpg'));
    expect(view).toMatchObject({
      applicationId,
      kind: 'quote',
      // the name sent is kept, with the extension of what the bytes are after it
      fileName: 'quote.jpg.png',
      mediaType: 'image/png',
      size: clean.length,
      sha256: createHash('sha256').update(clean).digest('hex'),
      uploadedBy: worker.id,
    });
    const { stream } = await attachments.content(worker, view.id);
    expect(await read(stream)).toEqual(clean);
    // the chunks are encrypted at rest: the PNG signature is not in them
    const [{ stored }] = await t.db.query(
      `SELECT string_agg(encode(bytes, 'hex'), '') AS stored FROM attachment_chunks WHERE attachment_id = $1`,
      [view.id],
    );
    expect(stored).not.toContain('89504e470d0a1a0a');
    expect((await auditOf(t.db, view.id)).map((e) => [e.action, e.details])).toEqual([
      ['attachment.upload', { applicationId, kind: 'quote', size: clean.length, sha256: view.sha256 }],
      ['attachment.download', { applicationId, kind: 'quote', size: clean.length, sha256: view.sha256 }],
    ]);
  });

  it('refuses an empty file, a file that is no PDF, PNG or JPEG, and a file name with a national id', async () => {
    const applicationId = await application();
    await expect(
      attachments.upload(worker, { applicationId, kind: 'quote' }, file(new Uint8Array(), 'a.png')),
    ).rejects.toMatchObject({ status: 400, response: { errors: { file: 'is empty' } } });
    await expect(
      attachments.upload(worker, { applicationId, kind: 'quote' }, file(Buffer.from('MZ executable'), 'a.pdf')),
    ).rejects.toMatchObject({ status: 415, code: AttachmentErrorCode.UnsupportedType });
    await expect(
      attachments.upload(worker, { applicationId, kind: 'quote' }, file(tinyPng(), 'scan 010190-1234.png')),
    ).rejects.toMatchObject({ status: 400 });
    await expect(attachments.upload(worker, { applicationId, kind: 'quote' }, undefined)).rejects.toMatchObject({
      status: 400,
      response: { errors: { file: 'file is required' } },
    });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM attachments WHERE application_id = $1`, [
      applicationId,
    ]);
    expect(n).toBe(0);
  });

  it('refuses a PDF with active content, naming what it found', async () => {
    const applicationId = await application();
    const pdf = Buffer.from(
      '%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    await expect(
      attachments.upload(worker, { applicationId, kind: 'quote' }, file(pdf, 'quote.pdf')),
    ).rejects.toMatchObject({
      status: 422,
      code: AttachmentErrorCode.ActiveContent,
      message: expect.stringContaining('JavaScript'),
    });
  });

  it("hides another unit's attachments (404) and refuses changes once the application is final", async () => {
    const applicationId = await application();
    const view = await attachments.upload(worker, { applicationId, kind: 'other' }, file(tinyPng(), 'a.png'));
    await expect(attachments.get(otherWorker, view.id)).rejects.toMatchObject({ status: 404 });
    await expect(attachments.remove(otherWorker, view.id)).rejects.toMatchObject({ status: 404 });
    await expect(
      attachments.upload(otherWorker, { applicationId, kind: 'other' }, file(tinyPng(), 'b.png')),
    ).rejects.toMatchObject({ status: 404 });
    // a draft is the unit's own: not listed to the contact point
    const listed = await attachments.list(cp, { sort: ['createdAt', 'DESC'], range: [0, 99], filter: {} });
    expect(listed.rows.map((a) => a.id)).not.toContain(view.id);

    const final = await application('withdrawn');
    await expect(
      attachments.upload(worker, { applicationId: final, kind: 'invoice' }, file(tinyPng(), 'c.png')),
    ).rejects.toMatchObject({ status: 409, code: AttachmentErrorCode.WrongStatus });
  });

  it('removes an attachment of a draft with its bytes, audited', async () => {
    const applicationId = await application();
    const view = await attachments.upload(worker, { applicationId, kind: 'quote' }, file(tinyPng(), 'q.png'));
    const mine = await attachments.list(worker, {
      sort: ['createdAt', 'DESC'],
      range: [0, 99],
      filter: { applicationId },
    });
    expect(mine.rows.map((a) => a.id)).toEqual([view.id]);
    await attachments.remove(worker, view.id);
    const [{ rows, chunks }] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM attachments WHERE id = $1) AS rows,
              (SELECT count(*)::int FROM attachment_chunks WHERE attachment_id = $1) AS chunks`,
      [view.id],
    );
    expect({ rows, chunks }).toEqual({ rows: 0, chunks: 0 });
    expect((await auditOf(t.db, view.id)).map((e) => e.action)).toEqual(['attachment.upload', 'attachment.delete']);
    await expect(attachments.get(worker, view.id)).rejects.toMatchObject({ status: 404 });
  });
});
