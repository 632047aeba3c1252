import { randomBytes, randomUUID } from 'node:crypto';
import { DecryptionError } from '../crypto/cipher.js';
import { parseKeyRing } from '../crypto/key-ring.js';
import { CHUNK_SIZE, openChunk, plainChunks, sealChunk } from './attachment-chunks.js';

const ring = parseKeyRing(`k1:${randomBytes(32).toString('base64')}`);

describe('attachment chunks', () => {
  it.each([
    ['one byte', 1, [1]],
    ['less than a chunk', 1000, [1000]],
    ['exactly one chunk', CHUNK_SIZE, [CHUNK_SIZE]],
    ['one byte more than a chunk', CHUNK_SIZE + 1, [CHUNK_SIZE, 1]],
    ['ten megabytes', 10 * 1024 * 1024, Array.from({ length: 20 }, () => CHUNK_SIZE)],
  ])('cuts %s into chunks of the chunk size, the last one marked', (_, size, lengths) => {
    const bytes = randomBytes(size);
    const chunks = [...plainChunks(bytes)];
    expect(chunks.map((c) => c.plain.length)).toEqual(lengths);
    expect(chunks.map((c) => c.n)).toEqual(lengths.map((_, i) => i));
    expect(chunks.map((c) => c.last)).toEqual(lengths.map((_, i) => i === lengths.length - 1));
    expect(Buffer.concat(chunks.map((c) => c.plain)).equals(bytes)).toBe(true);
  });

  it('hands out views of the file, not copies', () => {
    const bytes = new Uint8Array(3 * 100);
    const [first] = plainChunks(bytes, 100);
    bytes[5] = 42;
    expect(first.plain[5]).toBe(42);
  });

  describe('sealed', () => {
    const id = randomUUID();
    const other = randomUUID();
    const plain = Buffer.from('%PDF-1.7 a quote for a safe house');
    const sealed = sealChunk(ring, id, 3, false, plain);

    it('opens in its place and holds no plain text', () => {
      expect(openChunk(ring, id, 3, false, sealed).equals(plain)).toBe(true);
      expect(sealed.includes(Buffer.from('safe house'))).toBe(false);
    });

    it('does not open as a chunk of another attachment', () => {
      expect(() => openChunk(ring, other, 3, false, sealed)).toThrow(DecryptionError);
    });

    it('does not open at another place of the same attachment', () => {
      expect(() => openChunk(ring, id, 2, false, sealed)).toThrow(DecryptionError);
      expect(() => openChunk(ring, id, 4, false, sealed)).toThrow(DecryptionError);
    });

    it('does not open as the last chunk when it was not sealed as the last (a file cut short)', () => {
      expect(() => openChunk(ring, id, 3, true, sealed)).toThrow(DecryptionError);
    });

    it('does not open as a middle chunk when it was sealed as the last (a file lengthened)', () => {
      const last = sealChunk(ring, id, 3, true, plain);
      expect(() => openChunk(ring, id, 3, false, last)).toThrow(DecryptionError);
      expect(openChunk(ring, id, 3, true, last).equals(plain)).toBe(true);
    });

    it('does not open when a single bit is changed', () => {
      const changed = Buffer.from(sealed);
      changed[changed.length - 20] ^= 1;
      expect(() => openChunk(ring, id, 3, false, changed)).toThrow(DecryptionError);
    });
  });
});
