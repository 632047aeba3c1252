import { finding } from '../finding.js';
import { addMonths, compareDates, formatIsoDate, parseIsoDate, requireIsoDate } from '../iso-date.js';
import type { Finding, RuleInput } from '../types.js';
import { dateWords } from '../wording.js';

export function coursePeriod({ context, guideline }: RuleInput): Finding | null {
  const { programmeStart, status } = context.case;
  const months = guideline.maxCourseMonths;
  const start = programmeStart === null ? null : parseIsoDate(programmeStart);
  if (!start) {
    // A candidate still in assessment has not started a course; the case-status rule decides whether that is allowed.
    if (status === 'assessment') return null;
    return finding(
      'course-period',
      'block',
      `The programme start is not recorded, so the course's limit of ${months} months cannot be checked.`,
      `Forløbets startdato er ikke registreret, så grænsen på ${months} måneder kan ikke kontrolleres.`,
      `Ohjelman alkupäivää ei ole kirjattu, joten ${months} kuukauden enimmäiskestoa ei voi tarkistaa.`,
    );
  }
  const end = addMonths(start, months);
  if (compareDates(requireIsoDate(context.today, 'context.today'), end) <= 0) return null;
  const [started, last] = [dateWords(formatIsoDate(start)), dateWords(formatIsoDate(end))];
  return finding(
    'course-period',
    'block',
    `The course started on ${started.en}, more than ${months} months ago (its last day was ${last.en}).`,
    `Forløbet startede ${started.da}, for mere end ${months} måneder siden (sidste dag var ${last.da}).`,
    `Ohjelma alkoi ${started.fi}, yli ${months} kuukautta sitten (viimeinen päivä oli ${last.fi}).`,
  );
}
