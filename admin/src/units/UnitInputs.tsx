import { BooleanInput, CheckboxGroupInput, TextInput, maxLength, regex, required } from 'react-admin';
import { unitPartyChoices } from '../common/parties';

const codeFormat = /^[A-Z]{2,5}$/;

/** Inputs shared by UnitCreate and UnitEdit. The code is fixed once created. */
export const UnitInputs = ({ edit = false }: { edit?: boolean }) => (
  <>
    {edit ? (
      <TextInput source="code" readOnly helperText="app.helper.code_fixed" />
    ) : (
      <TextInput
        source="code"
        validate={[required(), regex(codeFormat, 'app.validation.unit_code')]}
        parse={(value: string) => (value ? value.toUpperCase() : null)}
        helperText="app.validation.unit_code"
        autoComplete="off"
      />
    )}
    <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
    <CheckboxGroupInput
      source="parties"
      choices={unitPartyChoices}
      validate={required()}
      helperText="app.units.parties_hint"
      row={false}
    />
    <BooleanInput source="active" />
  </>
);
