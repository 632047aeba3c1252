import type { EntityManager } from 'typeorm';
import { DecryptionError } from '../crypto/cipher.js';
import type { KeyRing } from '../crypto/key-ring.js';
import type { RotationStep } from '../crypto/rotation.js';
import { openChunk, sealChunk } from './attachment-chunks.js';

interface StaleChunk {
  attachment_id: string;
  n: number;
  last: boolean;
}

/**
 * `npm run rotate-keys` for attachment bytes: each chunk not under the newest
 * key is read, checked, sealed again in its place and written back only if it
 * is still the value read (compare-and-set), one chunk in memory at a time.
 * A chunk that does not authenticate stops the rotation by name: sealing it
 * again under a new key would make a changed file look whole.
 */
export const attachmentChunksRotation: RotationStep = {
  name: 'attachment_chunks.bytes',
  async run(manager: EntityManager, ring: KeyRing, batchSize: number): Promise<number> {
    // a batch wholly rotated by another run meanwhile does not mean that nothing is left
    for (let attempt = 0; attempt < 3; attempt++) {
      const stale: StaleChunk[] = await manager.query(
        `SELECT c.attachment_id, c.n,
                NOT EXISTS (SELECT 1 FROM attachment_chunks d WHERE d.attachment_id = c.attachment_id AND d.n = c.n + 1) AS last
           FROM attachment_chunks c
          WHERE c.key_id <> $1
          ORDER BY c.attachment_id, c.n
          LIMIT $2`,
        [ring.current.id, batchSize],
      );
      let done = 0;
      for (const chunk of stale) done += await rotateChunk(manager, ring, chunk);
      if (stale.length === 0 || done > 0) return done;
    }
    return 0;
  },
};

async function rotateChunk(manager: EntityManager, ring: KeyRing, { attachment_id: id, n, last }: StaleChunk) {
  const [row]: { bytes: Buffer }[] = await manager.query(
    `SELECT bytes FROM attachment_chunks WHERE attachment_id = $1 AND n = $2 AND key_id <> $3`,
    [id, n, ring.current.id],
  );
  if (!row) return 0; // rotated by another run, or its attachment removed, meanwhile
  let plain: Buffer;
  try {
    plain = openChunk(ring, id, n, last, row.bytes);
  } catch (error) {
    if (!(error instanceof DecryptionError)) throw error;
    throw new Error(`Attachment ${id}, chunk ${n}: ${error.message}; it was not re-encrypted`, { cause: error });
  }
  const [, count] = await manager.query(
    `UPDATE attachment_chunks SET bytes = $4 WHERE attachment_id = $1 AND n = $2 AND bytes = $3`,
    [id, n, row.bytes, sealChunk(ring, id, n, last, plain)],
  );
  return count as number;
}
