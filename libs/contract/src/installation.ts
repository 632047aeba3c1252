// The installation profile (issue 15): one country's terms, chosen with INSTALLATION=dk|fi and
// answered by GET /api/settings, so that every client formats money and dates the same way.

export const INSTALLATIONS = ['dk', 'fi'] as const;
export type Installation = (typeof INSTALLATIONS)[number];

export interface InstallationProfile {
  /** ISO 4217; amounts are integer minor units (øre, cents) either way. */
  currency: 'DKK' | 'EUR';
  /** The language of the UI and of e-mails until a user chooses one. */
  language: 'da' | 'fi';
  /** BCP 47 tag for the installation's dates and numbers. */
  locale: 'da-DK' | 'fi-FI';
  /** The national identity number the guard names first; both countries' are always refused. */
  nationalIdFirst: 'cpr' | 'hetu';
  /** The code of the unit for exits during custody, whose cases pass to a local unit at release. */
  custodyUnitCode: string;
}

export const INSTALLATION_PROFILES: Readonly<Record<Installation, InstallationProfile>> = {
  dk: { currency: 'DKK', language: 'da', locale: 'da-DK', nationalIdFirst: 'cpr', custodyUnitCode: 'KRF' },
  fi: { currency: 'EUR', language: 'fi', locale: 'fi-FI', nationalIdFirst: 'hetu', custodyUnitCode: 'RISE' },
};

/** `GET /api/settings`: what a client needs before sign-in. */
export interface InstallationSettings {
  installation: Installation;
  currency: string;
  locale: InstallationProfile['locale'];
  language: InstallationProfile['language'];
  demo: boolean;
}
