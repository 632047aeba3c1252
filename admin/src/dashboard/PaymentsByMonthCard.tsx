import { useLocaleState, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useCurrentBudgetYear } from '../budget-years/useCurrentBudgetYear';
import {
  AXIS_TICK,
  ChartBox,
  ChartState,
  noMoney,
  SERIES_COLORS,
  TOOLTIP_STYLE,
  useMoneyChartFormat,
} from '../common/charts';
import { formatMonth, monthsOf } from '../common/dates';
import { useSpendingReport } from '../reports/useReports';
import { DashboardCard } from './DashboardCard';

/** What this budget year's grants paid out (net of refunds) in each month, January to December. */
export const PaymentsByMonthCard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { tick, tooltip } = useMoneyChartFormat();
  const { budgetYear, isPending: yearPending, error: yearError } = useCurrentBudgetYear();
  const {
    data: report,
    isPending,
    error,
  } = useSpendingReport(budgetYear ? { year: budgetYear.year, groupBy: ['month'] } : null);
  const byMonth = new Map((report?.rows ?? []).map((row) => [row.month, row.disbursed]));
  const data = budgetYear
    ? monthsOf(budgetYear.year).map((month) => ({
        month,
        label: formatMonth(month, locale),
        disbursed: byMonth.get(month) ?? 0,
      }))
    : [];
  return (
    <DashboardCard
      title={translate('app.dashboard.payments_by_month.title')}
      subheader={
        budgetYear ? translate('app.dashboard.payments_by_month.subheader', { year: budgetYear.year }) : undefined
      }
      link={{
        to: `/reports?${new URLSearchParams({ ...(budgetYear && { year: String(budgetYear.year) }), groupBy: 'month' }).toString()}`,
        label: translate('app.dashboard.to_reports'),
      }}
      wide
      testId="dashboard-payments-by-month"
    >
      <ChartState
        isPending={yearPending || (!!budgetYear && isPending)}
        error={yearError ?? error}
        empty={!budgetYear || noMoney(data, ['disbursed'])}
        emptyText={budgetYear ? 'app.charts.no_payments' : undefined}
      >
        <ChartBox height={280} label={translate('app.dashboard.payments_by_month.title')}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
              <CartesianGrid vertical={false} strokeDasharray="3 3" />
              <XAxis dataKey="label" tick={AXIS_TICK} interval={0} angle={-35} textAnchor="end" height={56} />
              <YAxis tickFormatter={tick} tick={AXIS_TICK} width={80} />
              <Tooltip {...TOOLTIP_STYLE} formatter={tooltip} cursor={{ fillOpacity: 0.2 }} />
              <Bar
                dataKey="disbursed"
                name={translate('app.charts.disbursed')}
                fill={SERIES_COLORS.disbursed}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </ChartBox>
      </ChartState>
    </DashboardCard>
  );
};
