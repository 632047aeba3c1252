import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Response } from 'supertest';

/**
 * Collects a binary response body whatever its content type (superagent hands the
 * parser the raw stream): `.buffer(true).parse(binary)`.
 */
export function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Every file below `dir`, at any depth; none when `dir` does not exist (yet). */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
