import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { openOperatorDatabase } from '../database/operator-database.js';
import { type AuditCheckpoint, CHECKPOINT_PATTERN, describeBreak, verifyAuditChain } from './audit-verify.js';
import { runCommand } from '../common/command.js';

const USAGE = 'usage: npm run check:audit [-- --checkpoint <events>:<head hash> ...]';

/**
 * `npm run check:audit`: recomputes the hash chain of the whole audit trail, in batches, and prints
 * the first broken link (exit 1) or the number of events and the head hash (exit 0). Each
 * `--checkpoint <seq>:<hash>` written down earlier must still be in the chain. It uses DATABASE_URL,
 * the embedded database of a running `npm start` (through DATA_DIR), or starts that database itself.
 */
async function main(): Promise<number> {
  const checkpoints = parseCheckpoints();
  if (!checkpoints) {
    console.error(USAGE);
    return 2;
  }
  // only where the database is: checking the chain needs no encryption key, so an auditor needs none
  const { db, stop } = await openOperatorDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.DATA_DIR || './data',
  });
  try {
    const progress = process.stderr.isTTY
      ? (n: number) => n % 100_000 === 0 && process.stderr.write(`  ${n} events checked…\n`)
      : undefined;
    const result = await verifyAuditChain(db.manager, { checkpoints, progress });
    if (result.ok) {
      console.error(`The audit trail is whole: ${result.events} events.`);
      console.error(`Head: ${result.head ?? '(no event yet)'}`);
      if (result.head) console.error(`Checkpoint to write down: ${result.events}:${result.head}`);
      return 0;
    }
    console.error(`The audit trail is broken: ${describeBreak(result.brokenAt)}.`);
    console.error(`First broken link: seq ${result.brokenAt.seq}, problem ${result.brokenAt.problem}.`);
    console.error(`Events in the trail: ${result.events}; those before event ${result.brokenAt.seq} are whole.`);
    return 1;
  } finally {
    await db.destroy();
    await stop?.();
  }
}

function parseCheckpoints(): AuditCheckpoint[] | undefined {
  try {
    // run through scripts/run-built.mjs, this file's own path comes first
    const args = process.argv.slice(2).filter((a) => !a.endsWith('check-audit.main.js'));
    const { values } = parseArgs({ args, options: { checkpoint: { type: 'string', multiple: true } }, strict: true });
    const given = values.checkpoint ?? [];
    if (!given.every((c) => CHECKPOINT_PATTERN.test(c))) return undefined;
    return given.map((c) => ({ seq: Number(c.split(':')[0]), hash: c.split(':')[1] }));
  } catch {
    return undefined;
  }
}

runCommand('The audit check', main);
