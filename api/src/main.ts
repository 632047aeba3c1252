import 'reflect-metadata';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { createApp } from './app.factory.js';
import { createRootLogger } from './common/logging.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { migrate } from './database/data-source.js';
import { startEmbeddedPostgres, type RunningPostgres } from './database/embedded-postgres.js';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, DEMO_USERS } from './demo/demo-data.js';
import { seedDemoApplications } from './demo/demo-applications.js';
import { seedDemo } from './demo/demo-seed.js';

const EMBEDDED_DATABASE = 'exitpool';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const logger = createRootLogger(config.logLevel);

  let embedded: RunningPostgres | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    logger.info({ dataDir: config.dataDir }, 'Starting the embedded PostgreSQL');
    embedded = await startEmbeddedPostgres(config.dataDir, {
      log: (line) => logger.debug({ context: 'postgres' }, line.trim()),
    });
    await ensureDatabase(embedded.url('postgres'), EMBEDDED_DATABASE);
    databaseUrl = embedded.url(EMBEDDED_DATABASE);
    // where operators' commands (npm run check:ledger) find the running cluster
    await writeFile(join(config.dataDir, 'postgres.url'), databaseUrl + '\n', { mode: 0o600 });
  }

  const applied = await migrate(databaseUrl);
  if (applied.length) logger.info({ migrations: applied }, 'Migrations applied');

  const app = await createApp({ ...config, databaseUrl }, logger);
  if (config.demo && (await seedDemo(app.get(DataSource)))) {
    await seedDemoApplications(app);
    logger.info('Demo data created');
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Stopping');
    await app.close();
    if (embedded) await rm(join(config.dataDir, 'postgres.url'), { force: true });
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await app.listen(config.port);
  logger.info(`Exit Pool is running at http://localhost:${config.port}/ (API at /api, docs at /api/docs)`);
  if (config.demo) {
    logger.info(
      `Demo accounts, all with the password ${DEMO_PASSWORD}: ${DEMO_USERS.map((u) => `${u.email} (${u.role}${u.unitCode ? ' ' + u.unitCode : ''})`).join(', ')}`,
    );
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error('Exit Pool could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
