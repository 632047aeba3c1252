import type { InstallationSettings } from '@app/contract';
import { useSyncExternalStore } from 'react';

// What the API says about the installation (GET /api/settings, public): loaded
// once at start. Until it answers, or when it cannot, the UI assumes the defaults.

export type Settings = InstallationSettings;

const DEFAULTS: Settings = { installation: 'dk', currency: 'DKK', locale: 'da-DK', language: 'da', demo: false };
const PROFILES: Record<Settings['installation'], Pick<Settings, 'locale' | 'language'>> = {
  dk: { locale: 'da-DK', language: 'da' },
  fi: { locale: 'fi-FI', language: 'fi' },
};
const CURRENCY_CODE = /^[A-Z]{3}$/;

let current: Settings = DEFAULTS;
const listeners = new Set<() => void>();

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

let loading: Promise<void> | undefined;

/** Fetches the settings once; later calls return the same promise. Never rejects. */
export const loadSettings = (): Promise<void> =>
  (loading ??= fetch('/api/settings', { headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? (response.json() as Promise<Partial<Settings>>) : null))
    .then((body) => {
      if (!body) return;
      const installation = body.installation === 'fi' ? 'fi' : 'dk';
      current = {
        installation,
        // formatMoney refuses anything but a three-letter code; keep the default then.
        currency: typeof body.currency === 'string' && CURRENCY_CODE.test(body.currency) ? body.currency : 'DKK',
        // the profile's, whatever else the answer says: the UI knows these two only
        ...PROFILES[installation],
        demo: body.demo === true,
      };
      listeners.forEach((listener) => listener());
    })
    .catch(() => undefined));

/** The settings as they stand, outside React (the language the app opens in). */
export const currentSettings = (): Settings => current;

export const useSettings = (): Settings => useSyncExternalStore(subscribe, () => current);

/** The installation's currency, e.g. "DKK". */
export const useCurrency = (): string => useSettings().currency;
