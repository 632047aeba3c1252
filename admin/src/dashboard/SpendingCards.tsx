import { useTranslate } from 'react-admin';
import { useCurrentBudgetYear } from '../budget-years/useCurrentBudgetYear';
import { ChartState } from '../common/charts';
import { usePoolReport } from '../reports/useReports';
import { CategorySpendingChart } from './CategorySpendingChart';
import { DashboardCard } from './DashboardCard';
import { UnitSpendingChart } from './UnitSpendingChart';

const reportsLink = (year: number | undefined, groupBy: string) =>
  `/reports?${new URLSearchParams({ period: 'year', ...(year && { year: String(year) }), groupBy }).toString()}`;

/** This year's pool report (both cards share the one request), and what the cards need around it. */
const useThisYearsPool = () => {
  const translate = useTranslate();
  const { budgetYear, isPending: yearPending, error: yearError } = useCurrentBudgetYear();
  const { data: report, isPending, error } = usePoolReport(budgetYear?.year);
  return {
    year: budgetYear?.year,
    report,
    subheader: budgetYear ? translate('app.dashboard.this_year', { year: budgetYear.year }) : undefined,
    state: {
      isPending: yearPending || (!!budgetYear && isPending),
      error: yearError ?? error,
      empty: !budgetYear && !yearPending,
    },
  };
};

/** This year's money per exit unit, from the pool report. */
export const SpendingByUnitCard = () => {
  const translate = useTranslate();
  const { year, report, subheader, state } = useThisYearsPool();
  return (
    <DashboardCard
      title={translate('app.dashboard.spending_by_unit.title')}
      subheader={subheader}
      link={{ to: reportsLink(year, 'unit'), label: translate('app.dashboard.to_reports') }}
      wide
      testId="dashboard-spending-by-unit"
    >
      <ChartState {...state}>{report && <UnitSpendingChart rows={report.byUnit} />}</ChartState>
    </DashboardCard>
  );
};

/** This year's money per category, from the pool report. */
export const SpendingByCategoryCard = () => {
  const translate = useTranslate();
  const { year, report, subheader, state } = useThisYearsPool();
  return (
    <DashboardCard
      title={translate('app.dashboard.spending_by_category.title')}
      subheader={subheader}
      link={{ to: reportsLink(year, 'category'), label: translate('app.dashboard.to_reports') }}
      testId="dashboard-spending-by-category"
    >
      <ChartState {...state}>{report && <CategorySpendingChart rows={report.byCategory} />}</ChartState>
    </DashboardCard>
  );
};
