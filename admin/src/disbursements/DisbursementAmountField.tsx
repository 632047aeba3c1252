import { Chip, Stack, Typography } from '@mui/material';
import { useFieldValue, useTranslate } from 'react-admin';
import { toMinor, useFormatMoney } from '../common/money';

/** A payment's amount; a refund (negative) in red with a "Refund" chip, so colour is not the only sign. */
export const DisbursementAmountField = ({
  source = 'amount',
}: {
  source?: string;
  label?: string;
  sortable?: boolean;
}) => {
  const value: unknown = useFieldValue({ source });
  const format = useFormatMoney();
  const translate = useTranslate();
  const minor = toMinor(value);
  if (minor === null) return null;
  const refund = minor < 0n;
  return (
    // inline, so the table cell's alignment (right) places it
    <Stack direction="row" spacing={1} component="span" sx={{ display: 'inline-flex', alignItems: 'center' }}>
      {refund && (
        <Chip
          component="span"
          size="small"
          color="error"
          variant="outlined"
          label={translate('app.disbursements.refund')}
          sx={{ height: 20 }}
        />
      )}
      <Typography
        component="span"
        variant="body2"
        color={refund ? 'error' : undefined}
        sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', fontWeight: refund ? 600 : undefined }}
      >
        {format(minor)}
      </Typography>
    </Stack>
  );
};
