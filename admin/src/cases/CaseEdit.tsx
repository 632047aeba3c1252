import { Edit, SimpleForm, TextInput } from 'react-admin';
import { changedFields } from '../common/transform';
import { CASE_FIELDS } from './CaseCreate';
import { CaseInputs, PseudonymousHint } from './CaseInputs';

// Pessimistic, so the API's field errors (400 `errors`) land beside the inputs.
export const CaseEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={changedFields(CASE_FIELDS)}>
    <SimpleForm sx={{ maxWidth: 640 }}>
      <PseudonymousHint />
      <TextInput source="reference" readOnly helperText="app.cases.reference_hint" />
      <CaseInputs />
    </SimpleForm>
  </Edit>
);
