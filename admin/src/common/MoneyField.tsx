import { Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { toMinor, useFormatMoney } from './money';

/** An amount in minor units, formatted in the user's language ("12.500,00 kr." / "DKK 12,500.00"). */
export const MoneyField = ({ source, emptyText }: Pick<FieldProps, 'source' | 'emptyText' | 'label' | 'sortable'>) => {
  const value: unknown = useFieldValue({ source });
  const format = useFormatMoney();
  const translate = useTranslate();
  const minor = toMinor(value);
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {minor === null ? (emptyText ? translate(emptyText, { _: emptyText }) : '') : format(minor)}
    </Typography>
  );
};
