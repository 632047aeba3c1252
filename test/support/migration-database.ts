import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrate } from '../../api/src/database/data-source.js';
import { migrations } from '../../api/src/database/migrations/index.js';
import { adminQuery, asAppRole, withAdminClient, withDatabase } from './database.js';

/**
 * For a test of what one migration does to the rows an installation had before it:
 * a database of its own, dropped after the enclosing describe block's tests (call
 * this inside one), and `migrated()`, a connection to it with every earlier migration
 * run, for the test to write the old rows through; then `upToDate()`, a connection to it
 * with every migration run, the one under test included. The caller destroys each.
 */
export function databaseBefore(migration: (typeof migrations)[number], label: string) {
  const name = `exitpool_${label}_${Math.random().toString(16).slice(2, 10)}`;
  const url = asAppRole(withDatabase(process.env.EXITPOOL_TEST_ADMIN_URL!, name));
  afterAll(() => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  return {
    url,
    async migrated(): Promise<DataSource> {
      await withAdminClient((c) =>
        c.query(`CREATE DATABASE ${name} OWNER ${pg.escapeIdentifier(process.env.EXITPOOL_TEST_APP_ROLE!)}`),
      );
      const earlier = migrations.slice(0, migrations.indexOf(migration));
      const db = new DataSource({ ...dataSourceOptions(url), migrations: earlier, migrationsTransactionMode: 'each' });
      await db.initialize();
      try {
        await db.runMigrations();
      } catch (error) {
        await db.destroy();
        throw error;
      }
      return db;
    },
    async upToDate(): Promise<DataSource> {
      await migrate(url);
      const db = new DataSource(dataSourceOptions(url));
      await db.initialize();
      return db;
    },
  };
}
