import { finding } from '../finding.js';
import { dayNumber, parseIsoDate } from '../iso-date.js';
import type { Finding, RuleInput } from '../types.js';
import { dateWords } from '../wording.js';

interface Session {
  iso: string;
  day: number;
  planned: boolean;
}

export function sessionSpacing({ application, context, category }: RuleInput): Finding | null {
  const minDays = category?.minSessionSpacingDays;
  const plannedDates = application.plannedSessionDates ?? [];
  if (minDays === undefined || plannedDates.length === 0) return null;

  const unreadable: string[] = [];
  const sessions: Session[] = [];
  const add = (iso: string, planned: boolean) => {
    const date = parseIsoDate(iso);
    if (date) sessions.push({ iso, day: dayNumber(date), planned });
    else unreadable.push(iso);
  };
  plannedDates.forEach((iso) => add(iso, true));
  (context.previousSessionDates ?? []).forEach((iso) => add(iso, false));
  sessions.sort((a, b) => a.day - b.day || a.iso.localeCompare(b.iso));

  // Any too-close pair involving a planned session shows up as a too-close neighbour pair.
  const tooClose: { a: string; b: string; days: number }[] = [];
  for (let i = 1; i < sessions.length; i++) {
    const [a, b] = [sessions[i - 1], sessions[i]];
    const days = b.day - a.day;
    if ((a.planned || b.planned) && days < minDays) tooClose.push({ a: a.iso, b: b.iso, days });
  }
  if (tooClose.length === 0 && unreadable.length === 0) return null;

  const en = [`Sessions must be at least ${minDays} days apart.`];
  const da = [`Behandlinger skal ligge mindst ${minDays} dage fra hinanden.`];
  const fi = [`Käyntikertojen välillä on oltava vähintään ${minDays} päivää.`];
  if (tooClose.length > 0) {
    const pairs = (language: 'en' | 'da' | 'fi', and: string) =>
      tooClose
        .map(({ a, b, days }) => `${dateWords(a)[language]} ${and} ${dateWords(b)[language]} (${days})`)
        .join(', ');
    en.push(`Too close (days apart): ${pairs('en', 'and')}.`);
    da.push(`For tæt (dage imellem): ${pairs('da', 'og')}.`);
    fi.push(`Liian lähekkäin (päiviä välissä): ${pairs('fi', 'ja')}.`);
  }
  if (unreadable.length > 0) {
    en.push(`Not a date (YYYY-MM-DD): ${unreadable.map((d) => JSON.stringify(d)).join(', ')}.`);
    da.push(`Ikke en dato (ÅÅÅÅ-MM-DD): ${unreadable.map((d) => JSON.stringify(d)).join(', ')}.`);
    fi.push(`Ei päivämäärä (VVVV-KK-PP): ${unreadable.map((d) => JSON.stringify(d)).join(', ')}.`);
  }
  return finding('session-spacing', 'warn', en.join(' '), da.join(' '), fi.join(' '));
}
