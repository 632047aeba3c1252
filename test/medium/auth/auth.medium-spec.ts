import { generate } from 'otplib';
import { AuthErrorCode, ThrottledError } from '../../../api/src/auth/auth.errors.js';
import { AuthService } from '../../../api/src/auth/auth.service.js';
import { LoginThrottleService } from '../../../api/src/auth/login-throttle.service.js';
import { TotpService } from '../../../api/src/auth/totp.service.js';
import type { Actor } from '../../../api/src/auth/auth.decorators.js';
import type { User } from '../../../api/src/users/user.entity.js';
import { createMediumTest, type MediumTest, TEST_PASSWORD } from '../medium-db.js';

let t: MediumTest;
let auth: AuthService;
let throttle: LoginThrottleService;
let totp: TotpService;

beforeAll(async () => {
  // a small limit, so that the throttle's edge is reached in a few attempts
  t = await createMediumTest({ imports: [], config: { loginMaxFailures: 3, loginWindowMinutes: 15 } });
  auth = t.get(AuthService);
  throttle = t.get(LoginThrottleService);
  totp = t.get(TotpService);
});
afterAll(() => t.close());

const code = (error: unknown) => (error as { code?: string }).code;

async function refusal(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
  } catch (error) {
    return code(error);
  }
  throw new Error('expected a refusal');
}

async function actions(entityId: string): Promise<string[]> {
  const rows: { action: string }[] = await t.db.query(
    `SELECT action FROM audit_events WHERE actor_id = $1::uuid OR entity_id = $1::text ORDER BY seq`,
    [entityId],
  );
  return rows.map((r) => r.action);
}

const actorOf = async (user: User, token: string): Promise<Actor> => (await auth.authenticate(token)).actor;

