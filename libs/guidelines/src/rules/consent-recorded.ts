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
    );
  }
  if (compareDates(date, requireIsoDate(context.today, 'context.today')) > 0) {
    return finding(
      'consent-recorded',
      'block',
      `The consent declaration is dated ${recordedOn}, which is after today.`,
      `Samtykkeerklæringen er dateret ${recordedOn}, som er efter i dag.`,
    );
  }
  return partiesCovered(context.case.consentParties, context.involvedParties ?? []);
}

const PARTY_WORDS: Record<string, [string, string]> = {
  police: ['the police', 'politiet'],
  municipality: ['the municipality', 'kommunen'],
  prison_probation: ['the prison and probation service', 'kriminalforsorgen'],
  ngo: ['the NGO', 'den frivillige organisation'],
};
const words = (parties: readonly string[], language: 0 | 1, and: string): string => {
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
    );
  }
  const outside = [...new Set(involved)].filter((p) => !consent.includes(p)).sort();
  if (!outside.length) return null;
  return finding(
    'consent-recorded',
    'block',
    `The consent does not cover ${words(outside, 0, 'and')}, which works on the application.`,
    `Samtykket dækker ikke ${words(outside, 1, 'og')}, som arbejder på ansøgningen.`,
  );
}
