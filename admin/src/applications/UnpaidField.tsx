import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { useFormatMoney } from '../common/money';
import type { Application } from '../types';
import { unpaidOf } from './grants';

/** What is still to pay on a grant (the API's unpaidAmount, else approved − paid). */
export const UnpaidField = (_props: { source?: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext<Application>();
  const format = useFormatMoney();
  if (!record) return null;
  return (
    <Typography
      component="span"
      variant="body2"
      sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}
    >
      {format(unpaidOf(record))}
    </Typography>
  );
};
