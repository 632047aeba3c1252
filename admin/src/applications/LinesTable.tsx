import {
  Box,
  Divider,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { lineTotal } from '@app/money';
import { toMinor, useFormatAmount } from '../common/money';
import { PurgedText } from '../common/Purged';
import { usePhone } from '../common/usePhone';
import type { Application, ApplicationLineRecord } from '../types';
import { numericCell as numeric } from '../common/tables';

/** A line's description, or the note that it was purged. */
const Description = ({ record, line }: { record: Application; line: ApplicationLineRecord }) =>
  line.description === null && record.purgedAt ? <PurgedText at={record.purgedAt} /> : <>{line.description}</>;

/** On a phone: one block a line, "10 × DKK 1,500.00" under its description and the line total at the right. */
const PhoneLines = ({ record }: { record: Application }) => {
  const translate = useTranslate();
  const amount = useFormatAmount();
  return (
    <Stack
      divider={<Divider flexItem />}
      data-testid="lines"
      sx={{ borderTop: 1, borderBottom: 1, borderColor: 'divider' }}
    >
      {(record.lines ?? []).map((line, index) => {
        const unitAmount = toMinor(line.unitAmount);
        return (
          <Box key={index} sx={{ py: 1 }}>
            {line.description !== undefined && (
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                <Description record={record} line={line} />
              </Typography>
            )}
            <Stack direction="row" sx={{ justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
              <Typography variant="body2" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {line.quantity} × {amount(unitAmount)}
              </Typography>
              <Typography variant="body2" sx={numeric}>
                {amount(unitAmount === null ? null : lineTotal(line.quantity, unitAmount))}
              </Typography>
            </Stack>
          </Box>
        );
      })}
      <Stack direction="row" sx={{ justifyContent: 'space-between', gap: 1, py: 1 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {translate('app.applications.total')}
        </Typography>
        <Typography variant="body2" sx={{ ...numeric, fontWeight: 600 }}>
          {amount(toMinor(record.amountRequested))}
        </Typography>
      </Stack>
    </Stack>
  );
};

/** The cost lines with their totals. Descriptions are narrative: the column exists only when the API sent them. */
export const LinesTable = () => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  const amount = useFormatAmount();
  const phone = usePhone();
  if (!record?.lines?.length) return null;
  if (phone) return <PhoneLines record={record} />;
  const withDescription = record.lines.some((line) => line.description !== undefined);
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
                  <Description record={record} line={line} />
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
