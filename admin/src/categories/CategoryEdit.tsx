import { Edit, SimpleForm } from 'react-admin';
import { changedFields } from '../common/transform';
import { CategoryInputs } from './CategoryInputs';

// Pessimistic, so the API's field errors (400 `errors`) land beside the inputs.
export const CategoryEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={changedFields(['name', 'active'])}>
    <SimpleForm>
      <CategoryInputs edit />
    </SimpleForm>
  </Edit>
);
