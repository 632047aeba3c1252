import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';
import { intlLocale } from '../i18n';

/** A timestamp in the user's chosen language (not the browser's). */
export const DateTimeField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField showTime locales={intlLocale(locale)} {...props} />;
};
