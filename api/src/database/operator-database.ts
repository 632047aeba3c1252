import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source.js';
import { startEmbeddedDatabase } from './embedded-database.js';

/**
 * The database of an operator's command (`check:audit`): DATABASE_URL, the embedded database of
 * a running `npm start` (through DATA_DIR), or the embedded database started here when nothing runs.
 */
export async function openOperatorDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>,
): Promise<{ db: DataSource; stop?: () => Promise<void> }> {
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
