// Jest loads this file as CommonJS, outside the ES-module test runtime: it can
// only import files that import nothing of the project, hence the `.ts` paths.
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../api/src/database/embedded-postgres.ts';

/**
 * Once per run: a PostgreSQL (embedded, or the server in DATABASE_URL) and the
 * name of this run's template database, which the first test file migrates.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = await mkdtemp(join(tmpdir(), 'exitpool-test-'));
    const pg = await startEmbeddedPostgres(dir, { persistent: false });
    (globalThis as { __exitPoolPostgres?: typeof pg }).__exitPoolPostgres = pg;
    adminUrl = pg.url('postgres');
  }
  process.env.EXITPOOL_TEST_ADMIN_URL = adminUrl;
  process.env.EXITPOOL_TEST_TEMPLATE = `exitpool_tpl_${randomBytes(4).toString('hex')}`;
}
