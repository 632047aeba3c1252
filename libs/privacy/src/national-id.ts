/**
 * Finds text that looks like a national identity number: a Danish CPR number
 * (a valid date DDMMYY and four digits, with or without the dash) or a Finnish
 * HETU (DDMMYY, a century sign, three digits and the check character). Such
 * numbers must never be stored: cases are pseudonymous.
 */
export type NationalIdKind = 'cpr' | 'hetu';

const CPR = /(?<![\dA-Za-z])(\d{2})(\d{2})(\d{2})-?(\d{4})(?![\dA-Za-z])/g;
const HETU = /(?<![\dA-Za-z])(\d{2})(\d{2})(\d{2})([-+ABCDEFUVWXY])(\d{3})([0-9A-FHJ-NPR-Y])(?![\dA-Za-z])/gi;
const HETU_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const HETU_CENTURY: Record<string, number> = {
  '+': 1800,
  '-': 1900,
  U: 1900,
  V: 1900,
  W: 1900,
  X: 1900,
  Y: 1900,
  A: 2000,
  B: 2000,
  C: 2000,
  D: 2000,
  E: 2000,
  F: 2000,
};

function isDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return day <= days[month - 1];
}

/** The kinds of national identity number found in the text, if any. */
export function findNationalIds(text: string): NationalIdKind[] {
  const found = new Set<NationalIdKind>();
  for (const m of text.matchAll(CPR)) {
    const [day, month, yy] = [Number(m[1]), Number(m[2]), Number(m[3])];
    // the CPR date is valid in one of the centuries the seventh digit can point to
    if (isDate(day, month, 1900 + yy) || isDate(day, month, 2000 + yy)) found.add('cpr');
  }
  for (const m of text.matchAll(HETU)) {
    const [day, month, yy] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const century = HETU_CENTURY[m[4].toUpperCase()];
    if (!isDate(day, month, century + yy)) continue;
    const check = HETU_CHECK[Number(`${m[1]}${m[2]}${m[3]}${m[5]}`) % 31];
    if (check === m[6].toUpperCase()) found.add('hetu');
  }
  return [...found];
}

export const looksLikeNationalId = (text: string): boolean => findNationalIds(text).length > 0;
