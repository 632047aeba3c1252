import type { MoneyLocale } from '@app/money';

export type Language = MoneyLocale;
export const LANGUAGES: readonly Language[] = ['da', 'en', 'fi'];

/**
 * The language of a file: `lang` when given, else the first Danish, English or
 * Finnish tag of Accept-Language by its weight, else English.
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

/** Words of the files, in the three languages of the product. */
export const WORDS = {
  unitCode: { en: 'Unit', da: 'Enhed', fi: 'Yksikkö' },
  unitName: { en: 'Unit name', da: 'Enhedens navn', fi: 'Yksikön nimi' },
  categoryCode: { en: 'Category', da: 'Kategori', fi: 'Luokka' },
  categoryName: { en: 'Category name', da: 'Kategoriens navn', fi: 'Luokan nimi' },
  month: { en: 'Month', da: 'Måned', fi: 'Kuukausi' },
  quarter: { en: 'Quarter', da: 'Kvartal', fi: 'Vuosineljännes' },
  committed: { en: 'Committed', da: 'Disponeret', fi: 'Sidottu' },
  disbursed: { en: 'Disbursed', da: 'Udbetalt', fi: 'Maksettu' },
  total: { en: 'Total', da: 'I alt', fi: 'Yhteensä' },
  all: { en: 'All', da: 'Alle', fi: 'Kaikki' },
  paidOn: { en: 'Paid on', da: 'Betalt den', fi: 'Maksupäivä' },
  budgetYear: { en: 'Budget year', da: 'Budgetår', fi: 'Budjettivuosi' },
  application: { en: 'Application', da: 'Ansøgning', fi: 'Hakemus' },
  amount: { en: 'Amount', da: 'Beløb', fi: 'Summa' },
  payeeType: { en: 'Payee type', da: 'Modtagertype', fi: 'Maksunsaajan tyyppi' },
  payeeReference: { en: 'Payee reference', da: 'Modtagerreference', fi: 'Maksunsaajan viite' },
  accountCode: { en: 'Account', da: 'Konto', fi: 'Tili' },
  paymentId: { en: 'Payment id', da: 'Betalings-id', fi: 'Maksun tunniste' },
  grants: { en: 'Grants', da: 'Bevillinger', fi: 'Avustukset' },
  candidates: { en: 'Candidates', da: 'Kandidater', fi: 'Asiakkaat' },
  granted: { en: 'Granted', da: 'Bevilget', fi: 'Myönnetty' },
  paid: { en: 'Paid', da: 'Udbetalt', fi: 'Maksettu' },
  suppressed: { en: 'suppressed', da: 'diskretioneret', fi: 'salattu' },
  withheld: { en: 'Withheld', da: 'Tilbageholdt', fi: 'Jätetty pois' },
  sheetSpending: { en: 'Spending', da: 'Forbrug', fi: 'Käyttö' },
  sheetCombined: { en: 'Combined', da: 'Samlet', fi: 'Yhdistetty' },
  sheetByUnit: { en: 'By unit', da: 'Pr. enhed', fi: 'Yksiköittäin' },
  sheetByCategory: { en: 'By category', da: 'Pr. kategori', fi: 'Luokittain' },
  sheetByMonth: { en: 'By month', da: 'Pr. måned', fi: 'Kuukausittain' },
  sheetByQuarter: { en: 'By quarter', da: 'Pr. kvartal', fi: 'Neljänneksittäin' },
  sheetStatistics: { en: 'Statistics', da: 'Statistik', fi: 'Tilastot' },
  sheetAbout: { en: 'About', da: 'Om tallene', fi: 'Tietoja luvuista' },
  fileSpending: { en: 'spending', da: 'forbrug', fi: 'kaytto' },
  fileDisbursements: { en: 'disbursements', da: 'udbetalinger', fi: 'maksut' },
  fileStatistics: { en: 'statistics', da: 'statistik', fi: 'tilastot' },
  fileByUnit: { en: 'by-unit', da: 'pr-enhed', fi: 'yksikoittain' },
  from: { en: 'from', da: 'fra', fi: 'alkaen' },
  to: { en: 'to', da: 'til', fi: 'asti' },
} as const satisfies Record<string, Record<Language, string>>;

export type Word = keyof typeof WORDS;

/** A category's names as stored: `name` is the Danish one, `nameEn` the English and `nameFi` the Finnish one when given. */
export interface CategoryNames {
  name: string;
  nameEn: string | null;
  nameFi?: string | null;
}

/**
 * A category's name in the language, or its code when it is unknown. English falls back to the
 * Danish name; Finnish to the English one, then the Danish.
 */
export function categoryLabel(code: string, language: Language, names?: CategoryNames): string {
  if (!names) return code;
  if (language === 'fi') return names.nameFi || names.nameEn || names.name;
  return language === 'en' && names.nameEn ? names.nameEn : names.name;
}

const PAYEE_TYPES: Record<string, Record<Language, string>> = {
  clinic: { en: 'Clinic', da: 'Klinik', fi: 'Klinikka' },
  landlord: { en: 'Landlord', da: 'Udlejer', fi: 'Vuokranantaja' },
  psychologist: { en: 'Psychologist', da: 'Psykolog', fi: 'Psykologi' },
  municipality: { en: 'Municipality', da: 'Kommune', fi: 'Kunta' },
  other: { en: 'Other', da: 'Andet', fi: 'Muu' },
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
