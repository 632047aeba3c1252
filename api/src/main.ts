import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cluster from 'node:cluster';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runApiProcess, serve, serveInProcesses } from './api-processes.js';
import { createApp } from './app.factory.js';
import { createRootLogger } from './common/logging.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { loadKeyRing } from './crypto/key-file.js';
import { prepareEncryptionAtStart } from './crypto/key-registry.js';
import { installKeyRing } from './crypto/key-ring.js';
import { migrate, MigrationError } from './database/data-source.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './database/embedded-database.js';
import { ensureWritableDirectory } from './database/embedded-postgres.js';
import { databaseProblem, describeError, StartupError } from './database/start-failure.js';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, DEMO_PROFILES } from './demo/demo-data.js';
import { seedDemoApplications } from './demo/demo-applications.js';
import { seedDemo } from './demo/demo-seed.js';

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
  const runningUrlFile = join(config.dataDir, 'postgres.url');

  let embedded: EmbeddedDatabase | undefined;
  let app: NestExpressApplication | undefined;
  let stopProcesses: (() => Promise<void>) | undefined;
  let stopping = false;
  const stop = async (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'Stopping');
    await (stopProcesses ? stopProcesses() : app?.close());
    if (embedded) await rm(runningUrlFile, { force: true });
    await embedded?.stop();
    process.exit(code);
  };
  try {
    // DATA_DIR holds the embedded database and the demo's key file; with DATABASE_URL, nothing
    if (!config.databaseUrl) await ensureWritableDirectory(config.dataDir);
    // before anything reads or writes a narrative column
    const keys = await loadKeyRing(config);
    installKeyRing(keys.ring);
    if (keys.created) logger.info({ file: keys.source }, 'Created the demo installation’s encryption key file');
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      logger.info({ dataDir: config.dataDir }, 'Starting the embedded PostgreSQL');
      embedded = await startEmbeddedDatabase(config.dataDir, {
        log: (line) => logger.debug({ context: 'postgres' }, line.trim()),
        notice: (line) => logger.warn({ context: 'postgres' }, line),
      });
      databaseUrl = embedded.url;
      // where operators' commands (npm run check:ledger) find the running cluster, as the application's role
      await writeFile(runningUrlFile, databaseUrl + '\n', { mode: 0o600 });
    }
    const source = config.databaseUrl ? 'DATABASE_URL' : 'the embedded PostgreSQL';

    let applied: string[];
    try {
      applied = await migrate(databaseUrl);
    } catch (error) {
      if (error instanceof MigrationError) {
        const cause = databaseProblem(error.cause, databaseUrl, source) ?? describeError(error.cause);
        throw new StartupError(`${error.message}: ${cause}`, { cause: error });
      }
      throw new StartupError(databaseProblem(error, databaseUrl, source) ?? describeError(error), { cause: error });
    }
    if (applied.length) logger.info({ migrations: applied }, 'Migrations applied');

    app = await createApp({ ...config, databaseUrl }, logger);
    // a key ring that cannot read what is stored stops here, before anything is written with it;
    // values from before encryption are encrypted now
    const encrypted = await prepareEncryptionAtStart(app.get(DataSource).manager, keys.ring, keys.source);
    if (encrypted.size)
      logger.info({ values: Object.fromEntries(encrypted) }, 'Encrypted narratives stored in plaintext');
    // the modules' start-up work (attachment files of older versions moved into the database) fails here by its own name
    await app.init();
    if (config.demo && (await seedDemo(app.get(DataSource), DEMO_PROFILES[config.installation]))) {
      await seedDemoApplications(app);
      logger.info('Demo data created');
    }
    if (config.apiProcesses > 1) {
      // this process has done the start-up work; the API processes serve, each with the job queue
      await app.close();
      app = undefined;
      const giveUp = () => void stop('too many API processes stopped', 1);
      stopProcesses = await serveInProcesses(
        fileURLToPath(import.meta.url),
        config.apiProcesses,
        databaseUrl,
        logger,
        giveUp,
      );
    } else {
      await serve(app, config.port);
    }
  } catch (error) {
    await app?.close().catch(() => undefined);
    if (embedded) {
      await rm(runningUrlFile, { force: true });
      // a start that fails must not leave its PostgreSQL running
      await embedded.stop().catch(() => undefined);
    }
    throw error;
  }

  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  logger.info(`Exit Pool is running at http://localhost:${config.port}/ (API at /api, docs at /api/docs)`);
  if (config.demo) {
    logger.info(
      `Demo accounts, all with the password ${DEMO_PASSWORD}: ${DEMO_PROFILES[config.installation].users.map((u) => `${u.email} (${u.role}${u.unitCode ? ' ' + u.unitCode : ''})`).join(', ')}`,
    );
  }
}

// API_PROCESSES > 1: this file is also each API process the first one forks
(cluster.isWorker ? runApiProcess() : main()).catch((error: unknown) => {
  console.error('Exit Pool could not start:', describeError(error));
  process.exit(1);
});
