import type { Language, NotificationEvent, NotificationResource } from '@app/contract';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import nodemailer, { type Transporter } from 'nodemailer';
import pg from 'pg';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { describeError } from '../database/start-failure.js';
import { JobsService } from '../jobs/jobs.service.js';
import { type DigestItem, digestEmail, type EmailContent, notificationEmail } from './email-content.js';
import { OUTBOX_CHANNEL } from './notification-writer.js';

export const EMAIL_DELIVERY_JOB = 'email-delivery';
/** Attempts of one e-mail before it is marked failed (and shown to admins, who may retry it). */
export const EMAIL_MAX_ATTEMPTS = 6;
/** The longest wait between two attempts. */
const MAX_BACKOFF_SECONDS = 6 * 3600;

/** One outbox row, claimed, with what its e-mail is made of. */
interface Claimed {
  id: string;
  event: NotificationEvent | 'digest';
  reference: string | null;
  items: DigestItem[] | null;
  attempts: number;
  email: string;
  language: Language;
  active: boolean;
  urgent: boolean | null;
  resource: NotificationResource | null;
  recordId: string | null;
}

export interface DeliveryRun {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Delivers the e-mail outbox over SMTP (nodemailer). A commit that queued
 * e-mail wakes every process (LISTEN); each asks pg-boss for a delivery job,
 * and a job claims one due row at a time with FOR UPDATE SKIP LOCKED, sends it
 * while holding the row, and marks it sent in the same transaction: with any
 * number of processes an e-mail is sent once. A failed attempt waits longer
 * each time (doubling from the scheduler's retry delay), and after
 * EMAIL_MAX_ATTEMPTS the row is failed. A sweep every minute picks up
 * whatever a lost wake-up left.
 */
@Injectable()
export class EmailOutboxService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Email');
  private readonly transport: Transporter | undefined;
  private listener: pg.Client | undefined;
  private wakeTimer: NodeJS.Timeout | undefined;
  private relisten: NodeJS.Timeout | undefined;
  private closing = false;

  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = config.smtpUrl
      ? nodemailer.createTransport({
          url: config.smtpUrl,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : undefined;
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  onModuleInit(): void {
    if (!this.transport) {
      this.logger.log('E-mail is off (SMTP_URL is not set): notifications stay in the product');
      return;
    }
    // the host only: the URL may hold a password
    this.logger.log(`E-mail notifications go out through ${smtpHost(this.config.smtpUrl!)}`);
    this.jobs.register({
      name: EMAIL_DELIVERY_JOB,
      cron: '* * * * *',
      run: async (_data, context) => this.deliverDue(context.signal),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.transport || !this.config.databaseUrl) return;
    await this.listen();
  }

  /** LISTENs for commits that queued e-mail; a lost connection is opened again (the minute's sweep covers the gap). */
  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.config.databaseUrl, application_name: 'exit-pool-outbox' });
    client.on('error', (error) => {
      if (!this.closing) this.logger.warn(`The outbox listener: ${describeError(error)}`);
    });
    client.on('end', () => {
      if (this.closing || this.listener !== client) return;
      this.listener = undefined;
      this.relistenLater();
    });
    client.on('notification', () => this.wake());
    this.listener = client;
    await client.connect();
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
  }

  private relistenLater(): void {
    if (this.closing || this.relisten) return;
    this.relisten = setTimeout(() => {
      this.relisten = undefined;
      this.listen()
        .then(() => this.wake())
        .catch((error) => {
          this.logger.warn(`The outbox listener: ${describeError(error)}`);
          this.relistenLater();
        });
    }, 5_000);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    clearTimeout(this.wakeTimer);
    clearTimeout(this.relisten);
    await this.listener?.end().catch(() => undefined);
    this.transport?.close();
  }

  /** Asks for a delivery job soon; a burst of commits asks once. */
  wake(): void {
    if (this.wakeTimer || !this.jobs.started || this.closing) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.jobs.send(EMAIL_DELIVERY_JOB).catch((error) => this.logger.warn(`No delivery job: ${describeError(error)}`));
    }, 200);
  }

  /** Sends every due e-mail, one claimed row at a time, until none is due or the process stops. */
  async deliverDue(signal?: AbortSignal): Promise<DeliveryRun> {
    const run: DeliveryRun = { sent: 0, retrying: 0, failed: 0 };
    if (!this.transport) return run;
    while (!signal?.aborted) {
      const outcome = await this.manager.transaction((tx) => this.deliverOne(tx));
      if (outcome === null) break;
      run[outcome] += 1;
    }
    // what was sent stays sent: a follow-up that cannot be queued is left to the minute's sweep
    if (!signal?.aborted)
      await this.followUp().catch((error) => this.logger.warn(`No follow-up: ${describeError(error)}`));
    return run;
  }

  private async deliverOne(tx: EntityManager): Promise<keyof DeliveryRun | null> {
    const [row]: Claimed[] = await tx.query(
      `SELECT d.id, d.event, d.reference, d.items, d.attempts, u.email, u.language, u.active,
              n.urgent, n.resource, n.record_id AS "recordId"
         FROM email_deliveries d
         JOIN users u ON u.id = d.recipient_id
         LEFT JOIN notifications n ON n.id = d.notification_id
        WHERE d.status = 'pending' AND d.next_attempt_at <= now()
        ORDER BY d.next_attempt_at, d.id
        LIMIT 1
          FOR UPDATE OF d SKIP LOCKED`,
    );
    if (!row) return null;
    const attempts = row.attempts + 1;
    if (!row.active) {
      await tx.query(`UPDATE email_deliveries SET status = 'failed', attempts = $2, last_error = $3 WHERE id = $1`, [
        row.id,
        attempts,
        'The recipient’s account is inactive',
      ]);
      return 'failed';
    }
    try {
      // sent while this transaction holds the row: another process skips it
      await this.transport!.sendMail({
        from: this.config.mailFrom,
        to: row.email,
        ...this.content(row),
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    } catch (error) {
      // the SMTP client's message (`connect ECONNREFUSED 127.0.0.1:25`, the server's reply): never the e-mail
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const failed = attempts >= EMAIL_MAX_ATTEMPTS;
      const delay = Math.min(this.baseDelaySeconds() * 2 ** (attempts - 1), MAX_BACKOFF_SECONDS);
      await tx.query(
        `UPDATE email_deliveries
            SET status = $2, attempts = $3, last_error = $4, next_attempt_at = now() + make_interval(secs => $5)
          WHERE id = $1`,
        [row.id, failed ? 'failed' : 'pending', attempts, message, delay],
      );
      this.logger.warn(
        `E-mail ${row.id} (${row.event}) attempt ${attempts} failed${failed ? ', given up' : `, again in ${delay} s`}: ${message}`,
      );
      return failed ? 'failed' : 'retrying';
    }
    await tx.query(`UPDATE email_deliveries SET status = 'sent', attempts = $2, sent_at = now() WHERE id = $1`, [
      row.id,
      attempts,
    ]);
    return 'sent';
  }

  private content(row: Claimed): EmailContent {
    if (row.event === 'digest') return digestEmail(row.items ?? [], row.language, this.config.publicUrl);
    return notificationEmail(
      {
        event: row.event,
        reference: row.reference!,
        urgent: row.urgent ?? false,
        resource: row.resource!,
        recordId: row.recordId!,
      },
      row.language,
      this.config.publicUrl,
    );
  }

  private baseDelaySeconds(): number {
    return this.jobs.retryDelaySeconds ?? 60;
  }

  /** A job for the earliest retry still pending when it is due before the minute's sweep comes (short delays). */
  private async followUp(): Promise<void> {
    if (!this.jobs.started) return;
    const [{ next }] = await this.manager.query(
      `SELECT min(next_attempt_at) AS next FROM email_deliveries
        WHERE status = 'pending' AND next_attempt_at < now() + interval '50 seconds'`,
    );
    if (next) await this.jobs.send(EMAIL_DELIVERY_JOB, {}, { startAfter: new Date(next) });
  }
}

/** `host:port` of an SMTP URL, without its credentials. */
export function smtpHost(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}
