import { BooleanField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { CodeField } from '../common/CodeField';
import { PartiesField } from '../common/parties';

export const UnitShow = () => (
  <Show>
    <SimpleShowLayout>
      <CodeField source="code" />
      <TextField source="name" />
      <PartiesField source="parties" />
      <BooleanField source="active" />
    </SimpleShowLayout>
  </Show>
);
