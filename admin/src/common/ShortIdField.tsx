import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID shortened to its first eight digits (the whole id on hover); other values as they are. */
export const ShortIdField = ({ source }: { source: string; label?: string }) => {
  const record = useRecordContext();
  const value: unknown = record?.[source];
  if (value == null || value === '') return null;
  const text = String(value);
  return (
    <Typography component="span" variant="body2" title={text} sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
      {UUID.test(text) ? `${text.slice(0, 8)}…` : text}
    </Typography>
  );
};
