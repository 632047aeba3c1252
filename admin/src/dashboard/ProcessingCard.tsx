import { Box, Stack, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useCallback } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useCurrentBudgetYear } from '../budget-years/useCurrentBudgetYear';
import { useCategoryName } from '../common/categories';
import { AXIS_TICK, LEGEND_PROPS, ChartBox, ChartState, SERIES_COLORS, TOOLTIP_STYLE } from '../common/charts';
import { toMinor, useFormatMoney } from '../common/money';
import { useFormatPercent } from '../common/percent';
import { intlLocale } from '../i18n';
import { useProcessingReport } from '../reports/useReports';
import type { ProcessingFigures } from '../types';
import { DashboardCard } from './DashboardCard';
import { numericCell as numeric } from '../common/tables';

/** Days as the user's language writes a decimal: "7,7" / "7.7"; "–" for none. */
const useFormatDays = () => {
  const [locale] = useLocaleState();
  return useCallback(
    (days: number | null) =>
      days === null
        ? '–'
        : new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
            days,
          ),
    [locale],
  );
};

/**
 * How long decisions take (median and 90th percentile of the days from the last
 * submission to the decision) per category, for urgent applications and for all,
 * with the approval rate and the average grant per case: decisions of this year.
 */
export const ProcessingCard = () => {
  const translate = useTranslate();
  const categoryName = useCategoryName();
  const format = useFormatMoney();
  const percent = useFormatPercent();
  const days = useFormatDays();
  const { budgetYear, isPending: yearPending } = useCurrentBudgetYear();
  const year = budgetYear?.year ?? (yearPending ? undefined : new Date().getFullYear());
  const { data: report, isPending, error } = useProcessingReport(year);
  const rows: (ProcessingFigures & { key: string; label: string })[] = report
    ? [
        ...report.byCategory.map((row) => ({ ...row, key: row.categoryCode, label: categoryName(row.categoryCode) })),
        { ...report.urgent, key: 'urgent', label: translate('app.dashboard.processing.urgent') },
        { ...report.overall, key: 'all', label: translate('app.dashboard.processing.all') },
      ]
    : [];
  const tooltipDays = (value: unknown) =>
    typeof value === 'number' ? translate('app.dashboard.processing.days', { days: days(value) }) : '';
  return (
    <DashboardCard
      title={translate('app.dashboard.processing.title')}
      subheader={year ? translate('app.dashboard.processing.subheader', { year }) : undefined}
      wide
      testId="dashboard-processing"
    >
      <ChartState
        isPending={yearPending || isPending}
        error={error}
        empty={!report?.overall.decided}
        emptyText="app.dashboard.processing.none"
      >
        <Stack direction={{ xs: 'column', xl: 'row' }} spacing={3} sx={{ alignItems: { xl: 'center' } }}>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <ChartBox height={rows.length * 44 + 60} label={translate('app.dashboard.processing.title')}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 24, bottom: 0, left: 0 }}>
                  <CartesianGrid horizontal={false} strokeDasharray="3 3" />
                  <XAxis
                    type="number"
                    tick={AXIS_TICK}
                    allowDecimals={false}
                    unit={translate('app.dashboard.processing.days_unit')}
                  />
                  <YAxis type="category" dataKey="label" width={170} tick={AXIS_TICK} interval={0} />
                  <Tooltip {...TOOLTIP_STYLE} formatter={tooltipDays} cursor={{ fillOpacity: 0.2 }} />
                  <Legend {...LEGEND_PROPS} />
                  <Bar
                    dataKey="medianDays"
                    name={translate('app.dashboard.processing.median')}
                    fill={SERIES_COLORS.green}
                    isAnimationActive={false}
                  />
                  <Bar
                    dataKey="p90Days"
                    name={translate('app.dashboard.processing.p90')}
                    fill={SERIES_COLORS.purple}
                    isAnimationActive={false}
                  />
                </BarChart>
              </ResponsiveContainer>
            </ChartBox>
          </Box>
          <Box sx={{ flex: 1, minWidth: 0, overflowX: 'auto' }}>
            <Table size="small" data-testid="processing-table">
              <TableHead>
                <TableRow>
                  <TableCell />
                  <TableCell sx={numeric}>{translate('app.dashboard.processing.decided')}</TableCell>
                  <TableCell sx={numeric}>{translate('app.dashboard.processing.approval_rate')}</TableCell>
                  <TableCell sx={numeric}>{translate('app.dashboard.processing.median')}</TableCell>
                  <TableCell sx={numeric}>{translate('app.dashboard.processing.p90')}</TableCell>
                  <TableCell sx={numeric}>{translate('app.dashboard.processing.average_grant')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.key} sx={row.key === 'all' ? { '& td': { fontWeight: 600 } } : undefined}>
                    <TableCell>{row.label}</TableCell>
                    <TableCell sx={numeric}>{row.decided}</TableCell>
                    <TableCell sx={numeric}>{percent(row.approvalRate)}</TableCell>
                    <TableCell sx={numeric}>{days(row.medianDays)}</TableCell>
                    <TableCell sx={numeric}>{days(row.p90Days)}</TableCell>
                    <TableCell sx={numeric}>
                      {row.averageGrantPerCase === null ? '–' : format(toMinor(row.averageGrantPerCase) ?? 0n)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        </Stack>
      </ChartState>
    </DashboardCard>
  );
};
