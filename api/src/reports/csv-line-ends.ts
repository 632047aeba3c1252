import { Transform, type TransformCallback } from 'node:stream';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
/** The least of the file passed on at a time (bytes), the last piece aside: a network read may hold a few rows only. */
const PIECE = 64 * 1024;

/**
 * The bytes of `COPY … TO STDOUT WITH (FORMAT csv)` in, the file's out: each
 * record's line feed made CRLF (RFC 4180), a line feed inside a quoted field
 * left as it is. A quote opens or closes a quoted field (a doubled one closes
 * and opens it again), so the state carries from one chunk to the next. Counts
 * the records as it passes them; the bytes are searched with Buffer#indexOf,
 * never looked at one by one.
 */
export class CsvLineEnds extends Transform {
  rows = 0;
  private quoted = false;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(
    /** What the file holds before the first record. */
    head: string,
    /** Told the records read so far after each chunk that ends one. */
    private readonly onRows: (rows: number) => void = () => undefined,
  ) {
    super();
    if (head) this.push(head);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const ends = this.recordEnds(chunk);
    this.pending.push(ends.length ? withCrlf(chunk, ends) : chunk);
    this.pendingBytes += chunk.length + ends.length;
    if (ends.length) {
      this.rows += ends.length;
      this.onRows(this.rows);
    }
    if (this.pendingBytes < PIECE) return done();
    done(null, this.piece());
  }

  override _flush(done: TransformCallback): void {
    if (this.quoted) return done(new Error('CSV data ended inside a quoted field'));
    done(null, this.pendingBytes ? this.piece() : undefined);
  }

  private piece(): Buffer {
    const piece = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    return piece;
  }

  /** Where the chunk's records end: its line feeds outside quoted fields. */
  private recordEnds(chunk: Buffer): number[] {
    const ends: number[] = [];
    let quote = chunk.indexOf(QUOTE);
    let end = chunk.indexOf(LF);
    for (;;) {
      if (quote >= 0 && (this.quoted || end < 0 || quote < end)) {
        this.quoted = !this.quoted;
        const at = quote + 1;
        quote = chunk.indexOf(QUOTE, at);
        if (end >= 0 && end < at) end = chunk.indexOf(LF, at);
      } else if (end >= 0 && !this.quoted) {
        ends.push(end);
        end = chunk.indexOf(LF, end + 1);
      } else {
        return ends;
      }
    }
  }
}

/** The chunk with a CR before each of the line feeds at `ends`. */
function withCrlf(chunk: Buffer, ends: number[]): Buffer {
  const out = Buffer.allocUnsafe(chunk.length + ends.length);
  let from = 0;
  let at = 0;
  for (const end of ends) {
    at += chunk.copy(out, at, from, end);
    out[at++] = CR;
    out[at++] = LF;
    from = end + 1;
  }
  chunk.copy(out, at, from);
  return out;
}
