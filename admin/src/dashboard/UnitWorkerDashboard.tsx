import { Alert, Divider, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { sumMoney } from '@app/money';
import { PoolGauge } from '../budget-years/PoolGauge';
import { ChartState, SERIES_COLORS } from '../common/charts';
import { toMinor, useFormatMoney } from '../common/money';
import { usePoolReport } from '../reports/useReports';
import { IncomingTransfersCard } from '../case-transfers/IncomingTransfersCard';
import { ApplicationLinks } from './ApplicationLinks';
import { CategorySpendingChart } from './CategorySpendingChart';
import { DashboardCard, DashboardGrid } from './DashboardCard';
import { Figure } from './Figure';
import { AnsweredAdviceCard } from './OpenAdviceCard';
import { StatusChart } from './StatusChart';
import { useThisYearCard } from './useThisYearCard';

/** This year's money of the unit (the pool report answers a unit worker for their own unit only). */
const UnitMoneyCard = () => {
  const translate = useTranslate();
  const format = useFormatMoney();
  const { budgetYear, isPending: yearPending, card } = useThisYearCard();
  const { data: report, isPending, error } = usePoolReport(budgetYear?.year);
  const unit = report?.byUnit[0];
  const allocation = toMinor(unit?.allocation);
  const used = sumMoney([toMinor(unit?.committed) ?? 0n, toMinor(unit?.disbursed) ?? 0n]);
  return (
    <DashboardCard title={translate('app.dashboard.unit_money.title')} {...card} testId="dashboard-unit-money">
      {!yearPending && !budgetYear ? (
        <Alert severity="info">{translate('app.dashboard.no_budget_year')}</Alert>
      ) : (
        <ChartState isPending={yearPending || isPending} error={error} height={200}>
          {report && (
            <Stack spacing={2}>
              <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2 }}>
                <Figure
                  label={translate('app.dashboard.unit_money.committed')}
                  value={format(toMinor(unit?.committed) ?? 0n)}
                  color={SERIES_COLORS.committed}
                />
                <Figure
                  label={translate('app.dashboard.unit_money.disbursed')}
                  value={format(toMinor(unit?.disbursed) ?? 0n)}
                  color={SERIES_COLORS.disbursed}
                />
                <Figure
                  label={translate('app.dashboard.unit_money.available')}
                  value={format(toMinor(report.available) ?? 0n)}
                  hint={translate('app.dashboard.unit_money.of_pool', {
                    pool: format(toMinor(report.poolAmount) ?? 0n),
                  })}
                />
              </Stack>
              {allocation !== null && allocation > 0n && (
                <PoolGauge
                  total={Number(allocation)}
                  committed={Number(toMinor(unit?.committed) ?? 0n)}
                  disbursed={Number(toMinor(unit?.disbursed) ?? 0n)}
                  available={Number(allocation > used ? allocation - used : 0n)}
                  totalLabel="resources.budget-years.fields.byUnit.allocation"
                />
              )}
              <Divider />
              <CategorySpendingChart rows={report.byCategory} />
            </Stack>
          )}
        </ChartState>
      )}
    </DashboardCard>
  );
};

// What waits for the unit worker: answers the contact point asked for, the longest waiting first; then drafts.
const WAITING: { title: string; statuses: string[]; emptyText: string; order: 'ASC' | 'DESC' }[] = [
  {
    title: 'app.dashboard.waiting.info_requested',
    statuses: ['info_requested'],
    emptyText: 'app.dashboard.waiting.none_info',
    order: 'ASC',
  },
  {
    title: 'app.dashboard.waiting.drafts',
    statuses: ['draft'],
    emptyText: 'app.dashboard.waiting.none_drafts',
    order: 'DESC',
  },
];

/** The unit worker's home: their applications by status, the unit's money this year, what waits for them, and advice answered. */
export const UnitWorkerDashboard = () => {
  const translate = useTranslate();
  return (
    <DashboardGrid>
      <IncomingTransfersCard />
      <DashboardCard
        title={translate('app.dashboard.waiting.title')}
        subheader={translate('app.dashboard.waiting.subheader')}
        wide
        testId="dashboard-waiting"
      >
        <Stack
          direction={{ xs: 'column', md: 'row' }}
          spacing={3}
          divider={<Divider orientation="vertical" flexItem />}
        >
          {WAITING.map((list) => (
            <Stack key={list.title} sx={{ flex: 1, minWidth: 0 }}>
              <ApplicationLinks
                title={translate(list.title)}
                statuses={list.statuses}
                emptyText={list.emptyText}
                order={list.order}
              />
            </Stack>
          ))}
        </Stack>
      </DashboardCard>
      <DashboardCard
        title={translate('app.dashboard.by_status.title')}
        subheader={translate('app.dashboard.by_status.subheader')}
        link={{ to: '/applications', label: translate('app.dashboard.by_status.all') }}
        testId="dashboard-status"
      >
        <StatusChart />
      </DashboardCard>
      <UnitMoneyCard />
      <AnsweredAdviceCard />
    </DashboardGrid>
  );
};