describe('AuthService', () => {
  it('signs in with the right password, in any case of the email, and the token finds the session', async () => {
    const user = await t.newUser('contact_point');
    const { accessToken, user: sessionUser } = await auth.login({
      email: `  ${user.email.toUpperCase()} `,
      password: TEST_PASSWORD,
    });
    expect(sessionUser).toEqual({
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: 'contact_point',
      unitId: null,
      party: 'national',
    });
    const { actor, totpEnabled } = await auth.authenticate(accessToken);
    expect(actor).toMatchObject({ id: user.id, role: 'contact_point', email: user.email });
    expect(totpEnabled).toBe(false);
    // the token is stored as its SHA-256 only
    const [session] = await t.db.query(`SELECT encode(token_hash, 'hex') AS hash FROM sessions WHERE user_id = $1`, [
      user.id,
    ]);
    expect(session.hash).toHaveLength(64);
    expect(session.hash).not.toContain(accessToken);
    expect(await actions(user.id)).toEqual(['auth.login']);
  });

  it('refuses a wrong password, an unknown email and an inactive account alike, and records each', async () => {
    const user = await t.newUser('finance');
    const inactive = await t.newUser('finance', { active: false });
    expect(await refusal(auth.login({ email: user.email, password: 'wrong-password' }))).toBe(
      AuthErrorCode.InvalidCredentials,
    );
    expect(await refusal(auth.login({ email: 'nobody@test.example', password: TEST_PASSWORD }))).toBe(
      AuthErrorCode.InvalidCredentials,
    );
    expect(await refusal(auth.login({ email: inactive.email, password: TEST_PASSWORD }))).toBe(
      AuthErrorCode.InvalidCredentials,
    );
    expect(await actions(user.id)).toEqual(['auth.login_failed']);
    expect(await actions(inactive.id)).toEqual(['auth.login_failed']);
    const [unknown] = await t.db.query(
      `SELECT actor_id, details FROM audit_events WHERE action = 'auth.login_failed' AND details->>'email' = 'nobody@test.example'`,
    );
    expect(unknown).toEqual({ actor_id: null, details: { email: 'nobody@test.example' } });
  });

  it('ends a session at logout, and revokeAll ends every open one of the user', async () => {
    const user = await t.newUser('admin');
    const first = await auth.login({ email: user.email, password: TEST_PASSWORD });
    const second = await auth.login({ email: user.email, password: TEST_PASSWORD });
    const third = await auth.login({ email: user.email, password: TEST_PASSWORD });
    await auth.logout(await actorOf(user, first.accessToken));
    expect(await refusal(auth.authenticate(first.accessToken))).toBe(AuthErrorCode.InvalidSession);
    await auth.authenticate(second.accessToken);

    expect(await auth.revokeAll(user.id, 'password changed')).toBe(2);
    expect(await refusal(auth.authenticate(second.accessToken))).toBe(AuthErrorCode.InvalidSession);
    expect(await refusal(auth.authenticate(third.accessToken))).toBe(AuthErrorCode.InvalidSession);
    const reasons: { revoked_reason: string }[] = await t.db.query(
      `SELECT revoked_reason FROM sessions WHERE user_id = $1 ORDER BY revoked_reason`,
      [user.id],
    );
    expect(reasons.map((r) => r.revoked_reason)).toEqual(['logout', 'password changed', 'password changed']);
    // nothing left to end
    expect(await auth.revokeAll(user.id, 'again')).toBe(0);
  });

  it('refuses an unknown token, an expired session, an idle one and one of a disabled user', async () => {
    expect(await refusal(auth.authenticate('not-a-token'))).toBe(AuthErrorCode.InvalidSession);
    const expired = await t.newUser('finance');
    const idle = await t.newUser('finance');
    const disabled = await t.newUser('finance');
    const tokens = await Promise.all(
      [expired, idle, disabled].map((u) => auth.login({ email: u.email, password: TEST_PASSWORD })),
    );
    await t.db.query(
      `UPDATE sessions SET created_at = now() - interval '13 hours', expires_at = now() - interval '1 hour'
        WHERE user_id = $1`,
      [expired.id],
    );
    // the idle limit is 30 minutes by default
    await t.db.query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [idle.id]);
    await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [disabled.id]);
    for (const { accessToken } of tokens) {
      expect(await refusal(auth.authenticate(accessToken))).toBe(AuthErrorCode.InvalidSession);
    }
  });

  it('moves last_seen_at on only when the last touch is more than a minute old', async () => {
    const user = await t.newUser('finance');
    const { accessToken } = await auth.login({ email: user.email, password: TEST_PASSWORD });
    await t.db.query(`UPDATE sessions SET last_seen_at = '2000-01-01' WHERE user_id = $1`, [user.id]);
    // too old for the idle limit: refused, and not touched
    expect(await refusal(auth.authenticate(accessToken))).toBe(AuthErrorCode.InvalidSession);
    await t.db.query(`UPDATE sessions SET last_seen_at = now() - interval '20 seconds' WHERE user_id = $1`, [user.id]);
    const [before] = await t.db.query(`SELECT last_seen_at FROM sessions WHERE user_id = $1`, [user.id]);
    await auth.authenticate(accessToken);
    const [unchanged] = await t.db.query(`SELECT last_seen_at FROM sessions WHERE user_id = $1`, [user.id]);
    expect(unchanged.last_seen_at).toEqual(before.last_seen_at);
    await t.db.query(`UPDATE sessions SET last_seen_at = now() - interval '5 minutes' WHERE user_id = $1`, [user.id]);
    await auth.authenticate(accessToken);
    const [{ age }] = await t.db.query(
      `SELECT extract(epoch FROM now() - last_seen_at) AS age FROM sessions WHERE user_id = $1`,
      [user.id],
    );
    expect(Number(age)).toBeLessThan(10);
  });
});

