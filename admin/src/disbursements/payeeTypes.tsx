import { Typography } from '@mui/material';
import { useFieldValue, useRecordContext, useTranslate } from 'react-admin';
import { PAYEE_TYPES, type Disbursement } from '../types';

/** Choices for SelectInput; react-admin translates the names. */
export const payeeTypeChoices = PAYEE_TYPES.map((type) => ({ id: type, name: `app.payee_types.${type}` }));

export const PayeeTypeField = ({ source = 'payeeType' }: { source?: string; label?: string; sortable?: boolean }) => {
  const value: unknown = useFieldValue({ source });
  const translate = useTranslate();
  if (typeof value !== 'string') return null;
  return (
    <Typography component="span" variant="body2">
      {translate(`app.payee_types.${value}`, { _: value })}
    </Typography>
  );
};

/** The payee type, and below it the payee's reference (the invoice number, say). */
export const PayeeField = (_props: { source?: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext<Disbursement>();
  return (
    <>
      <PayeeTypeField source="payeeType" />
      {record?.payeeReference && (
        <Typography variant="caption" color="text.secondary" component="div">
          {record.payeeReference}
        </Typography>
      )}
    </>
  );
};
