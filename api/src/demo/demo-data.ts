import { type Installation, INSTALLATION_PROFILES, type Language, type Role, type UnitParty } from '@app/contract';
import { demoGuideline, demoGuidelineFi, type Guideline } from '@app/guidelines';

/** The 12 police districts' exit units and the prison and probation service's, as the contract lists them. */
export const DEMO_UNITS: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'NJY', name: 'Nordjyllands Politi' },
  { code: 'OJY', name: 'Østjyllands Politi' },
  { code: 'MVJ', name: 'Midt- og Vestjyllands Politi' },
  { code: 'SOJ', name: 'Sydøstjyllands Politi' },
  { code: 'SSJ', name: 'Syd- og Sønderjyllands Politi' },
  { code: 'FYN', name: 'Fyns Politi' },
  { code: 'SSL', name: 'Sydsjællands og Lolland-Falsters Politi' },
  { code: 'MVS', name: 'Midt- og Vestsjællands Politi' },
  { code: 'NSJ', name: 'Nordsjællands Politi' },
  { code: 'KVE', name: 'Københavns Vestegns Politi' },
  { code: 'KBH', name: 'Københavns Politi' },
  { code: 'BOR', name: 'Bornholms Politi' },
  { code: 'KRF', name: 'Kriminalforsorgen' },
];

/** The three categories, named in each language of the product (as migration 1795400300000 names existing rows). */
export const DEMO_CATEGORIES: ReadonlyArray<{ code: string; name: string; nameEn: string; nameFi: string }> = [
  {
    code: 'relocation',
    name: 'Midlertidig flytning',
    nameEn: 'Temporary relocation',
    nameFi: 'Muutto turvalliseen asuntoon',
  },
  {
    code: 'tattoo_removal',
    name: 'Fjernelse af tatovering',
    nameEn: 'Tattoo removal',
    nameFi: 'Tatuoinnin poisto',
  },
  {
    code: 'psychological_treatment',
    name: 'Psykologbehandling',
    nameEn: 'Psychological treatment',
    nameFi: 'Psykologinen hoito',
  },
];

export const DEMO_PASSWORD = 'demo-password-1';

/** A demo account; a unit worker's party is the police unless named. */
export interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
  unitCode?: string;
  party?: UnitParty;
}

export const DEMO_USERS: ReadonlyArray<DemoUser> = [
  { email: 'admin@demo.test', displayName: 'Demo Administrator', role: 'admin' },
  { email: 'ncp@demo.test', displayName: 'Contact Point One', role: 'contact_point' },
  { email: 'ncp2@demo.test', displayName: 'Contact Point Two', role: 'contact_point' },
  { email: 'finance@demo.test', displayName: 'Finance Officer', role: 'finance' },
  { email: 'kbh@demo.test', displayName: 'KBH Exit Worker', role: 'unit_worker', unitCode: 'KBH' },
  // the exit unit is police, municipality and prison and probation service: consent decides who of them knows a case
  {
    email: 'kbh-kommune@demo.test',
    displayName: 'KBH Municipality Worker',
    role: 'unit_worker',
    unitCode: 'KBH',
    party: 'municipality',
  },
  {
    email: 'kbh-kriminalforsorg@demo.test',
    displayName: 'KBH Probation Worker',
    role: 'unit_worker',
    unitCode: 'KBH',
    party: 'prison_probation',
  },
  { email: 'fyn@demo.test', displayName: 'FYN Exit Worker', role: 'unit_worker', unitCode: 'FYN' },
];

