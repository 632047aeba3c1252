import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { TotpConfirmation, TotpSetup, TotpStatus } from '@app/contract';
import { toDataURL } from 'qrcode';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { fieldError } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { sealText } from '../crypto/encrypted-columns.js';
import { User } from './user.entity.js';
import type { Actor } from './auth.decorators.js';
import { AuthError, AuthErrorCode } from './auth.errors.js';
import type { DisableTotpDto } from './dto/totp.dto.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { hashPassword, verifyPassword } from './password.js';
import { checkTotp, newRecoveryCodes, newTotpSecret, readSecondFactor, totpUri } from './totp.js';

const WRONG_CODE = 'is not the current code from your authenticator app';

/** A sign-in's second factor, checked as far as it can be outside the sign-in's transaction. */
export type SecondFactorProof = { kind: 'totp'; code: string } | { kind: 'recovery'; codeId: string };

/** The second factor: enrolment, sign-in checks, turning it off, and the admin's reset. */
@Injectable()
export class TotpService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
  ) {}

  async status(actor: Actor): Promise<TotpStatus> {
    const [row] = await this.manager.query(
      `SELECT u.totp_enabled_at IS NOT NULL AS enabled,
              (SELECT count(*)::int FROM totp_recovery_codes r WHERE r.user_id = u.id AND r.used_at IS NULL) AS "left"
         FROM users u WHERE u.id = $1`,
      [actor.id],
    );
    return {
      enabled: row.enabled,
      required: this.config.mfaRequiredRoles.includes(actor.role),
      recoveryCodesLeft: row.enabled ? row.left : 0,
    };
  }

  /** A new secret, waiting for its first code; replaces any earlier set-up that was not confirmed. */
  async setup(actor: Actor): Promise<TotpSetup> {
    const secret = newTotpSecret();
    const [rows] = await this.manager.query(
      `UPDATE users SET totp_pending_secret = $2 WHERE id = $1 AND totp_secret IS NULL RETURNING email`,
      [actor.id, sealText(secret)],
    );
    if (!rows.length) throw new AuthError(AuthErrorCode.TotpAlreadyEnabled);
    const otpauthUri = totpUri(secret, rows[0].email);
    return { secret, otpauthUri, qrCode: await toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2 }) };
  }

  /** The first code from the app turns the second factor on and answers the recovery codes, once. */
  async confirm(actor: Actor, code: string): Promise<TotpConfirmation> {
    const before = await this.secondFactorState(this.manager, actor.id, false);
    if (before.totpSecret) throw new AuthError(AuthErrorCode.TotpAlreadyEnabled);
    if (!before.totpPendingSecret) throw new AuthError(AuthErrorCode.TotpSetupNotStarted);
    const pending = before.totpPendingSecret;
    const step = await checkTotp(pending, code, null);
    if (step === null) throw fieldError('code', WRONG_CODE);
    // argon2 is slow: hash before the transaction, never while holding the user's row
    const recoveryCodes = newRecoveryCodes();
    const hashes = await Promise.all(recoveryCodes.map((c) => hashPassword(readSecondFactor(c)!.code)));
    await this.manager.transaction(async (tx) => {
      const state = await this.secondFactorState(tx, actor.id, true);
      if (state.totpSecret) throw new AuthError(AuthErrorCode.TotpAlreadyEnabled);
      // a set-up started again meanwhile has a new secret: this code belongs to the old one
      if (state.totpPendingSecret !== pending) throw new AuthError(AuthErrorCode.TotpSetupNotStarted);
      await tx.update(
        User,
        { id: actor.id },
        { totpSecret: pending, totpPendingSecret: null, totpEnabledAt: () => 'now()', totpLastStep: step },
      );
      await tx.query(`DELETE FROM totp_recovery_codes WHERE user_id = $1`, [actor.id]);
      await tx.query(`INSERT INTO totp_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])`, [
        actor.id,
        hashes,
      ]);
      await this.audit.recordChange(
        tx,
        actor,
        'auth.totp_enabled',
        { type: 'user', id: actor.id },
        { recoveryCodes: hashes.length },
      );
    });
    return { recoveryCodes };
  }

  /**
   * Turns the second factor off with the password and a current code. A wrong
   * one counts toward the account's sign-in throttle, like a failed sign-in.
   */
  async disable(actor: Actor, dto: DisableTotpDto): Promise<void> {
    if (!(await this.secondFactorState(this.manager, actor.id, false)).totpSecret) {
      throw new AuthError(AuthErrorCode.TotpNotEnabled);
    }
    const attempt = await this.throttle.reserve(actor.email);
    const { passwordHash } = await this.manager
      .createQueryBuilder(User, 'u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: actor.id })
      .getOneOrFail();
    const passwordOk = await verifyPassword(passwordHash, dto.password);
    const outcome = await this.manager.transaction(async (tx) => {
      const state = await this.secondFactorState(tx, actor.id, true);
      if (!state.totpSecret) {
        await this.throttle.withdraw(attempt, tx);
        return 'not-enabled' as const;
      }
      const errors: Record<string, string> = {};
      if (!passwordOk) errors.password = 'is not your password';
      const step = await checkTotp(state.totpSecret, dto.code, state.totpLastStep);
      if (step === null) errors.code = WRONG_CODE;
      if (Object.keys(errors).length) {
        await this.throttle.fail(attempt, tx);
        await this.audit.recordChange(
          tx,
          actor,
          'auth.totp_disable_refused',
          { type: 'user', id: actor.id },
          { wrong: Object.keys(errors) },
        );
        return errors;
      }
      await this.clear(tx, actor.id);
      // proving both factors is not a sign-in: it neither counts nor clears earlier failures
      await this.throttle.withdraw(attempt, tx);
      await this.audit.record(
        { actorId: actor.id, action: 'auth.totp_disabled', entityType: 'user', entityId: actor.id },
        tx,
      );
      return null;
    });
    if (outcome === 'not-enabled') throw new AuthError(AuthErrorCode.TotpNotEnabled);
    if (outcome) {
      throw new BadRequestException({
        message: Object.entries(outcome).map(([field, text]) => `${field}: ${text}`),
        errors: outcome,
      });
    }
  }

  /** Removes the second factor, a set-up in progress and the recovery codes; answers how many codes were removed. */
  async clear(tx: EntityManager, userId: string): Promise<number> {
    await tx.update(
      User,
      { id: userId },
      { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null },
    );
    const [, removed] = await tx.query(`DELETE FROM totp_recovery_codes WHERE user_id = $1`, [userId]);
    return removed as number;
  }

  /**
   * The part of a sign-in's second factor that needs no lock: its form, and for
   * a recovery code which unused code it matches (argon2, so never inside a transaction).
   */
  async prepareSignIn(userId: string, input: string): Promise<SecondFactorProof | null> {
    const factor = readSecondFactor(input);
    if (!factor) return null;
    if (factor.kind === 'totp') return factor;
    const codes: { id: string; code_hash: string }[] = await this.manager.query(
      `SELECT id, code_hash FROM totp_recovery_codes WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    );
    const matches = await Promise.all(codes.map((c) => verifyPassword(c.code_hash, factor.code)));
    const index = matches.indexOf(true);
    return index < 0 ? null : { kind: 'recovery', codeId: codes[index].id };
  }

  /**
   * Inside the sign-in's transaction, with the user's row locked: uses up the
   * code (its time step, or the recovery code) so that no concurrent or later
   * sign-in can use it again.
   */
  async consumeSignIn(
    tx: EntityManager,
    userId: string,
    proof: SecondFactorProof | null,
  ): Promise<'ok' | 'wrong' | 'required'> {
    const state = await this.secondFactorState(tx, userId, true);
    if (!state.totpSecret) return 'ok';
    if (!proof) return 'required';
    if (proof.kind === 'totp') {
      const step = await checkTotp(state.totpSecret, proof.code, state.totpLastStep);
      if (step === null) return 'wrong';
      await tx.update(User, { id: userId }, { totpLastStep: step });
      return 'ok';
    }
    const [used] = await tx.query(
      `UPDATE totp_recovery_codes SET used_at = now() WHERE id = $1 AND user_id = $2 AND used_at IS NULL RETURNING id`,
      [proof.codeId, userId],
    );
    if (!used.length) return 'wrong';
    const [{ left }] = await tx.query(
      `SELECT count(*)::int AS left FROM totp_recovery_codes WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    );
    await this.audit.record(
      {
        actorId: userId,
        action: 'auth.recovery_code_used',
        entityType: 'user',
        entityId: userId,
        details: { recoveryCodesLeft: left },
      },
      tx,
    );
    return 'ok';
  }

  private async secondFactorState(
    manager: EntityManager,
    userId: string,
    lock: boolean,
  ): Promise<Pick<User, 'totpSecret' | 'totpPendingSecret' | 'totpLastStep'>> {
    const qb = manager
      .createQueryBuilder(User, 'u')
      .select(['u.id', 'u.totpSecret', 'u.totpPendingSecret', 'u.totpLastStep'])
      .where('u.id = :userId', { userId });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOneOrFail();
  }
}
