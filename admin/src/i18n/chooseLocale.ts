// in a file of its own, without react-admin, so that it is tested as a pure helper

/** The languages of the UI: en.ts, da.ts and fi.ts. */
export const LOCALES = ['en', 'da', 'fi'] as const;
export type Locale = (typeof LOCALES)[number];

export const isLocale = (value: string | undefined): value is Locale =>
  value !== undefined && (LOCALES as readonly string[]).includes(value);

/** The remembered choice, else the installation's language (GET /api/settings), else English. */
export const chooseLocale = (saved: string | undefined, installation: string | undefined): Locale => {
  if (isLocale(saved)) return saved;
  return isLocale(installation) ? installation : 'en';
};
