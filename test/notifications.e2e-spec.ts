import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type { AppConfig } from '../api/src/config/app-config.js';
import { JobsService } from '../api/src/jobs/jobs.service.js';
import { REVIEW_REMINDER_JOB, EMAIL_DIGEST_JOB } from '../api/src/notifications/notification-schedules.service.js';
import { newCase, quoteOverride, todayIso } from './support/fixtures.js';
import { openYear, setPool, thisYear } from './support/money.js';
import { type CaughtMail, type SmtpCatcher, smtpCatcher } from './support/smtp.js';
import { createTestApp, type SignedIn, type TestApp } from './support/test-app.js';
import { seedCatalog } from './support/fixtures.js';

// Notifications end to end: the API over HTTP on a real PostgreSQL, pg-boss delivering the
// outbox, and a real SMTP server (smtp-server) on loopback that the test starts and stops.

const PUBLIC_URL = 'https://exitpool.example.org';
// a narrative that nobody would write by chance: no e-mail may carry any of it
const NARRATIVE = 'Quokkaflugt';
const SECRETS = [NARRATIVE, 'quokkaflugt', '700000', '7.000', '7,000', '7000', 'DKK', 'kr.'];
/** What a message says: its subject and its decoded text and HTML (the raw source has random ids and dates). */
const said = (m: CaughtMail) => `${m.subject}\n${m.text}\n${m.html}`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const FAST = { pollingIntervalSeconds: 0.5, retryDelaySeconds: 1 };

function config(smtp: SmtpCatcher, extra: Partial<AppConfig> = {}): Partial<AppConfig> {
  return {
    smtpUrl: smtp.url,
    mailFrom: 'Exit Pool <noreply@exitpool.test>',
    publicUrl: PUBLIC_URL,
    loginMaxFailures: 3,
    mfaRequiredRoles: [],
    ...extra,
  };
}

interface People {
  worker: SignedIn;
  worker2: SignedIn;
  cp1: SignedIn;
  cp2: SignedIn;
  finance: SignedIn;
  admin: SignedIn;
  unitName: string;
  caseId: string;
}

async function team(t: TestApp): Promise<People> {
  await seedCatalog(t);
  await setPool(t, 100_000_000_000);
  const worker = await t.signedIn('unit_worker');
  const worker2 = await t.signedIn('unit_worker', { unitId: worker.user.unitId });
  const [{ name: unitName }] = await t.db.query(`SELECT name FROM units WHERE id = $1`, [worker.user.unitId]);
  const people = {
    worker,
    worker2,
    cp1: await t.signedIn('contact_point'),
    cp2: await t.signedIn('contact_point'),
    finance: await t.signedIn('finance'),
    admin: await t.signedIn('admin'),
    unitName,
    caseId: (await newCase(t, worker.auth)).id,
  };
  return people;
}

