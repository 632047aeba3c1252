import { randomBytes } from 'node:crypto';
import {
  bytesKeyId,
  DecryptionError,
  decryptBytes,
  decryptText,
  encryptBytes,
  encryptText,
  isEncryptedText,
  textKeyId,
} from './cipher.js';
import { parseKeyRing } from './key-ring.js';

const key = () => randomBytes(32).toString('base64');
const k1 = key();
const k2 = key();
const old = parseKeyRing(`k1:${k1}`);
const ring = parseKeyRing(`k2:${k2},k1:${k1}`);

describe('encrypted text', () => {
  it('round-trips any text and never stores it readably', () => {
    for (const plain of ['', 'Sikker bolig i Odense, 10 nætter', '🙂 \u00e6\u00f8\u00e5 \n\t', 'x'.repeat(10_000)]) {
      const stored = encryptText(ring, plain);
      expect(stored.startsWith('ep1:k2:')).toBe(true);
      if (plain.length > 3) expect(stored).not.toContain(plain);
      expect(decryptText(ring, stored)).toBe(plain);
    }
  });

  it('uses a fresh IV for every value', () => {
    expect(encryptText(ring, 'same')).not.toBe(encryptText(ring, 'same'));
  });

  it('reads values of an older key of the ring, and names a key the ring lacks', () => {
    const stored = encryptText(old, 'written under k1');
    expect(textKeyId(stored)).toBe('k1');
    expect(decryptText(ring, stored)).toBe('written under k1');
    expect(() => decryptText(parseKeyRing(`k2:${k2}`), stored)).toThrow(/key k1, which ENCRYPTION_KEYS does not hold/);
  });

  it('refuses a value changed by a single bit', () => {
    const stored = encryptText(ring, 'the decision reason');
    const raw = Buffer.from(stored.split(':')[2], 'base64');
    raw[14] ^= 1;
    expect(() => decryptText(ring, `ep1:k2:${raw.toString('base64')}`)).toThrow(DecryptionError);
  });

  it('tells the stored form from plain text', () => {
    expect(isEncryptedText(encryptText(ring, 'a'))).toBe(true);
    expect(isEncryptedText('ep1: a note that starts like one')).toBe(false);
    expect(textKeyId('plain')).toBeNull();
  });
});

describe('encrypted bytes', () => {
  it('round-trips with its key id and refuses another context', () => {
    const plain = randomBytes(100_000);
    const aad = Buffer.from('attachment 7, chunk 0');
    const stored = encryptBytes(ring, plain, aad);
    expect(bytesKeyId(stored)).toBe('k2');
    expect(decryptBytes(ring, stored, aad).equals(plain)).toBe(true);
    expect(() => decryptBytes(ring, stored, Buffer.from('attachment 7, chunk 1'))).toThrow(DecryptionError);
    expect(() => decryptBytes(ring, stored)).toThrow(DecryptionError);
  });
});

describe('parseKeyRing', () => {
  it('takes the first key to encrypt and keeps every key to decrypt', () => {
    expect(ring.current.id).toBe('k2');
    expect([...ring.byId.keys()]).toEqual(['k2', 'k1']);
  });

  it.each([
    ['nothing', '', /at least one key/],
    ['no id', 'k1', /entry 1 must start with a key id/],
    ['a space in the id', `k 1:${k1}`, /entry 1 must start with a key id/],
    ['a short key', 'k1:c2hvcnQ=', /entry 1 \(k1\) must be 32 bytes/],
    ['an id twice', `k1:${k1},k1:${k2}`, /entry 2: the key id k1 is used twice/],
  ])('refuses %s, naming the variable', (_, text, message) => {
    expect(() => parseKeyRing(text)).toThrow(/^ENCRYPTION_KEYS/);
    expect(() => parseKeyRing(text)).toThrow(message);
  });

  it('never repeats a key in its message', () => {
    const bad = `k1:${k1.slice(0, 40)}`;
    expect(() => parseKeyRing(bad)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(k1.slice(0, 40)) }),
    );
  });
});
