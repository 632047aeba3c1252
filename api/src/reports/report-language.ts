import type { MoneyLocale } from '@app/money';

export type Language = MoneyLocale;
export const LANGUAGES: readonly Language[] = ['da', 'en'];

/**
 * The language of a file: `lang` when given, else the first Danish or English
 * tag of Accept-Language by its weight, else English.
 */
export function pickLanguage(lang: Language | undefined, acceptLanguage: string | undefined): Language {
  if (lang) return lang;
  const tags = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { primary: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q[1]) : 1, index };
    })
    .filter((t) => t.q > 0 && (LANGUAGES as string[]).includes(t.primary))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (tags[0]?.primary as Language | undefined) ?? 'en';
}

/** Words of the files, in the two languages of the product. */
export const WORDS = {
  unitCode: { en: 'Unit', da: 'Enhed' },
  unitName: { en: 'Unit name', da: 'Enhedens navn' },
  categoryCode: { en: 'Category', da: 'Kategori' },
  categoryName: { en: 'Category name', da: 'Kategoriens navn' },
  month: { en: 'Month', da: 'Måned' },
  quarter: { en: 'Quarter', da: 'Kvartal' },
  committed: { en: 'Committed', da: 'Disponeret' },
  disbursed: { en: 'Disbursed', da: 'Udbetalt' },
  total: { en: 'Total', da: 'I alt' },
  all: { en: 'All', da: 'Alle' },
  paidOn: { en: 'Paid on', da: 'Betalt den' },
  budgetYear: { en: 'Budget year', da: 'Budgetår' },
  application: { en: 'Application', da: 'Ansøgning' },
  amount: { en: 'Amount', da: 'Beløb' },
  payeeType: { en: 'Payee type', da: 'Modtagertype' },
  payeeReference: { en: 'Payee reference', da: 'Modtagerreference' },
  accountCode: { en: 'Account', da: 'Konto' },
  paymentId: { en: 'Payment id', da: 'Betalings-id' },
  grants: { en: 'Grants', da: 'Bevillinger' },
  candidates: { en: 'Candidates', da: 'Kandidater' },
  granted: { en: 'Granted', da: 'Bevilget' },
  paid: { en: 'Paid', da: 'Udbetalt' },
  suppressed: { en: 'suppressed', da: 'diskretioneret' },
  withheld: { en: 'Withheld', da: 'Tilbageholdt' },
  sheetSpending: { en: 'Spending', da: 'Forbrug' },
  sheetCombined: { en: 'Combined', da: 'Samlet' },
  sheetByUnit: { en: 'By unit', da: 'Pr. enhed' },
  sheetByCategory: { en: 'By category', da: 'Pr. kategori' },
  sheetByMonth: { en: 'By month', da: 'Pr. måned' },
  sheetByQuarter: { en: 'By quarter', da: 'Pr. kvartal' },
  sheetStatistics: { en: 'Statistics', da: 'Statistik' },
  sheetAbout: { en: 'About', da: 'Om tallene' },
  fileSpending: { en: 'spending', da: 'forbrug' },
  fileDisbursements: { en: 'disbursements', da: 'udbetalinger' },
  fileStatistics: { en: 'statistics', da: 'statistik' },
  fileByUnit: { en: 'by-unit', da: 'pr-enhed' },
  from: { en: 'from', da: 'fra' },
  to: { en: 'to', da: 'til' },
} as const satisfies Record<string, Record<Language, string>>;

export type Word = keyof typeof WORDS;

/** A category's names as stored: `name` is the Danish one, `nameEn` the English one when given. */
export interface CategoryNames {
  name: string;
  nameEn: string | null;
}

/** A category's name in the language (English falls back to the Danish name), or its code when it is unknown. */
export const categoryLabel = (code: string, language: Language, names?: CategoryNames): string =>
  names ? (language === 'en' && names.nameEn ? names.nameEn : names.name) : code;

const PAYEE_TYPES: Record<string, Record<Language, string>> = {
  clinic: { en: 'Clinic', da: 'Klinik' },
  landlord: { en: 'Landlord', da: 'Udlejer' },
  psychologist: { en: 'Psychologist', da: 'Psykolog' },
  municipality: { en: 'Municipality', da: 'Kommune' },
  other: { en: 'Other', da: 'Andet' },
};

/** A payee type in words, as the admin UI shows it. */
export const payeeTypeLabel = (type: string, language: Language): string => PAYEE_TYPES[type]?.[language] ?? type;

export const word = (key: Word, language: Language): string => WORDS[key][language];

/** A money column's header with the currency: "Committed (DKK)". */
export const moneyHeader = (key: Word, language: Language, currency: string): string =>
  `${word(key, language)} (${currency})`;

/**
 * The period part of a file name: `2026`, `2026-01-01_2026-06-30`,
 * `2026_2026-01-01_2026-06-30` (a budget year within posting dates),
 * `from-2026-01-01`, `til-2026-06-30`, or `all`/`alle` for no period at all.
 */
export function periodLabel(
  period: { year?: number | null; from?: string | null; to?: string | null },
  language: Language,
): string {
  const parts: string[] = [];
  if (period.year) parts.push(String(period.year));
  if (period.from && period.to) parts.push(`${period.from}_${period.to}`);
  else if (period.from) parts.push(`${word('from', language)}-${period.from}`);
  else if (period.to) parts.push(`${word('to', language)}-${period.to}`);
  return parts.length ? parts.join('_') : word('all', language).toLowerCase();
}
