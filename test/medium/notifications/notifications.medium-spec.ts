import { ApplicationWorkflowService } from '../../../api/src/applications/application-workflow.service.js';
import { AuthService } from '../../../api/src/auth/auth.service.js';
import type { Actor } from '../../../api/src/auth/auth.decorators.js';
import { thisYear, todayIso } from '../../../api/src/common/dates.js';
import { parseListQuery } from '../../../api/src/common/list-query.js';
import { DisbursementsService } from '../../../api/src/disbursements/disbursements.service.js';
import { BudgetYearsService } from '../../../api/src/ledger/budget-years.service.js';
import {
  EMAIL_DELIVERY_LIST,
  EmailDeliveriesService,
} from '../../../api/src/notifications/email-deliveries.service.js';
import { EMAIL_MAX_ATTEMPTS, EmailOutboxService } from '../../../api/src/notifications/email-outbox.service.js';
import { NotificationSchedulesService } from '../../../api/src/notifications/notification-schedules.service.js';
import { NOTIFICATION_LIST, NotificationsService } from '../../../api/src/notifications/notifications.service.js';
import { type SmtpCatcher, smtpCatcher } from '../../support/smtp.js';
import { actorOf, createMediumTest, type MediumTest, refusal } from '../medium-db.js';
import { draftRelocation, newActiveCase, QUOTE_OVERRIDE } from '../relocation.js';

// Who is notified of what, in the transaction of the change, and how the outbox
// is delivered, retried, failed and retried again — services on the real database
// and a real SMTP server on loopback.

let t: MediumTest;
let smtp: SmtpCatcher;
let workflow: ApplicationWorkflowService;
let payments: DisbursementsService;
let notifications: NotificationsService;
let outbox: EmailOutboxService;
let people: Record<'worker' | 'worker2' | 'otherUnit' | 'cp1' | 'cp2' | 'finance' | 'admin1' | 'admin2', Actor>;
let inactiveCp: Actor;
let caseId: string;

