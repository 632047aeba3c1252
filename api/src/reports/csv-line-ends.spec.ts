import { Readable } from 'node:stream';
import { CsvLineEnds } from './csv-line-ends.js';

describe(CsvLineEnds.name, () => {
  const through = async (chunks: Buffer[], head = '') => {
    const seen: number[] = [];
    const lines = new CsvLineEnds(head, (n) => seen.push(n));
    const out: Buffer[] = [];
    for await (const piece of Readable.from(chunks).pipe(lines)) out.push(piece as Buffer);
    return { text: Buffer.concat(out).toString('utf8'), rows: lines.rows, seen };
  };

  // as COPY … (FORMAT csv) writes it: LF after each record, quotes around a field with a quote or a line break
  const copied = 'Østjylland,"say ""hi""\nthere",1\n"a,b","",""""\n"\r\n",x\n\n';
  const file = 'Østjylland,"say ""hi""\nthere",1\r\n"a,b","",""""\r\n"\r\n",x\r\n\r\n';

  it('ends each record with CRLF and leaves a line break inside quotes as it is, whatever the chunks cut', async () => {
    const bytes = Buffer.from(copied, 'utf8');
    expect(await through([bytes])).toEqual({ text: file, rows: 4, seen: [4] });
    // cut at every byte: inside quotes, between doubled quotes, inside a two-byte letter
    for (let cut = 0; cut <= bytes.length; cut++) {
      const { text, rows } = await through([bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect([cut, text, rows]).toEqual([cut, file, 4]);
    }
    const { text } = await through([...bytes].map((b) => Buffer.from([b])));
    expect(text).toBe(file);
  });

  it('writes its head first, then the records in pieces of at least 64 KiB', async () => {
    const line = 'a,b\n';
    const chunks = Array.from({ length: 100 }, () => Buffer.from(line.repeat(1000)));
    const pieces: number[] = [];
    const lines = new CsvLineEnds('\uFEFFhead\r\n');
    lines.on('data', (piece: Buffer) => pieces.push(piece.length));
    await new Promise((resolve) => Readable.from(chunks).pipe(lines).on('end', resolve));
    expect(pieces[0]).toBe(Buffer.byteLength('\uFEFFhead\r\n'));
    expect(pieces.slice(1, -1).every((n) => n >= 64 * 1024)).toBe(true);
    expect(pieces.slice(1).reduce((a, b) => a + b)).toBe(100 * 1000 * 'a,b\r\n'.length);
    expect(lines.rows).toBe(100_000);
  });

  it('refuses data that ends inside a quoted field', async () => {
    await expect(through([Buffer.from('a,"b\n')])).rejects.toThrow('inside a quoted field');
  });
});
