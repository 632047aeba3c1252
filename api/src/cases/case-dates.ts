export const CASE_DATES = ['consentRecordedOn', 'agreementSignedOn', 'programmeStart'] as const;

export interface CaseDateFacts {
  birthYear: number | null;
  consentRecordedOn: string | null;
  agreementSignedOn: string | null;
  programmeStart: string | null;
}

/**
 * A case's dates cannot come before the candidate was born: the errors, by
 * field, of the facts as they will be stored. The date is named when the
 * client sent it, otherwise the birth year that was changed under it.
 */
export function caseDateErrors(facts: CaseDateFacts, sent: readonly string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const born = facts.birthYear;
  if (born === null) return errors;
  for (const field of CASE_DATES) {
    const date = facts[field];
    if (date === null || Number(date.slice(0, 4)) >= born) continue;
    if (sent.includes(field)) errors[field] = `${field} must not be before the candidate's birth year ${born}`;
    else errors.birthYear ??= `birthYear must not be after ${field} (${date})`;
  }
  return errors;
}
