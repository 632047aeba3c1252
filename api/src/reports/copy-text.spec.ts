import { Readable } from 'node:stream';
import { copyField, copyRow, CopyTextRows } from './copy-text.js';

describe(copyField.name, () => {
  it('reads \\N as null and a field without a backslash as it is', () => {
    expect(copyField('\\N')).toBeNull();
    expect(copyField('')).toBe('');
    expect(copyField('a, "quoted"; Æblegård')).toBe('a, "quoted"; Æblegård');
  });

  it('undoes the escapes COPY writes: backslash, tab, line breaks, control characters, octal and hex codes', () => {
    expect(copyField('a\\\\b')).toBe('a\\b');
    expect(copyField('\\\\N')).toBe('\\N');
    expect(copyField('one\\ttwo\\nthree\\r\\n')).toBe('one\ttwo\nthree\r\n');
    expect(copyField('\\b\\f\\v')).toBe('\b\f\v');
    expect(copyField('\\101\\x42\\7')).toBe('AB\x07');
    expect(copyField('\\q')).toBe('q');
  });
});

describe(CopyTextRows.name, () => {
  const rows = async (chunks: Buffer[]) => {
    const seen: number[] = [];
    const out: (string | null)[][] = [];
    const stream = Readable.from(chunks).pipe(
      new CopyTextRows(
        (f) => f,
        (n) => seen.push(n),
      ),
    );
    for await (const batch of stream) out.push(...(batch as (string | null)[][]));
    return { out, seen };
  };

  it('splits rows at their line breaks and fields at tabs, whatever the chunks cut', async () => {
    const text = Buffer.from('Østjylland\t1\\t2\t\\N\nsecond\\nline\tÆ\t\\\\\n', 'utf8');
    const expected = [
      ['Østjylland', '1\t2', null],
      ['second\nline', 'Æ', '\\'],
    ];
    expect((await rows([text])).out).toEqual(expected);
    // cut at every byte: inside a row, inside an escape, inside a two-byte letter
    for (let cut = 1; cut < text.length; cut++) {
      const { out } = await rows([text.subarray(0, cut), text.subarray(cut)]);
      expect(out).toEqual(expected);
    }
  });

  it('counts the rows read as it goes', async () => {
    const { seen } = await rows([Buffer.from('a\nb\n'), Buffer.from('c\n')]);
    expect(seen).toEqual([2, 3]);
  });

  it('refuses data that ends in the middle of a row', async () => {
    await expect(rows([Buffer.from('a\nb')])).rejects.toThrow('in the middle of a row');
  });
});

describe(copyRow.name, () => {
  it('keeps empty fields apart from nulls', () => {
    expect(copyRow('\t\\N\t')).toEqual(['', null, '']);
  });
});
