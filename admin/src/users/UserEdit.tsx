import { Edit, SimpleForm } from 'react-admin';
import { changedFields } from '../common/transform';
import { UserInputs } from './UserInputs';

const editable = ['email', 'displayName', 'role', 'unitId', 'active', 'password'];

// Pessimistic, so the API's field errors (400 `errors`) land beside the inputs.
export const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={changedFields(editable, ['password'])}>
    <SimpleForm>
      <UserInputs edit />
    </SimpleForm>
  </Edit>
);
