import { finding } from '../finding.js';
import { compareDates, parseIsoDate, requireIsoDate } from '../iso-date.js';
import type { Finding, RuleInput } from '../types.js';

export function cooperationAgreement({ application, context, category }: RuleInput): Finding | null {
  if (!category?.agreementRequired) return null;
  const signedOn = context.case.agreementSignedOn;
  const date = signedOn === null ? null : parseIsoDate(signedOn);
  if (date && compareDates(date, requireIsoDate(context.today, 'context.today')) <= 0) return null;

  // Safety first: an urgent relocation may come before the agreement, but the reviewer must see it.
  if (application.urgent && category.urgentMayPrecedeAgreement) {
    return finding(
      'cooperation-agreement',
      'warn',
      'The cooperation agreement is not signed yet; an urgent application in this category may precede it.',
      'Samarbejdsaftalen er endnu ikke underskrevet; en hastende ansøgning i denne kategori må komme før aftalen.',
      'Yhteistyösopimusta ei ole vielä allekirjoitettu; tämän luokan kiireellinen hakemus saa edeltää sitä.',
    );
  }
  // Before admission (a psychological assessment of a candidate in assessment) there is no agreement to sign yet.
  if (context.case.status === 'assessment' && category.allowedCaseStatuses.includes('assessment')) {
    return finding(
      'cooperation-agreement',
      'info',
      'The cooperation agreement is not signed; it is not required while the case is in assessment.',
      'Samarbejdsaftalen er ikke underskrevet; den kræves ikke, mens sagen er under vurdering.',
      'Yhteistyösopimusta ei ole allekirjoitettu; sitä ei vaadita, kun tapaus on arvioinnissa.',
    );
  }
  return finding(
    'cooperation-agreement',
    'block',
    signedOn && date
      ? `The cooperation agreement is dated ${signedOn}, which is after today.`
      : 'The cooperation agreement is not signed.',
    signedOn && date
      ? `Samarbejdsaftalen er dateret ${signedOn}, som er efter i dag.`
      : 'Samarbejdsaftalen er ikke underskrevet.',
    signedOn && date
      ? `Yhteistyösopimus on päivätty ${signedOn}, eli tämän päivän jälkeen.`
      : 'Yhteistyösopimusta ei ole allekirjoitettu.',
  );
}
