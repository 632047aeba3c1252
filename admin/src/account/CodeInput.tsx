import { TextInput, required, type TextInputProps } from 'react-admin';
import { recoveryCodeFormat, totpCodeFormat } from './validators';

/** The six digits of the authenticator app: a numeric keypad on phones, filled in by password managers. */
export const TotpCodeInput = (props: Omit<TextInputProps, 'validate'>) => (
  <TextInput
    autoComplete="one-time-code"
    validate={[required(), totpCodeFormat]}
    {...props}
    slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 8, spellCheck: false, autoCapitalize: 'off' } }}
  />
);

/** One of the ten recovery codes (`abcde-fghij`). */
export const RecoveryCodeInput = (props: Omit<TextInputProps, 'validate'>) => (
  <TextInput
    autoComplete="off"
    validate={[required(), recoveryCodeFormat]}
    {...props}
    slotProps={{ htmlInput: { maxLength: 32, spellCheck: false, autoCapitalize: 'off', autoCorrect: 'off' } }}
  />
);
