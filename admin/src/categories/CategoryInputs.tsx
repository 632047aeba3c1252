import { BooleanInput, TextInput, maxLength, regex, required } from 'react-admin';

// Lowercase snake_case (as the API checks it); applications refer to categories by code.
const codeFormat = /^[a-z][a-z0-9_]{1,39}$/;

/** Inputs shared by CategoryCreate and CategoryEdit. The code is fixed once created. */
export const CategoryInputs = ({ edit = false }: { edit?: boolean }) => (
  <>
    {edit ? (
      <TextInput source="code" readOnly helperText="app.helper.code_fixed" />
    ) : (
      <TextInput
        source="code"
        validate={[required(), regex(codeFormat, 'app.validation.category_code')]}
        parse={(value: string) => (value ? value.toLowerCase() : null)}
        helperText="app.validation.category_code"
        autoComplete="off"
      />
    )}
    <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
    <TextInput source="nameEn" validate={[required(), maxLength(200)]} fullWidth />
    <TextInput source="nameFi" validate={[maxLength(200)]} fullWidth />
    <BooleanInput source="active" />
  </>
);