describe('LoginThrottleService', () => {
  it('allows three failures in the window, then answers 429 with the wait, and a sign-in clears the count', async () => {
    const user = await t.newUser('finance');
    for (let i = 0; i < 3; i++) {
      expect(await refusal(auth.login({ email: user.email, password: 'wrong' }))).toBe(
        AuthErrorCode.InvalidCredentials,
      );
    }
    let throttled: unknown;
    try {
      await auth.login({ email: user.email, password: TEST_PASSWORD });
    } catch (error) {
      throttled = error;
    }
    expect(throttled).toBeInstanceOf(ThrottledError);
    expect((throttled as ThrottledError).getStatus()).toBe(429);
    // the oldest failure leaves the 15-minute window in at most 900 s
    expect((throttled as ThrottledError).retryAfterSeconds).toBeGreaterThan(890);
    expect((throttled as ThrottledError).retryAfterSeconds).toBeLessThanOrEqual(900);
    const [event] = await t.db.query(
      `SELECT actor_id, details FROM audit_events WHERE action = 'auth.login_throttled' AND details->>'email' = $1`,
      [user.email],
    );
    expect(event).toEqual({ actor_id: null, details: { email: user.email } });

    // the failures age out of the window: the account may try again, and a sign-in clears them
    await t.db.query(`UPDATE login_attempts SET at = at - interval '16 minutes' WHERE email = $1`, [user.email]);
    await auth.login({ email: user.email, password: TEST_PASSWORD });
    for (let i = 0; i < 2; i++) await refusal(auth.login({ email: user.email, password: 'wrong' }));
    // two failures after the sign-in: one more is allowed
    expect(await refusal(auth.login({ email: user.email, password: 'wrong' }))).toBe(AuthErrorCode.InvalidCredentials);
    expect(await refusal(auth.login({ email: user.email, password: TEST_PASSWORD }))).toBe(
      AuthErrorCode.TooManyAttempts,
    );
  });

  it('counts a reserved attempt until it is settled, and a withdrawn one not at all', async () => {
    const email = 'reserved@test.example';
    const a = await throttle.reserve(email);
    const b = await throttle.reserve(email);
    await throttle.withdraw(b);
    const c = await throttle.reserve(email);
    // a and c pending (they count), one free place left
    const d = await throttle.reserve(email);
    expect(await refusal(throttle.reserve(email))).toBe(AuthErrorCode.TooManyAttempts);
    const rows: { id: string; succeeded: boolean | null }[] = await t.db.query(
      `SELECT id::text, succeeded FROM login_attempts WHERE email = $1 ORDER BY id`,
      [email],
    );
    expect(rows).toEqual([
      { id: a, succeeded: null },
      { id: c, succeeded: null },
      { id: d, succeeded: null },
    ]);
    await throttle.fail(a);
    const [{ succeeded }] = await t.db.query(`SELECT succeeded FROM login_attempts WHERE id = $1`, [a]);
    expect(succeeded).toBe(false);
  });
});

