import { Create, maxLength, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { CaseInput } from '../cases/CaseInput';
import { noNationalId } from '../common/validators';
import { useTopicChoices } from './adviceWords';

/** A unit worker's question to the contact point on one of their cases (chosen already when asked from the case). */
export const AdviceRequestCreate = () => {
  const topics = useTopicChoices();
  return (
    <Create redirect="show">
      <SimpleForm mode="onBlur" reValidateMode="onChange">
        <CaseInput />
        <SelectInput source="topic" choices={topics} validate={required()} fullWidth />
        <TextInput
          source="question"
          multiline
          minRows={4}
          fullWidth
          helperText="app.actions.no_identity_hint"
          validate={[required(), maxLength(5000), noNationalId]}
        />
      </SimpleForm>
    </Create>
  );
};