/** An urgent relocation of 7 nights (DKK 7,000) whose every free text holds the narrative. */
async function draft(t: TestApp, p: People): Promise<{ id: string; reference: string }> {
  const res = await t.http
    .post('/api/applications')
    .set(p.worker.auth)
    .send({
      caseId: p.caseId,
      categoryCode: 'relocation',
      amountRequested: 700_000,
      justification: `${NARRATIVE}: the candidate must leave at once`,
      ordinaryFundingConsidered: true,
      urgent: true,
      lines: [{ description: `${NARRATIVE} room, per night`, quantity: 7, unitAmount: 100_000 }],
    });
  if (res.status !== 201) throw new Error(`application: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function ok(res: Response, status = 200): Promise<Response> {
  if (res.status !== status) throw new Error(`answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}

/** Each received e-mail as `recipient subject`. */
const lines = (mails: CaughtMail[], people: People) => {
  const names = new Map(
    Object.entries(people)
      .filter(([, v]) => typeof v === 'object')
      .map(([k, v]) => [(v as SignedIn).user.email, k]),
  );
  return mails.map((m) => `${names.get(m.to[0]) ?? m.to[0]} ${m.subject}`).sort();
};

describe('Notifications and e-mail (issue 13)', () => {
  let smtp: SmtpCatcher;
  let t: TestApp;
  let p: People;

  beforeAll(async () => {
    smtp = await smtpCatcher();
    t = await createTestApp(config(smtp));
    p = await team(t);
    await t.app.get(JobsService).start(FAST);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });
  beforeEach(() => {
    smtp.mails.length = 0;
  });

  /** Waits until every outbox row is settled (sent or failed) and no more mail comes. */
  async function settled(): Promise<void> {
    const end = Date.now() + 30_000;
    while (Date.now() < end) {
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM email_deliveries WHERE status = 'pending'`);
      if (n === 0) break;
      await sleep(100);
    }
    await sleep(300);
  }

  it('tells each person what concerns them, by e-mail in their language, and no e-mail holds the narrative, an amount or the unit', async () => {
    await ok(await t.http.put('/api/auth/preferences').set(p.cp2.auth).send({ language: 'da', email: 'each' }));
    await ok(await t.http.put('/api/auth/preferences').set(p.worker2.auth).send({ language: 'da', email: 'each' }));
    const a = await draft(t, p);
    const R = a.reference;
    await ok(await t.http.post(`/api/applications/${a.id}/submit`).set(p.worker.auth));
    await ok(
      await t.http
        .post(`/api/applications/${a.id}/request-info`)
        .set(p.cp1.auth)
        .send({ message: `${NARRATIVE}?` }),
    );
    await ok(
      await t.http
        .post(`/api/applications/${a.id}/answer`)
        .set(p.worker.auth)
        .send({ message: `${NARRATIVE}!` }),
    );
    await ok(
      await t.http
        .post(`/api/applications/${a.id}/approve`)
        .set(p.cp1.auth)
        .send({
          amountApproved: 700_000,
          reason: `${NARRATIVE} reason`,
          conditions: `${NARRATIVE} conditions`,
          overrides: quoteOverride.map((o) => ({ ...o, justification: `${NARRATIVE} override` })),
        }),
    );
    await ok(
      await t.http
        .post('/api/disbursements')
        .set(p.finance.auth)
        .send({ applicationId: a.id, amount: 300_000, paidOn: todayIso(), payeeReference: `${NARRATIVE} landlord` }),
      201,
    );
    await settled();

    expect(lines(smtp.mails, p)).toEqual(
      [
        `cp1 URGENT ${R}: submitted for review`,
        `cp2 HASTER ${R}: indsendt til behandling`,
        `worker URGENT ${R}: information requested`,
        `worker2 HASTER ${R}: der er bedt om oplysninger`,
        `cp1 URGENT ${R}: answer received`,
        `cp2 HASTER ${R}: svar modtaget`,
        `worker URGENT ${R}: approved`,
        `worker2 HASTER ${R}: bevilget`,
        `finance URGENT ${R}: ready for payment`,
        `worker URGENT ${R}: payment recorded`,
        `worker2 HASTER ${R}: udbetaling registreret`,
      ].sort(),
    );
    for (const mail of smtp.mails) {
      for (const secret of [...SECRETS, p.unitName]) {
        expect({ subject: mail.subject, secret, has: said(mail).includes(secret) }).toEqual({
          subject: mail.subject,
          secret,
          has: false,
        });
      }
      // nor, however encoded, does its source
      expect(mail.raw).not.toContain(NARRATIVE);
      expect(mail.raw).not.toContain(p.unitName);
      expect(mail.text).toContain(`${PUBLIC_URL}/#/applications/${a.id}/show`);
      expect(mail.html).toContain(`href="${PUBLIC_URL}/#/applications/${a.id}/show"`);
      expect(mail.from).toBe('noreply@exitpool.test');
    }

    // the same in the product, each user their own
    const cp2List = await ok(await t.http.get('/api/notifications').set(p.cp2.auth));
    expect(cp2List.body.map((n: { event: string }) => n.event).sort()).toEqual([
      'application_answered',
      'application_submitted',
    ]);
    expect(cp2List.body[0]).toEqual({
      id: expect.any(String),
      event: expect.any(String),
      reference: R,
      urgent: true,
      resource: 'applications',
      recordId: a.id,
      createdAt: expect.stringMatching(/Z$/),
      readAt: null,
    });
    const cp1List = await ok(await t.http.get('/api/notifications').set(p.cp1.auth));
    // cp1 asked and approved: told of the submission and the answer, never of their own actions
    expect(cp1List.body.map((n: { event: string }) => n.event).sort()).toEqual([
      'application_answered',
      'application_submitted',
    ]);
  });

  it('tells the unit of a rejection, a cancel and a carry-over, finance of the carry-over, the other contact point of a second approval', async () => {
    await openYear(t, thisYear() + 1, 1_000_000_000);
    const big = await t.http
      .post('/api/applications')
      .set(p.worker.auth)
      .send({
        caseId: p.caseId,
        categoryCode: 'relocation',
        amountRequested: 3_000_000,
        justification: NARRATIVE,
        ordinaryFundingConsidered: true,
        lines: [{ description: NARRATIVE, quantity: 30, unitAmount: 100_000 }],
      });
    await ok(big, 201);
    const R = big.body.reference;
    const id = big.body.id;
    await ok(await t.http.post(`/api/applications/${id}/submit`).set(p.worker.auth));
    await settled();
    smtp.mails.length = 0;
    await ok(
      await t.http
        .post(`/api/applications/${id}/approve`)
        .set(p.cp1.auth)
        .send({ amountApproved: 3_000_000, reason: NARRATIVE, overrides: quoteOverride }),
    );
    await settled();
    expect(lines(smtp.mails, p)).toEqual([`cp2 ${R}: afventer anden godkendelse`]);
    smtp.mails.length = 0;
    await ok(
      await t.http
        .post(`/api/applications/${id}/approve`)
        .set(p.cp2.auth)
        .send({ amountApproved: 3_000_000, reason: NARRATIVE }),
    );
    await ok(await t.http.post(`/api/applications/${id}/carry-over`).set(p.cp1.auth).send({ reason: NARRATIVE }));
    await ok(await t.http.post(`/api/applications/${id}/cancel`).set(p.cp1.auth).send({ reason: NARRATIVE }));
    const other = await draft(t, p);
    await ok(await t.http.post(`/api/applications/${other.id}/submit`).set(p.worker.auth));
    await ok(await t.http.post(`/api/applications/${other.id}/reject`).set(p.cp2.auth).send({ reason: NARRATIVE }));
    await settled();
    const O = other.reference;
    expect(lines(smtp.mails, p)).toEqual(
      [
        `worker ${R}: approved`,
        `worker2 ${R}: bevilget`,
        `finance ${R}: ready for payment`,
        `worker ${R}: grant carried over to the next budget year`,
        `worker2 ${R}: bevilling overført til næste budgetår`,
        `finance ${R}: year end: grant carried over`,
        `worker ${R}: grant cancelled`,
        `worker2 ${R}: bevilling annulleret`,
        `cp1 URGENT ${O}: submitted for review`,
        `cp2 HASTER ${O}: indsendt til behandling`,
        `worker URGENT ${O}: rejected`,
        `worker2 HASTER ${O}: afslået`,
      ].sort(),
    );
    for (const mail of smtp.mails) {
      expect(mail.raw).not.toContain(NARRATIVE);
      expect(said(mail)).not.toMatch(/3000000|30[.,]000/);
    }
  });

  it('tells the admins when an account is locked, and runs the daily reminder and digest through the scheduler', async () => {
    const victim = await t.newUser('unit_worker');
    for (let i = 0; i < 3; i++) {
      expect(
        (await t.http.post('/api/auth/login').send({ email: victim.email, password: 'wrong-password-9' })).status,
      ).toBe(401);
    }
    await settled();
    expect(lines(smtp.mails, p)).toEqual([`admin ${victim.email}: account locked after too many failed sign-ins`]);
    expect(smtp.mails[0].text).toContain(`${PUBLIC_URL}/#/users/${victim.id}`);

    smtp.mails.length = 0;
    const a = await draft(t, p);
    await ok(await t.http.post(`/api/applications/${a.id}/submit`).set(p.worker.auth));
    await t.db.query(`UPDATE applications SET submitted_at = now() - interval '6 days' WHERE id = $1`, [a.id]);
    await ok(await t.http.put('/api/auth/preferences').set(p.cp2.auth).send({ language: 'da', email: 'digest' }));
    await settled();
    smtp.mails.length = 0;
    const jobs = t.app.get(JobsService);
    await jobs.send(REVIEW_REMINDER_JOB);
    const reminders = await smtp.waitFor(1, { to: p.cp1.user.email });
    expect(reminders.map((m) => m.subject)).toContain(`URGENT ${a.reference}: waiting too long for review`);
    await jobs.send(EMAIL_DIGEST_JOB);
    const [digest] = await smtp.waitFor(1, { to: p.cp2.user.email });
    expect(digest.subject).toMatch(/^Exit Pool: \d+ nye? notifikation(er)?$/);
    expect(digest.text).toContain(`HASTER ${a.reference}: har ventet for længe på behandling`);
    expect(digest.text).toContain(`${PUBLIC_URL}/#/notifications`);
    expect(digest.raw).not.toContain(NARRATIVE);
    await ok(await t.http.put('/api/auth/preferences').set(p.cp2.auth).send({ language: 'da', email: 'each' }));
  });

  it('keeps an e-mail queued while the SMTP server is down and sends it, once, when it is up again', async () => {
    await smtp.stop();
    const a = await draft(t, p);
    await ok(await t.http.post(`/api/applications/${a.id}/submit`).set(p.worker.auth));
    // at least one attempt refused by the closed port
    const end = Date.now() + 20_000;
    let rows: { status: string; attempts: number; lastError: string | null }[] = [];
    while (Date.now() < end) {
      rows = await t.db.query(
        `SELECT status, attempts, last_error AS "lastError" FROM email_deliveries WHERE reference = $1`,
        [a.reference],
      );
      if (rows.length === 2 && rows.every((r) => r.attempts >= 1)) break;
      await sleep(100);
    }
    expect(rows).toEqual([
      expect.objectContaining({ status: 'pending', lastError: expect.stringContaining('ECONNREFUSED') }),
      expect.objectContaining({ status: 'pending', lastError: expect.stringContaining('ECONNREFUSED') }),
    ]);
    expect(smtp.mails).toEqual([]);

    // the admins see it
    const pending = await ok(
      await t.http
        .get('/api/email-deliveries')
        .query({ filter: JSON.stringify({ status: 'pending' }) })
        .set(p.admin.auth),
    );
    expect(pending.body.map((d: { reference: string }) => d.reference)).toContain(a.reference);

    await smtp.start();
    await smtp.waitFor(2);
    await settled();
    await sleep(1_500);
    expect(lines(smtp.mails, p)).toEqual(
      [`cp1 URGENT ${a.reference}: submitted for review`, `cp2 HASTER ${a.reference}: indsendt til behandling`].sort(),
    );
    const sent = await t.db.query(`SELECT status FROM email_deliveries WHERE reference = $1`, [a.reference]);
    expect(sent).toEqual([{ status: 'sent' }, { status: 'sent' }]);
  });

  it('listens again when its connection is lost, and sends what was queued meanwhile', async () => {
    const killed = await t.db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'exit-pool-outbox' AND datname = current_database()`,
    );
    expect(killed).toHaveLength(1);
    const a = await draft(t, p);
    await ok(await t.http.post(`/api/applications/${a.id}/submit`).set(p.worker.auth));
    // well before the minute's sweep: the listener is back after 5 s and wakes the delivery
    await smtp.waitFor(2, { ms: 15_000 });
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE application_name = 'exit-pool-outbox' AND datname = current_database()`,
    );
    expect(n).toBe(1);
  });

  describe('the HTTP resources', () => {
    it('lists one’s own notifications, unread first, counts and marks them read; another’s answer 404', async () => {
      const list = await ok(await t.http.get('/api/notifications').query({ range: '[0,1]' }).set(p.worker.auth));
      expect(list.headers['content-range']).toMatch(/^notifications 0-1\/\d+$/);
      const total = Number(list.headers['content-range'].split('/')[1]);
      const count = await ok(await t.http.get('/api/notifications/unread-count').set(p.worker.auth));
      expect(count.body).toEqual({ count: total });
      const first = list.body[0];
      const read = await ok(await t.http.post(`/api/notifications/${first.id}/read`).set(p.worker.auth));
      expect(read.body).toMatchObject({ id: first.id, readAt: expect.stringMatching(/Z$/) });
      expect((await t.http.get(`/api/notifications/${first.id}`).set(p.worker.auth)).body.readAt).toBe(
        read.body.readAt,
      );
      expect((await t.http.get(`/api/notifications/${first.id}`).set(p.worker2.auth)).status).toBe(404);
      expect((await t.http.post(`/api/notifications/${first.id}/read`).set(p.cp1.auth)).status).toBe(404);
      expect((await t.http.get(`/api/notifications/${randomUUID()}`).set(p.worker.auth)).status).toBe(404);
      expect((await t.http.get('/api/notifications/not-a-uuid').set(p.worker.auth)).status).toBe(400);
      const unread = await ok(
        await t.http.get('/api/notifications').query({ filter: '{"unread":true}', range: '[0,99]' }).set(p.worker.auth),
      );
      expect(unread.body).toHaveLength(total - 1);
      const byEvent = await ok(
        await t.http.get('/api/notifications').query({ filter: '{"event":"payment_recorded"}' }).set(p.worker.auth),
      );
      expect(byEvent.body.map((n: { event: string }) => n.event)).toEqual(['payment_recorded']);
      expect(
        (await t.http.get('/api/notifications').query({ filter: '{"event":"nonsense"}' }).set(p.worker.auth)).status,
      ).toBe(400);
      // the order: unread ones, newest first, then the read one
      const all = await ok(await t.http.get('/api/notifications').query({ range: '[0,99]' }).set(p.worker.auth));
      expect(all.body[all.body.length - 1].id).toBe(first.id);
      const marked = await ok(await t.http.post('/api/notifications/read-all').set(p.worker.auth));
      expect(marked.body).toEqual({ count: total - 1 });
      expect((await t.http.get('/api/notifications/unread-count').set(p.worker.auth)).body).toEqual({ count: 0 });
    });

    it('answers and sets the preferences, both fields required, a bad one named', async () => {
      expect((await ok(await t.http.get('/api/auth/preferences').set(p.finance.auth))).body).toEqual({
        language: 'en',
        email: 'each',
      });
      const bad = await t.http.put('/api/auth/preferences').set(p.finance.auth).send({ language: 'sv', email: 'each' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual({ language: expect.any(String) });
      const missing = await t.http.put('/api/auth/preferences').set(p.finance.auth).send({ language: 'da' });
      expect(missing.status).toBe(400);
      expect(Object.keys(missing.body.errors)).toEqual(['email']);
      const extra = await t.http
        .put('/api/auth/preferences')
        .set(p.finance.auth)
        .send({ language: 'da', email: 'none', colour: 'red' });
      expect(extra.status).toBe(400);
      const set = await ok(
        await t.http.put('/api/auth/preferences').set(p.finance.auth).send({ language: 'da', email: 'none' }),
      );
      expect(set.body).toEqual({ language: 'da', email: 'none' });
      expect((await t.http.get('/api/auth/preferences').set(p.finance.auth)).body).toEqual({
        language: 'da',
        email: 'none',
      });
      expect((await t.http.get('/api/auth/preferences')).status).toBe(401);
    });

    it('shows the outbox to admins only; a retry is only of a failed e-mail', async () => {
      for (const who of [p.worker, p.cp1, p.finance]) {
        expect((await t.http.get('/api/email-deliveries').set(who.auth)).status).toBe(403);
      }
      const list = await ok(await t.http.get('/api/email-deliveries').query({ range: '[0,0]' }).set(p.admin.auth));
      const [first] = list.body;
      expect(first).toEqual({
        id: expect.any(String),
        event: expect.any(String),
        reference: expect.any(String),
        recipient: expect.stringContaining('@'),
        status: 'sent',
        attempts: expect.any(Number),
        // an e-mail sent after a failed attempt keeps the last error, for the record
        lastError: first.attempts > 1 ? expect.stringContaining('ECONNREFUSED') : null,
        createdAt: expect.stringMatching(/Z$/),
        sentAt: expect.stringMatching(/Z$/),
      });
      const refused = await t.http.post(`/api/email-deliveries/${first.id}/retry`).set(p.admin.auth);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('EMAIL_DELIVERY_NOT_FAILED');
      expect((await t.http.post(`/api/email-deliveries/${first.id}/retry`).set(p.cp1.auth)).status).toBe(403);
      expect((await t.http.post(`/api/email-deliveries/${randomUUID()}/retry`).set(p.admin.auth)).status).toBe(404);
    });
  });

  // last in this application: it moves this year's budget year into the past
  it('tells the unit of a partial grant and a refund, and finance of a year-end cancel of a grant with money', async () => {
    // (the preferences test above chose no e-mail for finance)
    await ok(await t.http.put('/api/auth/preferences').set(p.finance.auth).send({ language: 'en', email: 'each' }));
    const a = await draft(t, p);
    const R = a.reference;
    await ok(await t.http.post(`/api/applications/${a.id}/submit`).set(p.worker.auth));
    await ok(
      await t.http
        .post(`/api/applications/${a.id}/approve`)
        .set(p.cp1.auth)
        .send({ amountApproved: 500_000, reason: NARRATIVE, overrides: quoteOverride }),
    );
    await ok(
      await t.http
        .post('/api/disbursements')
        .set(p.finance.auth)
        .send({ applicationId: a.id, amount: 200_000, paidOn: todayIso() }),
      201,
    );
    await ok(
      await t.http
        .post('/api/disbursements')
        .set(p.finance.auth)
        .send({ applicationId: a.id, amount: -50_000, paidOn: todayIso() }),
      201,
    );
    await settled();
    expect(lines(smtp.mails, p)).toEqual(
      [
        `cp1 URGENT ${R}: submitted for review`,
        `cp2 HASTER ${R}: indsendt til behandling`,
        `worker URGENT ${R}: partly approved`,
        `worker2 HASTER ${R}: delvist bevilget`,
        `finance URGENT ${R}: ready for payment`,
        `worker URGENT ${R}: payment recorded`,
        `worker2 HASTER ${R}: udbetaling registreret`,
        `worker URGENT ${R}: refund recorded`,
        `worker2 HASTER ${R}: tilbagebetaling registreret`,
      ].sort(),
    );
    smtp.mails.length = 0;
    // the year ended with money left on the grant: cancelling it is a year-end decision
    await t.db.query(`UPDATE budget_years SET year = $1 WHERE year = $2`, [thisYear() - 1, thisYear()]);
    await ok(await t.http.post(`/api/applications/${a.id}/cancel`).set(p.cp2.auth).send({ reason: NARRATIVE }));
    await settled();
    expect(lines(smtp.mails, p)).toEqual(
      [
        `finance URGENT ${R}: year end: grant cancelled`,
        `worker URGENT ${R}: grant cancelled`,
        `worker2 HASTER ${R}: bevilling annulleret`,
      ].sort(),
    );
    for (const mail of smtp.mails)
      expect(said(mail) + mail.raw).not.toMatch(new RegExp(`${NARRATIVE}|500000|5[.,]000`));
    const events = await t.db.query(
      `SELECT u.email, n.event FROM notifications n JOIN users u ON u.id = n.recipient_id WHERE n.record_id = $1`,
      [a.id],
    );
    expect(events.map((e: { email: string; event: string }) => `${e.email} ${e.event}`).sort()).toEqual(
      [
        `${p.cp1.user.email} application_submitted`,
        `${p.cp2.user.email} application_submitted`,
        `${p.worker.user.email} application_partly_approved`,
        `${p.worker2.user.email} application_partly_approved`,
        `${p.finance.user.email} grant_payable`,
        `${p.worker.user.email} payment_recorded`,
        `${p.worker2.user.email} payment_recorded`,
        `${p.worker.user.email} refund_recorded`,
        `${p.worker2.user.email} refund_recorded`,
        `${p.worker.user.email} grant_cancelled`,
        `${p.worker2.user.email} grant_cancelled`,
        `${p.finance.user.email} year_end_grant_cancelled`,
      ].sort(),
    );
  });
});

describe('Notification e-mail with two API processes on one database', () => {
  it('sends one e-mail per recipient for each change', async () => {
    // a slow server: both processes' delivery jobs are at work at the same time
    const smtp = await smtpCatcher({ delayMs: 150 });
    const one = await createTestApp(config(smtp));
    let two: TestApp | undefined;
    try {
      two = await createTestApp(config(smtp), one.databaseUrl);
      const p = await team(one);
      await Promise.all([one.app.get(JobsService).start(FAST), two.app.get(JobsService).start(FAST)]);
      // changes through both processes: each wakes both, and both deliver at once
      const refs: string[] = [];
      for (let i = 0; i < 6; i++) {
        const via = i % 2 ? two : one;
        const a = await draft(one, p);
        await ok(await via.http.post(`/api/applications/${a.id}/submit`).set(p.worker.auth));
        refs.push(a.reference);
      }
      await smtp.waitFor(12);
      // long enough for a second sending, had there been one
      await sleep(3_000);
      expect(smtp.mails).toHaveLength(12);
      expect(lines(smtp.mails, p)).toEqual(
        refs.flatMap((r) => [`cp1 URGENT ${r}: submitted for review`, `cp2 URGENT ${r}: submitted for review`]).sort(),
      );
      const rows = await one.db.query(`SELECT status, attempts FROM email_deliveries`);
      expect(rows).toHaveLength(12);
      expect(rows.every((r: { status: string; attempts: number }) => r.status === 'sent' && r.attempts === 1)).toBe(
        true,
      );
    } finally {
      await two?.close();
      await one.close();
      await smtp.stop();
    }
  }, 120_000);
});
