import { Alert, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { intlLocale } from '../i18n';

/** The day of a timestamp where the reader is, in the chosen language. */
const usePurgedDay = (at: string): string => {
  const [locale] = useLocaleState();
  const moment = new Date(at);
  return Number.isNaN(moment.getTime()) ? at : moment.toLocaleDateString(intlLocale(locale), { dateStyle: 'medium' });
};

/** "Purged on <date>", in place of a text the retention purge removed. */
export const PurgedText = ({ at }: { at: string }) => {
  const translate = useTranslate();
  const date = usePurgedDay(at);
  return (
    <Typography
      component="span"
      variant="body2"
      color="text.secondary"
      sx={{ fontStyle: 'italic' }}
      data-testid="purged"
    >
      {translate('app.retention.purged_on', { date })}
    </Typography>
  );
};

/** What the purge removed from a record and what it kept, above the record. */
export const PurgedBanner = ({ at, message }: { at: string; message: 'application_purged' | 'case_purged' }) => {
  const translate = useTranslate();
  const date = usePurgedDay(at);
  return (
    <Alert severity="info" sx={{ mb: 2 }} data-testid="purged-banner">
      {translate(`app.retention.${message}`, { date })}
    </Alert>
  );
};

/** The text shown for an empty personal detail of a purged record, "–" otherwise. */
export const usePurgedOrDash = (at: string | null | undefined): string => {
  const translate = useTranslate();
  const date = usePurgedDay(at ?? '');
  return at ? translate('app.retention.purged_on', { date }) : '–';
};
