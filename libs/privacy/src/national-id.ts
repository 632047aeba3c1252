/**
 * Finds text that looks like a national identity number: a Danish CPR number
 * (a valid date DDMMYY and four digits) or a Finnish HETU (DDMMYY, a century
 * sign, three digits and the check character). Such numbers must never be
 * stored: cases are pseudonymous.
 *
 * The text is first brought to the form people mean, whatever they typed:
 * NFKC (full-width letters and digits, odd spaces), every Unicode decimal digit
 * as its ASCII digit, every dash as `-`, invisible format characters dropped.
 * A CPR may then be written with a dash, a space or nothing between its parts.
 * The CPR's modulus-11 check is not used: numbers issued since 2007 need not pass it.
 *
 * What is left alone (the false-positive policy, pinned by the tests):
 * - ten digits that are not a valid date DDMMYY (most invoice and account numbers);
 * - ten digits inside a longer run of letters or digits (`INV0102031234`, `01020312345`);
 * - ten digits joined by `-` or `/` to a code before them (`INV-0102031234`), unless
 *   that code is a label of an identity number (`CPR-0102031234` is caught);
 * - ten digits joined by a space, dot, dash or slash to digits before them: the
 *   account part of a bank account (`1234 0102031234`, `1234-0102031234`);
 * - dates, amounts, phone numbers, IBANs grouped in fours.
 */
export type NationalIdKind = 'cpr' | 'hetu';

const DECIMAL_DIGIT = /\p{Nd}/u;
const DECIMAL_DIGITS = /\p{Nd}/gu;
const DASHES = /[\p{Pd}\u2212]/gu;
const INVISIBLE = /\p{Cf}/gu;
const SPACES = /\s+/gu;

const digitValues = new Map<string, string>();

/** The value of a Unicode decimal digit: Unicode encodes each script's digits 0–9 as one contiguous run. */
function asciiDigit(digit: string): string {
  let value = digitValues.get(digit);
  if (value === undefined) {
    const code = digit.codePointAt(0)!;
    let zero = code;
    while (DECIMAL_DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
    value = String((code - zero) % 10);
    digitValues.set(digit, value);
  }
  return value;
}

/** The text as the guard reads it: NFKC, ASCII digits, `-` for every dash, one space for any run of spaces. */
export function normaliseForIdMatching(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(DECIMAL_DIGITS, asciiDigit)
    .replace(DASHES, '-')
    .replace(SPACES, ' ');
}

// only where a run of letters and digits begins; the context before it is judged in standsAlone
const CPR = /(?<![\p{L}\p{N}])(\d{2})(\d{2})(\d{2})(?: ?- ?| )?(\d{4})(?![\p{L}\p{N}])/uy;
const HETU = /(?<![\p{L}\p{N}])(\d{2})(\d{2})(\d{2})( ?[-+] ?|[A-FU-Y]| )?(\d{3})([0-9A-FHJ-NPR-Y])(?![\p{L}\p{N}])/iuy;
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
/** Labels of an identity number: a number joined to one of these by a dash is still an identity number. */
const ID_LABEL = /(?:^|[^\p{L}\p{N}])(?:cpr|cprnr|hetu|sotu|pnr|personnummer|henkilötunnus|ssn)$/iu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const DIGIT = /\p{N}/u;
const ASCII_DIGIT = /\d/;

function isDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1];
}

/** Whether the number starting at `start` is a number of its own, not the tail of a code or a longer number. */
function standsAlone(text: string, start: number): boolean {
  const joiner = text[start - 1];
  const before = text[start - 2];
  if (joiner === undefined || before === undefined) return true;
  if ((joiner === '-' || joiner === '/') && LETTER_OR_DIGIT.test(before)) {
    return ID_LABEL.test(text.slice(Math.max(0, start - 40), start - 1));
  }
  if ((joiner === ' ' || joiner === '.') && DIGIT.test(before)) return false;
  return true;
}

/** Every match of a sticky pattern, overlapping ones included. */
function* matchesAt(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  for (let at = 0; at < text.length; at++) {
    if (!ASCII_DIGIT.test(text[at])) continue;
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (m && standsAlone(text, at)) yield m;
  }
}

/** The kinds of national identity number found in the text, if any, the installation's own (`first`) looked for first. */
export function findNationalIds(text: string, first: NationalIdKind = 'cpr'): NationalIdKind[] {
  const normal = normaliseForIdMatching(text);
  const order: NationalIdKind[] = first === 'cpr' ? ['cpr', 'hetu'] : ['hetu', 'cpr'];
  return order.filter((kind) => (kind === 'cpr' ? holdsCpr(normal) : holdsHetu(normal)));
}

function holdsCpr(normal: string): boolean {
  for (const m of matchesAt(CPR, normal)) {
    const [day, month, yy] = [Number(m[1]), Number(m[2]), Number(m[3])];
    // the CPR date is valid in one of the centuries the seventh digit can point to
    if (isDate(day, month, 1900 + yy) || isDate(day, month, 2000 + yy)) return true;
  }
  return false;
}

function holdsHetu(normal: string): boolean {
  for (const m of matchesAt(HETU, normal)) {
    const [day, month, yy] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const sign = (m[4] ?? '').trim().toUpperCase();
    // written without its sign (or with a space for it), the century is unknown
    const centuries = sign === '' ? [1800, 1900, 2000] : [HETU_CENTURY[sign]];
    if (!centuries.some((century) => isDate(day, month, century + yy))) continue;
    const check = HETU_CHECK[Number(`${m[1]}${m[2]}${m[3]}${m[5]}`) % 31];
    if (check === m[6].toUpperCase()) return true;
  }
  return false;
}

/** The numbers' names for a refusal, the installation's own first: "CPR or HETU", "HETU or CPR". */
export const nationalIdNames = (first: NationalIdKind = 'cpr'): string =>
  first === 'cpr' ? 'CPR or HETU' : 'HETU or CPR';

export const looksLikeNationalId = (text: string): boolean => findNationalIds(text).length > 0;
