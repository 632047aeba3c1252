import {
  BooleanField,
  EditButton,
  EmailField,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';
import { PartyField } from '../common/parties';
import { roleChoices } from '../common/roles';
import { ResetTotpButton } from './ResetTotpButton';

const UserShowActions = () => (
  <TopToolbar>
    <ResetTotpButton />
    <EditButton />
  </TopToolbar>
);

export const UserShow = () => (
  <Show actions={<UserShowActions />}>
    <SimpleShowLayout>
      <TextField source="displayName" />
      <EmailField source="email" />
      <SelectField source="role" choices={roleChoices} />
      <ReferenceField source="unitId" reference="units" emptyText="app.dashboard.national" />
      <PartyField source="party" />
      <BooleanField source="active" />
      <BooleanField source="totpEnabled" />
    </SimpleShowLayout>
  </Show>
);
