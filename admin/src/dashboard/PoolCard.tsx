import { Alert, Typography } from '@mui/material';
import { useCreatePath, useTranslate } from 'react-admin';
import { PoolGauge } from '../budget-years/PoolGauge';
import { useCurrentBudgetYear } from '../budget-years/useCurrentBudgetYear';
import { ChartState } from '../common/charts';
import { DashboardCard } from './DashboardCard';

/** This year's pool as the gauge of the budget year's page. */
export const PoolCard = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { budgetYear, isPending, error } = useCurrentBudgetYear();
  return (
    <DashboardCard
      title={translate('app.dashboard.pool.title')}
      subheader={budgetYear ? translate('app.dashboard.this_year', { year: budgetYear.year }) : undefined}
      link={
        budgetYear
          ? {
              to: createPath({ resource: 'budget-years', id: budgetYear.id, type: 'show' }),
              label: translate('app.dashboard.pool.open', { year: budgetYear.year }),
            }
          : undefined
      }
      testId="dashboard-pool"
    >
      {!isPending && !error && !budgetYear ? (
        <Alert severity="info">{translate('app.dashboard.no_budget_year')}</Alert>
      ) : (
        <ChartState isPending={isPending} error={error} height={90}>
          {budgetYear && (
            <>
              <PoolGauge
                total={budgetYear.poolAmount}
                committed={budgetYear.committed}
                disbursed={budgetYear.disbursed}
                available={budgetYear.available}
              />
              <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
                {translate('app.budget_years.explanation')}
              </Typography>
            </>
          )}
        </ChartState>
      )}
    </DashboardCard>
  );
};
