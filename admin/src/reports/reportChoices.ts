import { GROUPINGS, type Grouping, type SpendingQuery } from '../types';

export type PeriodKind = 'year' | 'dates';

/** What the Reports page shows, as its URL keeps it (so a report can be bookmarked and shared). */
export interface ReportChoices {
  period: PeriodKind;
  year?: number;
  from?: string;
  to?: string;
  groupBy: Grouping[];
  unitId?: string;
  categoryCode?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isGrouping = (value: string): value is Grouping => (GROUPINGS as readonly string[]).includes(value);

/** The choices in the URL; what is missing or malformed there falls back to the defaults. */
export const parseChoices = (
  params: URLSearchParams,
  defaults: { year: number | undefined; groupBy: Grouping[]; ownUnitOnly: boolean },
): ReportChoices => {
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const date = (name: string) => {
    const value = text(name);
    return value && DATE.test(value) ? value : undefined;
  };
  const year = Number(text('year'));
  // no groupBy at all: the default; an empty one: the totals only
  const groupBy = (params.has('groupBy') ? (params.get('groupBy') ?? '') : defaults.groupBy.join(','))
    .split(',')
    .map((g) => g.trim())
    .filter(isGrouping);
  const from = date('from');
  const to = date('to');
  const period: PeriodKind = text('period') === 'dates' || (!text('period') && (from || to)) ? 'dates' : 'year';
  return {
    period,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : defaults.year,
    from,
    to,
    groupBy: [...new Set(groupBy)],
    // a unit worker's figures are their own unit's whatever a shared link says
    unitId: defaults.ownUnitOnly ? undefined : text('unitId'),
    categoryCode: text('categoryCode'),
  };
};

/** The choices as URL parameters: only what differs from nothing. */
export const choicesToParams = (choices: ReportChoices): URLSearchParams => {
  const params = new URLSearchParams();
  params.set('period', choices.period);
  if (choices.period === 'year' && choices.year) params.set('year', String(choices.year));
  if (choices.period === 'dates') {
    if (choices.from) params.set('from', choices.from);
    if (choices.to) params.set('to', choices.to);
  }
  params.set('groupBy', choices.groupBy.join(','));
  if (choices.unitId) params.set('unitId', choices.unitId);
  if (choices.categoryCode) params.set('categoryCode', choices.categoryCode);
  return params;
};

/** Why the choices cannot be asked for yet (a translation key), or null. */
export const choicesProblem = (choices: ReportChoices): string | null => {
  if (choices.period === 'year') return choices.year ? null : 'app.reports.choose_period';
  if (!choices.from && !choices.to) return 'app.reports.choose_period';
  if (choices.from && choices.to && choices.from > choices.to) return 'app.reports.invalid_period';
  return null;
};

/** The spending report's query for the choices; null while they are incomplete. */
export const spendingQuery = (choices: ReportChoices): SpendingQuery | null => {
  if (choicesProblem(choices)) return null;
  return {
    ...(choices.period === 'year' ? { year: choices.year } : { from: choices.from, to: choices.to }),
    groupBy: choices.groupBy,
    unitId: choices.unitId,
    categoryCode: choices.categoryCode,
  };
};

/** The filter of GET /api/disbursements(.csv) for the same period, unit and category. */
export const paymentsFilter = (choices: ReportChoices): Record<string, string | number> => ({
  ...(choices.period === 'year'
    ? choices.year && { year: choices.year }
    : { ...(choices.from && { paidOn_gte: choices.from }), ...(choices.to && { paidOn_lte: choices.to }) }),
  ...(choices.unitId && { unitId: choices.unitId }),
  ...(choices.categoryCode && { categoryCode: choices.categoryCode }),
});

/** The calendar year of the statistics: the budget year, or the year the period starts (or ends) in. */
export const statisticsYear = (choices: ReportChoices): number | undefined => {
  if (choices.period === 'year') return choices.year;
  const date = choices.from ?? choices.to;
  return date ? Number(date.slice(0, 4)) : undefined;
};
