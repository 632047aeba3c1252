import { ReferenceField, TextField, type TextFieldProps } from 'react-admin';

/** Codes and ids in a fixed-width font, so similar codes are easy to tell apart; never broken at a hyphen. */
export const CodeField = (props: TextFieldProps) => (
  <TextField sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }} {...props} />
);

/** The record's exit unit by its code (KBH), as lists and cards show it; not a link. */
export const UnitCodeField = () => (
  <ReferenceField source="unitId" reference="units" link={false}>
    <CodeField source="code" />
  </ReferenceField>
);
