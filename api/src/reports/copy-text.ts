import { StringDecoder } from 'node:string_decoder';
import { Transform, type TransformCallback } from 'node:stream';

/** A field of PostgreSQL's COPY text format as text, or null for `\N`. */
export type CopyField = string | null;

const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/**
 * One field as COPY … TO STDOUT (text format) writes it: a backslash escapes
 * a tab, a line break, a backslash and a few control characters, or gives a
 * character by its octal or hexadecimal code.
 */
export function copyField(raw: string): CopyField {
  if (raw === '\\N') return null;
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/gs, (_, e: string) => {
    if (e[0] === 'x' && e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return ESCAPES[e] ?? e;
  });
}

/** One row of the COPY text format (without its line break) as its fields. */
export const copyRow = (line: string): CopyField[] => line.split('\t').map(copyField);

/**
 * The bytes of `COPY … TO STDOUT` (text format) in, each chunk's whole rows
 * out as one array of `T` made by `row`: one object per chunk, not per row,
 * so the stream's bookkeeping stays out of the per-row cost. A row is whole at
 * its line break (a line break inside a field is written `\n`); the bytes of a
 * row cut by a chunk wait for the next one, and so do the bytes of a character.
 */
export class CopyTextRows<T> extends Transform {
  private readonly decoder = new StringDecoder('utf8');
  private rest = '';
  rows = 0;

  constructor(
    private readonly row: (fields: CopyField[]) => T,
    /** Told the rows read so far after each batch. */
    private readonly onRows: (rows: number) => void = () => undefined,
  ) {
    // a few batches in hand at most: the database is read as fast as the reader reads, no faster
    super({ readableObjectMode: true, readableHighWaterMark: 2 });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const text = this.rest + this.decoder.write(chunk);
    const end = text.lastIndexOf('\n');
    if (end < 0) {
      this.rest = text;
      return done();
    }
    this.rest = text.slice(end + 1);
    this.emitRows(text.slice(0, end), done);
  }

  override _flush(done: TransformCallback): void {
    const text = this.rest + this.decoder.end();
    if (text !== '') return done(new Error('COPY data ended in the middle of a row'));
    done();
  }

  private emitRows(lines: string, done: TransformCallback): void {
    let batch: T[];
    try {
      batch = lines.split('\n').map((line) => this.row(copyRow(line)));
    } catch (error) {
      return done(error as Error);
    }
    this.rows += batch.length;
    this.onRows(this.rows);
    done(null, batch);
  }
}
