import { Inject, Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { LoginResponse, SessionUser } from '@app/contract';
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { User } from '../users/user.entity.js';
import type { Actor } from './auth.decorators.js';
import { AuthError, AuthErrorCode } from './auth.errors.js';
import type { LoginDto } from './dto/login.dto.js';
import { LoginAttempt } from './login-attempt.entity.js';
import { verifyNothing, verifyPassword } from './password.js';
import { Session } from './session.entity.js';

const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();

// Writing last_seen_at on every request would turn reads into writes; a minute's slack is harmless.
const TOUCH_AFTER_MS = 60_000;

@Injectable()
export class AuthService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async login(dto: LoginDto): Promise<LoginResponse> {
    const email = dto.email.trim().toLowerCase();
    if (await this.isThrottled(email)) {
      await this.audit.record({
        actorId: null,
        action: 'auth.login_throttled',
        entityType: 'user',
        details: { email },
      });
      throw new AuthError(AuthErrorCode.TooManyAttempts);
    }
    const user = await this.manager
      .createQueryBuilder(User, 'u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    const ok = user ? await verifyPassword(user.passwordHash, dto.password) : await verifyNothing(dto.password);
    if (!user || !ok || !user.active) {
      await this.manager.transaction(async (tx) => {
        await tx.insert(LoginAttempt, { email, succeeded: false, at: new Date() });
        await this.audit.record(
          {
            actorId: user?.id ?? null,
            action: 'auth.login_failed',
            entityType: 'user',
            entityId: user?.id,
            details: { email },
          },
          tx,
        );
      });
      throw new AuthError(AuthErrorCode.InvalidCredentials);
    }
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    await this.manager.transaction(async (tx) => {
      await tx.insert(LoginAttempt, { email, succeeded: true, at: now });
      const session = await tx.save(Session, {
        userId: user.id,
        tokenHash: hashToken(token),
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.config.sessionAbsoluteHours * 3_600_000),
        revokedAt: null,
        revokedReason: null,
      });
      await this.audit.record(
        { actorId: user.id, action: 'auth.login', entityType: 'session', entityId: session.id },
        tx,
      );
    });
    return { accessToken: token, user: toSessionUser(user) };
  }

  /** Failures since the last success within the window; the count lives in the database, so it holds across processes. */
  private async isThrottled(email: string): Promise<boolean> {
    const [{ failures }] = await this.manager.query(
      `SELECT count(*)::int AS failures FROM login_attempts
        WHERE email = $1 AND NOT succeeded AND at > now() - make_interval(mins => $2)
          AND at > coalesce((SELECT max(at) FROM login_attempts WHERE email = $1 AND succeeded), '-infinity')`,
      [email, this.config.loginWindowMinutes],
    );
    return failures >= this.config.loginMaxFailures;
  }

  /** The actor behind a bearer token, or an AuthError when the session is unknown, revoked, idle or expired. */
  async authenticate(token: string): Promise<Actor> {
    const row = await this.manager
      .createQueryBuilder(Session, 's')
      .innerJoin(User, 'u', 'u.id = s.user_id')
      .select(['s.id AS "sessionId"', 's.last_seen_at AS "lastSeenAt"'])
      .addSelect([
        'u.id AS id',
        'u.email AS email',
        'u.display_name AS "displayName"',
        'u.role AS role',
        'u.unit_id AS "unitId"',
      ])
      .where('s.token_hash = :hash', { hash: hashToken(token) })
      .andWhere('s.revoked_at IS NULL')
      .andWhere('s.expires_at > now()')
      .andWhere('s.last_seen_at > now() - make_interval(mins => :idle)', { idle: this.config.sessionIdleMinutes })
      .andWhere('u.active')
      .getRawOne<Actor & { lastSeenAt: Date }>();
    if (!row) throw new AuthError(AuthErrorCode.InvalidSession);
    if (Date.now() - new Date(row.lastSeenAt).getTime() > TOUCH_AFTER_MS) {
      await this.manager.update(Session, { id: row.sessionId }, { lastSeenAt: new Date() });
    }
    const { lastSeenAt: _, ...actor } = row;
    return actor;
  }

  async logout(actor: Actor): Promise<void> {
    await this.manager.transaction(async (tx) => {
      await tx.update(Session, { id: actor.sessionId }, { revokedAt: new Date(), revokedReason: 'logout' });
      await this.audit.record(
        { actorId: actor.id, action: 'auth.logout', entityType: 'session', entityId: actor.sessionId },
        tx,
      );
    });
  }

  /** Ends every open session of a user at once (disabled, role or unit changed, new password). */
  async revokeAll(userId: string, reason: string, tx: EntityManager = this.manager): Promise<number> {
    const result = await tx
      .createQueryBuilder()
      .update(Session)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
    return result.affected ?? 0;
  }
}

export function toSessionUser(user: Pick<User, 'id' | 'email' | 'displayName' | 'role' | 'unitId'>): SessionUser {
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role, unitId: user.unitId };
}
