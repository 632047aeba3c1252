import pg from 'pg';
import { LOGIN_LOCK_CLASS } from '../api/src/auth/login-throttle.service.js';
import { Session } from '../api/src/auth/session.entity.js';
import { sessionUserOf } from './support/fixtures.js';
import { createTestApp, type TestApp, TEST_PASSWORD } from './support/test-app.js';

/** How many answers came back with each status and code: a refusal counts only as the refusal it should be. */
function tally(responses: { status: number; body: { code?: string } }[]): Record<string, number> {
  const seen: Record<string, number> = {};
  for (const r of responses) {
    const key = `${r.status} ${r.body.code ?? ''}`.trim();
    seen[key] = (seen[key] ?? 0) + 1;
  }
  return seen;
}

/** Waits, a bounded number of times, until the database shows what the test waits for. */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`gave up waiting: ${what}`);
}

describe('Authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ loginMaxFailures: 10, loginWindowMinutes: 15 });
  });
  afterAll(() => t.close());

  it('signs in with email and password and answers the token and the user', async () => {
    const user = await t.newUser('unit_worker');
    const res = await t.http.post('/api/auth/login').send({ email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(res.body.user).toEqual(sessionUserOf(user, 'unit_worker'));
  });

  it('stores only a hash of the token', async () => {
    const { user, token } = await t.signedIn('finance');
    const sessions = await t.db.getRepository(Session).findBy({ userId: user.id });
    expect(sessions).toHaveLength(1);
    expect(sessions[0].tokenHash.toString('base64url')).not.toBe(token);
    expect(sessions[0].tokenHash).toHaveLength(32);
  });

  it('answers the same 401 for an unknown account and a wrong password', async () => {
    const user = await t.newUser('finance');
    const wrong = await t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong-password-123' });
    const unknown = await t.http
      .post('/api/auth/login')
      .send({ email: 'nobody@test.example', password: 'wrong-password-123' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Wrong email or password',
      code: 'INVALID_CREDENTIALS',
    });
  });

  it('refuses a deactivated account with the same 401', async () => {
    const user = await t.newUser('admin', { active: false });
    const res = await t.http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD });
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('Wrong email or password');
  });

  it('answers the signed-in user at /auth/me', async () => {
    const { user, auth } = await t.signedIn('contact_point');
    const res = await t.http.get('/api/auth/me').set(auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, role: 'contact_point', unitId: null });
  });

  it('needs a bearer token everywhere but login and health', async () => {
    expect((await t.http.get('/api/auth/me')).status).toBe(401);
    expect((await t.http.get('/api/units')).status).toBe(401);
    expect((await t.http.get('/api/units').set('Authorization', 'Bearer not-a-real-token-at-all-xx')).status).toBe(401);
    expect((await t.http.get('/api/units').set('Authorization', 'Basic abc')).status).toBe(401);
    expect((await t.http.get('/api/health')).status).toBe(200);
  });

  it('revokes the token at once on logout', async () => {
    const { auth } = await t.signedIn('finance');
    expect((await t.http.get('/api/auth/me').set(auth)).status).toBe(200);
    expect((await t.http.post('/api/auth/logout').set(auth)).status).toBe(204);
    const after = await t.http.get('/api/auth/me').set(auth);
    expect(after.status).toBe(401);
    expect(after.body.message).toBe('The session has ended; sign in again');
  });

  it('ends a session left idle longer than the idle lifetime', async () => {
    const { user, auth } = await t.signedIn('finance');
    await t.db.query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [user.id]);
    expect((await t.http.get('/api/auth/me').set(auth)).status).toBe(401);
  });

  it('keeps an active session alive and ends it at the absolute lifetime', async () => {
    const { user, auth } = await t.signedIn('finance');
    await t.db.query(`UPDATE sessions SET last_seen_at = now() - interval '29 minutes' WHERE user_id = $1`, [user.id]);
    expect((await t.http.get('/api/auth/me').set(auth)).status).toBe(200);
    const [{ seen }] = await t.db.query(
      `SELECT last_seen_at > now() - interval '1 minute' AS seen FROM sessions WHERE user_id = $1`,
      [user.id],
    );
    expect(seen).toBe(true);
    await t.db.query(
      `UPDATE sessions SET created_at = now() - interval '13 hours', expires_at = now() - interval '1 hour' WHERE user_id = $1`,
      [user.id],
    );
    expect((await t.http.get('/api/auth/me').set(auth)).status).toBe(401);
  });

  it('sets the absolute lifetime from SESSION_ABSOLUTE_HOURS', async () => {
    const { user } = await t.signedIn('finance');
    const [{ hours }] = await t.db.query(
      `SELECT round(extract(epoch FROM expires_at - created_at) / 3600) AS hours FROM sessions WHERE user_id = $1`,
      [user.id],
    );
    expect(Number(hours)).toBe(12);
  });

  it('throttles an account after 10 failed sign-ins within 15 minutes, even with the right password', async () => {
    const user = await t.newUser('finance');
    for (let i = 0; i < 10; i++) {
      const res = await t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong-password-123' });
      expect(res.status).toBe(401);
    }
    const blocked = await t.http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toMatch(/too many/i);
    // other accounts are not affected
    const other = await t.newUser('finance');
    expect((await t.http.post('/api/auth/login').send({ email: other.email, password: TEST_PASSWORD })).status).toBe(
      200,
    );
  });

  it('keeps the throttle across processes, because it lives in the database', async () => {
    const user = await t.newUser('finance');
    for (let i = 0; i < 10; i++) {
      await t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong-password-123' });
    }
    const second = await createTestApp({}, t.databaseUrl);
    try {
      const res = await second.http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD });
      expect(res.status).toBe(429);
    } finally {
      await second.app.close();
    }
  });

  it('lets an account sign in again once its failures are older than the window', async () => {
    const user = await t.newUser('finance');
    for (let i = 0; i < 10; i++) {
      await t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong-password-123' });
    }
    await t.db.query(`UPDATE login_attempts SET at = at - interval '16 minutes' WHERE email = $1`, [user.email]);
    expect((await t.http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD })).status).toBe(
      200,
    );
  });

  it('answers exactly 10 of 50 simultaneous wrong passwords with 401 and the other 40 with 429 and Retry-After', async () => {
    const user = await t.newUser('finance');
    const burst = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong-password-123' }),
      ),
    );
    expect(tally(burst)).toEqual({ '401 INVALID_CREDENTIALS': 10, '429 TOO_MANY_ATTEMPTS': 40 });
    for (const res of burst.filter((r) => r.status === 429)) {
      expect(res.body).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        message: 'Too many failed sign-ins for this account; try again later',
        code: 'TOO_MANY_ATTEMPTS',
      });
      const retryAfter = Number(res.headers['retry-after']);
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 15 * 60).toBe(true);
    }
    const after = await t.http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD });
    expect(after.status).toBe(429);
    const [{ failed, pending }] = await t.db.query(
      `SELECT count(*) FILTER (WHERE succeeded = false)::int AS failed, count(*) FILTER (WHERE succeeded IS NULL)::int AS pending
         FROM login_attempts WHERE email = $1`,
      [user.email],
    );
    expect({ failed, pending }).toEqual({ failed: 10, pending: 0 });
  });

  it('refuses with 429 a right password sent while a burst that filled the window is still being verified', async () => {
    const user = await t.newUser('finance');
    // the test holds the account's lock, so the burst queues in front of the right password in a known order
    const holder = new pg.Client({ connectionString: t.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOGIN_LOCK_CLASS, user.email]);
      const burst = Array.from({ length: 10 }, () =>
        t.http
          .post('/api/auth/login')
          .send({ email: user.email, password: 'wrong-password-123' })
          .then((r) => r),
      );
      await until('ten sign-ins queue on the account before their passwords are verified', async () => {
        const [{ waiting }] = (
          await holder.query(
            `SELECT count(*)::int AS waiting FROM pg_locks
              WHERE locktype = 'advisory' AND classid = $1 AND objsubid = 2 AND NOT granted
                AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
            [LOGIN_LOCK_CLASS],
          )
        ).rows;
        return waiting === 10;
      });
      const right = t.http
        .post('/api/auth/login')
        .send({ email: user.email, password: TEST_PASSWORD })
        .then((r) => r);
      await holder.query('COMMIT');
      expect(tally(await Promise.all(burst))).toEqual({ '401 INVALID_CREDENTIALS': 10 });
      expect((await right).status).toBe(429);
    } finally {
      await holder.end();
    }
  });

  it('holds the limit across two API processes on one database: 25 wrong passwords at each, 10 answered 401', async () => {
    const user = await t.newUser('finance');
    const second = await createTestApp({ loginMaxFailures: 10, loginWindowMinutes: 15 }, t.databaseUrl);
    try {
      const guess = (app: TestApp) =>
        app.http.post('/api/auth/login').send({ email: user.email, password: 'wrong-password-123' });
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => guess(i % 2 === 0 ? t : second)));
      expect(tally(answers)).toEqual({ '401 INVALID_CREDENTIALS': 10, '429 TOO_MANY_ATTEMPTS': 40 });
    } finally {
      await second.app.close();
    }
  });

  it('counts an attempt whose process died before it was verified as a failure', async () => {
    const user = await t.newUser('finance');
    // what ten processes killed in the middle of verifying a password leave behind
    await t.db.query(
      `INSERT INTO login_attempts (email, succeeded, at) SELECT $1, NULL, now() FROM generate_series(1, 10)`,
      [user.email],
    );
    const res = await t.http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD });
    expect(res.status).toBe(429);
  });

  it('refuses a login body with wrong types or unknown fields, naming them', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: 'x', password: 5, remember: true });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual({
      email: 'email must be an email address',
      password: 'password must be a text',
      remember: 'remember is not a known field',
    });
  });
});
