// Loaded as CommonJS by Jest, like global-setup.ts.
import type { RunningPostgres } from '../../api/src/database/embedded-postgres.ts';
import { withAdminClient } from './database.ts';

export default async function globalTeardown(): Promise<void> {
  const template = process.env.EXITPOOL_TEST_TEMPLATE;
  const embedded = (globalThis as { __exitPoolPostgres?: RunningPostgres }).__exitPoolPostgres;
  if (embedded) return embedded.stop();
  if (!template) return;
  // on a shared server, leave nothing of this run behind
  await withAdminClient(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2`,
      [`${template}%`, `${template.replace('_tpl', '_t')}\\_%`],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    const role = process.env.EXITPOOL_TEST_APP_ROLE;
    if (role) await client.query(`DROP ROLE IF EXISTS ${client.escapeIdentifier(role)}`);
  });
}
