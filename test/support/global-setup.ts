// Jest loads this file as CommonJS, outside the ES-module test runtime: it can
// only import files that import nothing of the project, hence the `.ts` paths.
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureAppRole } from '../../api/src/database/app-role.ts';
import { startEmbeddedPostgres } from '../../api/src/database/embedded-postgres.ts';

/**
 * Once per run: a PostgreSQL (embedded, or the server in DATABASE_URL), the
 * name of this run's template database, which the first test file migrates,
 * and this run's application role. The tests create databases as the
 * superuser but run the application as that role, which is no superuser, as
 * in production: a migration or query that needs more than an owner's
 * privileges fails here first.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = await mkdtemp(join(tmpdir(), 'exitpool-test-'));
    const cluster = await startEmbeddedPostgres(dir, { persistent: false });
    (globalThis as { __exitPoolPostgres?: typeof cluster }).__exitPoolPostgres = cluster;
    adminUrl = cluster.url('postgres');
  }
  const run = randomBytes(4).toString('hex');
  const role = `exitpool_app_${run}`;
  const password = randomBytes(18).toString('base64url');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await ensureAppRole(admin, role, password);
  } finally {
    await admin.end();
  }
  process.env.EXITPOOL_TEST_ADMIN_URL = adminUrl;
  process.env.EXITPOOL_TEST_TEMPLATE = `exitpool_tpl_${run}`;
  process.env.EXITPOOL_TEST_APP_ROLE = role;
  process.env.EXITPOOL_TEST_APP_PASSWORD = password;
}
