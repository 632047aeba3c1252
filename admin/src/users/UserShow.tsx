import { BooleanField, EmailField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { roleChoices } from '../common/roles';

export const UserShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="displayName" />
      <EmailField source="email" />
      <SelectField source="role" choices={roleChoices} />
      <ReferenceField source="unitId" reference="units" emptyText="app.dashboard.national" />
      <BooleanField source="active" />
    </SimpleShowLayout>
  </Show>
);
