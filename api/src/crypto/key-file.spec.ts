import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decryptText, encryptText } from './cipher.js';
import { KEY_FILE, KeyFileError, loadKeyRing, readOrCreateKeyFile } from './key-file.js';
import { parseKeyRing } from './key-ring.js';

describe(readOrCreateKeyFile.name, () => {
  let dataDir: string;
  let file: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'exitpool-keys-'));
    file = join(dataDir, KEY_FILE);
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('creates k1:<base64 of 32 random bytes> with mode 0600 on the first start, and nothing else', async () => {
    const first = await readOrCreateKeyFile(dataDir);
    expect(first.created).toBe(true);
    expect(first.source).toBe(file);
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^k1:[A-Za-z0-9+/]{43}=\n$/);
    expect(Buffer.from(text.trim().slice(3), 'base64')).toHaveLength(32);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(dataDir)).toEqual([KEY_FILE]);
    expect(first.ring.current.id).toBe('k1');
    expect(first.ring.current.key.equals(Buffer.from(text.trim().slice(3), 'base64'))).toBe(true);
  });

  it('reads the same key on every later start', async () => {
    const first = await readOrCreateKeyFile(dataDir);
    const stored = encryptText(first.ring, 'written on the first start');
    const later = await readOrCreateKeyFile(dataDir);
    expect(later.created).toBe(false);
    expect(decryptText(later.ring, stored)).toBe('written on the first start');
  });

  it('gives every installation its own key', async () => {
    const other = await mkdtemp(join(tmpdir(), 'exitpool-keys-'));
    try {
      const [a, b] = [await readOrCreateKeyFile(dataDir), await readOrCreateKeyFile(other)];
      expect(a.ring.current.key.equals(b.ring.current.key)).toBe(false);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('creates one key when several starts race for it', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => readOrCreateKeyFile(dataDir)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.ring.current.key.toString('base64'))).size).toBe(1);
    expect(await readdir(dataDir)).toEqual([KEY_FILE]);
  });

  it('reads a ring of several keys, by lines or commas, the first encrypting', async () => {
    const [k2, k1] = [randomBytes(32).toString('base64'), randomBytes(32).toString('base64')];
    await writeFile(file, `# rotated in June\nk2:${k2}\nk1:${k1}\n`, { mode: 0o600 });
    const { ring } = await readOrCreateKeyFile(dataDir);
    expect(ring.current.id).toBe('k2');
    expect([...ring.byId.keys()]).toEqual(['k2', 'k1']);
    await writeFile(file, `k2:${k2}, k1:${k1}`, { mode: 0o600 });
    expect([...(await readOrCreateKeyFile(dataDir)).ring.byId.keys()]).toEqual(['k2', 'k1']);
  });

  it('refuses a key file that others may read, naming it', async () => {
    await readOrCreateKeyFile(dataDir);
    await chmod(file, 0o644);
    await expect(readOrCreateKeyFile(dataDir)).rejects.toThrow(KeyFileError);
    await expect(readOrCreateKeyFile(dataDir)).rejects.toThrow(`${file} holds the encryption keys`);
  });

  it('refuses a broken key file, naming the file and never repeating a key', async () => {
    const short = randomBytes(16).toString('base64');
    await writeFile(file, `k1:${short}\n`, { mode: 0o600 });
    const error = await readOrCreateKeyFile(dataDir).catch((e: Error) => e);
    expect(error).toBeInstanceOf(KeyFileError);
    expect((error as Error).message).toBe(`${file}: entry 1 (k1) must be 32 bytes in base64 (44 characters)`);
    await writeFile(file, '\n', { mode: 0o600 });
    await expect(readOrCreateKeyFile(dataDir)).rejects.toThrow(`${file} must hold at least one key`);
  });
});

describe(loadKeyRing.name, () => {
  it('takes ENCRYPTION_KEYS when it is set, and writes no key file', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'exitpool-keys-'));
    try {
      const ring = parseKeyRing(`k7:${randomBytes(32).toString('base64')}`);
      const loaded = await loadKeyRing({ encryptionKeys: ring, dataDir });
      expect(loaded).toEqual({ ring, source: 'ENCRYPTION_KEYS', created: false });
      expect(await readdir(dataDir)).toEqual([]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('falls back to the key file without ENCRYPTION_KEYS', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'exitpool-keys-'));
    try {
      const loaded = await loadKeyRing({ dataDir });
      expect(loaded.created).toBe(true);
      expect(loaded.source).toBe(join(dataDir, KEY_FILE));
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