/** The Finnish installation's units: the eleven police departments' exit units and the Criminal Sanctions Agency. */
export const DEMO_UNITS_FI: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'HEL', name: 'Helsingin poliisilaitos' },
  { code: 'IUU', name: 'Itä-Uudenmaan poliisilaitos' },
  { code: 'LUU', name: 'Länsi-Uudenmaan poliisilaitos' },
  { code: 'HAM', name: 'Hämeen poliisilaitos' },
  { code: 'KAS', name: 'Kaakkois-Suomen poliisilaitos' },
  { code: 'LSU', name: 'Lounais-Suomen poliisilaitos' },
  { code: 'SIS', name: 'Sisä-Suomen poliisilaitos' },
  { code: 'POH', name: 'Pohjanmaan poliisilaitos' },
  { code: 'ISU', name: 'Itä-Suomen poliisilaitos' },
  { code: 'OUL', name: 'Oulun poliisilaitos' },
  { code: 'LAP', name: 'Lapin poliisilaitos' },
  { code: 'RISE', name: 'Rikosseuraamuslaitos' },
];

export const DEMO_USERS_FI: ReadonlyArray<DemoUser> = [
  { email: 'admin@demo.test', displayName: 'Demo-ylläpitäjä', role: 'admin' },
  { email: 'ncp@demo.test', displayName: 'Yhteyspiste Yksi', role: 'contact_point' },
  { email: 'ncp2@demo.test', displayName: 'Yhteyspiste Kaksi', role: 'contact_point' },
  { email: 'finance@demo.test', displayName: 'Talouskäsittelijä', role: 'finance' },
  { email: 'hel@demo.test', displayName: 'HEL Exit-työntekijä', role: 'unit_worker', unitCode: 'HEL' },
  {
    email: 'hel-kunta@demo.test',
    displayName: 'HEL Kunnan työntekijä',
    role: 'unit_worker',
    unitCode: 'HEL',
    party: 'municipality',
  },
  {
    email: 'hel-rise@demo.test',
    displayName: 'HEL Rikosseuraamustyöntekijä',
    role: 'unit_worker',
    unitCode: 'HEL',
    party: 'prison_probation',
  },
  { email: 'oul@demo.test', displayName: 'OUL Exit-työntekijä', role: 'unit_worker', unitCode: 'OUL' },
];

/** What differs between the two countries' demo installations (INSTALLATION). */
export interface DemoProfile {
  units: ReadonlyArray<{ code: string; name: string }>;
  categories: typeof DEMO_CATEGORIES;
  users: typeof DEMO_USERS;
  /** The language of the demo users' e-mails (users.language). */
  language: Language;
  /** The unit workers whose cases the demo walks through every status: the first and the second unit. */
  workers: readonly [string, string];
  /** The unit for exits during custody, whose cases pass to a local unit at release. */
  custody: string;
  /** How many of the history's applications each unit gets, relative to the others (2 unless named). */
  unitWeight: Readonly<Record<string, number>>;
  guideline: Guideline;
  /** Each year's pool, in minor units. */
  pool: number;
  /** A demo amount as written in kroner, in the installation's minor units. */
  money: (kroner: number) => number;
}

export const DEMO_PROFILES: Readonly<Record<Installation, DemoProfile>> = {
  dk: {
    units: DEMO_UNITS,
    categories: DEMO_CATEGORIES,
    users: DEMO_USERS,
    language: 'en',
    workers: ['kbh@demo.test', 'fyn@demo.test'],
    custody: INSTALLATION_PROFILES.dk.custodyUnitCode,
    unitWeight: { KBH: 5, KVE: 3, OJY: 3, FYN: 3, KRF: 3, BOR: 1 },
    guideline: demoGuideline,
    pool: 2_000_000 * 100,
    money: (kroner) => kroner * 100,
  },
  fi: {
    units: DEMO_UNITS_FI,
    categories: DEMO_CATEGORIES,
    users: DEMO_USERS_FI,
    language: 'fi',
    workers: ['hel@demo.test', 'oul@demo.test'],
    custody: INSTALLATION_PROFILES.fi.custodyUnitCode,
    unitWeight: { HEL: 5, LSU: 3, SIS: 3, OUL: 3, RISE: 3, LAP: 1 },
    guideline: demoGuidelineFi,
    pool: 270_000 * 100,
    // invented: the Danish demo's prices at about 7.5 kroner a euro, in whole euros
    money: (kroner) => Math.round(kroner / 7.5) * 100,
  },
};
