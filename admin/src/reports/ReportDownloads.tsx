import { Checkbox, Divider, FormControlLabel, Stack, Typography } from '@mui/material';
import { type ReactNode, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { SmallSelect } from '../common/SmallSelect';
import { spendingParams } from '../dataProvider';
import type { CsvDelimiter } from '../types';
import { DownloadButton } from './DownloadButton';
import { defaultDelimiter, fileLanguage } from './fileParams';
import { paymentsFilter, type ReportChoices, spendingQuery, statisticsYear } from './reportChoices';

const Section = ({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) => (
  <Stack spacing={1}>
    <Typography variant="subtitle2" component="h3">
      {title}
    </Typography>
    {hint && (
      <Typography variant="body2" color="text.secondary">
        {hint}
      </Typography>
    )}
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
      {children}
    </Stack>
  </Stack>
);

/**
 * The report's files in the user's language: the spending report as shown (CSV
 * with a choice of separator, XLSX), the statistics for publication, and every
 * payment of the period as CSV.
 */
export const ReportDownloads = ({ choices }: { choices: ReportChoices }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lang = fileLanguage(locale);
  // null: the language's own separator, until the user picks one
  const [picked, setPicked] = useState<CsvDelimiter | null>(null);
  const delimiter = picked ?? defaultDelimiter(locale);
  const [byUnit, setByUnit] = useState(false);
  const [payees, setPayees] = useState(false);
  const query = spendingQuery(choices);
  const spending = query ? spendingParams(query) : {};
  const year = statisticsYear(choices);
  const filter = paymentsFilter(choices);
  return (
    <Stack spacing={2} divider={<Divider flexItem />}>
      <Section title={translate('app.reports.spending_files')} hint={translate('app.reports.spending_files_hint')}>
        <SmallSelect
          id="csv-delimiter"
          label={translate('app.reports.delimiter')}
          value={delimiter}
          onChange={(value) => setPicked(value as CsvDelimiter)}
          options={[
            { value: ';', label: translate('app.reports.delimiter_semicolon') },
            { value: ',', label: translate('app.reports.delimiter_comma') },
          ]}
          sx={{ minWidth: 260 }}
          testId="csv-delimiter"
        />
        <DownloadButton
          path="reports/spending.csv"
          params={{ ...spending, lang, delimiter }}
          label={translate('app.reports.csv')}
          disabled={!query}
          testId="download-spending-csv"
        />
        <DownloadButton
          path="reports/spending.xlsx"
          params={{ ...spending, lang }}
          label={translate('app.reports.xlsx')}
          disabled={!query}
          testId="download-spending-xlsx"
        />
      </Section>
      <Section
        title={year ? translate('app.reports.statistics', { year }) : translate('app.reports.statistics_no_year')}
        hint={translate('app.reports.statistics_hint', { year: year ?? '' })}
      >
        <FormControlLabel
          control={<Checkbox size="small" checked={byUnit} onChange={(event) => setByUnit(event.target.checked)} />}
          label={translate('app.reports.by_unit')}
        />
        <DownloadButton
          path="reports/statistics.csv"
          params={{ year, byUnit, lang, delimiter }}
          label={translate('app.reports.statistics_csv')}
          disabled={!year}
          testId="download-statistics-csv"
        />
        <DownloadButton
          path="reports/statistics.xlsx"
          params={{ year, byUnit, lang }}
          label={translate('app.reports.statistics_xlsx')}
          disabled={!year}
          testId="download-statistics-xlsx"
        />
      </Section>
      <Section title={translate('app.reports.payments')} hint={translate('app.reports.payments_hint')}>
        <FormControlLabel
          control={<Checkbox size="small" checked={payees} onChange={(event) => setPayees(event.target.checked)} />}
          label={translate('app.reports.payee_references')}
          data-testid="payments-payee-references"
        />
        <DownloadButton
          path="disbursements.csv"
          params={{ filter: JSON.stringify(filter), lang, delimiter, ...(payees && { payeeReferences: 'true' }) }}
          label={translate('app.reports.payments_csv')}
          disabled={!query}
          testId="download-payments-csv"
        />
      </Section>
    </Stack>
  );
};
