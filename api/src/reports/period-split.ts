/** A day `YYYY-MM-DD` moved by whole months and days, in the calendar (no time zone). */
function shift(day: string, months: number, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + months, d + days)).toISOString().slice(0, 10);
}
const firstOfMonth = (day: string): string => `${day.slice(0, 8)}01`;

/**
 * A period of posting dates (from/to, each inclusive and optional) split into
 * the whole calendar months in it, read from the summary (`first` included to
 * `end` excluded, null where the period is open; null when no month is whole),
 * and the days at its edges that cut a month, read from the postings (half-open ranges).
 */
export interface PeriodSplit {
  months: { first: string | null; end: string | null } | null;
  edges: [from: string, before: string][];
}

export function splitPeriod(from?: string, to?: string): PeriodSplit {
  const after = to === undefined ? undefined : shift(to, 0, 1);
  const first = from === undefined ? null : from.endsWith('-01') ? from : shift(firstOfMonth(from), 1, 0);
  const end = after === undefined ? null : firstOfMonth(after === firstOfMonth(after) ? after : to!);
  if (first !== null && end !== null && first >= end) return { months: null, edges: [[from!, after!]] };
  const edges: [string, string][] = [];
  if (from !== undefined && first !== from) edges.push([from, first!]);
  if (after !== undefined && end !== after) edges.push([end!, after]);
  return { months: { first, end }, edges };
}
