import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { createHash, type Hash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { bytesKeyId, DecryptionError } from '../crypto/cipher.js';
import { keyRing } from '../crypto/key-ring.js';
import { openChunk, plainChunks, sealChunk } from './attachment-chunks.js';
import { AttachmentError, AttachmentErrorCode } from './attachments.errors.js';

/** What the store needs to know of an attachment to hand out its bytes and prove them whole. */
export interface StoredAttachment {
  id: string;
  size: number;
  sha256: string;
}

interface ChunkRow {
  bytes: Buffer;
  last: boolean;
}

interface Chunk {
  plain: Buffer;
  last: boolean;
}

/**
 * The bytes of attachments, in PostgreSQL (`attachment_chunks`): encrypted
 * chunk by chunk under the key ring's current key, so that every API process
 * sees every file and one database backup holds them all.
 */
@Injectable()
export class AttachmentStore implements OnApplicationBootstrap {
  private readonly logger = new Logger(AttachmentStore.name);

  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** A key ring that lacks a key of the stored chunks stops the start, rather than every download of them. */
  async onApplicationBootstrap(): Promise<void> {
    const used: { key_id: string; chunks: number }[] = await this.manager.query(
      `SELECT key_id, count(*)::int AS chunks FROM attachment_chunks GROUP BY key_id ORDER BY key_id`,
    );
    const ring = used.length ? keyRing() : undefined;
    const missing = used.filter(({ key_id }) => !ring?.byId.has(key_id));
    if (missing.length) {
      const keys = missing.map(({ key_id, chunks }) => `${key_id} (${chunks} chunk(s))`).join(', ');
      throw new Error(
        `The database holds attachment bytes encrypted under the key(s) ${keys}, which the key ring ` +
          '(ENCRYPTION_KEYS, or the demo’s key file) does not hold: add them after the newest key and start again',
      );
    }
  }

  /** Writes the bytes of a new attachment, a chunk at a time, in the caller's transaction. */
  async write(tx: EntityManager, attachmentId: string, bytes: Uint8Array): Promise<void> {
    const ring = keyRing();
    for (const { n, last, plain } of plainChunks(bytes)) {
      await tx.query(`INSERT INTO attachment_chunks (attachment_id, n, bytes) VALUES ($1, $2, $3)`, [
        attachmentId,
        n,
        sealChunk(ring, attachmentId, n, last, plain),
      ]);
    }
  }

  /**
   * The bytes as a stream that reads one chunk from the database when the
   * reader wants more (so a slow client holds one chunk, not the file). The
   * first chunk is read and checked here, so a missing or changed start is an
   * error before any byte is sent; a later problem destroys the stream, and
   * the last chunk is held back unless the whole file has the stored length
   * and SHA-256.
   */
  async read(attachment: StoredAttachment): Promise<Readable> {
    const first = await this.chunk(attachment, 0);
    return Readable.from(this.chunks(attachment, first), { objectMode: false });
  }

  private async *chunks(attachment: StoredAttachment, first: Chunk): AsyncGenerator<Buffer> {
    const hash = createHash('sha256');
    let length = 0;
    for (let n = 0, chunk = first; ; chunk = await this.chunk(attachment, ++n)) {
      hash.update(chunk.plain);
      length += chunk.plain.length;
      if (chunk.last) {
        this.checkWhole(attachment, length, hash);
        yield chunk.plain;
        return;
      }
      if (length >= attachment.size) {
        throw this.corrupt(attachment, `its chunks hold more than the ${attachment.size} bytes stored`);
      }
      yield chunk.plain;
    }
  }

  private checkWhole(attachment: StoredAttachment, length: number, hash: Hash): void {
    if (length !== attachment.size) {
      throw this.corrupt(attachment, `its chunks hold ${length} bytes, not the ${attachment.size} stored`);
    }
    if (hash.digest('hex') !== attachment.sha256) {
      throw this.corrupt(attachment, 'its bytes do not have the SHA-256 stored');
    }
  }

  /** Chunk n decrypted, and whether it is the last; its tag proves its attachment, place and end. */
  private async chunk(attachment: StoredAttachment, n: number): Promise<Chunk> {
    const rows: ChunkRow[] = await this.manager.query(
      `SELECT c.bytes,
              NOT EXISTS (SELECT 1 FROM attachment_chunks d WHERE d.attachment_id = c.attachment_id AND d.n = c.n + 1) AS last
         FROM attachment_chunks c
        WHERE c.attachment_id = $1 AND c.n = $2`,
      [attachment.id, n],
    );
    if (rows.length === 0) {
      if (n === 0) {
        this.logger.error(`Attachment ${attachment.id}: its bytes are not in the database`);
        throw new AttachmentError(AttachmentErrorCode.ContentMissing, 'The bytes of this attachment are missing');
      }
      throw this.corrupt(attachment, `chunk ${n} is missing`);
    }
    const [{ bytes, last }] = rows;
    try {
      return { plain: openChunk(keyRing(), attachment.id, n, last, bytes), last };
    } catch (error) {
      if (!(error instanceof DecryptionError)) throw error;
      throw this.corrupt(attachment, `chunk ${n} (key ${safeKeyId(bytes)}) does not authenticate: ${error.message}`);
    }
  }

  /** Logged with ids and numbers only, never a byte of the content. */
  private corrupt(attachment: StoredAttachment, why: string): AttachmentError {
    this.logger.error(`Attachment ${attachment.id} cannot be read: ${why}`);
    return new AttachmentError(
      AttachmentErrorCode.ContentCorrupt,
      'The stored bytes of this attachment cannot be read: they were changed, are incomplete, ' +
        'or are encrypted under a key this server does not hold',
    );
  }
}

function safeKeyId(bytes: Buffer): string {
  try {
    return bytesKeyId(bytes);
  } catch {
    return 'unknown';
  }
}
