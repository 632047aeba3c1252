import { Button, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useCurrentBudgetYear } from '../budget-years/useCurrentBudgetYear';
import { DownloadButton } from '../reports/DownloadButton';
import { defaultDelimiter, fileLanguage } from '../reports/fileParams';
import { DashboardCard } from './DashboardCard';

// The year's spending per unit, category and month: the XLSX has a sheet for each and one of all three.
const GROUP_BY = 'unit,category,month';

/** Finance's usual files for this budget year, in the user's language. */
export const ExportsCard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { budgetYear } = useCurrentBudgetYear();
  const year = budgetYear?.year;
  const lang = fileLanguage(locale);
  return (
    <DashboardCard
      title={translate('app.dashboard.exports.title')}
      subheader={year ? translate('app.dashboard.this_year', { year }) : undefined}
      testId="dashboard-exports"
    >
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('app.dashboard.exports.hint')}
      </Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
        <DownloadButton
          path="reports/spending.csv"
          params={{ year, groupBy: GROUP_BY, lang, delimiter: defaultDelimiter(locale) }}
          label={translate('app.reports.spending_csv')}
          disabled={!year}
          testId="export-spending-csv"
        />
        <DownloadButton
          path="reports/spending.xlsx"
          params={{ year, groupBy: GROUP_BY, lang }}
          label={translate('app.reports.spending_xlsx')}
          disabled={!year}
          testId="export-spending-xlsx"
        />
        <DownloadButton
          path="disbursements.csv"
          params={{ filter: year ? JSON.stringify({ year }) : undefined, lang, delimiter: defaultDelimiter(locale) }}
          label={translate('app.reports.payments_csv')}
          disabled={!year}
          testId="export-payments-csv"
        />
      </Stack>
      <Button component={Link} to="/reports" size="small" sx={{ mt: 2 }}>
        {translate('app.dashboard.exports.more')}
      </Button>
    </DashboardCard>
  );
};
