import { Inject, Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { NotificationWriter, toRole } from '../notifications/notification-writer.js';
import { ThrottledError } from './auth.errors.js';

/** First key of the two-key advisory locks that serialise one account's attempts (objid: hashtext(email)). */
export const LOGIN_LOCK_CLASS = 0x4c4f47; // 'LOG'

/**
 * LOGIN_MAX_FAILURES per account per window, held under concurrency and across
 * processes: an attempt is counted and reserved in the database, under a lock
 * per account, before the password is verified. A reserved attempt counts as a
 * failure until it is settled, so a process that dies mid-attempt opens no hole.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly notifications: NotificationWriter,
  ) {}

  /** Reserves an attempt for the account and answers its id, or throws a 429 when the account is throttled. */
  async reserve(email: string): Promise<string> {
    const result = await this.manager.transaction(async (tx) => {
      // held only for the count and the insert; never while a password is verified
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOGIN_LOCK_CLASS, email]);
      // the LOGIN_MAX_FAILURES-th newest attempt counted against the account: when it leaves the window, one is free
      const [full] = await tx.query(
        `SELECT greatest(1, ceil(extract(epoch FROM at + make_interval(mins => $2) - clock_timestamp())))::int AS "retryAfter"
           FROM login_attempts
          WHERE email = $1 AND succeeded IS NOT TRUE
            AND at > now() - make_interval(mins => $2)
            AND at > coalesce((SELECT max(at) FROM login_attempts WHERE email = $1 AND succeeded), '-infinity')
          ORDER BY at DESC
         OFFSET $3 LIMIT 1`,
        [email, this.config.loginWindowMinutes, this.config.loginMaxFailures - 1],
      );
      if (full) return { id: null, retryAfter: full.retryAfter as number };
      const [{ id }] = await tx.query(
        `INSERT INTO login_attempts (email, succeeded, at) VALUES ($1, NULL, clock_timestamp()) RETURNING id`,
        [email],
      );
      return { id: String(id), retryAfter: 0 };
    });
    if (result.id !== null) return result.id;
    await this.audit.record({ actorId: null, action: 'auth.login_throttled', entityType: 'user', details: { email } });
    throw new ThrottledError(result.retryAfter);
  }

  /** A wrong password or code: the attempt stays counted; the failure that locks an existing account tells the admins. */
  async fail(attemptId: string, tx?: EntityManager): Promise<void> {
    if (!tx) return this.manager.transaction((own) => this.fail(attemptId, own));
    const [[attempt]] = await tx.query(`UPDATE login_attempts SET succeeded = false WHERE id = $1 RETURNING email`, [
      attemptId,
    ]);
    if (!attempt) return;
    // the account's failures are counted one at a time, so that exactly one of them is the one that locks it
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOGIN_LOCK_CLASS, attempt.email]);
    const [locked] = await tx.query(
      `SELECT u.id, u.email FROM users u
        WHERE u.email = $1
          AND (SELECT count(*) FROM login_attempts
                WHERE email = $1 AND succeeded = false AND at > now() - make_interval(mins => $2)
                  AND at > coalesce((SELECT max(at) FROM login_attempts WHERE email = $1 AND succeeded), '-infinity')
              ) = $3`,
      [attempt.email, this.config.loginWindowMinutes, this.config.loginMaxFailures],
    );
    if (!locked) return;
    // the account's owner is not told through the account that is locked; every other admin is
    await this.notifications.notify(
      tx,
      { reference: locked.email, caseId: null, resource: 'users', recordId: locked.id, except: [locked.id] },
      [toRole('account_locked', 'admin')],
    );
  }

  /** A sign-in: failures before it no longer count. */
  async succeed(attemptId: string, tx: EntityManager): Promise<void> {
    await tx.query(`UPDATE login_attempts SET succeeded = true WHERE id = $1`, [attemptId]);
  }

  /** Neither a failure nor a sign-in (the right password, with the code still to come): the attempt is withdrawn. */
  async withdraw(attemptId: string, tx: EntityManager = this.manager): Promise<void> {
    await tx.query(`DELETE FROM login_attempts WHERE id = $1`, [attemptId]);
  }
}
