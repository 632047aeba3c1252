import { TextField, type TextFieldProps } from 'react-admin';

/** Codes and ids in a fixed-width font, so similar codes are easy to tell apart; never broken at a hyphen. */
export const CodeField = (props: TextFieldProps) => (
  <TextField sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }} {...props} />
);
