import { Alert, Box, Card, CardContent, CardHeader, LinearProgress, Stack, Typography } from '@mui/material';
import { type ReactNode, useCallback, useMemo } from 'react';
import { AccessDenied, CanAccess, Title, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { AdmissionStatisticsCard } from '../admission-reviews/AdmissionStatisticsCard';
import { useCurrentBudgetYear } from '../budget-years/useCurrentBudgetYear';
import { ChartState } from '../common/charts';
import { useRole } from '../common/useRole';
import { ReportChoicesForm } from './ReportChoicesForm';
import { ReportDownloads } from './ReportDownloads';
import { choicesProblem, choicesToParams, parseChoices, type ReportChoices, spendingQuery } from './reportChoices';
import { SpendingChart } from './SpendingChart';
import { SpendingTable } from './SpendingTable';
import { useSpendingReport } from './useReports';

const Section = ({ title, subheader, children }: { title: string; subheader?: string; children: ReactNode }) => (
  <Card variant="outlined">
    <CardHeader
      title={title}
      subheader={subheader}
      slotProps={{ title: { variant: 'subtitle1', component: 'h2', fontWeight: 600 }, subheader: { variant: 'body2' } }}
      sx={{ pb: 0.5 }}
    />
    <CardContent sx={{ pt: 1 }}>{children}</CardContent>
  </Card>
);

/**
 * The spending report: a period (budget year or dates), groupings and filters,
 * the rows as a chart and a table with totals, and the report's files. The
 * choices live in the URL, so a report can be bookmarked and shared.
 */
const Reports = () => {
  const translate = useTranslate();
  const role = useRole();
  const [params, setParams] = useSearchParams();
  const { budgetYear, years, isPending: yearsPending } = useCurrentBudgetYear();
  const ownUnitOnly = role === 'unit_worker';
  const choices = useMemo(
    () =>
      parseChoices(params, {
        year: budgetYear?.year,
        // a unit worker's report is their own unit's: by category is the first useful cut
        groupBy: ownUnitOnly ? ['category'] : ['unit'],
        ownUnitOnly,
      }),
    [params, budgetYear?.year, ownUnitOnly],
  );
  const change = useCallback((next: ReportChoices) => setParams(choicesToParams(next), { replace: true }), [setParams]);
  const problem = choicesProblem(choices);
  // not before the role is known: a unit worker's default grouping differs
  const query = role ? spendingQuery(choices) : null;
  const { data: report, isPending, isFetching, error } = useSpendingReport(query);
  const inPeriods = choices.groupBy.includes('month') || choices.groupBy.includes('quarter');
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 2 }}>
      <Title title="app.reports.title" />
      <Section title={translate('app.reports.choices')}>
        <ReportChoicesForm
          choices={choices}
          onChange={change}
          years={years}
          showUnitFilter={role !== undefined && !ownUnitOnly}
          problem={problem}
        />
      </Section>
      {problem && !yearsPending && problem !== 'app.reports.invalid_period' && (
        <Alert severity="info">{translate(problem)}</Alert>
      )}
      {query && (
        <Section
          title={translate('app.reports.result')}
          subheader={report ? translate('app.reports.rows', { smart_count: report.rows.length }) : undefined}
        >
          <Box sx={{ height: 4, mb: 1 }}>{isFetching && <LinearProgress />}</Box>
          <ChartState
            isPending={isPending}
            error={error}
            empty={report?.rows.length === 0}
            emptyText="app.reports.no_rows"
            height={340}
          >
            {report && (
              <Stack spacing={2}>
                <SpendingChart report={report} />
                {inPeriods && (
                  <Typography variant="body2" color="text.secondary">
                    {translate('app.reports.committed_in_period_hint')}
                  </Typography>
                )}
                <SpendingTable report={report} />
              </Stack>
            )}
          </ChartState>
        </Section>
      )}
      <Section title={translate('app.reports.downloads')}>
        <ReportDownloads choices={choices} />
      </Section>
      <Section title={translate('app.admission_reviews.statistics.title')}>
        <AdmissionStatisticsCard />
      </Section>
    </Stack>
  );
};

export const ReportsPage = () => (
  <CanAccess resource="reports" action="list" accessDenied={<AccessDenied />}>
    <Reports />
  </CanAccess>
);
