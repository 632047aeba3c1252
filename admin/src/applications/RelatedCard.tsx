import { Card, CardContent, CardHeader, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { PurgedText } from '../common/Purged';
import type { Application } from '../types';

/**
 * A card beside an application of the records that belong to it (its documents, its messages):
 * nothing while they load, a line when they cannot be read, the purge note or `empty` when there
 * are none, else the list. `footer` stays below in every case (e.g. an upload).
 */
export const RelatedCard = ({
  record,
  title,
  isPending,
  error,
  count,
  unavailable,
  empty,
  footer,
  children,
}: {
  record: Application;
  /** translation keys */
  title: string;
  isPending: boolean;
  error: unknown;
  count: number;
  unavailable: string;
  empty: string;
  footer?: ReactNode;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined">
      <CardHeader title={translate(title)} slotProps={{ title: { variant: 'subtitle1' } }} />
      <CardContent sx={{ pt: 0 }}>
        {isPending ? null : error ? (
          <Typography variant="body2" color="error">
            {translate(unavailable)}
          </Typography>
        ) : count === 0 ? (
          record.purgedAt ? (
            <PurgedText at={record.purgedAt} />
          ) : (
            <Typography variant="body2" color="text.secondary">
              {translate(empty)}
            </Typography>
          )
        ) : (
          children
        )}
        {footer}
      </CardContent>
    </Card>
  );
};
