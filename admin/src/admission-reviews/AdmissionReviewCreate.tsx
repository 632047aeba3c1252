import { AutocompleteInput, Create, DateInput, ReferenceInput, SimpleForm, maxValue, required } from 'react-admin';
import { pickFields } from '../common/transform';

const today = () => new Date().toISOString().slice(0, 10);

/** A unit records that a refused candidate asked for a review, and the day they asked. */
export const AdmissionReviewCreate = () => (
  <Create redirect="show" transform={pickFields(['caseId', 'requestedOn'])}>
    <SimpleForm defaultValues={{ requestedOn: today() }} sx={{ maxWidth: 640 }}>
      <ReferenceInput source="caseId" reference="cases" filter={{ status: 'refused' }}>
        <AutocompleteInput optionText="reference" validate={required()} fullWidth />
      </ReferenceInput>
      <DateInput
        source="requestedOn"
        validate={[required(), maxValue(today())]}
        helperText="app.admission.requested_on_hint"
      />
    </SimpleForm>
  </Create>
);
