import 'reflect-metadata';
import { loadConfig } from '../config/app-config.js';
import { loadKeyRing } from '../crypto/key-file.js';
import { installKeyRing } from '../crypto/key-ring.js';
import { openOperatorDatabase } from '../database/operator-database.js';
import { checkLedger } from './ledger-check.js';
import { runCommand } from '../common/command.js';

/**
 * `npm run check:ledger`: recomputes every figure from the postings and
 * reports any difference (exit 1), for operators. It uses DATABASE_URL, the
 * embedded database of a running `npm start` (through DATA_DIR), or starts the
 * embedded database itself when nothing runs.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  installKeyRing((await loadKeyRing(config)).ring);
  const { db, stop } = await openOperatorDatabase(config);
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

runCommand('The ledger check', main);
