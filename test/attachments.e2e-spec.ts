import { demoGuideline } from '@app/guidelines';
import { containsBytes, exifSegment, tinyJpeg, tinyPng } from '../libs/files/src/testing/image-builders.js';
import {
  cleanPdf,
  encryptedPdf,
  handMadePdf,
  pdfWithEmbeddedFile,
  pdfWithEscapedJavaScript,
  pdfWithJavaScriptOpenAction,
  pdfWithLaunchAction,
  pdfWithPageAdditionalAction,
  pdfWithXfa,
} from '../libs/files/src/testing/pdf-builders.js';
import { createHash } from 'node:crypto';
import { sealText } from '../api/src/crypto/encrypted-columns.js';
import { toStoredCategories } from '../api/src/guidelines/guideline-mapping.js';
import { binary, filesUnder } from './support/bytes.js';
import { createTestAppWithDataDir, type TestApp } from './support/test-app.js';

type Auth = { Authorization: string };

const MB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** A small, parseable PDF whose title is the text (so that files differ in bytes and size). */
const pdf = (text = 'quote') => Buffer.from(handMadePdf(text.replace(/[()\\]/g, '_')));

describe('Attachments', () => {
  let t: TestApp & { dataDir: string };
  let worker: Auth;
  let workerId: string;
  let unitId: string;
  let otherWorker: Auth;
  let contactPoint: Auth;
  let finance: Auth;
  let admin: Auth;
  let guidelineId: string;

  beforeAll(async () => {
    t = await createTestAppWithDataDir('attachments');
    await t.db.query(`INSERT INTO categories (code, name) VALUES ('relocation', 'Relocation')`);
    [{ id: guidelineId }] = await t.db.query(
      `INSERT INTO guidelines (version, effective_from, status, min_age, max_course_months, categories, published_at)
       VALUES ('2026.1', '2026-01-01', 'published', 18, 12, $1, now()) RETURNING id`,
      [JSON.stringify(toStoredCategories(demoGuideline))],
    );
    const signed = await t.signedIn('unit_worker');
    worker = signed.auth;
    workerId = signed.user.id;
    unitId = signed.user.unitId!;
    otherWorker = (await t.signedIn('unit_worker')).auth;
    contactPoint = (await t.signedIn('contact_point')).auth;
    finance = (await t.signedIn('finance')).auth;
    admin = (await t.signedIn('admin')).auth;
  });
  afterAll(() => t.close());

  async function newApplication(auth: Auth = worker): Promise<string> {
    const kase = await t.http.post('/api/cases').set(auth).send({
      status: 'active',
      birthYear: 1990,
      consentRecordedOn: '2026-01-02',
      agreementSignedOn: '2026-01-03',
      programmeStart: '2026-01-05',
    });
    expect(kase.status).toBe(201);
    const application = await t.http
      .post('/api/applications')
      .set(auth)
      .send({
        caseId: kase.body.id,
        categoryCode: 'relocation',
        amountRequested: 300000,
        justification: 'Safe house',
        ordinaryFundingConsidered: true,
        lines: [{ description: 'Night', quantity: 2, unitAmount: 150000 }],
      });
    expect(application.status).toBe(201);
    return application.body.id;
  }

  /** Moves an application to a status directly, with what the database requires of that status. */
  async function setStatus(applicationId: string, status: string): Promise<void> {
    await t.db.query(
      `UPDATE applications
          SET status = $2::varchar, guideline_id = $3, submitted_at = now(),
              amount_approved = CASE WHEN $2::varchar IN ('approved', 'partially_approved', 'paid', 'cancelled')
                                     THEN amount_requested END
        WHERE id = $1`,
      [applicationId, status, guidelineId],
    );
  }

  function upload(
    auth: Auth,
    fields: Record<string, string>,
    file?: { bytes: Uint8Array; name: string; type?: string; field?: string },
  ) {
    const req = t.http.post('/api/attachments').set(auth);
    for (const [name, value] of Object.entries(fields)) req.field(name, value);
    if (file) {
      req.attach(file.field ?? 'file', Buffer.from(file.bytes), {
        filename: file.name,
        contentType: file.type ?? 'application/octet-stream',
      });
    }
    return req;
  }

  const uploadPdf = (auth: Auth, applicationId: string, kind = 'quote', name = 'quote.pdf') =>
    upload(auth, { applicationId, kind }, { bytes: pdf(name), name, type: 'application/pdf' });

  const download = (auth: Auth, id: string) =>
    t.http.get(`/api/attachments/${id}/content`).set(auth).buffer(true).parse(binary);

  /** A refused upload stores nothing: the application has no attachment. */
  async function expectNoAttachment(applicationId: string): Promise<void> {
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM attachments WHERE application_id = $1', [
      applicationId,
    ]);
    expect(n).toBe(0);
  }

  const chunkCount = async (id: string): Promise<number> =>
    (await t.db.query('SELECT count(*)::int AS n FROM attachment_chunks WHERE attachment_id = $1', [id]))[0].n;

  describe('upload and download', () => {
    it('stores a PDF as sent and downloads the same bytes, as an attachment that is not sniffed or cached', async () => {
      const applicationId = await newApplication();
      const bytes = pdf('Tilbud');
      const res = await upload(
        worker,
        { applicationId, kind: 'quote' },
        { bytes, name: 'tilbud.pdf', type: 'application/pdf' },
      );
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        applicationId,
        kind: 'quote',
        fileName: 'tilbud.pdf',
        mediaType: 'application/pdf',
        size: bytes.length,
        sha256: sha256(bytes),
        uploadedBy: workerId,
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
      });
      expect(res.body).not.toHaveProperty('storageKey');

      const got = await download(worker, res.body.id);
      expect(got.status).toBe(200);
      expect(got.headers['content-type']).toBe('application/pdf');
      expect(got.headers['content-disposition']).toBe('attachment; filename="tilbud.pdf"');
      expect(got.headers['content-length']).toBe(String(bytes.length));
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(got.headers['cache-control']).toBe('no-store');
      expect(Buffer.compare(got.body, bytes)).toBe(0);

      const one = await t.http.get(`/api/attachments/${res.body.id}`).set(worker);
      expect(one.status).toBe(200);
      expect(one.body).toEqual(res.body);
    });

    /** Uploads an image to a new application; answers the bytes stored, which the upload's answer describes. */
    async function storedImage(kind: string, file: { bytes: Uint8Array; name: string; type: string }) {
      const res = await upload(worker, { applicationId: await newApplication(), kind }, file);
      expect(res.status).toBe(201);
      const got = await download(worker, res.body.id);
      expect(got.headers['content-type']).toBe(file.type);
      const stored = got.body as Buffer;
      expect(res.body).toMatchObject({ mediaType: file.type, size: stored.length, sha256: sha256(stored) });
      return stored;
    }

    it('removes the EXIF segment of a JPEG before hashing and storing it', async () => {
      const sent = tinyJpeg('GPS 55.6761N 12.5683E');
      expect(containsBytes(sent, exifSegment('GPS 55.6761N 12.5683E'))).toBe(true);
      const stored = await storedImage('quote', { bytes: sent, name: 'photo.jpg', type: 'image/jpeg' });
      expect([...stored.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
      expect(containsBytes(stored, [0xff, 0xe1])).toBe(false);
      expect(containsBytes(stored, Buffer.from('GPS'))).toBe(false);
      expect(Buffer.compare(stored, Buffer.from(tinyJpeg()))).toBe(0);
    });

    it('removes the tEXt chunk of a PNG', async () => {
      const sent = tinyPng('Case worker Jensen');
      const stored = await storedImage('other', { bytes: sent, name: 'scan.png', type: 'image/png' });
      expect(containsBytes(stored, Buffer.from('tEXt'))).toBe(false);
      expect(containsBytes(stored, Buffer.from('Jensen'))).toBe(false);
      expect(Buffer.compare(stored, Buffer.from(tinyPng()))).toBe(0);
    });

    it('takes the type from the content, not from the name or the declared type', async () => {
      const applicationId = await newApplication();
      const res = await upload(
        worker,
        { applicationId, kind: 'quote' },
        { bytes: pdf(), name: 'quote.png', type: 'image/png' },
      );
      expect(res.status).toBe(201);
      expect(res.body.mediaType).toBe('application/pdf');
      expect((await download(worker, res.body.id)).headers['content-type']).toBe('application/pdf');
    });

    it('keeps the bytes encrypted in the database and nothing under DATA_DIR', async () => {
      const applicationId = await newApplication();
      const res = await uploadPdf(worker, applicationId, 'quote', 'secret-name.pdf');
      const chunks: { bytes: Buffer }[] = await t.db.query(
        'SELECT bytes FROM attachment_chunks WHERE attachment_id = $1',
        [res.body.id],
      );
      expect(chunks).toHaveLength(1);
      expect(containsBytes(chunks[0].bytes, Buffer.from('%PDF'))).toBe(false);
      expect(containsBytes(chunks[0].bytes, Buffer.from('secret-name'))).toBe(false);
      expect(await filesUnder(t.dataDir)).toEqual([]);
    });

    it('sends a Danish file name in Content-Disposition by RFC 6266 and 5987', async () => {
      const applicationId = await newApplication();
      const name = 'Tilbud på flytning – Ærø.pdf';
      const res = await uploadPdf(worker, applicationId, 'quote', name);
      expect(res.status).toBe(201);
      expect(res.body.fileName).toBe(name);
      const got = await download(worker, res.body.id);
      expect(got.headers['content-disposition']).toBe(
        `attachment; filename="Tilbud paa flytning _ Aeroe.pdf"; ` +
          `filename*=UTF-8''Tilbud%20p%C3%A5%20flytning%20%E2%80%93%20%C3%86r%C3%B8.pdf`,
      );
    });

    it('keeps only the last segment of a path and no control characters in the file name', async () => {
      const applicationId = await newApplication();
      const res = await uploadPdf(worker, applicationId, 'quote', 'C:\\Users\\someone\\quote\u202E.pdf');
      expect(res.status).toBe(201);
      expect(res.body.fileName).toBe('quote.pdf');
    });

    it('refuses a file name holding a CPR number', async () => {
      const applicationId = await newApplication();
      const res = await uploadPdf(worker, applicationId, 'quote', 'faktura 010203-1234.pdf');
      expect(res.status).toBe(400);
      expect(res.body.errors.file).toContain('national identity number');
    });
  });

  describe('refused uploads', () => {
    let applicationId: string;
    beforeAll(async () => {
      applicationId = await newApplication();
    });
    const expectNothingStored = () => expectNoAttachment(applicationId);

    it.each([
      ['a text file named .pdf', Buffer.from('Quote: 3 nights, DKK 4,500\n'), 'quote.pdf', 'application/pdf'],
      [
        'an executable declared as image/png',
        Buffer.from('MZ\x90\x00\x03\x00\x00\x00PE\x00\x00'),
        'photo.png',
        'image/png',
      ],
      ['an HTML page declared as a JPEG', Buffer.from('<html><script>alert(1)</script>'), 'x.jpg', 'image/jpeg'],
    ])('refuses %s with 415', async (_, bytes, name, type) => {
      const res = await upload(worker, { applicationId, kind: 'quote' }, { bytes, name, type });
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
      expect(res.body.message).toMatch(/must be a PDF, PNG or JPEG/);
      expect(res.body.errors.file).toMatch(/must be a PDF, PNG or JPEG/);
      await expectNothingStored();
    });

    it('refuses a PNG that is damaged with 415', async () => {
      const bytes = tinyPng().slice();
      bytes[45] ^= 0xff;
      const res = await upload(worker, { applicationId, kind: 'quote' }, { bytes, name: 'x.png', type: 'image/png' });
      expect(res.status).toBe(415);
      expect(res.body.message).toMatch(/Not a readable PNG image/);
      await expectNothingStored();
    });

    it('refuses a file of 10 MB and one byte with 413, and takes one of exactly 10 MB', async () => {
      // a parseable PDF padded with white space after its end
      const big = Buffer.alloc(10 * MB + 1, 0x20);
      big.set(pdf('big'), 0);
      const res = await upload(worker, { applicationId, kind: 'quote' }, { bytes: big, name: 'big.pdf' });
      expect(res.status).toBe(413);
      expect(res.body.errors.file).toBe('file must be at most 10 MB (10485760 bytes)');
      await expectNothingStored();

      const other = await newApplication();
      const exact = await upload(
        worker,
        { applicationId: other, kind: 'quote' },
        { bytes: big.subarray(0, 10 * MB), name: 'big.pdf' },
      );
      expect(exact.status).toBe(201);
      expect(exact.body.size).toBe(10 * MB);
    });

    it('refuses a missing file with 400 naming it', async () => {
      const res = await upload(worker, { applicationId, kind: 'quote' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual({ file: 'file is required' });
    });

    it('refuses an empty file with 400', async () => {
      const res = await upload(worker, { applicationId, kind: 'quote' }, { bytes: new Uint8Array(), name: 'x.pdf' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual({ file: 'is empty' });
    });

    it.each([
      ['an unknown kind', { kind: 'receipt' }, 'kind', 'kind must be one of quote, invoice, other'],
      [
        'an applicationId that is not a UUID',
        { applicationId: 'not-a-uuid' },
        'applicationId',
        'applicationId must be a UUID',
      ],
      ['no applicationId', { applicationId: undefined }, 'applicationId', 'applicationId is required'],
      ['no kind', { kind: undefined }, 'kind', 'kind is required'],
      ['an unknown field', { note: 'hello' }, 'note', 'note is not a known field'],
      ['the file as a text field', { file: 'not a file' }, 'file', 'must be a file, not a text field'],
    ])('refuses %s with 400 naming %s', async (_, override, field, message) => {
      const fields: Record<string, string> = { applicationId, kind: 'quote' };
      for (const [key, value] of Object.entries(override)) {
        if (value === undefined) delete fields[key];
        else fields[key] = value;
      }
      const res = await upload(
        worker,
        fields,
        field === 'file' ? undefined : { bytes: pdf(), name: 'q.pdf', type: 'application/pdf' },
      );
      expect(res.status).toBe(400);
      expect(res.body.errors[field]).toBe(message);
      await expectNothingStored();
    });

    it('refuses a file in another field, and a second file, with 400 naming the field', async () => {
      const other = await upload(
        worker,
        { applicationId, kind: 'quote' },
        { bytes: pdf(), name: 'q.pdf', field: 'document' },
      );
      expect(other.status).toBe(400);
      expect(other.body.errors).toEqual({ document: 'is not a known field; send the file in the field "file"' });

      const two = await upload(worker, { applicationId, kind: 'quote' }, { bytes: pdf(), name: 'a.pdf' }).attach(
        'file',
        pdf(),
        'b.pdf',
      );
      expect(two.status).toBe(400);
      expect(two.body.errors).toEqual({ file: 'send one file only' });
      await expectNothingStored();
    });

    it('refuses a request that is not a multipart form with 415', async () => {
      const res = await t.http.post('/api/attachments').set(worker).send({ applicationId, kind: 'quote' });
      expect(res.status).toBe(415);
      expect(res.body.message).toMatch(/multipart\/form-data/);
    });

    it('refuses an unknown application with 404', async () => {
      const res = await uploadPdf(worker, '00000000-0000-4000-8000-000000000000');
      expect(res.status).toBe(404);
    });
  });

  describe('who may upload, and when', () => {
    it.each([
      ['quote', 'draft', 201],
      ['quote', 'info_requested', 201],
      ['quote', 'submitted', 201],
      ['other', 'in_review', 201],
      ['quote', 'approved', 409],
      ['other', 'partially_approved', 409],
      ['invoice', 'draft', 201],
      ['invoice', 'approved', 201],
      ['invoice', 'partially_approved', 201],
      ['invoice', 'awaiting_second_approval', 409],
      ['invoice', 'paid', 409],
      ['quote', 'rejected', 409],
      ['invoice', 'withdrawn', 409],
    ])('answers a %s upload while the application is %s with %i', async (kind, status, expected) => {
      const applicationId = await newApplication();
      await setStatus(applicationId, status);
      const res = await uploadPdf(worker, applicationId, kind);
      expect(res.status).toBe(expected);
      if (expected === 409) expect(res.body.message).toContain(`is ${status}`);
    });

    it.each(['contact_point', 'finance', 'admin'] as const)('refuses a %s with 403', async (role) => {
      const applicationId = await newApplication();
      await setStatus(applicationId, 'submitted');
      const { auth } = await t.signedIn(role);
      const res = await uploadPdf(auth, applicationId);
      expect(res.status).toBe(403);
    });

    it('lets a colleague of the same unit upload', async () => {
      const applicationId = await newApplication();
      const { auth } = await t.signedIn('unit_worker', { unitId });
      expect((await uploadPdf(auth, applicationId)).status).toBe(201);
    });
  });

  describe('unit scoping', () => {
    let applicationId: string;
    let attachmentId: string;
    beforeAll(async () => {
      applicationId = await newApplication();
      attachmentId = (await uploadPdf(worker, applicationId)).body.id;
    });

    it("answers another unit's worker 404 on upload, list, read, download and delete", async () => {
      expect((await uploadPdf(otherWorker, applicationId)).status).toBe(404);
      const list = await t.http
        .get('/api/attachments')
        .query({ filter: JSON.stringify({ applicationId }) })
        .set(otherWorker);
      expect(list.status).toBe(404);
      expect((await t.http.get(`/api/attachments/${attachmentId}`).set(otherWorker)).status).toBe(404);
      const content = await download(otherWorker, attachmentId);
      expect(content.status).toBe(404);
      expect(content.headers['content-disposition']).toBeUndefined();
      const removed = await t.http.delete(`/api/attachments/${attachmentId}`).set(otherWorker);
      expect(removed.status).toBe(404);
      expect(removed.body.message).toBe('Attachment not found');
      const all = await t.http.get('/api/attachments').query({ range: '[0,999]' }).set(otherWorker);
      expect(all.status).toBe(200);
      expect(all.body.map((a: { id: string }) => a.id)).not.toContain(attachmentId);
      expect((await t.http.get(`/api/attachments/${attachmentId}`).set(worker)).status).toBe(200);
    });

    it('hides a draft from the contact point and finance', async () => {
      for (const auth of [contactPoint, finance]) {
        expect((await t.http.get(`/api/attachments/${attachmentId}`).set(auth)).status).toBe(404);
        expect((await download(auth, attachmentId)).status).toBe(404);
        const list = await t.http.get('/api/attachments').query({ range: '[0,999]' }).set(auth);
        expect(list.body.map((a: { id: string }) => a.id)).not.toContain(attachmentId);
      }
    });

    it('lets finance and the contact point list and download once submitted; never admin', async () => {
      const submitted = await newApplication();
      const id = (await uploadPdf(worker, submitted, 'quote', 'faktura.pdf')).body.id;
      await setStatus(submitted, 'approved');
      const invoice = (await uploadPdf(worker, submitted, 'invoice', 'invoice.pdf')).body.id;
      for (const auth of [finance, contactPoint]) {
        const list = await t.http
          .get('/api/attachments')
          .query({ filter: JSON.stringify({ applicationId: submitted }), sort: '["createdAt","ASC"]' })
          .set(auth);
        expect(list.status).toBe(200);
        expect(list.headers['content-range']).toBe('attachments 0-1/2');
        expect(list.body.map((a: { id: string }) => a.id)).toEqual([id, invoice]);
        const got = await download(auth, invoice);
        expect(got.status).toBe(200);
        expect(Buffer.compare(got.body, pdf('invoice.pdf'))).toBe(0);
      }
      for (const path of ['/api/attachments', `/api/attachments/${id}`, `/api/attachments/${id}/content`]) {
        const res = await t.http.get(path).set(admin);
        expect(res.status).toBe(403);
      }
    });
  });

  describe('lists', () => {
    it('filters by application and kind, sorts, and pages by the react-admin convention', async () => {
      const applicationId = await newApplication();
      await upload(worker, { applicationId, kind: 'quote' }, { bytes: pdf('a'.repeat(50)), name: 'b-quote.pdf' });
      await upload(worker, { applicationId, kind: 'invoice' }, { bytes: pdf('x'.repeat(20)), name: 'a-invoice.pdf' });
      await upload(worker, { applicationId, kind: 'other' }, { bytes: tinyPng(), name: 'c-scan.png' });
      const get = (query: Record<string, string>) =>
        t.http
          .get('/api/attachments')
          .query({ filter: JSON.stringify({ applicationId }), ...query })
          .set(worker);

      const bySize = await get({ sort: '["size","DESC"]' });
      expect(bySize.body.map((a: { fileName: string }) => a.fileName)).toEqual([
        'b-quote.pdf',
        'a-invoice.pdf',
        'c-scan.png',
      ]);
      const byTime = await get({ sort: '["createdAt","ASC"]', range: '[1,2]' });
      expect(byTime.headers['content-range']).toBe('attachments 1-2/3');
      expect(byTime.body.map((a: { fileName: string }) => a.fileName)).toEqual(['a-invoice.pdf', 'c-scan.png']);
      // the name is stored encrypted: its order would be the ciphertext's
      expect((await get({ sort: '["fileName","ASC"]' })).status).toBe(400);
      const quotes = await t.http
        .get('/api/attachments')
        .query({ filter: JSON.stringify({ applicationId, kind: 'quote' }) })
        .set(worker);
      expect(quotes.body).toHaveLength(1);
      expect(quotes.body[0]).toMatchObject({ kind: 'quote', fileName: 'b-quote.pdf' });
      const byKind = await get({ sort: '["kind","ASC"]' });
      expect(byKind.body.map((a: { kind: string }) => a.kind)).toEqual(['invoice', 'other', 'quote']);

      const bad = await get({ sort: '["sha256","ASC"]' });
      expect(bad.status).toBe(400);
      const badKind = await t.http
        .get('/api/attachments')
        .query({ filter: JSON.stringify({ kind: 'receipt' }) })
        .set(worker);
      expect(badKind.status).toBe(400);
    });
  });

  describe('delete', () => {
    it('removes a draft attachment, its row and its bytes', async () => {
      const applicationId = await newApplication();
      const id = (await uploadPdf(worker, applicationId)).body.id;
      expect(await chunkCount(id)).toBe(1);
      const res = await t.http.delete(`/api/attachments/${id}`).set(worker);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id, applicationId, kind: 'quote' });
      expect((await t.http.get(`/api/attachments/${id}`).set(worker)).status).toBe(404);
      expect(await chunkCount(id)).toBe(0);
    });

    it('refuses once the application is submitted with 409, and keeps the bytes', async () => {
      const applicationId = await newApplication();
      const id = (await uploadPdf(worker, applicationId)).body.id;
      const submitted = await t.http.post(`/api/applications/${applicationId}/submit`).set(worker);
      expect(submitted.status).toBe(200);
      expect(submitted.body.status).toBe('submitted');
      const res = await t.http.delete(`/api/attachments/${id}`).set(worker);
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('submitted');
      expect(await chunkCount(id)).toBe(1);
      // a quote may still be added while the contact point has not decided
      expect((await uploadPdf(worker, applicationId)).status).toBe(201);
    });

    it('allows removal while information is requested', async () => {
      const applicationId = await newApplication();
      const id = (await uploadPdf(worker, applicationId)).body.id;
      await setStatus(applicationId, 'info_requested');
      expect((await t.http.delete(`/api/attachments/${id}`).set(worker)).status).toBe(200);
    });

    it.each(['contact_point', 'finance', 'admin'] as const)('refuses a %s with 403', async (role) => {
      const applicationId = await newApplication();
      const id = (await uploadPdf(worker, applicationId)).body.id;
      await setStatus(applicationId, 'info_requested');
      const { auth } = await t.signedIn(role);
      expect((await t.http.delete(`/api/attachments/${id}`).set(auth)).status).toBe(403);
    });

    it('never changes an attachment in place', async () => {
      const applicationId = await newApplication();
      const id = (await uploadPdf(worker, applicationId)).body.id;
      expect((await t.http.put(`/api/attachments/${id}`).set(worker).send({ kind: 'other' })).status).toBe(405);
    });
  });

  describe('audit trail', () => {
    it('records upload, download and delete with ids, kind, size and sha256, never the file name', async () => {
      const applicationId = await newApplication();
      const name = 'Tilbud til Jensen på Nørrebro.pdf';
      const up = await uploadPdf(worker, applicationId, 'quote', name);
      const id = up.body.id;
      await download(worker, id);
      await t.http.delete(`/api/attachments/${id}`).set(worker);
      const events: { action: string; actor_id: string; details: Record<string, unknown> }[] = await t.db.query(
        `SELECT action, actor_id, details FROM audit_events WHERE entity_type = 'attachment' AND entity_id = $1 ORDER BY seq`,
        [id],
      );
      expect(events.map((e) => e.action)).toEqual(['attachment.upload', 'attachment.download', 'attachment.delete']);
      for (const event of events) {
        expect(event.actor_id).toBe(workerId);
        expect(event.details).toEqual({ applicationId, kind: 'quote', size: up.body.size, sha256: up.body.sha256 });
      }
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE details::text ILIKE '%Jensen%' OR details::text ILIKE '%Tilbud%'`,
      );
      expect(n).toBe(0);
    });

    it('records a download by finance', async () => {
      const applicationId = await newApplication();
      const id = (await uploadPdf(worker, applicationId)).body.id;
      await setStatus(applicationId, 'submitted');
      await download(finance, id);
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'attachment.download' AND entity_id = $1`,
        [id],
      );
      expect(n).toBe(1);
    });
  });
  describe('PDFs with active content', () => {
    let applicationId: string;
    beforeAll(async () => {
      applicationId = await newApplication();
    });
    const expectNothingStored = () => expectNoAttachment(applicationId);

    it.each([
      ['JavaScript run when it opens', () => pdfWithJavaScriptOpenAction(), /JavaScript/],
      ['JavaScript hidden in an object stream', () => pdfWithJavaScriptOpenAction(true), /JavaScript/],
      ['JavaScript named with #xx escapes', async () => pdfWithEscapedJavaScript(), /JavaScript/],
      ['a page action that opens a web address by itself', pdfWithPageAdditionalAction, /runs by itself/],
      ['an embedded file', pdfWithEmbeddedFile, /an embedded file/],
      ['an XFA form', pdfWithXfa, /an XFA form/],
      ['a Launch action', pdfWithLaunchAction, /launches a program/],
    ])('refuses a PDF with %s with 422 saying why', async (_, build, why) => {
      const bytes = await build();
      const res = await upload(worker, { applicationId, kind: 'quote' }, { bytes, name: 'quote.pdf' });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ statusCode: 422, code: 'ATTACHMENT_ACTIVE_CONTENT' });
      expect(res.body.message).toMatch(/^file is a PDF with active content/);
      expect(res.body.message).toMatch(why);
      expect(res.body.errors.file).toBe(res.body.message);
      await expectNothingStored();
    });

    it('refuses an encrypted PDF with 422: it cannot be inspected', async () => {
      const res = await upload(
        worker,
        { applicationId, kind: 'quote' },
        { bytes: await encryptedPdf(), name: 'q.pdf' },
      );
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('ATTACHMENT_ENCRYPTED_PDF');
      expect(res.body.errors.file).toMatch(/encrypted .*cannot be checked/);
      await expectNothingStored();
    });

    it('refuses a PDF that cannot be parsed with 415', async () => {
      const bytes = Buffer.from('%PDF-1.7\n1 0 obj << /Title (quote) >> endobj\ntrailer\n%%EOF\n');
      const res = await upload(worker, { applicationId, kind: 'quote' }, { bytes, name: 'q.pdf' });
      expect(res.status).toBe(415);
      expect(res.body.code).toBe('ATTACHMENT_UNREADABLE_PDF');
      expect(res.body.errors.file).toMatch(/not a readable PDF/);
      await expectNothingStored();
    });

    it('takes a PDF with a web link that opens at its first page, as sent', async () => {
      const other = await newApplication();
      const bytes = await cleanPdf();
      const res = await upload(worker, { applicationId: other, kind: 'quote' }, { bytes, name: 'clinic.pdf' });
      expect(res.status).toBe(201);
      expect(res.body.sha256).toBe(sha256(bytes));
    });
  });

  describe('the file name follows the content', () => {
    it.each([
      ['a PDF named invoice.html', () => pdf(), 'invoice.html', 'invoice.html.pdf', 'application/pdf'],
      ['a PNG named scan.html', () => tinyPng(), 'scan.html', 'scan.html.png', 'image/png'],
      ['a JPEG named photo.svg', () => tinyJpeg(), 'photo.svg', 'photo.svg.jpg', 'image/jpeg'],
      ['a PDF named without an extension', () => pdf(), 'Tilbud', 'Tilbud.pdf', 'application/pdf'],
    ])(
      'gives %s the extension of its type in the record, the list and the download',
      async (_, bytes, name, expected, type) => {
        const applicationId = await newApplication();
        const res = await upload(worker, { applicationId, kind: 'quote' }, { bytes: bytes(), name, type: 'text/html' });
        expect(res.status).toBe(201);
        expect(res.body.fileName).toBe(expected);
        const list = await t.http
          .get('/api/attachments')
          .query({ filter: JSON.stringify({ applicationId }) })
          .set(worker);
        expect(list.body.map((a: { fileName: string }) => a.fileName)).toEqual([expected]);
        const got = await download(worker, res.body.id);
        expect(got.headers['content-type']).toBe(type);
        expect(got.headers['content-disposition']).toBe(`attachment; filename="${expected}"`);
      },
    );

    it('also for a name stored before the extension followed the content', async () => {
      const applicationId = await newApplication();
      const id = (await uploadPdf(worker, applicationId, 'invoice', 'invoice.pdf')).body.id;
      await t.db.query(`UPDATE attachments SET file_name = $2 WHERE id = $1`, [id, sealText('invoice.html')]);
      expect((await t.http.get(`/api/attachments/${id}`).set(worker)).body.fileName).toBe('invoice.html.pdf');
      const got = await download(worker, id);
      expect(got.headers['content-disposition']).toBe('attachment; filename="invoice.html.pdf"');
    });
  });
});
