import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';
import { YearPoolGauge } from '../budget-years/PoolGauge';
import { ChartState } from '../common/charts';
import { DashboardCard } from './DashboardCard';
import { useThisYearCard } from './useThisYearCard';

/** This year's pool as the gauge of the budget year's page. */
export const PoolCard = () => {
  const translate = useTranslate();
  const { budgetYear, isPending, error, card } = useThisYearCard();
  return (
    <DashboardCard title={translate('app.dashboard.pool.title')} {...card} testId="dashboard-pool">
      {!isPending && !error && !budgetYear ? (
        <Alert severity="info">{translate('app.dashboard.no_budget_year')}</Alert>
      ) : (
        <ChartState isPending={isPending} error={error} height={90}>
          {budgetYear && <YearPoolGauge year={budgetYear} />}
        </ChartState>
      )}
    </DashboardCard>
  );
};
