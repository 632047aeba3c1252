import pg from 'pg';
import { DataSource, type DataSourceOptions, MigrationExecutor } from 'typeorm';
import { DEFAULT_POOL_SIZE } from '../config/app-config.js';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';

/** Held while a process migrates: replicas starting together take turns, and the later ones find nothing pending. */
export const MIGRATION_LOCK = 0x4d494752; // 'MIGR'

/** `poolSize`: the most connections the pool opens (DATABASE_POOL_SIZE for the API). */
export function dataSourceOptions(url: string, poolSize = DEFAULT_POOL_SIZE): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    // the migrations own the schema (gen_random_uuid() is built in): the application's role creates no extension
    installExtensions: false,
    extra: { max: poolSize, application_name: 'exit-pool' },
  };
}

/** A migration that failed, by name; it was rolled back, and those before it stay applied. */
export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    cause: unknown,
  ) {
    super(`migration ${migration} failed`, { cause });
  }
}

/**
 * Applies every pending migration, each in its own transaction, under a
 * session advisory lock: TypeORM takes none, and two processes migrating at
 * once would both run the first pending migration (one of them failing on
 * what the other created).
 */
export async function migrate(url: string): Promise<string[]> {
  const lock = new pg.Client({ connectionString: url, application_name: 'exit-pool-migrate' });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return await migrateLocked(url);
  } finally {
    // the session's end releases the lock too
    await lock.end().catch(() => undefined);
  }
}

async function migrateLocked(url: string): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, 2), migrationsTransactionMode: 'each' });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    return applied.map((m) => m.name);
  } catch (error) {
    // each migration commits on its own, so the first still pending is the one that failed
    const pending = await new MigrationExecutor(dataSource).getPendingMigrations().catch(() => []);
    throw new MigrationError(pending[0]?.name ?? 'of an unknown name', error);
  } finally {
    await dataSource.destroy();
  }
}
