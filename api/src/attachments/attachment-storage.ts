import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { chmod, type FileHandle, mkdir, open, rename, unlink } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AttachmentError, AttachmentErrorCode } from './attachments.errors.js';

const KEY = /^[0-9a-f]{64}$/;
const FILE_MODE = 0o600;
const DIRECTORY_MODE = 0o700;

const isInside = (child: string, parent: string) => {
  const path = relative(parent, child);
  return path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path));
};

/**
 * The bytes of attachments, on disk under `<DATA_DIR>/attachments/<k[0..2]>/<k>`
 * where k is a random key: never a name the client chose, never under the
 * served UI, readable by this process's user only.
 */
@Injectable()
export class AttachmentStorage implements OnModuleInit {
  private readonly logger = new Logger(AttachmentStorage.name);
  readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.dataDir, 'attachments');
  }

  onModuleInit(): void {
    // the UI's files are served to anyone; uploads must never be among them
    if (isInside(this.root, resolve('admin/dist'))) {
      throw new Error(
        `DATA_DIR must not be inside the served admin UI (admin/dist): attachments would be at ${this.root}`,
      );
    }
  }

  /** Stores the bytes under a new random key: written to a temporary name, then renamed into place. */
  async write(bytes: Uint8Array): Promise<string> {
    const key = randomBytes(32).toString('hex');
    const directory = join(this.root, key.slice(0, 2));
    await mkdir(directory, { recursive: true, mode: DIRECTORY_MODE });
    const temporary = join(directory, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await open(temporary, 'wx', FILE_MODE);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await chmod(temporary, FILE_MODE); // whatever the umask
      await rename(temporary, join(directory, key));
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    return key;
  }

  /** The stored file, open for reading. */
  async open(key: string): Promise<FileHandle> {
    try {
      return await open(this.path(key), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.logger.error(`The file of an attachment is missing from the storage (key ${key.slice(0, 8)}…)`);
      throw new AttachmentError(AttachmentErrorCode.FileMissing, 'The file of this attachment is missing');
    }
  }

  /** Removes a stored file; one already gone is fine. */
  async remove(key: string): Promise<void> {
    try {
      await unlink(this.path(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  path(key: string): string {
    // the key comes from our own database, but a path is built from it: check it anyway
    if (!KEY.test(key)) throw new Error('Not an attachment storage key');
    return join(this.root, key.slice(0, 2), key);
  }
}
