import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';
import { intlLocale } from '../i18n';

/** A timestamp in the user's chosen language (not the browser's). */
export const DateTimeField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField showTime locales={intlLocale(locale)} {...props} />;
};

/** A timestamp in a table: date and minutes, on one line. */
export const ShortDateTimeField = (props: DateFieldProps) => (
  <DateTimeField options={{ dateStyle: 'short', timeStyle: 'short' }} sx={{ whiteSpace: 'nowrap' }} {...props} />
);
