// Dates as the installation reads them: its own time zone (TZ), never UTC.

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar date of a moment where the installation is: the process's time zone (set `TZ`, e.g. Europe/Copenhagen). */
export const isoDateOf = (moment: Date): string =>
  `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;

/** Today's date where the installation is. */
export const todayIso = (): string => isoDateOf(new Date());

/** This year where the installation is. */
export const thisYear = (): number => new Date().getFullYear();

/** The date `days` days before today where the installation is (local calendar days, not UTC). */
export function daysAgoIso(days: number, from: Date = new Date()): string {
  const moment = new Date(from);
  moment.setDate(moment.getDate() - days);
  return isoDateOf(moment);
}
