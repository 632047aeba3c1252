import { Logger } from '@nestjs/common';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/app-config.js';
import { AttachmentStorage } from './attachment-storage.js';
import { AttachmentError } from './attachments.errors.js';

describe(AttachmentStorage.name, () => {
  let dataDir: string;
  let storage: AttachmentStorage;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'exitpool-storage-'));
    storage = new AttachmentStorage({ ...loadConfig({}), dataDir });
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('writes the bytes under a random key in a folder named by its first two characters, mode 0600', async () => {
    const key = await storage.write(new Uint8Array([1, 2, 3]));
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const path = join(dataDir, 'attachments', key.slice(0, 2), key);
    expect(storage.path(key)).toBe(path);
    expect([...(await readFile(path))]).toEqual([1, 2, 3]);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dataDir, 'attachments', key.slice(0, 2)))).toEqual([key]);
  });

  it('never uses the same key twice', async () => {
    const keys = await Promise.all(Array.from({ length: 20 }, () => storage.write(new Uint8Array([0]))));
    expect(new Set(keys).size).toBe(20);
  });

  it('opens a stored file, and reports and logs a missing one', async () => {
    const key = await storage.write(new Uint8Array([7]));
    const handle = await storage.open(key);
    expect([...(await handle.readFile())]).toEqual([7]);
    await handle.close();
    await storage.remove(key);
    const logged: unknown[] = [];
    const error = Logger.prototype.error;
    Logger.prototype.error = (message: unknown) => void logged.push(message);
    try {
      await expect(storage.open(key)).rejects.toBeInstanceOf(AttachmentError);
    } finally {
      Logger.prototype.error = error;
    }
    expect(logged).toEqual([expect.stringContaining('missing from the storage')]);
  });

  it('removes a file, and accepts removing one already gone', async () => {
    const key = await storage.write(new Uint8Array([7]));
    await storage.remove(key);
    await expect(stat(storage.path(key))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(storage.remove(key)).resolves.toBeUndefined();
  });

  it.each(['../../etc/passwd', 'ABCDEF', 'a'.repeat(63), `${'a'.repeat(64)}/..`])(
    'builds no path from the key %j',
    (key) => {
      expect(() => storage.path(key)).toThrow('Not an attachment storage key');
    },
  );

  it('refuses to start with DATA_DIR inside the served admin UI', () => {
    const served = new AttachmentStorage({ ...loadConfig({}), dataDir: resolve('admin/dist/data') });
    expect(() => served.onModuleInit()).toThrow(/must not be inside the served admin UI/);
    expect(() => storage.onModuleInit()).not.toThrow();
  });
});
