import { generate } from 'otplib';
import { sessionUserOf } from './support/fixtures.js';
import { createTestApp, type TestApp, TEST_PASSWORD } from './support/test-app.js';

const WRONG_CREDENTIALS = {
  statusCode: 401,
  error: 'Unauthorized',
  message: 'Wrong email or password',
  code: 'INVALID_CREDENTIALS',
};
const ENROLMENT_REQUIRED = {
  statusCode: 403,
  error: 'Forbidden',
  message: 'Set up a second factor (an authenticator app) before you go on',
  code: 'AUTH_TOTP_ENROLMENT_REQUIRED',
};

/** A well-formed code that is not valid now: the one of ten steps ago. */
const staleCode = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) - 300 });

describe('The second factor (TOTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      loginMaxFailures: 10,
      loginWindowMinutes: 15,
      mfaRequiredRoles: ['contact_point', 'finance', 'admin'],
    });
  });
  afterAll(() => t.close());

  const login = (body: Record<string, unknown>) => t.http.post('/api/auth/login').send(body);
  const auditOf = (userId: string, action: string) =>
    t.db.query(`SELECT actor_id, details FROM audit_events WHERE entity_id = $1 AND action = $2 ORDER BY seq`, [
      userId,
      action,
    ]);

  describe('enrolment', () => {
    it('sets up with a secret, an otpauth URI and a QR code, and confirms with a code to ten recovery codes', async () => {
      const { user, auth } = await t.signedIn('unit_worker');
      expect((await t.http.get('/api/auth/totp').set(auth)).body).toEqual({
        enabled: false,
        required: false,
        recoveryCodesLeft: 0,
      });

      const setup = await t.http.post('/api/auth/totp/setup').set(auth);
      expect(setup.status).toBe(200);
      expect(Object.keys(setup.body).sort()).toEqual(['otpauthUri', 'qrCode', 'secret']);
      const { secret, otpauthUri, qrCode } = setup.body;
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      const uri = new URL(otpauthUri);
      expect(uri.protocol).toBe('otpauth:');
      expect(uri.host).toBe('totp');
      expect(decodeURIComponent(uri.pathname)).toBe(`/Exit Pool:${user.email}`);
      expect(uri.searchParams.get('secret')).toBe(secret);
      expect(uri.searchParams.get('issuer')).toBe('Exit Pool');
      expect(qrCode).toMatch(/^data:image\/png;base64,/);
      const png = Buffer.from(qrCode.slice('data:image/png;base64,'.length), 'base64');
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

      // not on until confirmed
      expect((await login({ email: user.email, password: TEST_PASSWORD })).status).toBe(200);

      const confirm = await t.http
        .post('/api/auth/totp/confirm')
        .set(auth)
        .send({ code: await generate({ secret }) });
      expect(confirm.status).toBe(200);
      const codes: string[] = confirm.body.recoveryCodes;
      expect(codes).toHaveLength(10);
      for (const code of codes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
      expect(new Set(codes).size).toBe(10);
      expect((await t.http.get('/api/auth/totp').set(auth)).body).toEqual({
        enabled: true,
        required: false,
        recoveryCodesLeft: 10,
      });

      // stored only as argon2id hashes: no code, with or without its dash, anywhere in the rows
      const rows: { code_hash: string }[] = await t.db.query(
        `SELECT code_hash FROM totp_recovery_codes WHERE user_id = $1`,
        [user.id],
      );
      expect(rows).toHaveLength(10);
      for (const row of rows) expect(row.code_hash).toMatch(/^\$argon2id\$/);
      const [stored] = await t.db.query(
        `SELECT (SELECT json_agg(r) FROM totp_recovery_codes r WHERE r.user_id = $1)::text AS codes,
                (SELECT row_to_json(u) FROM users u WHERE u.id = $1)::text AS "user",
                (SELECT json_agg(e) FROM audit_events e WHERE e.entity_id = $1::text)::text AS audit`,
        [user.id],
      );
      for (const code of codes) {
        for (const form of [code, code.replace('-', '')]) {
          expect(stored.codes).not.toContain(form);
          expect(stored.user).not.toContain(form);
          expect(stored.audit).not.toContain(form);
        }
      }
      expect(stored.audit).not.toContain(secret);
      const [enabled] = await auditOf(user.id, 'auth.totp_enabled');
      expect(enabled).toMatchObject({ actor_id: user.id, details: { recoveryCodes: 10 } });
    });

    it('replaces an earlier set-up that was not confirmed: a code of the old secret no longer confirms', async () => {
      const { auth } = await t.signedIn('unit_worker');
      const first = (await t.http.post('/api/auth/totp/setup').set(auth)).body.secret;
      const second = (await t.http.post('/api/auth/totp/setup').set(auth)).body.secret;
      expect(second).not.toBe(first);
      const old = await t.http
        .post('/api/auth/totp/confirm')
        .set(auth)
        .send({ code: await generate({ secret: first }) });
      expect(old.status).toBe(400);
      expect(old.body.errors).toEqual({ code: 'is not the current code from your authenticator app' });
      const now = await t.http
        .post('/api/auth/totp/confirm')
        .set(auth)
        .send({ code: await generate({ secret: second }) });
      expect(now.status).toBe(200);
    });

    it('refuses a confirmation without a set-up (409), a wrong code (400 naming code), and a second set-up (409)', async () => {
      const { auth } = await t.signedIn('unit_worker');
      const none = await t.http.post('/api/auth/totp/confirm').set(auth).send({ code: '123456' });
      expect(none.status).toBe(409);
      expect(none.body.code).toBe('TOTP_SETUP_NOT_STARTED');
      const { secret } = (await t.http.post('/api/auth/totp/setup').set(auth)).body;
      for (const code of [await staleCode(secret), 'abcdef']) {
        const wrong = await t.http.post('/api/auth/totp/confirm').set(auth).send({ code });
        expect(wrong.status).toBe(400);
        expect(wrong.body.errors).toEqual({ code: 'is not the current code from your authenticator app' });
      }
      const bad = await t.http.post('/api/auth/totp/confirm').set(auth).send({ code: 123456 });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual({ code: 'code must be a text' });
      await t.http
        .post('/api/auth/totp/confirm')
        .set(auth)
        .send({ code: await generate({ secret }) });
      const again = await t.http.post('/api/auth/totp/setup').set(auth);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('TOTP_ALREADY_ENABLED');
    });
  });

  describe('signing in', () => {
    it('asks an enrolled account for its code with 401 AUTH_TOTP_REQUIRED, without counting it as a failure', async () => {
      const { user, secret } = await t.signedInWithTotp('unit_worker');
      for (let i = 0; i < 12; i++) {
        const res = await login({ email: user.email, password: TEST_PASSWORD });
        expect(res.status).toBe(401);
        expect(res.body).toEqual({
          statusCode: 401,
          error: 'Unauthorized',
          message: 'Enter the code from your authenticator app',
          code: 'AUTH_TOTP_REQUIRED',
        });
      }
      const res = await login({ email: user.email, password: TEST_PASSWORD, totp: await t.totpCode(user.id, secret) });
      expect(res.status).toBe(200);
      expect(res.body.user).toEqual(sessionUserOf(user, 'unit_worker'));
    });

    it('still answers a wrong password as a wrong password when a code is given', async () => {
      const { user, secret } = await t.signedInWithTotp('unit_worker');
      const res = await login({
        email: user.email,
        password: 'wrong-password-123',
        totp: await t.totpCode(user.id, secret),
      });
      expect(res.status).toBe(401);
      expect(res.body).toEqual(WRONG_CREDENTIALS);
    });

    it('answers a wrong code exactly as a wrong password, and counts it toward the throttle', async () => {
      const { user, secret } = await t.signedInWithTotp('unit_worker');
      const wrongPassword = await login({ email: user.email, password: 'wrong-password-123' });
      const wrongCode = await login({ email: user.email, password: TEST_PASSWORD, totp: await staleCode(secret) });
      const notACode = await login({ email: user.email, password: TEST_PASSWORD, totp: 'letmein' });
      expect(wrongCode.status).toBe(401);
      expect(wrongCode.body).toEqual(wrongPassword.body);
      expect(notACode.body).toEqual(WRONG_CREDENTIALS);
      for (let i = 0; i < 7; i++) {
        expect((await login({ email: user.email, password: TEST_PASSWORD, totp: '000000' })).status).toBe(401);
      }
      // ten failures: even the right code is now refused
      const blocked = await login({
        email: user.email,
        password: TEST_PASSWORD,
        totp: await t.totpCode(user.id, secret),
      });
      expect(blocked.status).toBe(429);
      expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
      const audit = await auditOf(user.id, 'auth.login_failed');
      expect(
        audit.filter((e: { details: { secondFactor?: string } }) => e.details.secondFactor === 'wrong'),
      ).toHaveLength(9);
    });

    it('refuses a code that was used already, even within its 30 seconds, and any older code', async () => {
      const { user, secret } = await t.signedInWithTotp('unit_worker');
      const code = await t.totpCode(user.id, secret);
      expect((await login({ email: user.email, password: TEST_PASSWORD, totp: code })).status).toBe(200);
      const replay = await login({ email: user.email, password: TEST_PASSWORD, totp: code });
      expect(replay.status).toBe(401);
      expect(replay.body).toEqual(WRONG_CREDENTIALS);
      // the code of the enrolment's step is still inside the ±1 window, but older than the one just used
      const [{ last }] = await t.db.query(`SELECT totp_last_step AS last FROM users WHERE id = $1`, [user.id]);
      const older = await generate({ secret, epoch: (Number(last) - 1) * 30 });
      expect((await login({ email: user.email, password: TEST_PASSWORD, totp: older })).status).toBe(401);
    });

    it('signs in only one of two simultaneous sign-ins with the same code', async () => {
      const { user, secret } = await t.signedInWithTotp('unit_worker');
      const totp = await t.totpCode(user.id, secret);
      const answers = await Promise.all([1, 2].map(() => login({ email: user.email, password: TEST_PASSWORD, totp })));
      expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
      // the other is the code refused as spent, not some other failure
      expect(answers.filter((r) => r.status !== 200).map((r) => r.body)).toEqual([WRONG_CREDENTIALS]);
    });

    it('signs in once with each recovery code, in any case and without the dash, and audits its use', async () => {
      const { user, recoveryCodes } = await t.signedInWithTotp('unit_worker');
      const [first, second] = recoveryCodes;
      const res = await login({
        email: user.email,
        password: TEST_PASSWORD,
        totp: first.replace('-', '').toUpperCase(),
      });
      expect(res.status).toBe(200);
      const again = await login({ email: user.email, password: TEST_PASSWORD, totp: first });
      expect(again.status).toBe(401);
      expect(again.body).toEqual(WRONG_CREDENTIALS);
      expect((await login({ email: user.email, password: TEST_PASSWORD, totp: ` ${second} ` })).status).toBe(200);
      const status = await t.http.get('/api/auth/totp').set('Authorization', `Bearer ${res.body.accessToken}`);
      expect(status.body.recoveryCodesLeft).toBe(8);
      const used = await auditOf(user.id, 'auth.recovery_code_used');
      expect(used.map((e: { details: unknown }) => e.details)).toEqual([
        { recoveryCodesLeft: 9 },
        { recoveryCodesLeft: 8 },
      ]);
    });

    it('signs in only one of two simultaneous sign-ins with the same recovery code', async () => {
      const { user, recoveryCodes } = await t.signedInWithTotp('unit_worker');
      const answers = await Promise.all(
        [1, 2].map(() => login({ email: user.email, password: TEST_PASSWORD, totp: recoveryCodes[3] })),
      );
      expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
      expect(answers.filter((r) => r.status !== 200).map((r) => r.body)).toEqual([WRONG_CREDENTIALS]);
      const [{ used }] = await t.db.query(
        `SELECT count(*)::int AS used FROM totp_recovery_codes WHERE user_id = $1 AND used_at IS NOT NULL`,
        [user.id],
      );
      expect(used).toBe(1);
    });

    it('refuses a totp that is not a text or longer than 32 characters with 400 naming totp', async () => {
      const number = await login({ email: 'x@test.example', password: 'whatever', totp: 123456 });
      expect(number.status).toBe(400);
      expect(number.body.errors).toEqual({ totp: 'totp must be a text' });
      const long = await login({ email: 'x@test.example', password: 'whatever', totp: '1'.repeat(33) });
      expect(long.status).toBe(400);
      expect(long.body.errors).toEqual({ totp: 'totp must be at most 32 characters' });
    });
  });

  describe('turning it off', () => {
    it('needs the password and a current code; wrong ones answer 400 naming the field', async () => {
      const { user, auth, secret, recoveryCodes } = await t.signedInWithTotp('unit_worker');
      const disable = (body: Record<string, unknown>) => t.http.post('/api/auth/totp/disable').set(auth).send(body);

      const wrongPassword = await disable({ password: 'wrong-password-123', code: await t.totpCode(user.id, secret) });
      expect(wrongPassword.status).toBe(400);
      expect(wrongPassword.body.errors).toEqual({ password: 'is not your password' });
      const wrongCode = await disable({ password: TEST_PASSWORD, code: await staleCode(secret) });
      expect(wrongCode.status).toBe(400);
      expect(wrongCode.body.errors).toEqual({ code: 'is not the current code from your authenticator app' });
      const recovery = await disable({ password: TEST_PASSWORD, code: recoveryCodes[0] });
      expect(recovery.status).toBe(400);
      expect(recovery.body.errors).toEqual({ code: 'is not the current code from your authenticator app' });
      expect((await disable({ password: TEST_PASSWORD })).body.errors).toEqual({ code: 'code is required' });

      // the refusals used no code: the next one is still fresh
      expect((await disable({ password: TEST_PASSWORD, code: await t.totpCode(user.id, secret) })).status).toBe(204);
      expect((await t.http.get('/api/auth/totp').set(auth)).body).toEqual({
        enabled: false,
        required: false,
        recoveryCodesLeft: 0,
      });
      expect((await login({ email: user.email, password: TEST_PASSWORD })).status).toBe(200);
      const [{ codes }] = await t.db.query(
        `SELECT count(*)::int AS codes FROM totp_recovery_codes WHERE user_id = $1`,
        [user.id],
      );
      expect(codes).toBe(0);
      expect(await auditOf(user.id, 'auth.totp_disabled')).toHaveLength(1);
      expect(await auditOf(user.id, 'auth.totp_disable_refused')).toHaveLength(3);

      const notOn = await disable({ password: TEST_PASSWORD, code: '123456' });
      expect(notOn.status).toBe(409);
      expect(notOn.body.code).toBe('TOTP_NOT_ENABLED');
    });

    it('counts wrong passwords and codes toward the sign-in throttle of the account', async () => {
      const { user, auth, secret } = await t.signedInWithTotp('unit_worker');
      for (let i = 0; i < 10; i++) {
        const res = await t.http
          .post('/api/auth/totp/disable')
          .set(auth)
          .send({ password: i % 2 ? 'wrong-password-123' : TEST_PASSWORD, code: '000000' });
        expect(res.status).toBe(400);
      }
      const disable = await t.http
        .post('/api/auth/totp/disable')
        .set(auth)
        .send({ password: TEST_PASSWORD, code: await t.totpCode(user.id, secret) });
      expect(disable.status).toBe(429);
      expect(Number(disable.headers['retry-after'])).toBeGreaterThan(0);
      const signIn = await login({
        email: user.email,
        password: TEST_PASSWORD,
        totp: await t.totpCode(user.id, secret),
      });
      expect(signIn.status).toBe(429);
    });
  });

  describe('MFA_REQUIRED_ROLES', () => {
    it('lets a user of a required role without a second factor only enrol, then everything', async () => {
      const { auth } = await t.signedIn('finance');
      const units = await t.http.get('/api/units').set(auth);
      expect(units.status).toBe(403);
      expect(units.body).toEqual(ENROLMENT_REQUIRED);
      expect((await t.http.get('/api/reports/pool').set(auth)).body.code).toBe('AUTH_TOTP_ENROLMENT_REQUIRED');
      expect((await t.http.get('/api/auth/me').set(auth)).status).toBe(200);
      expect((await t.http.get('/api/auth/totp').set(auth)).body).toEqual({
        enabled: false,
        required: true,
        recoveryCodesLeft: 0,
      });
      expect((await t.http.get('/api/health')).status).toBe(200);
      expect((await t.http.get('/api/settings')).status).toBe(200);

      const setup = await t.http.post('/api/auth/totp/setup').set(auth);
      expect(setup.status).toBe(200);
      const confirm = await t.http
        .post('/api/auth/totp/confirm')
        .set(auth)
        .send({ code: await generate({ secret: setup.body.secret }) });
      expect(confirm.status).toBe(200);
      // the same session goes on, now with the second factor
      expect((await t.http.get('/api/units').set(auth)).status).toBe(200);
    });

    it('answers the enrolment 403 before the role check, and lets such a user sign out', async () => {
      const { auth } = await t.signedIn('admin');
      expect((await t.http.get('/api/users').set(auth)).body).toEqual(ENROLMENT_REQUIRED);
      expect((await t.http.post('/api/auth/totp/disable').set(auth).send({ password: 'x', code: '1' })).status).toBe(
        403,
      );
      expect((await t.http.post('/api/auth/logout').set(auth)).status).toBe(204);
      expect((await t.http.get('/api/auth/me').set(auth)).status).toBe(401);
    });

    it('does not ask a role outside the list', async () => {
      const { auth } = await t.signedIn('unit_worker');
      expect((await t.http.get('/api/units').set(auth)).status).toBe(200);
    });
  });

  describe("an admin's reset", () => {
    it('clears the second factor and the recovery codes, ends every session of the user, and is audited', async () => {
      const admin = await t.signedInWithTotp('admin');
      const target = await t.signedInWithTotp('contact_point');
      const other = await t.login(target.user.email, TEST_PASSWORD, await t.totpCode(target.user.id, target.secret));

      const before = await t.http.get(`/api/users/${target.user.id}`).set(admin.auth);
      expect(before.body.totpEnabled).toBe(true);
      const res = await t.http.post(`/api/users/${target.user.id}/reset-totp`).set(admin.auth);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: target.user.id, email: target.user.email, totpEnabled: false });
      expect(Object.keys(res.body).sort()).toEqual(
        [
          'active',
          'createdAt',
          'displayName',
          'email',
          'id',
          'party',
          'role',
          'totpEnabled',
          'unitId',
          'updatedAt',
        ].sort(),
      );

      for (const token of [target.token, other]) {
        expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
      }
      const [{ secret, codes }] = await t.db.query(
        `SELECT totp_secret AS secret, (SELECT count(*)::int FROM totp_recovery_codes WHERE user_id = u.id) AS codes
           FROM users u WHERE id = $1`,
        [target.user.id],
      );
      expect({ secret, codes }).toEqual({ secret: null, codes: 0 });
      const [event] = await auditOf(target.user.id, 'user.totp_reset');
      expect(event).toEqual({
        actor_id: admin.user.id,
        details: { wasEnabled: true, recoveryCodesCleared: 10, sessionsRevoked: 2 },
      });

      // signs in with the password alone, and must enrol again before anything else
      const token = await t.login(target.user.email);
      expect((await t.http.get('/api/units').set('Authorization', `Bearer ${token}`)).body).toEqual(ENROLMENT_REQUIRED);
    });

    it('is for admins only, and answers 404 for an unknown user', async () => {
      const cp = await t.signedInWithTotp('contact_point');
      const target = await t.signedInWithTotp('unit_worker');
      const refused = await t.http.post(`/api/users/${target.user.id}/reset-totp`).set(cp.auth);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      expect((await t.http.get('/api/auth/me').set(target.auth)).status).toBe(200);
      const admin = await t.signedInWithTotp('admin');
      const unknown = await t.http.post('/api/users/00000000-0000-4000-8000-000000000000/reset-totp').set(admin.auth);
      expect(unknown.status).toBe(404);
    });

    it('shows totpEnabled on user records and never a secret', async () => {
      const admin = await t.signedInWithTotp('admin');
      const enrolled = await t.signedInWithTotp('unit_worker');
      const plain = await t.newUser('unit_worker');
      const list = await t.http
        .get(`/api/users?filter=${encodeURIComponent(JSON.stringify({ id: [enrolled.user.id, plain.id] }))}`)
        .set(admin.auth);
      expect(list.status).toBe(200);
      const byId = Object.fromEntries(
        list.body.map((u: { id: string; totpEnabled: boolean }) => [u.id, u.totpEnabled]),
      );
      expect(byId).toEqual({ [enrolled.user.id]: true, [plain.id]: false });
      const onlyEnrolled = await t.http
        .get(
          `/api/users?filter=${encodeURIComponent(JSON.stringify({ totpEnabled: false, id: [enrolled.user.id, plain.id] }))}`,
        )
        .set(admin.auth);
      expect(onlyEnrolled.body.map((u: { id: string }) => u.id)).toEqual([plain.id]);
      const one = await t.http.get(`/api/users/${enrolled.user.id}`).set(admin.auth);
      expect(one.body.totpEnabled).toBe(true);
      const text = JSON.stringify([list.body, one.body]);
      expect(text).not.toContain(enrolled.secret);
      expect(text).not.toMatch(/totpSecret|totpPendingSecret|totpLastStep|passwordHash/);
    });
  });
});
