import polyglotI18nProvider from 'ra-i18n-polyglot';
import { resolveBrowserLocale } from 'react-admin';
import { savedLocale } from '../store';
import { da } from './da';
import { en } from './en';

const messages = { en, da } as const;
type Locale = keyof typeof messages;

const isLocale = (value: string | undefined): value is Locale => value !== undefined && Object.hasOwn(messages, value);

/** The remembered choice, else the browser's language when we have it, else English. */
export const initialLocale: Locale = (() => {
  const saved = savedLocale();
  if (isLocale(saved)) return saved;
  const browser = resolveBrowserLocale('en');
  return isLocale(browser) ? browser : 'en';
})();

export const i18nProvider = polyglotI18nProvider(
  (locale) => messages[isLocale(locale) ? locale : 'en'],
  initialLocale,
  [
    { locale: 'en', name: 'English' },
    { locale: 'da', name: 'Dansk' },
  ],
);

// in a file of its own so that pure helpers (dates.ts) use it without the i18n provider
export { intlLocale } from './intlLocale';
