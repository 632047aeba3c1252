import { Box, Table, TableBody, TableCell, TableContainer, TableFooter, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { sumMoney } from '@app/money';
import { toMinor, useFormatMoney } from '../common/money';
import type { SpendingReport } from '../types';
import { useGroupLabel } from './groupLabels';
import { numericCell as numeric } from '../common/tables';

/** The report's rows, a column per grouping and the two amounts, with the totals as the last row. */
export const SpendingTable = ({ report }: { report: SpendingReport }) => {
  const translate = useTranslate();
  const format = useFormatMoney();
  const label = useGroupLabel();
  const money = (value: unknown) => format(toMinor(value) ?? 0n);
  const totals = report.totals ?? {
    committed: Number(sumMoney(report.rows.map((r) => toMinor(r.committed) ?? 0n))),
    disbursed: Number(sumMoney(report.rows.map((r) => toMinor(r.disbursed) ?? 0n))),
  };
  const footer = { fontWeight: 700, color: 'text.primary', fontSize: '0.875rem', bgcolor: 'background.paper' };
  return (
    // the rows scroll within the screen, sideways too on a phone; `contain` keeps the table's width out of the page's
    <TableContainer sx={{ maxHeight: 560, contain: 'inline-size' }}>
      <Table size="small" stickyHeader data-testid="spending-table">
        <TableHead>
          <TableRow>
            {report.groupBy.map((g) => (
              <TableCell key={g}>{translate(`app.reports.groupings.${g}`)}</TableCell>
            ))}
            <TableCell sx={numeric}>{translate('app.reports.committed')}</TableCell>
            <TableCell sx={numeric}>{translate('app.reports.disbursed')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {report.rows.map((row, index) => (
            <TableRow key={index} hover>
              {report.groupBy.map((g) => (
                <TableCell key={g} sx={{ whiteSpace: { xs: 'normal', sm: 'nowrap' } }}>
                  {g === 'unit' ? (
                    <>
                      <Box component="span" sx={{ fontFamily: 'monospace', mr: 1 }}>
                        {row.unitCode}
                      </Box>
                      {/* on a phone the code alone (as in the chart), so both amounts show beside it */}
                      <Box component="span" sx={{ color: 'text.secondary', display: { xs: 'none', sm: 'inline' } }}>
                        {row.unitName}
                      </Box>
                    </>
                  ) : (
                    label(g, row)
                  )}
                </TableCell>
              ))}
              <TableCell sx={{ ...numeric, color: row.committed < 0 ? 'text.secondary' : undefined }}>
                {money(row.committed)}
              </TableCell>
              <TableCell sx={numeric}>{money(row.disbursed)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
        <TableFooter sx={{ position: 'sticky', bottom: 0 }}>
          <TableRow data-testid="spending-totals">
            {report.groupBy.length === 0 ? null : (
              <TableCell colSpan={report.groupBy.length} sx={footer}>
                {translate('app.reports.total')}
              </TableCell>
            )}
            <TableCell sx={{ ...numeric, ...footer }}>{money(totals.committed)}</TableCell>
            <TableCell sx={{ ...numeric, ...footer }}>{money(totals.disbursed)}</TableCell>
          </TableRow>
        </TableFooter>
      </Table>
    </TableContainer>
  );
};
