import { Inject, Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { LoginResponse, SessionUser } from '@app/contract';
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { preparedQuery } from '../database/prepared-query.js';
import { User } from './user.entity.js';
import type { Actor } from './auth.decorators.js';
import { AuthError, AuthErrorCode } from './auth.errors.js';
import type { LoginDto } from './dto/login.dto.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { verifyNothing, verifyPassword } from './password.js';
import { Session } from './session.entity.js';
import { type SecondFactorProof, TotpService } from './totp.service.js';

const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();

// Writing last_seen_at on every request would turn reads into writes; a minute's slack is harmless.
const TOUCH_AFTER_MS = 60_000;

// Every authenticated request runs it: one fixed statement, not a query built anew each time.
const SESSION_LOOKUP = `
  SELECT s.id AS "sessionId", s.last_seen_at AS "lastSeenAt", u.id, u.email, u.display_name AS "displayName",
         u.role, u.unit_id AS "unitId", u.party, u.totp_enabled_at IS NOT NULL AS "totpEnabled"
    FROM sessions s JOIN users u ON u.id = s.user_id
   WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
     AND s.last_seen_at > now() - make_interval(mins => $2) AND u.active`;

/** The session behind a bearer token, and whether its user has a second factor (read in the same query). */
export interface AuthenticatedSession {
  actor: Actor;
  totpEnabled: boolean;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
    private readonly totp: TotpService,
  ) {}

  async login(dto: LoginDto): Promise<LoginResponse> {
    const email = dto.email.trim().toLowerCase();
    // counted before the password is verified, so a burst of guesses cannot outrun the count
    const attempt = await this.throttle.reserve(email);
    const user = await this.manager
      .createQueryBuilder(User, 'u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    const ok = user ? await verifyPassword(user.passwordHash, dto.password) : await verifyNothing(dto.password);
    if (!user || !ok || !user.active) return this.refuse(attempt, email, user?.id ?? null);

    let proof: SecondFactorProof | null = null;
    if (user.totpEnabledAt) {
      if (dto.totp === undefined || dto.totp === null) return this.askForCode(attempt);
      proof = await this.totp.prepareSignIn(user.id, dto.totp);
      if (!proof) return this.refuse(attempt, email, user.id, true);
    }

    const token = randomBytes(32).toString('base64url');
    const outcome = await this.manager.transaction(async (tx) => {
      const factor = await this.totp.consumeSignIn(tx, user.id, proof);
      if (factor !== 'ok') return factor;
      await this.throttle.succeed(attempt, tx);
      const now = new Date();
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
      return 'ok' as const;
    });
    // the second factor was turned on, or the code used, by another request meanwhile
    if (outcome === 'required') return this.askForCode(attempt);
    if (outcome === 'wrong') return this.refuse(attempt, email, user.id, true);
    return { accessToken: token, user: toSessionUser(user) };
  }

  /** A wrong password or code, an unknown or inactive account: all answer alike, and all count. */
  private async refuse(attempt: string, email: string, userId: string | null, secondFactor = false): Promise<never> {
    await this.manager.transaction(async (tx) => {
      await this.throttle.fail(attempt, tx);
      await this.audit.record(
        {
          actorId: userId,
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: userId,
          details: secondFactor ? { email, secondFactor: 'wrong' } : { email },
        },
        tx,
      );
    });
    throw new AuthError(AuthErrorCode.InvalidCredentials);
  }

  /** The right password of an account with a second factor, and no code yet: neither a failure nor a sign-in. */
  private async askForCode(attempt: string): Promise<never> {
    await this.throttle.withdraw(attempt);
    throw new AuthError(AuthErrorCode.TotpRequired);
  }

  /** The session behind a bearer token, or an AuthError when the session is unknown, revoked, idle or expired. */
  async authenticate(token: string): Promise<AuthenticatedSession> {
    // every request's first statement: prepared once per connection
    const [row] = await preparedQuery<Actor & { lastSeenAt: Date; totpEnabled: boolean }>(
      this.manager,
      SESSION_LOOKUP,
      [hashToken(token), this.config.sessionIdleMinutes],
    );
    if (!row) throw new AuthError(AuthErrorCode.InvalidSession);
    if (Date.now() - new Date(row.lastSeenAt).getTime() > TOUCH_AFTER_MS) {
      await this.manager.update(Session, { id: row.sessionId }, { lastSeenAt: new Date() });
    }
    const { lastSeenAt: _, totpEnabled, ...actor } = row;
    return { actor, totpEnabled };
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

  /** Ends every open session of a user at once (disabled, role or unit changed, new password, second factor reset). */
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

export function toSessionUser(
  user: Pick<User, 'id' | 'email' | 'displayName' | 'role' | 'unitId' | 'party'>,
): SessionUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId,
    party: user.party,
  };
}
