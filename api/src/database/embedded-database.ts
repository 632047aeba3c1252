import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ensureAppDatabase } from './app-role.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export const EMBEDDED_DATABASE = 'exitpool';
export const EMBEDDED_APP_ROLE = 'exitpool';

export interface EmbeddedDatabase {
  /** The application role's URL of its database. */
  url: string;
  stop: () => Promise<void>;
}

/**
 * The embedded PostgreSQL as the application uses it: the superuser is used
 * only here, at start-up, to make sure the application's own role (not a
 * superuser; its password in DATA_DIR/exitpool.secret) owns the database.
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  options: { log?: (line: string) => void; notice?: (line: string) => void } = {},
): Promise<EmbeddedDatabase> {
  const cluster = await startEmbeddedPostgres(dataDir, options);
  try {
    const password = await appPassword(resolve(dataDir, 'exitpool.secret'));
    await ensureAppDatabase(cluster.url('postgres'), {
      role: EMBEDDED_APP_ROLE,
      password,
      database: EMBEDDED_DATABASE,
    });
    const url = new URL(cluster.url(EMBEDDED_DATABASE));
    url.username = EMBEDDED_APP_ROLE;
    url.password = encodeURIComponent(password);
    return { url: url.toString(), stop: cluster.stop };
  } catch (error) {
    await cluster.stop();
    throw new Error(`the embedded PostgreSQL could not be prepared for the application: ${messageOf(error)}`, {
      cause: error,
    });
  }
}

async function appPassword(file: string): Promise<string> {
  if (existsSync(file)) {
    const kept = (await readFile(file, 'utf8')).trim();
    if (kept) return kept;
  }
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, password + '\n', { mode: 0o600 });
  return password;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message || error.constructor.name : String(error);
}
