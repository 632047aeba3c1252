import { Edit, ShowButton, SimpleForm, TopToolbar } from 'react-admin';
import { changedFields } from '../common/transform';
import { ResetTotpButton } from './ResetTotpButton';
import { UserInputs } from './UserInputs';

const editable = ['email', 'displayName', 'role', 'unitId', 'party', 'active', 'password'];

// The second factor is not a field: only its reset, beside the page's buttons.
const UserEditActions = () => (
  <TopToolbar>
    <ResetTotpButton />
    <ShowButton />
  </TopToolbar>
);

// Pessimistic, so the API's field errors (400 `errors`) land beside the inputs.
export const UserEdit = () => (
  <Edit
    actions={<UserEditActions />}
    mutationMode="pessimistic"
    redirect="show"
    transform={changedFields(editable, ['password'])}
  >
    <SimpleForm>
      <UserInputs edit />
    </SimpleForm>
  </Edit>
);
