import polyglotI18nProvider from 'ra-i18n-polyglot';
import { currentSettings } from '../common/settings';
import { chooseLocale, isLocale, type Locale } from './chooseLocale';
import { savedLocale } from '../store';
import { da } from './da';
import { en } from './en';
import { fi } from './fi';

const messages = { en, da, fi } as const satisfies Record<Locale, unknown>;

/** The language the app opens in; call it once the settings are in (main.tsx waits for them). */
export const initialLocale = (): Locale => chooseLocale(savedLocale(), currentSettings().language);

export const i18nProvider = polyglotI18nProvider(
  (locale) => messages[isLocale(locale) ? locale : 'en'],
  // react-admin switches to the store's language (App.tsx) before it renders anything
  chooseLocale(savedLocale(), undefined),
  [
    { locale: 'en', name: 'English' },
    { locale: 'da', name: 'Dansk' },
    { locale: 'fi', name: 'Suomi' },
  ],
);

export { chooseLocale, type Locale } from './chooseLocale';
// in a file of its own so that pure helpers (dates.ts) use it without the i18n provider
export { intlLocale } from './intlLocale';
