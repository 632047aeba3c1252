import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { ChartState } from '../common/charts';
import { useExitPoolDataProvider } from '../dataProvider';
import type { AdmissionStatistics } from '../types';

const COLUMNS = ['requested', 'upheld', 'admitted', 'open'] as const;
const WITHHELD = '–';

/** The statistics' table: one row a year, a withheld figure as a dash. */
export const AdmissionStatisticsTable = ({ statistics }: { statistics: AdmissionStatistics }) => {
  const translate = useTranslate();
  const word = (key: string) => translate(`app.admission_reviews.statistics.${key}`);
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.admission_reviews.statistics.intro', { threshold: statistics.threshold })}
      </Typography>
      {/* a phone scrolls the table sideways rather than squeezing its figures; contained, the table's
          own width never widens the page */}
      <Box sx={{ overflowX: 'auto', contain: 'inline-size' }}>
        <Table size="small" aria-label={word('title')}>
          <TableHead>
            <TableRow>
              <TableCell>{word('year')}</TableCell>
              {COLUMNS.map((c) => (
                <TableCell key={c} align="right">
                  {word(c)}
                </TableCell>
              ))}
              <TableCell align="right">{word('median')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {statistics.years.map((row) => (
              <TableRow key={row.year}>
                <TableCell>{row.year}</TableCell>
                {COLUMNS.map((c) => (
                  <TableCell key={c} align="right">
                    {row[c] ?? WITHHELD}
                  </TableCell>
                ))}
                <TableCell align="right">{row.medianDaysToDecision ?? WITHHELD}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </>
  );
};

/** Admission reviews per year on the Reports page: counts, outcomes and time to decision, small cells withheld. */
export const AdmissionStatisticsCard = () => {
  const dataProvider = useExitPoolDataProvider();
  const { data, isPending, error } = useQuery({
    queryKey: ['admission-statistics'],
    queryFn: async () => (await dataProvider.admissionStatistics()).data,
  });
  return (
    <ChartState
      isPending={isPending}
      error={error}
      empty={data?.years.length === 0}
      emptyText="app.admission_reviews.statistics.none"
      height={120}
    >
      {data && <AdmissionStatisticsTable statistics={data} />}
    </ChartState>
  );
};
