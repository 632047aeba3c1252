import { DataSource, type DataSourceOptions, MigrationExecutor } from 'typeorm';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';

export function dataSourceOptions(url: string): DataSourceOptions {
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
    extra: { max: 20, application_name: 'exit-pool' },
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

/** Applies every pending migration, each in its own transaction. */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(url), migrationsTransactionMode: 'each' });
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
