import { TextField, type TextFieldProps } from 'react-admin';

/** Codes and ids in a fixed-width font, so similar codes are easy to tell apart. */
export const CodeField = (props: TextFieldProps) => <TextField sx={{ fontFamily: 'monospace' }} {...props} />;