beforeAll(async () => {
  smtp = await smtpCatcher();
  t = await createMediumTest({
    config: { smtpUrl: smtp.url, mailFrom: 'Exit Pool <noreply@exitpool.test>', loginMaxFailures: 3 },
  });
  await t.seedCatalog();
  workflow = t.get(ApplicationWorkflowService);
  payments = t.get(DisbursementsService);
  notifications = t.get(NotificationsService);
  outbox = t.get(EmailOutboxService);
  const worker = await t.newUser('unit_worker');
  people = {
    worker: actorOf(worker),
    worker2: actorOf(await t.newUser('unit_worker', { unitId: worker.unitId })),
    otherUnit: actorOf(await t.newUser('unit_worker')),
    cp1: actorOf(await t.newUser('contact_point')),
    cp2: actorOf(await t.newUser('contact_point')),
    finance: actorOf(await t.newUser('finance')),
    admin1: actorOf(await t.newUser('admin')),
    admin2: actorOf(await t.newUser('admin')),
  };
  inactiveCp = actorOf(await t.newUser('contact_point', { active: false }));
  caseId = (await newActiveCase(t, people.worker)).id;
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

const nameOf = (id: string) => Object.entries(people).find(([, a]) => a.id === id)?.[0] ?? id;

/** Who got which notification (and e-mail row) about a record, as `name event` lines, sorted. */
async function told(recordId: string): Promise<{ notified: string[]; mailed: string[] }> {
  const rows: { recipient: string; event: string; mailed: boolean }[] = await t.db.query(
    `SELECT n.recipient_id AS recipient, n.event, d.id IS NOT NULL AS mailed
       FROM notifications n LEFT JOIN email_deliveries d ON d.notification_id = n.id
      WHERE n.record_id = $1`,
    [recordId],
  );
  return {
    notified: rows.map((r) => `${nameOf(r.recipient)} ${r.event}`).sort(),
    mailed: rows
      .filter((r) => r.mailed)
      .map((r) => `${nameOf(r.recipient)} ${r.event}`)
      .sort(),
  };
}

async function clear(): Promise<void> {
  await t.db.query(`DELETE FROM email_deliveries`);
  await t.db.query(`DELETE FROM notifications`);
}

describe('notifications of the workflow, written in the change’s transaction', () => {
  beforeEach(clear);

  it('tells the contact points of a submission and an answer, the unit of a question; never the one who acted, an inactive user or another unit', async () => {
    const draft = await draftRelocation(t, people.worker, caseId, 3);
    await workflow.submit(people.worker, draft.id);
    expect(await told(draft.id)).toEqual({
      notified: ['cp1 application_submitted', 'cp2 application_submitted'],
      mailed: ['cp1 application_submitted', 'cp2 application_submitted'],
    });
    // the inactive contact point heard nothing
    expect(await t.db.query(`SELECT 1 FROM notifications WHERE recipient_id = $1`, [inactiveCp.id])).toEqual([]);

    await clear();
    await workflow.requestInfo(people.cp1, draft.id, 'Which dates exactly?');
    expect((await told(draft.id)).notified).toEqual(['worker information_requested', 'worker2 information_requested']);

    await clear();
    await workflow.answer(people.worker2, draft.id, 'From the 3rd to the 6th.');
    expect((await told(draft.id)).notified).toEqual(['cp1 application_answered', 'cp2 application_answered']);

    await clear();
    await workflow.reject(people.cp2, draft.id, 'Not within the guideline.');
    expect((await told(draft.id)).notified).toEqual(['worker application_rejected', 'worker2 application_rejected']);
  });

  it('asks the other contact points for the second approval, then tells the unit and finance of the grant; payments and refunds reach the unit', async () => {
    const draft = await draftRelocation(t, people.worker, caseId, 30);
    await workflow.submit(people.worker, draft.id);
    await clear();
    await workflow.approve(people.cp1, draft.id, {
      amountApproved: 3_000_000,
      reason: 'ok',
      overrides: QUOTE_OVERRIDE,
    });
    expect((await told(draft.id)).notified).toEqual(['cp2 second_approval_waiting']);

    await clear();
    await workflow.approve(people.cp2, draft.id, { amountApproved: 3_000_000, reason: 'agreed' } as never);
    expect((await told(draft.id)).notified).toEqual([
      'finance grant_payable',
      'worker application_approved',
      'worker2 application_approved',
    ]);

    await clear();
    await payments.create(people.finance, { applicationId: draft.id, amount: 100_000, paidOn: todayIso() } as never);
    await payments.create(people.finance, { applicationId: draft.id, amount: -40_000, paidOn: todayIso() } as never);
    expect((await told(draft.id)).notified).toEqual([
      'worker payment_recorded',
      'worker refund_recorded',
      'worker2 payment_recorded',
      'worker2 refund_recorded',
    ]);
  });

  it('words a partial grant as such, and a cancel and a carry-over to the unit (finance hears of the carry-over)', async () => {
    await t.get(BudgetYearsService).create(people.cp1, { year: thisYear() + 1, poolAmount: 10_000_000 } as never);
    const a = await draftRelocation(t, people.worker, caseId, 5);
    await workflow.submit(people.worker, a.id);
    await workflow.approve(people.cp1, a.id, { amountApproved: 300_000, reason: 'three', overrides: QUOTE_OVERRIDE });
    expect((await told(a.id)).notified).toContain('worker application_partly_approved');

    await clear();
    await workflow.carryOver(people.cp1, a.id, 'Into January.');
    expect((await told(a.id)).notified).toEqual([
      'finance year_end_grant_carried_over',
      'worker grant_carried_over',
      'worker2 grant_carried_over',
    ]);

    await clear();
    await workflow.cancel(people.cp2, a.id, 'No longer needed.');
    // a grant of a budget year that has not ended: not a year-end decision
    expect((await told(a.id)).notified).toEqual(['worker grant_cancelled', 'worker2 grant_cancelled']);
  });

  it('writes nothing when the change fails: the notification is rolled back with it', async () => {
    const draft = await draftRelocation(t, people.worker, caseId, 3);
    await workflow.submit(people.worker, draft.id);
    await clear();
    // the contact point may not approve over a warning without a justification: refused, nothing written
    expect(
      await refusal(workflow.approve(people.cp1, draft.id, { amountApproved: 300_000, reason: 'ok' } as never)),
    ).toBe('APPLICATION_WARNINGS_NOT_OVERRIDDEN');
    expect(await told(draft.id)).toEqual({ notified: [], mailed: [] });
  });

  it('queues e-mail only for those who want one per event', async () => {
    await notifications.setPreferences(people.cp1, { language: 'da', email: 'digest' });
    await notifications.setPreferences(people.cp2, { language: 'en', email: 'none' });
    try {
      const draft = await draftRelocation(t, people.worker, caseId, 3);
      await workflow.submit(people.worker, draft.id);
      expect(await told(draft.id)).toEqual({
        notified: ['cp1 application_submitted', 'cp2 application_submitted'],
        mailed: [],
      });
    } finally {
      await notifications.setPreferences(people.cp1, { language: 'en', email: 'each' });
      await notifications.setPreferences(people.cp2, { language: 'en', email: 'each' });
    }
  });
});

describe('the sign-in throttle', () => {
  beforeEach(clear);

  it('tells the other admins once when an account is locked, with its e-mail address as the reference', async () => {
    const auth = t.get(AuthService);
    const locked = await t.newUser('unit_worker');
    for (let i = 0; i < 3; i++) {
      expect(await refusal(auth.login({ email: locked.email, password: 'wrong-password-1' }))).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    expect(await refusal(auth.login({ email: locked.email, password: 'wrong-password-1' }))).toBe('TOO_MANY_ATTEMPTS');
    const rows = await t.db.query(
      `SELECT recipient_id, event, reference, resource FROM notifications WHERE record_id = $1`,
      [locked.id],
    );
    expect(rows.map((r: { recipient_id: string }) => nameOf(r.recipient_id)).sort()).toEqual(['admin1', 'admin2']);
    expect(rows[0]).toMatchObject({ event: 'account_locked', reference: locked.email, resource: 'users' });
  });

  it('tells nobody of a failed sign-in of an unknown address', async () => {
    for (let i = 0; i < 4; i++) await refusal(t.get(AuthService).login({ email: 'nobody@example.org', password: 'x' }));
    expect(await t.db.query(`SELECT 1 FROM notifications`)).toEqual([]);
  });
});

describe(NotificationsService.name, () => {
  beforeAll(clear);

  it('lists one’s own only, unread first and newest first; marks one or all read; another’s is not found', async () => {
    const ids: string[] = [];
    for (const [i, ref] of ['KBH-1', 'KBH-2', 'KBH-3'].entries()) {
      const [{ id }] = await t.db.query(
        `INSERT INTO notifications (recipient_id, event, reference, resource, record_id, created_at)
         VALUES ($1, 'payment_recorded', $2, 'applications', gen_random_uuid(), now() - make_interval(mins => $3)) RETURNING id`,
        [people.worker.id, ref, 10 - i],
      );
      ids.push(id);
    }
    await t.db.query(
      `INSERT INTO notifications (recipient_id, event, reference, resource, record_id)
       VALUES ($1, 'payment_recorded', 'NOT-MINE', 'applications', gen_random_uuid())`,
      [people.worker2.id],
    );
    await notifications.markRead(people.worker, ids[2]);
    const page = await notifications.list(people.worker, parseListQuery({}, NOTIFICATION_LIST));
    expect(page.rows.map((r) => r.reference)).toEqual(['KBH-2', 'KBH-1', 'KBH-3']);
    expect(page.total).toBe(3);
    const unread = await notifications.list(
      people.worker,
      parseListQuery({ filter: '{"unread":true}' }, NOTIFICATION_LIST),
    );
    expect(unread.rows.map((r) => r.reference)).toEqual(['KBH-2', 'KBH-1']);
    expect(await notifications.unreadCount(people.worker)).toEqual({ count: 2 });

    const first = await notifications.markRead(people.worker, ids[2]);
    const again = await notifications.markRead(people.worker, ids[2]);
    expect(again.readAt).toEqual(first.readAt);
    expect(await refusal(notifications.get(people.worker2, ids[0]))).toBe(404);
    expect(await refusal(notifications.markRead(people.worker2, ids[0]))).toBe(404);

    expect(await notifications.markAllRead(people.worker)).toEqual({ count: 2 });
    expect(await notifications.unreadCount(people.worker)).toEqual({ count: 0 });
    expect(await notifications.unreadCount(people.worker2)).toEqual({ count: 1 });
  });

  it('keeps each user’s language and e-mail choice, audited; the database refuses an unknown value', async () => {
    expect(await notifications.preferences(people.finance)).toEqual({ language: 'en', email: 'each' });
    await notifications.setPreferences(people.finance, { language: 'da', email: 'digest' });
    expect(await notifications.preferences(people.finance)).toEqual({ language: 'da', email: 'digest' });
    const [event] = await t.db.query(
      `SELECT details FROM audit_events WHERE action = 'user.preferences' AND entity_id = $1`,
      [people.finance.id],
    );
    expect(event.details).toEqual({ from: { language: 'en', email: 'each' }, to: { language: 'da', email: 'digest' } });
    await expect(t.db.query(`UPDATE users SET language = 'sv' WHERE id = $1`, [people.finance.id])).rejects.toThrow(
      /users_language_known/,
    );
    await notifications.setPreferences(people.finance, { language: 'en', email: 'each' });
  });
});

describe(EmailOutboxService.name, () => {
  beforeEach(async () => {
    await clear();
    smtp.mails.length = 0;
    await smtp.start();
  });

  async function submittedApplication(): Promise<string> {
    const draft = await draftRelocation(t, people.worker, caseId, 3);
    await workflow.submit(people.worker, draft.id);
    return draft.id;
  }

  it('sends each queued e-mail once, in the recipient’s language, and marks it sent', async () => {
    await notifications.setPreferences(people.cp2, { language: 'da', email: 'each' });
    try {
      await submittedApplication();
      expect(await outbox.deliverDue()).toEqual({ sent: 2, retrying: 0, failed: 0 });
      expect(await outbox.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
      const byTo = Object.fromEntries(smtp.mails.map((m) => [m.to[0], m]));
      expect(smtp.mails).toHaveLength(2);
      expect(byTo[people.cp1.email].subject).toMatch(/^[A-Z]+-\d{4}-\d+-A\d+: submitted for review$/);
      expect(byTo[people.cp2.email].subject).toMatch(/: indsendt til behandling$/);
      expect(byTo[people.cp1.email].from).toBe('noreply@exitpool.test');
      const rows = await t.db.query(`SELECT status, attempts, sent_at IS NOT NULL AS sent FROM email_deliveries`);
      expect(rows).toEqual([
        { status: 'sent', attempts: 1, sent: true },
        { status: 'sent', attempts: 1, sent: true },
      ]);
    } finally {
      await notifications.setPreferences(people.cp2, { language: 'en', email: 'each' });
    }
  });

  it('retries with a growing wait while the server is down, fails after the limit, and an admin’s retry sends it', async () => {
    await smtp.stop();
    await submittedApplication();
    await t.db.query(`DELETE FROM email_deliveries WHERE recipient_id <> $1`, [people.cp1.id]);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= EMAIL_MAX_ATTEMPTS; attempt++) {
      const run = await outbox.deliverDue();
      expect(run).toEqual(
        attempt < EMAIL_MAX_ATTEMPTS ? { sent: 0, retrying: 1, failed: 0 } : { sent: 0, retrying: 0, failed: 1 },
      );
      const [row] = await t.db.query(
        `SELECT status, attempts, last_error AS "lastError",
                extract(epoch FROM next_attempt_at - now())::int AS wait FROM email_deliveries`,
      );
      expect(row).toMatchObject({ attempts: attempt, lastError: expect.stringContaining('ECONNREFUSED') });
      waits.push(row.wait);
      // nothing is due before its wait is over
      expect(await outbox.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
      await t.db.query(`UPDATE email_deliveries SET next_attempt_at = now()`);
    }
    // 60 s doubling (the scheduler's default retry delay)
    expect(waits.slice(0, 3).map((w) => Math.round(w / 10) * 10)).toEqual([60, 120, 240]);
    const [failed] = await t.db.query(`SELECT id, status FROM email_deliveries`);
    expect(failed.status).toBe('failed');
    expect(await outbox.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const deliveries = t.get(EmailDeliveriesService);
    const list = await deliveries.list(parseListQuery({ filter: '{"status":"failed"}' }, EMAIL_DELIVERY_LIST));
    expect(list.rows).toEqual([
      expect.objectContaining({
        id: failed.id,
        event: 'application_submitted',
        recipient: people.cp1.email,
        attempts: 6,
      }),
    ]);
    await smtp.start();
    const retried = await deliveries.retry(people.admin1, failed.id);
    expect(retried).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await refusal(deliveries.retry(people.admin1, failed.id))).toBe('EMAIL_DELIVERY_NOT_FAILED');
    expect(await outbox.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.mails.map((m) => m.to[0])).toEqual([people.cp1.email]);
    expect(await refusal(deliveries.retry(people.admin1, failed.id))).toBe('EMAIL_DELIVERY_NOT_FAILED');
  });

  it('does not send to an account made inactive since: the e-mail fails at once', async () => {
    const user = actorOf(await t.newUser('contact_point'));
    await submittedApplication();
    await t.db.query(`DELETE FROM email_deliveries WHERE recipient_id <> $1`, [user.id]);
    await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [user.id]);
    expect(await outbox.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(smtp.mails).toEqual([]);
  });
});

describe(NotificationSchedulesService.name, () => {
  beforeEach(clear);

  it('reminds every contact point once a day of each application waiting longer than REVIEW_REMINDER_DAYS', async () => {
    const schedules = t.get(NotificationSchedulesService);
    const old = await draftRelocation(t, people.worker, caseId, 2);
    const fresh = await draftRelocation(t, people.worker, caseId, 2);
    await workflow.submit(people.worker, old.id);
    await workflow.submit(people.worker, fresh.id);
    await t.db.query(`UPDATE applications SET submitted_at = now() - interval '5 days 1 hour' WHERE id = $1`, [old.id]);
    await t.db.query(`UPDATE applications SET submitted_at = now() - interval '4 days 23 hours' WHERE id = $1`, [
      fresh.id,
    ]);
    await clear();
    const contactPoints = (
      await t.db.query(`SELECT count(*)::int AS n FROM users WHERE role = 'contact_point' AND active`)
    )[0].n;
    expect(await schedules.remindOverdue()).toEqual({ notified: contactPoints, queued: contactPoints });
    expect(await schedules.remindOverdue()).toEqual({ notified: 0, queued: 0 });
    expect((await told(old.id)).notified).toEqual(expect.arrayContaining(['cp1 review_overdue', 'cp2 review_overdue']));
    expect((await told(fresh.id)).notified).toEqual([]);
  });

  it('queues one digest a day for those who chose it, with the unread notifications since the last', async () => {
    const schedules = t.get(NotificationSchedulesService);
    await notifications.setPreferences(people.worker2, { language: 'da', email: 'digest' });
    try {
      const draft = await draftRelocation(t, people.worker, caseId, 3);
      await workflow.submit(people.worker, draft.id);
      await workflow.requestInfo(people.cp1, draft.id, 'Which dates exactly?');
      expect(await schedules.digest()).toEqual({ queued: 1 });
      expect(await schedules.digest()).toEqual({ queued: 0 });
      const [row] = await t.db.query(
        `SELECT recipient_id AS "recipientId", event, reference, items FROM email_deliveries WHERE event = 'digest'`,
      );
      expect(row).toEqual({
        recipientId: people.worker2.id,
        event: 'digest',
        reference: null,
        items: [{ event: 'information_requested', reference: expect.any(String), urgent: false }],
      });
      smtp.mails.length = 0;
      await smtp.start();
      await outbox.deliverDue();
      const digest = smtp.mails.find((m) => m.to[0] === people.worker2.email)!;
      expect(digest.subject).toBe('Exit Pool: 1 ny notifikation');
      expect(digest.text).toContain(': der er bedt om oplysninger');
    } finally {
      await notifications.setPreferences(people.worker2, { language: 'en', email: 'each' });
    }
  });
});

// last: it moves this year's budget year into the past
describe('a year-end decision', () => {
  beforeEach(clear);

  it('tells finance when a grant of an ended budget year is cancelled with money left on it', async () => {
    const draft = await draftRelocation(t, people.worker, caseId, 2);
    await workflow.submit(people.worker, draft.id);
    await workflow.approve(people.cp1, draft.id, { amountApproved: 200_000, reason: 'ok', overrides: QUOTE_OVERRIDE });
    // the grant's budget year is last year's now, and still holds its money: the decision comes at year end
    await t.db.query(`DELETE FROM budget_years WHERE year = $1`, [thisYear() - 1]).catch(() => undefined);
    await t.db.query(`UPDATE budget_years SET year = $1 WHERE year = $2`, [thisYear() - 1, thisYear()]);
    await clear();
    await workflow.cancel(people.cp2, draft.id, 'Not needed after all.');
    expect((await told(draft.id)).notified).toEqual([
      'finance year_end_grant_cancelled',
      'worker grant_cancelled',
      'worker2 grant_cancelled',
    ]);
  });
});
