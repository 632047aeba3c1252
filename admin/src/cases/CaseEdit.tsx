import { Edit, SimpleForm, TextInput } from 'react-admin';
import { CaseInputs, PseudonymousHint } from './CaseInputs';
import { caseEditTransform } from './transform';

// Pessimistic, so the API's field errors (400 `errors`) land beside the inputs.
export const CaseEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={caseEditTransform}>
    <SimpleForm sx={{ maxWidth: 640 }}>
      <PseudonymousHint />
      <TextInput source="reference" readOnly helperText="app.cases.reference_hint" />
      <CaseInputs />
    </SimpleForm>
  </Edit>
);
