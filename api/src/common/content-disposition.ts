const TRANSLITERATION: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', Æ: 'Ae', Ø: 'Oe', Å: 'Aa', ß: 'ss' };

/** An ASCII stand-in for clients that do not read `filename*`: æøå spelled out, accents dropped, the rest `_`. */
function asciiFallback(name: string): string {
  return name
    .replace(/[æøåÆØÅß]/g, (c) => TRANSLITERATION[c])
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
}

/** RFC 5987 `value-chars`: encodeURIComponent leaves `'()*` and `!` alone; attr-char allows only `!`. */
const encodeRfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `Content-Disposition: attachment` with the file name for every client (RFC 6266):
 * an ASCII `filename` and, when it differs, the exact name as UTF-8 in `filename*`.
 */
export function contentDisposition(fileName: string): string {
  const fallback = asciiFallback(fileName);
  const header = `attachment; filename="${fallback}"`;
  return fallback === fileName ? header : `${header}; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}
