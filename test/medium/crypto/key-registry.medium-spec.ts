import { randomBytes } from 'node:crypto';
import { decryptText, encryptText } from '../../../api/src/crypto/cipher.js';
import { KeyRingMismatchError } from '../../../api/src/crypto/encryption-at-start.js';
import { type KeyRing, parseKeyRing } from '../../../api/src/crypto/key-ring.js';
import { prepareEncryptionAtStart, registeredKeys, retireUnusedKeys } from '../../../api/src/crypto/key-registry.js';
import { createMediumTest, type MediumTest } from '../medium-db.js';

let t: MediumTest;
beforeAll(async () => {
  t = await createMediumTest({ imports: [] });
});
afterAll(() => t.close());

const key = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
const ring = (...entries: string[]): KeyRing => parseKeyRing(entries.join(','));
const start = (r: KeyRing) => prepareEncryptionAtStart(t.db.manager, r, 'ENCRYPTION_KEYS');
const registered = async () => (await registeredKeys(t.db.manager)).map((k) => k.keyId);

/** A user whose second-factor secret is stored as given: a narrative column that is quick to fill. */
async function storedSecret(value: string): Promise<string> {
  const user = await t.newUser('admin');
  await t.db.query(`UPDATE users SET totp_pending_secret = $2 WHERE id = $1`, [user.id, value]);
  return user.id;
}

/** Every registered key, the values and the registry of the previous test gone: a database as on its first start. */
async function freshDatabase(): Promise<void> {
  await t.db.query(`UPDATE users SET totp_pending_secret = NULL`);
  await t.db.query(`DELETE FROM encryption_keys`);
}

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(KeyRingMismatchError);
    return (error as Error).message;
  }
  throw new Error('expected the start to be refused');
}

describe('The key registry at start', () => {
  beforeEach(freshDatabase);

  it('reads every value on the first start: encrypts plaintext, registers the keys in use and the newest', async () => {
    const k1 = key('k1');
    const k2 = key('k2');
    await storedSecret(encryptText(ring(k1), 'JBSWY3DPEHPK3PXP'));
    const plain = await storedSecret('an installation from before encryption');

    expect(Object.fromEntries(await start(ring(k2, k1)))).toEqual({ 'users.totp_pending_secret': 1 });
    expect(await registered()).toEqual(['k1', 'k2']);
    const [{ totp_secret: sealed }] = await t.db.query(
      `SELECT totp_pending_secret AS totp_secret FROM users WHERE id = $1`,
      [plain],
    );
    expect(decryptText(ring(k2, k1), sealed)).toBe('an installation from before encryption');
    // a check value is a fixed text under its own key, never a copy of a stored value
    for (const { keyId, checkValue } of await registeredKeys(t.db.manager)) {
      expect(checkValue.startsWith(`ep1:${keyId}:`)).toBe(true);
      expect(decryptText(ring(k2, k1), checkValue)).toBe('Exit Pool key check');
    }
  });

  it('on a later start reads the registry, not the values, and registers a new newest key', async () => {
    const k1 = key('k1');
    await start(ring(k1));
    // a value no process registered its key for (written behind the application's back) is not read at start
    await storedSecret(encryptText(ring(key('ghost')), 'JBSWY3DPEHPK3PXP'));
    await storedSecret('plaintext written behind the application’s back');
    const k3 = key('k3');

    expect((await start(ring(k3, k1))).size).toBe(0);
    expect(await registered()).toEqual(['k1', 'k3']);
  });

  it('refuses a ring that lacks a registered key a value is under, naming the key and a column', async () => {
    const k1 = key('k1');
    await storedSecret(encryptText(ring(k1), 'JBSWY3DPEHPK3PXP'));
    await start(ring(k1));

    const message = await refusal(start(ring(key('k2'))));
    expect(message).toContain(
      'The database holds values encrypted under the key k1 (e.g. in users.totp_pending_secret)',
    );
    expect(message).toContain('which the key ring of ENCRYPTION_KEYS does not hold');
  });

  it('refuses another key under a registered id, whether or not a value is under it yet', async () => {
    const k1 = key('k1');
    await start(ring(k1));
    // no value under k1 yet: the check value alone tells the keys apart
    expect(await refusal(start(ring(key('k1'))))).toMatch(
      /^The key k1 of ENCRYPTION_KEYS is not the key k1 registered on this database on \d{4}-\d{2}-\d{2}/,
    );

    await storedSecret(encryptText(ring(k1), 'JBSWY3DPEHPK3PXP'));
    expect(await refusal(start(ring(key('k1'))))).toContain(
      'The key k1 of ENCRYPTION_KEYS does not decrypt the values stored under k1 (e.g. in users.totp_pending_secret)',
    );
  });

  it('retires a registered key the ring dropped once no value is under it, and starts', async () => {
    const k1 = key('k1');
    const k2 = key('k2');
    await start(ring(k1));
    await start(ring(k2, k1));
    await storedSecret(encryptText(ring(k2), 'JBSWY3DPEHPK3PXP'));

    expect((await start(ring(k2))).size).toBe(0);
    expect(await registered()).toEqual(['k2']);
  });

  it('after a rotation, retires the keys no value is under any more, keeping the newest', async () => {
    const k1 = key('k1');
    const k2 = key('k2');
    const user = await storedSecret(encryptText(ring(k1), 'JBSWY3DPEHPK3PXP'));
    await start(ring(k2, k1));
    expect(await retireUnusedKeys(t.db.manager, ring(k2, k1), 'ENCRYPTION_KEYS')).toEqual([]);

    await t.db.query(`UPDATE users SET totp_pending_secret = $2 WHERE id = $1`, [
      user,
      encryptText(ring(k2), 'JBSWY3DPEHPK3PXP'),
    ]);
    expect(await retireUnusedKeys(t.db.manager, ring(k2, k1), 'ENCRYPTION_KEYS')).toEqual(['k1']);
    expect(await registered()).toEqual(['k2']);
  });
});
