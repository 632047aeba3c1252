import { Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { lineTotal } from '@app/money';
import { toMinor, useFormatMoney } from '../common/money';
import { PurgedText } from '../common/Purged';
import type { Application } from '../types';

/** The cost lines with their totals. Descriptions are narrative: the column exists only when the API sent them. */
export const LinesTable = () => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  const format = useFormatMoney();
  if (!record?.lines?.length) return null;
  const withDescription = record.lines.some((line) => line.description !== undefined);
  const amount = (value: bigint | null) => (value === null ? '–' : format(value));
  const numeric = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
  return (
    <Table size="small" data-testid="lines">
      <TableHead>
        <TableRow>
          {withDescription && <TableCell>{translate('resources.applications.fields.lines.description')}</TableCell>}
          <TableCell sx={numeric}>{translate('resources.applications.fields.lines.quantity')}</TableCell>
          <TableCell sx={numeric}>{translate('resources.applications.fields.lines.unitAmount')}</TableCell>
          <TableCell sx={numeric}>{translate('app.applications.line_total')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {record.lines.map((line, index) => {
          const unitAmount = toMinor(line.unitAmount);
          return (
            <TableRow key={index}>
              {withDescription && (
                <TableCell sx={{ whiteSpace: 'pre-wrap' }}>
                  {line.description === null && record.purgedAt ? (
                    <PurgedText at={record.purgedAt} />
                  ) : (
                    line.description
                  )}
                </TableCell>
              )}
              <TableCell sx={numeric}>{line.quantity}</TableCell>
              <TableCell sx={numeric}>{amount(unitAmount)}</TableCell>
              <TableCell sx={numeric}>
                {amount(unitAmount === null ? null : lineTotal(line.quantity, unitAmount))}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell colSpan={withDescription ? 3 : 2}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {translate('app.applications.total')}
            </Typography>
          </TableCell>
          <TableCell sx={{ ...numeric, fontWeight: 600, color: 'text.primary' }}>
            {amount(toMinor(record.amountRequested))}
          </TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
};