describe('TotpService', () => {
  async function signedIn(role: 'finance' | 'contact_point' = 'finance') {
    const user = await t.newUser(role);
    const { accessToken } = await auth.login({ email: user.email, password: TEST_PASSWORD });
    return { user, actor: await actorOf(user, accessToken) };
  }

  it('enrols with the first code of a set-up, answers ten recovery codes once, and asks for a code at sign-in', async () => {
    const { user, actor } = await signedIn();
    expect(await totp.status(actor)).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 });
    expect(await refusal(totp.confirm(actor, '123456'))).toBe(AuthErrorCode.TotpSetupNotStarted);

    const setup = await totp.setup(actor);
    expect(setup.otpauthUri).toContain(`secret=${setup.secret}`);
    expect(setup.qrCode.startsWith('data:image/png;base64,')).toBe(true);
    // the secret is sealed at rest
    const [stored] = await t.db.query(`SELECT totp_pending_secret AS s FROM users WHERE id = $1`, [user.id]);
    expect(stored.s).not.toContain(setup.secret);

    await expect(totp.confirm(actor, '000000')).rejects.toMatchObject({ status: 400 });
    const { recoveryCodes } = await totp.confirm(actor, await generate({ secret: setup.secret }));
    expect(recoveryCodes).toHaveLength(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    expect(await totp.status(actor)).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
    expect(await refusal(totp.setup(actor))).toBe(AuthErrorCode.TotpAlreadyEnabled);
    expect(await refusal(totp.confirm(actor, '123456'))).toBe(AuthErrorCode.TotpAlreadyEnabled);

    // the right password alone: a code is asked for, and the attempt does not count
    expect(await refusal(auth.login({ email: user.email, password: TEST_PASSWORD }))).toBe(AuthErrorCode.TotpRequired);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM login_attempts WHERE email = $1`, [user.email]);
    expect(n).toBe(1); // the sign-in of signedIn() only
    expect(await actions(user.id)).toEqual(['auth.login', 'auth.totp_enabled']);
  });

  it('takes a recovery code once at sign-in, in any case and spacing, and counts those left', async () => {
    const { user, actor } = await signedIn();
    const setup = await totp.setup(actor);
    const { recoveryCodes } = await totp.confirm(actor, await generate({ secret: setup.secret }));
    const spaced = recoveryCodes[3].toUpperCase().replace('-', ' ');
    const { accessToken } = await auth.login({ email: user.email, password: TEST_PASSWORD, totp: spaced });
    expect((await auth.authenticate(accessToken)).totpEnabled).toBe(true);
    expect(await refusal(auth.login({ email: user.email, password: TEST_PASSWORD, totp: recoveryCodes[3] }))).toBe(
      AuthErrorCode.InvalidCredentials,
    );
    expect(await totp.status(actor)).toMatchObject({ recoveryCodesLeft: 9 });
    const [used] = await t.db.query(
      `SELECT details FROM audit_events WHERE action = 'auth.recovery_code_used' AND actor_id = $1`,
      [user.id],
    );
    expect(used.details).toEqual({ recoveryCodesLeft: 9 });
    // neither six digits nor a recovery code's form
    expect(await refusal(auth.login({ email: user.email, password: TEST_PASSWORD, totp: 'abc' }))).toBe(
      AuthErrorCode.InvalidCredentials,
    );
  });

  it('accepts a time step once: the same code cannot sign in twice', async () => {
    const { user, actor } = await signedIn();
    const setup = await totp.setup(actor);
    const now = Math.floor(Date.now() / 30_000);
    // the confirmation used the current step; the next one (one step of drift) is still accepted, once
    await totp.confirm(actor, await generate({ secret: setup.secret, epoch: now * 30 }));
    const next = await generate({ secret: setup.secret, epoch: (now + 1) * 30 });
    await auth.login({ email: user.email, password: TEST_PASSWORD, totp: next });
    expect(await refusal(auth.login({ email: user.email, password: TEST_PASSWORD, totp: next }))).toBe(
      AuthErrorCode.InvalidCredentials,
    );
    const [{ step }] = await t.db.query(`SELECT totp_last_step::int AS step FROM users WHERE id = $1`, [user.id]);
    expect(step).toBe(now + 1);
  });

  it('turns off with the password and a fresh code; a wrong one is refused field by field and counts as a failure', async () => {
    const { user, actor } = await signedIn();
    await expect(totp.disable(actor, { password: TEST_PASSWORD, code: '123456' })).rejects.toMatchObject({
      code: AuthErrorCode.TotpNotEnabled,
    });
    const setup = await totp.setup(actor);
    const now = Math.floor(Date.now() / 30_000);
    await totp.confirm(actor, await generate({ secret: setup.secret, epoch: now * 30 }));

    let refused: { getResponse(): unknown } | undefined;
    try {
      await totp.disable(actor, { password: 'not-it', code: '000000' });
    } catch (error) {
      refused = error as typeof refused;
    }
    expect(refused!.getResponse()).toMatchObject({
      errors: { password: 'is not your password', code: 'is not the current code from your authenticator app' },
    });
    const [{ failed }] = await t.db.query(
      `SELECT count(*)::int AS failed FROM login_attempts WHERE email = $1 AND succeeded = false`,
      [user.email],
    );
    expect(failed).toBe(1);

    await totp.disable(actor, {
      password: TEST_PASSWORD,
      code: await generate({ secret: setup.secret, epoch: (now + 1) * 30 }),
    });
    expect(await totp.status(actor)).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 });
    const [row] = await t.db.query(
      `SELECT totp_secret, totp_enabled_at, (SELECT count(*)::int FROM totp_recovery_codes WHERE user_id = $1) AS codes
         FROM users WHERE id = $1`,
      [user.id],
    );
    expect(row).toEqual({ totp_secret: null, totp_enabled_at: null, codes: 0 });
    expect(await actions(user.id)).toEqual([
      'auth.login',
      'auth.totp_enabled',
      'auth.totp_disable_refused',
      'auth.totp_disabled',
    ]);
    // signing in needs no code again
    await auth.login({ email: user.email, password: TEST_PASSWORD });
  });

  it('says the second factor is required for the roles MFA_REQUIRED_ROLES names', async () => {
    const required = await createMediumTest({ imports: [], config: { mfaRequiredRoles: ['admin'] } });
    try {
      const admin = await required.newUser('admin');
      const service = required.get(TotpService);
      const actor = { ...admin, sessionId: '00000000-0000-0000-0000-000000000000' } as Actor;
      expect(await service.status(actor)).toEqual({ enabled: false, required: true, recoveryCodesLeft: 0 });
    } finally {
      await required.close();
    }
  });
});
