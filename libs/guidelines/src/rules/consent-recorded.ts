import { finding } from '../finding.js';
import { compareDates, parseIsoDate, requireIsoDate } from '../iso-date.js';
import type { Finding, RuleInput } from '../types.js';

export function consentRecorded({ context }: RuleInput): Finding | null {
  const recordedOn = context.case.consentRecordedOn;
  const date = recordedOn === null ? null : parseIsoDate(recordedOn);
  if (!date) {
    return finding(
      'consent-recorded',
      'block',
      "The candidate's consent declaration is not recorded.",
      'Kandidatens samtykkeerklæring er ikke registreret.',
      'Asiakkaan suostumusta ei ole kirjattu.',
    );
  }
  if (compareDates(date, requireIsoDate(context.today, 'context.today')) > 0) {
    return finding(
      'consent-recorded',
      'block',
      `The consent declaration is dated ${recordedOn}, which is after today.`,
      `Samtykkeerklæringen er dateret ${recordedOn}, som er efter i dag.`,
      `Suostumus on päivätty ${recordedOn}, eli tämän päivän jälkeen.`,
    );
  }
  return partiesCovered(context.case.consentParties, context.involvedParties ?? []);
}

const PARTY_WORDS: Record<string, [string, string, string]> = {
  police: ['the police', 'politiet', 'poliisi'],
  municipality: ['the municipality', 'kommunen', 'kunta'],
  prison_probation: ['the prison and probation service', 'kriminalforsorgen', 'Rikosseuraamuslaitos'],
  ngo: ['the NGO', 'den frivillige organisation', 'järjestö'],
};
const words = (parties: readonly string[], language: 0 | 1 | 2, and: string): string => {
  const named = parties.map((p) => PARTY_WORDS[p]?.[language] ?? p);
  return named.length < 2 ? named.join('') : `${named.slice(0, -1).join(', ')} ${and} ${named[named.length - 1]}`;
};

/** The consent covers every party that works on the application (issue 15: consent decides who may know). */
function partiesCovered(consent: readonly string[] | null | undefined, involved: readonly string[]): Finding | null {
  if (consent === undefined || consent === null) return null;
  if (consent.length === 0) {
    return finding(
      'consent-recorded',
      'block',
      'The candidate withdrew consent from every party.',
      'Kandidaten har trukket sit samtykke tilbage for alle parter.',
      'Asiakas on perunut suostumuksensa kaikilta osapuolilta.',
    );
  }
  const outside = [...new Set(involved)].filter((p) => !consent.includes(p)).sort();
  if (!outside.length) return null;
  return finding(
    'consent-recorded',
    'block',
    `The consent does not cover ${words(outside, 0, 'and')}, which works on the application.`,
    `Samtykket dækker ikke ${words(outside, 1, 'og')}, som arbejder på ansøgningen.`,
    `Suostumus ei kata kaikkia hakemuksen parissa työskenteleviä osapuolia: ${words(outside, 2, 'ja')}.`,
  );
}
