import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source.js';
import { startEmbeddedDatabase } from './embedded-database.js';

/**
 * The database of an operator's command (check:ledger, check:audit, purge, rotate-keys): DATABASE_URL,
 * the embedded database of a running `npm start` (through DATA_DIR), or the embedded database started
 * here when nothing runs (`stop` then stops it).
 */
export async function operatorDatabaseUrl(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>,
): Promise<{ url: string; stop?: () => Promise<void> }> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  const running = join(config.dataDir, 'postgres.url');
  if (existsSync(running)) {
    const url = (await readFile(running, 'utf8')).trim();
    // a postgres.url left behind by a killed process names a cluster that is gone: start it here
    if (await reachable(url)) return { url };
  }
  const embedded = await startEmbeddedDatabase(config.dataDir);
  return { url: embedded.url, stop: embedded.stop };
}

/** The same database, opened as a TypeORM data source. */
export async function openOperatorDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>,
): Promise<{ db: DataSource; stop?: () => Promise<void> }> {
  const { url, stop } = await operatorDatabaseUrl(config);
  try {
    const db = new DataSource(dataSourceOptions(url));
    await db.initialize();
    return { db, stop };
  } catch (error) {
    await stop?.();
    throw error;
  }
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ECONNREFUSED') return false;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}
