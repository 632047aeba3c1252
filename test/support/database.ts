import pg from 'pg';
import { randomBytes } from 'node:crypto';

/** Swaps the database name of a PostgreSQL URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.EXITPOOL_TEST_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export const adminQuery = (sql: string): Promise<void> => withAdminClient(async (c) => void (await c.query(sql)));

/** A URL of the database as this run's application role, which owns it and is no superuser. */
export function asAppRole(url: string): string {
  const parsed = new URL(url);
  parsed.username = process.env.EXITPOOL_TEST_APP_ROLE!;
  parsed.password = encodeURIComponent(process.env.EXITPOOL_TEST_APP_PASSWORD!);
  return parsed.toString();
}

/**
 * A database of its own for one test file, copied from this run's template
 * and owned by the application role, which the application connects as.
 * The first file to ask migrates the template; the others wait on a lock.
 */
export async function createTestDatabase(
  migrate: (url: string) => Promise<unknown>,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.EXITPOOL_TEST_ADMIN_URL!;
  const template = process.env.EXITPOOL_TEST_TEMPLATE!;
  const role = pg.escapeIdentifier(process.env.EXITPOOL_TEST_APP_ROLE!);
  await withAdminClient(async (client) => {
    await client.query('SELECT pg_advisory_lock(7310002)');
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (!rowCount) {
        await client.query(`CREATE DATABASE ${template}_new OWNER ${role}`);
        await migrate(asAppRole(withDatabase(admin, `${template}_new`)));
        await client.query(`ALTER DATABASE ${template}_new RENAME TO ${template}`);
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(7310002)');
    }
  });
  const name = `${template.replace('_tpl', '_t')}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} OWNER ${role} TEMPLATE ${template}`);
  return {
    url: asAppRole(withDatabase(admin, name)),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
