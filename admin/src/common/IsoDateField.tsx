import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';
import { intlLocale } from '../i18n';
import { DATE_OPTIONS } from './dates';

/** A calendar date (`YYYY-MM-DD`) in the user's chosen language, never shifted by the time zone. */
export const IsoDateField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField locales={intlLocale(locale)} options={{ timeZone: 'UTC', ...DATE_OPTIONS }} {...props} />;
};
