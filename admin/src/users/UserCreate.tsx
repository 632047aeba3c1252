import { Create, SimpleForm } from 'react-admin';
import { pickFields } from '../common/transform';
import { UserInputs } from './UserInputs';

export const UserCreate = () => (
  <Create
    redirect="show"
    transform={pickFields(['email', 'displayName', 'role', 'unitId', 'party', 'active', 'password'])}
  >
    <SimpleForm defaultValues={{ active: true }}>
      <UserInputs />
    </SimpleForm>
  </Create>
);
