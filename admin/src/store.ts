import { memoryStore, type Store } from 'react-admin';

// react-admin keeps list filters and preferences in its store. Kept in memory
// only: a search for a case reference must not linger on a shared computer.
// The language choice is the one thing remembered, and it survives logout
// (react-admin resets the store when the user signs out).
const LOCALE_KEY = 'exitpool.locale';

export const savedLocale = (): string | undefined => {
  try {
    return localStorage.getItem(LOCALE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
};

const saveLocale = (locale: unknown): void => {
  try {
    if (typeof locale === 'string') localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // private mode without storage: the choice lasts for this visit only
  }
};

export const createStore = (initialLocale: string): Store => {
  const memory = memoryStore({ locale: initialLocale });
  return {
    ...memory,
    setItem(key, value) {
      if (key === 'locale') saveLocale(value);
      memory.setItem(key, value);
    },
    reset() {
      const locale = memory.getItem('locale');
      memory.reset();
      if (locale !== undefined) memory.setItem('locale', locale);
    },
  };
};
