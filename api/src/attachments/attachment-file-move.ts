import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { readdir, readFile, rmdir, unlink } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AttachmentStore } from './attachment-store.js';

/** The name of a file of the old storage: 64 hex characters, in a folder named by the first two. */
const STORAGE_KEY = /^[0-9a-f]{64}$/;

interface Pending {
  id: string;
  storage_key: string;
  size: number;
  sha256: string;
}

export interface FileMoveResult {
  /** Files whose bytes are now in the database (and the file gone). */
  moved: number;
  /** Attachments whose file is not under this DATA_DIR, nor its bytes in the database. */
  missing: number;
  /** Files left in place because their bytes differ from what was uploaded. */
  differing: number;
  /** Files under DATA_DIR/attachments that no attachment waiting to be moved names. */
  unknown: number;
}

/** Another process starting at the same time may have tidied the same folder. */
const ifGone =
  <T>(value: T) =>
  (error: NodeJS.ErrnoException): T => {
    if (error.code === 'ENOENT' || error.code === 'ENOTEMPTY') return value;
    throw error;
  };

const isInside = (child: string, parent: string) => {
  const path = relative(parent, child);
  return path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path));
};

/**
 * Before issue 9, attachment bytes were plain files under
 * `DATA_DIR/attachments/<k[0..2]>/<k>` (k: `attachments.storage_key`). At
 * every start, after the migrations (which hold no key), each attachment
 * whose storage_key is still set is moved into the database, encrypted, and
 * its file removed. Each step can be repeated: a start that dies half-way, or
 * a second process starting at the same time, leaves nothing half-moved.
 */
@Injectable()
export class AttachmentFileMove implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(AttachmentFileMove.name);
  private readonly dataDir: string;
  readonly root: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly store: AttachmentStore,
  ) {
    this.dataDir = resolve(config.dataDir);
    this.root = join(this.dataDir, 'attachments');
  }

  onModuleInit(): void {
    // the UI's files are served to anyone; the database files and keys must never be among them
    if (isInside(this.dataDir, resolve('admin/dist'))) {
      throw new Error(`DATA_DIR must not be inside the served admin UI (admin/dist): ${this.dataDir} would be served`);
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.run();
  }

  async run(): Promise<FileMoveResult> {
    const result: FileMoveResult = { moved: 0, missing: 0, differing: 0, unknown: 0 };
    const pending: { id: string }[] = await this.manager.query(
      `SELECT id FROM attachments WHERE storage_key IS NOT NULL ORDER BY created_at, id`,
    );
    for (const { id } of pending) {
      const outcome = await this.moveOne(id);
      if (outcome !== 'gone') result[outcome]++;
    }
    result.unknown = (await this.tidyUp()) - result.differing;
    this.report(result);
    return result;
  }

  private async moveOne(id: string): Promise<'moved' | 'missing' | 'differing' | 'gone'> {
    let key: string | undefined;
    const outcome = await this.manager.transaction(async (tx) => {
      // a second process moving the same attachment waits here
      const [row]: Pending[] = await tx.query(
        `SELECT id, storage_key, size, sha256 FROM attachments WHERE id = $1 AND storage_key IS NOT NULL FOR UPDATE`,
        [id],
      );
      if (!row) return 'gone';
      // a statement of its own, so that it sees what the process it waited for committed
      const [{ in_database }]: { in_database: boolean }[] = await tx.query(
        `SELECT EXISTS (SELECT 1 FROM attachment_chunks WHERE attachment_id = $1) AS in_database`,
        [id],
      );
      key = row.storage_key;
      if (in_database) return 'moved';
      const bytes = await this.readOldFile(row.storage_key);
      if (!bytes) return 'missing';
      if (bytes.length !== row.size || createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
        this.logger.error(
          `Attachment ${row.id}: its file under DATA_DIR/attachments differs from what was uploaded ` +
            '(length or SHA-256); it is left where it is, not moved',
        );
        return 'differing';
      }
      await this.store.write(tx, row.id, bytes);
      return 'moved';
    });
    if (outcome !== 'moved' || !key) return outcome;
    // the chunks are committed: the plain file goes, then the row stops naming it
    await unlink(this.oldPath(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw this.failure(error);
    });
    await this.manager.query(`UPDATE attachments SET storage_key = NULL WHERE id = $1 AND storage_key = $2`, [id, key]);
    return 'moved';
  }

  private async readOldFile(key: string): Promise<Buffer | undefined> {
    if (!STORAGE_KEY.test(key)) return undefined;
    try {
      return await readFile(this.oldPath(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw this.failure(error as Error);
    }
  }

  private oldPath(key: string): string {
    return join(this.root, key.slice(0, 2), key);
  }

  /** Removes the emptied folders; counts the files left, which are never removed unasked. */
  private async tidyUp(): Promise<number> {
    let entries;
    try {
      entries = await readdir(this.root, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw this.failure(error as Error);
    }
    let left = 0;
    for (const entry of entries) {
      if (!entry.isDirectory()) {
        left++;
        continue;
      }
      const folder = join(this.root, entry.name);
      const files = await readdir(folder).catch(ifGone([]));
      if (files.length === 0) await rmdir(folder).catch(ifGone(undefined));
      left += files.length;
    }
    if (left === 0) await rmdir(this.root).catch(ifGone(undefined));
    return left;
  }

  private report({ moved, missing, differing, unknown }: FileMoveResult): void {
    if (moved) this.logger.log(`Moved ${moved} attachment file(s) from ${this.root} into the database`);
    if (missing) {
      this.logger.warn(
        `${missing} attachment(s) have their bytes neither in the database nor under ${this.root}; ` +
          'if an older version kept them in another server’s DATA_DIR, start this version there once to move them',
      );
    }
    if (unknown + differing) {
      this.logger.warn(
        `${unknown + differing} file(s) under ${this.root} were not moved (no attachment of this database names them, ` +
          'or their bytes differ from what was uploaded); they are left as they are: check them, then remove them',
      );
    }
  }

  private failure(error: Error): Error {
    return new Error(`Cannot move the attachment files under ${this.root} into the database: ${error.message}`, {
      cause: error,
    });
  }
}
