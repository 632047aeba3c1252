import { InputAdornment, TextField, type TextFieldProps } from '@mui/material';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { FieldTitle, InputHelperText, useInput, useLocaleState, type InputProps, type Validator } from 'react-admin';
import { currencySymbol, decimalSeparator, minorToJson, minorToText, textToMinor } from './money';
import { useCurrency } from './settings';

const asArray = (validate: InputProps['validate']): Validator[] =>
  validate === undefined ? [] : Array.isArray(validate) ? validate : [validate];

// The form holds the JSON value (minor units); while the text is not an amount it holds that text, which this refuses.
const validMoney: Validator = (value: unknown) => (typeof value === 'string' ? 'app.validation.money' : undefined);

/** Refuses an amount below `min` minor units. */
export const minMoney =
  (min: number, message = 'app.validation.money_positive'): Validator =>
  (value: unknown) =>
    typeof value === 'number' && value < min ? message : undefined;

export type MoneyInputProps = Omit<InputProps, 'format' | 'parse'> &
  Pick<TextFieldProps, 'fullWidth' | 'sx' | 'size' | 'autoFocus' | 'disabled'> & { readOnly?: boolean };

/**
 * An amount typed in kroner with decimals ("1500,50" in Danish, "1500.50" in
 * English) and kept in the form as integer minor units, the way the API takes
 * it. The text stays as typed while it is being edited; it is rewritten only
 * when the value changes from outside (a reset, a prefill, another language).
 */
export const MoneyInput = ({
  source,
  label,
  helperText,
  validate,
  resource,
  defaultValue,
  fullWidth,
  sx,
  size,
  autoFocus,
  disabled,
  readOnly,
}: MoneyInputProps) => {
  const [locale] = useLocaleState();
  const currency = useCurrency();
  const separator = decimalSeparator(locale);
  const {
    id,
    field,
    fieldState: { error, invalid },
    isRequired,
  } = useInput({ source, resource, defaultValue, validate: [validMoney, ...asArray(validate)] });

  const [text, setText] = useState(() => minorToText(field.value, separator));
  const shownSeparator = useRef(separator);
  useEffect(() => {
    const languageChanged = shownSeparator.current !== separator;
    shownSeparator.current = separator;
    setText((current) => {
      if (typeof field.value === 'string') return field.value;
      const typed = textToMinor(current, separator);
      const same = typed === null ? field.value == null : typed !== undefined && minorToJson(typed) === field.value;
      return same && !languageChanged ? current : minorToText(field.value, separator);
    });
  }, [field.value, separator]);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const next = event.target.value;
    setText(next);
    const minor = textToMinor(next, separator);
    const json = minor === undefined || minor === null ? minor : minorToJson(minor);
    field.onChange(json === undefined ? next : json);
  };

  return (
    <TextField
      id={id}
      name={field.name}
      inputRef={field.ref}
      value={text}
      onChange={onChange}
      onBlur={field.onBlur}
      label={
        label !== '' && label !== false ? (
          <FieldTitle label={label} source={source} resource={resource} isRequired={isRequired} />
        ) : null
      }
      error={invalid}
      helperText={
        helperText !== false || invalid ? <InputHelperText error={error?.message} helperText={helperText} /> : null
      }
      size={size}
      fullWidth={fullWidth}
      autoFocus={autoFocus}
      disabled={disabled}
      sx={sx}
      slotProps={{
        htmlInput: { inputMode: 'decimal', autoComplete: 'off', readOnly, style: { textAlign: 'right' } },
        input: { endAdornment: <InputAdornment position="end">{currencySymbol(locale, currency)}</InputAdornment> },
      }}
      className={`ra-input ra-input-${source}`}
    />
  );
};
