import { Box, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  ArrayInput,
  NumberInput,
  SimpleFormIterator,
  TextInput,
  maxLength,
  minValue,
  required,
  useSimpleFormIteratorItem,
  useTranslate,
  type Validator,
} from 'react-admin';
import { lineTotal } from '@app/money';
import { MoneyInput, minMoney } from '../common/MoneyInput';
import { toMinor, useFormatMoney } from '../common/money';
import { noNationalId, wholeNumber } from '../common/validators';

interface LineValues {
  description?: string | null;
  quantity?: unknown;
  unitAmount?: unknown;
}

/** quantity × unit amount, or null while the line is incomplete or invalid. */
const totalOf = (line: LineValues | undefined): bigint | null => {
  const unitAmount = toMinor(line?.unitAmount);
  const quantity = line?.quantity;
  if (unitAmount === null || typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 1) {
    return null;
  }
  return lineTotal(quantity, unitAmount);
};

/** The amount requested: the sum of every line, or null while some line is incomplete. */
export const linesTotal = (lines: readonly LineValues[] | undefined | null): bigint | null => {
  let total = 0n;
  for (const line of lines ?? []) {
    const value = totalOf(line);
    if (value === null) return null;
    total += value;
  }
  return total;
};

const atLeastOneLine: Validator = (value: unknown) =>
  Array.isArray(value) && value.length > 0 ? undefined : 'app.validation.lines_required';

const LineTotal = () => {
  const { index } = useSimpleFormIteratorItem();
  const line = useWatch({ name: `lines.${index}` }) as LineValues | undefined;
  const format = useFormatMoney();
  const translate = useTranslate();
  const total = totalOf(line);
  return (
    <Box sx={{ minWidth: 150, textAlign: 'right', alignSelf: 'center' }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate('app.applications.line_total')}
      </Typography>
      <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {total === null ? '–' : format(total)}
      </Typography>
    </Box>
  );
};

/** The live sum of the lines: what will be sent as amountRequested. */
export const LiveTotal = () => {
  const lines = useWatch({ name: 'lines' }) as LineValues[] | undefined;
  const format = useFormatMoney();
  const translate = useTranslate();
  const total = linesTotal(lines);
  return (
    <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 2, alignItems: 'baseline', mt: 1, mb: 2 }}>
      <Typography variant="subtitle1">{translate('app.applications.total')}</Typography>
      <Typography variant="h6" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid="live-total">
        {total === null ? translate('app.applications.total_incomplete') : format(total)}
      </Typography>
    </Box>
  );
};

/** Cost lines (what, how many, at what price) with each line's total and the sum below. */
export const LinesInput = () => (
  <Box sx={{ width: '100%' }}>
    <ArrayInput source="lines" label="app.applications.lines" validate={atLeastOneLine}>
      <SimpleFormIterator inline disableReordering>
        <TextInput
          source="description"
          validate={[required(), maxLength(500), noNationalId]}
          sx={{ flex: 1, minWidth: 260 }}
          helperText={false}
        />
        <NumberInput
          source="quantity"
          step={1}
          min={1}
          validate={[required(), wholeNumber, minValue(1)]}
          sx={{ width: 110 }}
          helperText={false}
        />
        <MoneyInput source="unitAmount" validate={[required(), minMoney(0)]} sx={{ width: 190 }} helperText={false} />
        <LineTotal />
      </SimpleFormIterator>
    </ArrayInput>
    <LiveTotal />
  </Box>
);
