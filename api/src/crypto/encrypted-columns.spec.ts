import { randomBytes } from 'node:crypto';
import { DecryptionError, isEncryptedText, textKeyId } from './cipher.js';
import {
  encryptedLineDescriptions,
  encryptedNullableText,
  encryptedOverrideJustifications,
  encryptedText,
  openText,
  sealText,
} from './encrypted-columns.js';
import { installKeyRing, parseKeyRing } from './key-ring.js';

const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');

describe('narrative column transformers', () => {
  beforeEach(() => installKeyRing(parseKeyRing(`k1:${k1}`)));

  it('stores a text only in the encrypted form, under the newest key, and reads it back', () => {
    const stored = encryptedText.to('Threat from former associates in Odense') as string;
    expect(isEncryptedText(stored)).toBe(true);
    expect(stored).not.toContain('Odense');
    expect(textKeyId(stored)).toBe('k1');
    expect(encryptedText.from(stored)).toBe('Threat from former associates in Odense');
  });

  it('keeps null as null, never encrypted, both ways', () => {
    expect(encryptedNullableText.to(null)).toBeNull();
    expect(encryptedNullableText.from(null)).toBeNull();
    expect(encryptedText.to(undefined)).toBeUndefined();
  });

  it('encrypts an empty text too, and reads the empty SQL default as empty', () => {
    expect(isEncryptedText(encryptedText.to('') as string)).toBe(true);
    expect(encryptedText.from(encryptedText.to(''))).toBe('');
    expect(encryptedText.from('')).toBe('');
  });

  it('encrypts a text that merely looks encrypted, like any other', () => {
    const lookalike = sealText('x');
    const stored = encryptedText.to(lookalike) as string;
    expect(stored).not.toBe(lookalike);
    expect(encryptedText.from(stored)).toBe(lookalike);
  });

  it('refuses to read plaintext as if it were encrypted, by name', () => {
    expect(() => encryptedText.from('written before encryption')).toThrow(DecryptionError);
    expect(() => openText('written before encryption')).toThrow('A narrative value is not in the encrypted form');
  });

  it('reads values of older keys after a new key is put first, and writes under the new one', () => {
    const old = sealText('under k1');
    installKeyRing(parseKeyRing(`k2:${k2},k1:${k1}`));
    expect(openText(old)).toBe('under k1');
    expect(textKeyId(sealText('new'))).toBe('k2');
  });

  it('names the missing key when the ring lacks it, instead of answering garbage', () => {
    const old = sealText('under k1');
    installKeyRing(parseKeyRing(`k2:${k2}`));
    let error: unknown;
    try {
      openText(old);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DecryptionError);
    expect(error).toMatchObject({ keyId: 'k1', keyMissing: true });
    expect((error as Error).message).toContain('the key k1, which ENCRYPTION_KEYS does not hold');
  });

  it('says a key of the same id that is not the one the value was written with', () => {
    const old = sealText('under k1');
    installKeyRing(parseKeyRing(`k1:${k2}`));
    expect(() => openText(old)).toThrow(/does not authenticate under the key k1/);
  });

  describe('in a jsonb list', () => {
    const lines = [
      { description: 'Room near the old milieu, per night', quantity: 3, unitAmount: 150000 },
      { description: 'Deposit', quantity: 1, unitAmount: 9007199254740 },
    ];

    it('seals each line’s description and leaves the amounts plain for the SQL that sums them', () => {
      const stored = encryptedLineDescriptions.to(lines) as typeof lines;
      expect(stored.map(({ quantity, unitAmount }) => ({ quantity, unitAmount }))).toEqual([
        { quantity: 3, unitAmount: 150000 },
        { quantity: 1, unitAmount: 9007199254740 },
      ]);
      expect(stored.every((l) => isEncryptedText(l.description))).toBe(true);
      expect(JSON.stringify(stored)).not.toContain('milieu');
      expect(encryptedLineDescriptions.from(stored)).toEqual(lines);
      expect(lines[0].description).toBe('Room near the old milieu, per night');
    });

    it('seals each override’s justification and keeps its rule, author and time', () => {
      const overrides = [{ rule: 'required-documents', justification: 'The quote follows', by: 'u1', at: 'now' }];
      const stored = encryptedOverrideJustifications.to(overrides) as typeof overrides;
      expect(stored[0]).toMatchObject({ rule: 'required-documents', by: 'u1', at: 'now' });
      expect(isEncryptedText(stored[0].justification)).toBe(true);
      expect(encryptedOverrideJustifications.from(stored)).toEqual(overrides);
    });

    it('keeps an empty list, null and elements without the field as they are', () => {
      expect(encryptedLineDescriptions.to([])).toEqual([]);
      expect(encryptedLineDescriptions.from(null)).toBeNull();
      expect(encryptedLineDescriptions.to([{ quantity: 1 }])).toEqual([{ quantity: 1 }]);
    });
  });
});
