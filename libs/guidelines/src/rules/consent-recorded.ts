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
  return null;
}
