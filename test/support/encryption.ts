import { type KeyRing, parseKeyRing } from '../../api/src/crypto/key-ring.js';

/**
 * The test run's fixed key ring: the in-process application of every test file
 * (test-app.ts) and the built processes that share its databases (a spawned
 * `main.js` or `check:ledger` with DATABASE_URL) must read each other's values.
 */
export const TEST_ENCRYPTION_KEYS = `test1:${Buffer.alloc(32, 0x5a).toString('base64')}`;

export const testKeyRing = (): KeyRing => parseKeyRing(TEST_ENCRYPTION_KEYS);
