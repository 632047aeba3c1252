import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { type AppConfig, loadConfig } from '../config/app-config.js';
import { loadKeyRing } from '../crypto/key-file.js';
import { installKeyRing } from '../crypto/key-ring.js';
import { dataSourceOptions } from '../database/data-source.js';
import { startEmbeddedDatabase } from '../database/embedded-database.js';
import { describeError } from '../database/start-failure.js';
import { checkLedger } from './ledger-check.js';

/**
 * `npm run check:ledger`: recomputes every figure from the postings and
 * reports any difference (exit 1), for operators. It uses DATABASE_URL, the
 * embedded database of a running `npm start` (through DATA_DIR), or starts the
 * embedded database itself when nothing runs.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  installKeyRing((await loadKeyRing(config)).ring);
  const { db, stop } = await connect(config);
  try {
    const problems = await checkLedger(db.manager);
    if (problems.length === 0) {
      console.error('The ledger adds up: every stored figure equals its postings.');
      return 0;
    }
    console.error(`${problems.length} figure(s) differ from the postings:`);
    for (const p of problems) console.error(`  ${p.what} ${p.id}: stored ${p.stored}, from postings ${p.fromPostings}`);
    return 1;
  } finally {
    await db.destroy();
    await stop?.();
  }
}

async function connect(config: AppConfig): Promise<{ db: DataSource; stop?: () => Promise<void> }> {
  if (config.databaseUrl) return { db: await open(config.databaseUrl) };
  const running = join(config.dataDir, 'postgres.url');
  if (existsSync(running)) {
    try {
      return { db: await open((await readFile(running, 'utf8')).trim()) };
    } catch (error) {
      // a postgres.url left behind by a killed process names a cluster that is gone: start it here
      if ((error as { code?: unknown }).code !== 'ECONNREFUSED') throw error;
    }
  }
  const embedded = await startEmbeddedDatabase(config.dataDir);
  try {
    return { db: await open(embedded.url), stop: embedded.stop };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

async function open(url: string): Promise<DataSource> {
  const db = new DataSource(dataSourceOptions(url));
  await db.initialize();
  return db;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('The ledger check could not run:', describeError(error));
    process.exit(2);
  },
);
