// The retention clock on calendar dates (YYYY-MM-DD, the installation's days):
// plain functions, so that the arithmetic at the ends of months is tested alone.
// The clock of an application starts on the later of the day it reached its
// final state and the day its budget year was closed (see RetentionService).

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const match = DATE.exec(date);
  if (!match) throw new Error(`${date} is not a date YYYY-MM-DD`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const format = (year: number, month: number, day: number): string => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** The same day `months` calendar months later (or earlier), or that month's last day when it is shorter. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = parts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return format(y, m, Math.min(day, daysIn(y, m)));
}

/**
 * The latest start of the clock whose period has run out by `today`: an
 * application is due exactly when its clock started on or before this day,
 * i.e. `start <= latestDueStart(today, m)` ⇔ `addMonths(start, m) <= today`.
 * (On the last day of a month every start in the same day-or-later of the
 * earlier month is due too: 31 January + 1 month is 28 February.)
 */
export function latestDueStart(today: string, months: number): string {
  const back = addMonths(today, -months);
  const [year, month, day] = parts(today);
  if (day !== daysIn(year, month)) return back;
  const [y, m] = parts(back);
  return format(y, m, daysIn(y, m));
}
