import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Role } from '@app/contract';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../api/src/app.factory.js';
import { createRootLogger } from '../../api/src/common/logging.js';
import { type AppConfig, loadConfig } from '../../api/src/config/app-config.js';
import { installKeyRing } from '../../api/src/crypto/key-ring.js';
import { migrate } from '../../api/src/database/data-source.js';
import type { Unit } from '../../api/src/units/unit.entity.js';
import type { User } from '../../api/src/users/user.entity.js';
import { createTestDatabase } from './database.js';
import { newUnit, newUser, TEST_PASSWORD } from './factories.js';
import { testKeyRing } from './encryption.js';

// as main.ts does at start: the narrative columns' transformers read the process's key ring
installKeyRing(testKeyRing());

export { TEST_PASSWORD };

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  db: DataSource;
  databaseUrl: string;
  /** A unit with a fresh code. */
  newUnit(fields?: Partial<Unit>): Promise<Unit>;
  /** A user with TEST_PASSWORD; a unit worker gets a new unit unless one is given. */
  newUser(role: Role, fields?: Partial<User>): Promise<User>;
  /** Signs in through the API and answers the bearer token. */
  login(email: string, password?: string, totp?: string): Promise<string>;
  /** A new user of the role, signed in. */
  signedIn(role: Role, fields?: Partial<User>): Promise<SignedIn>;
  /** Turns the second factor on through the API (set-up, then a code computed by otplib) for a signed-in user. */
  enrol(auth: { Authorization: string }): Promise<{ secret: string; recoveryCodes: string[] }>;
  /** A new user of the role, signed in, with the second factor on. */
  signedInWithTotp(role: Role, fields?: Partial<User>): Promise<SignedIn & { secret: string; recoveryCodes: string[] }>;
  /**
   * A code the API accepts now: of the current time step, or of the next one when the
   * current one was used already (one step of drift is allowed). Throws when both were used.
   */
  totpCode(userId: string, secret: string): Promise<string>;
  close(): Promise<void>;
}

export interface SignedIn {
  user: User;
  token: string;
  auth: { Authorization: string };
}

/**
 * The whole application with a DATA_DIR of its own as well (`exitpool-<name>-…` in the
 * system's temporary directory), which `close()` removes after the database.
 */
export async function createTestAppWithDataDir(name: string): Promise<TestApp & { dataDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), `exitpool-${name}-`));
  const t = await createTestApp({ dataDir });
  const close = async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  return { ...t, dataDir, close };
}

/** The whole application on a database of its own, as `npm start` builds it. */
export async function createTestApp(overrides: Partial<AppConfig> = {}, databaseUrl?: string): Promise<TestApp> {
  const database = databaseUrl ? undefined : await createTestDatabase(migrate);
  const url = databaseUrl ?? database!.url;
  const config = { ...loadConfig({}), demo: false, ...overrides, databaseUrl: url };
  const app = await createApp(config, createRootLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), {
    adminDir: '/nonexistent',
  });
  await app.init();
  const db = app.get(DataSource);
  const http = request(app.getHttpServer());

  const ctx: TestApp = {
    app,
    http,
    db,
    databaseUrl: url,
    newUnit: (fields) => newUnit(db, fields),
    newUser: (role, fields) => newUser(db, role, fields),
    async login(email, password = TEST_PASSWORD, totp) {
      const res = await http
        .post('/api/auth/login')
        .send(totp === undefined ? { email, password } : { email, password, totp });
      if (res.status !== 200) throw new Error(`login of ${email} answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    async signedIn(role, fields) {
      const user = await ctx.newUser(role, fields);
      const token = await ctx.login(user.email);
      return { user, token, auth: { Authorization: `Bearer ${token}` } };
    },
    async enrol(auth) {
      const setup = await http.post('/api/auth/totp/setup').set(auth);
      if (setup.status !== 200) throw new Error(`totp set-up answered ${setup.status}: ${JSON.stringify(setup.body)}`);
      const secret = setup.body.secret as string;
      const code = await generate({ secret });
      const confirm = await http.post('/api/auth/totp/confirm').set(auth).send({ code });
      if (confirm.status !== 200)
        throw new Error(`totp confirm answered ${confirm.status}: ${JSON.stringify(confirm.body)}`);
      return { secret, recoveryCodes: confirm.body.recoveryCodes as string[] };
    },
    async signedInWithTotp(role, fields) {
      const signedIn = await ctx.signedIn(role, fields);
      return { ...signedIn, ...(await ctx.enrol(signedIn.auth)) };
    },
    async totpCode(userId, secret) {
      const [{ last }] = await db.query(`SELECT totp_last_step AS last FROM users WHERE id = $1`, [userId]);
      const current = Math.floor(Date.now() / 30_000);
      const step = last === null ? current : Math.max(current, Number(last) + 1);
      if (step > current + 1) throw new Error('both codes the API would accept now were used already');
      return generate({ secret, epoch: step * 30 });
    },
    async close() {
      await app.close();
      await database?.drop();
    },
  };
  return ctx;
}
