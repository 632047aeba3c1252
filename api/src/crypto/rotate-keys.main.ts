import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/app-config.js';
import { openOperatorDatabase } from '../database/operator-database.js';
import { checkKeyRing } from './encryption-at-start.js';
import { registerKeys, retireUnusedKeys } from './key-registry.js';
import { loadKeyRing } from './key-file.js';
import { installKeyRing } from './key-ring.js';
import { runRotation } from './rotation.js';
import { ROTATION_STEPS } from './rotation-steps.js';
import { runCommand } from '../common/command.js';

const USAGE = 'usage: npm run rotate-keys [-- --batch-size <1 to 10000, default 500>]';

/**
 * `npm run rotate-keys`: re-encrypts every stored value that is not under the
 * newest key of the key ring (ENCRYPTION_KEYS, or the demo's key file), batch
 * by batch. Each batch is a short transaction that changes a value only if
 * nobody changed it meanwhile, so it is safe while the application serves, and
 * a run that was stopped resumes where it stopped. Prints what it re-encrypted.
 * It uses DATABASE_URL, the embedded database of a running `npm start`
 * (through DATA_DIR), or starts that database itself.
 */
async function main(): Promise<number> {
  const batchSize = parseBatchSize();
  if (batchSize === undefined) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const { ring, source } = await loadKeyRing(config);
  installKeyRing(ring);
  const { db, stop } = await openOperatorDatabase(config);
  try {
    // a key the ring lacks stops the run before it changes anything
    await checkKeyRing(db.manager, ring, source);
    // registered before anything is written under it, as every process does at start
    await registerKeys(db.manager, ring, [ring.current.id]);
    console.error(`Re-encrypting every value under the key ${ring.current.id}, the first of ${source}…`);
    const progress = process.stderr.isTTY
      ? ({ step, done }: { step: string; done: number }) => process.stderr.write(`  ${step}: ${done}…\r`)
      : undefined;
    const counts = await runRotation(db.manager, ring, ROTATION_STEPS, batchSize, progress);
    let total = 0;
    for (const [step, n] of counts) {
      process.stdout.write(`${step}: ${n}\n`);
      total += n;
    }
    process.stdout.write(`Re-encrypted ${total} value(s); every value is now under the key ${ring.current.id}.\n`);
    const retired = await retireUnusedKeys(db.manager, ring, source);
    if (retired.length) {
      process.stdout.write(`No value is under ${retired.join(', ')} any more: the key ring may drop it.\n`);
    }
    return 0;
  } finally {
    await db.destroy();
    await stop?.();
  }
}

function parseBatchSize(): number | undefined {
  try {
    // run through scripts/run-built.mjs, this file's own path comes first
    const args = process.argv.slice(2).filter((a) => !a.endsWith('rotate-keys.main.js'));
    const { values } = parseArgs({ args, options: { 'batch-size': { type: 'string' } }, strict: true });
    const text = values['batch-size'] ?? '500';
    const n = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
    return n >= 1 && n <= 10_000 ? n : undefined;
  } catch {
    return undefined;
  }
}

runCommand('The key rotation', main);
