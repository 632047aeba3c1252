import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { dataSourceOptions } from '../database/data-source.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { checkLedger } from './ledger-check.js';

/**
 * `npm run check:ledger`: recomputes every figure from the postings and
 * reports any difference (exit 1), for operators. It uses DATABASE_URL, the
 * embedded database of a running `npm start` (through DATA_DIR), or starts the
 * embedded database itself when nothing runs.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  let url = config.databaseUrl;
  let stop: (() => Promise<void>) | undefined;
  const running = join(config.dataDir, 'postgres.url');
  if (!url && existsSync(running)) url = (await readFile(running, 'utf8')).trim();
  if (!url) {
    const pg = await startEmbeddedPostgres(config.dataDir);
    url = pg.url('exitpool');
    stop = pg.stop;
  }
  const db = new DataSource(dataSourceOptions(url));
  await db.initialize();
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

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('The ledger check could not run:', error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
