import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';
import { intlLocale } from '../i18n';
import { DATE_TIME_OPTIONS } from './dates';

/** A timestamp in the user's chosen language (not the browser's): the date as everywhere, and the minutes. */
export const DateTimeField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField showTime locales={intlLocale(locale)} options={DATE_TIME_OPTIONS} {...props} />;
};

/** A timestamp in a table: the same format, on one line. */
export const ShortDateTimeField = (props: DateFieldProps) => <DateTimeField sx={{ whiteSpace: 'nowrap' }} {...props} />;
