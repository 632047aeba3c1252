import { Edit, SimpleForm } from 'react-admin';
import { changedFields } from '../common/transform';
import { UnitInputs } from './UnitInputs';

// Pessimistic, so the API's field errors (400 `errors`) land beside the inputs.
export const UnitEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={changedFields(['name', 'parties', 'active'])}>
    <SimpleForm>
      <UnitInputs edit />
    </SimpleForm>
  </Edit>
);
