import type { Role } from '@app/contract';

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

export const DEMO_CATEGORIES: ReadonlyArray<{ code: string; name: string; nameEn: string }> = [
  { code: 'relocation', name: 'Midlertidig flytning', nameEn: 'Temporary relocation' },
  { code: 'tattoo_removal', name: 'Fjernelse af tatovering', nameEn: 'Tattoo removal' },
  { code: 'psychological_treatment', name: 'Psykologbehandling', nameEn: 'Psychological treatment' },
];

export const DEMO_PASSWORD = 'demo-password-1';

export const DEMO_USERS: ReadonlyArray<{ email: string; displayName: string; role: Role; unitCode?: string }> = [
  { email: 'admin@demo.test', displayName: 'Demo Administrator', role: 'admin' },
  { email: 'ncp@demo.test', displayName: 'Contact Point One', role: 'contact_point' },
  { email: 'ncp2@demo.test', displayName: 'Contact Point Two', role: 'contact_point' },
  { email: 'finance@demo.test', displayName: 'Finance Officer', role: 'finance' },
  { email: 'kbh@demo.test', displayName: 'KBH Exit Worker', role: 'unit_worker', unitCode: 'KBH' },
  { email: 'fyn@demo.test', displayName: 'FYN Exit Worker', role: 'unit_worker', unitCode: 'FYN' },
];
