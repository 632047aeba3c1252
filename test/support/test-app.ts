import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Role } from '@app/contract';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../api/src/app.factory.js';
import { hashPassword } from '../../api/src/auth/password.js';
import { createRootLogger } from '../../api/src/common/logging.js';
import { type AppConfig, loadConfig } from '../../api/src/config/app-config.js';
import { migrate } from '../../api/src/database/data-source.js';
import { Unit } from '../../api/src/units/unit.entity.js';
import { User } from '../../api/src/users/user.entity.js';
import { createTestDatabase } from './database.js';

export const TEST_PASSWORD = 'correct-horse-battery';
let testHash: Promise<string> | undefined;

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
  login(email: string, password?: string): Promise<string>;
  /** A new user of the role, signed in. */
  signedIn(role: Role, fields?: Partial<User>): Promise<{ user: User; token: string; auth: { Authorization: string } }>;
  close(): Promise<void>;
}

let seq = 0;
const code = () => {
  const n = (Date.now() % 100000) * 100 + (seq++ % 100);
  return Array.from({ length: 4 }, (_, i) => String.fromCharCode(65 + (Math.floor(n / 26 ** i) % 26))).join('') + 'X';
};

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
    async newUnit(fields = {}) {
      return db.getRepository(Unit).save({ code: code(), name: `Test unit ${seq}`, active: true, ...fields });
    },
    async newUser(role, fields = {}) {
      testHash ??= hashPassword(TEST_PASSWORD);
      const unitId = role === 'unit_worker' ? (fields.unitId ?? (await ctx.newUnit()).id) : null;
      const id = randomBytes(4).toString('hex');
      const saved = await db.getRepository(User).save({
        email: `${role}.${id}@test.example`,
        displayName: `Test ${role} ${id}`,
        role,
        active: true,
        passwordHash: await testHash,
        ...fields,
        unitId,
      });
      return db.getRepository(User).findOneByOrFail({ id: saved.id });
    },
    async login(email, password = TEST_PASSWORD) {
      const res = await http.post('/api/auth/login').send({ email, password });
      if (res.status !== 200) throw new Error(`login of ${email} answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    async signedIn(role, fields) {
      const user = await ctx.newUser(role, fields);
      const token = await ctx.login(user.email);
      return { user, token, auth: { Authorization: `Bearer ${token}` } };
    },
    async close() {
      await app.close();
      await database?.drop();
    },
  };
  return ctx;
}
