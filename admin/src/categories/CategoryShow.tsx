import { BooleanField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { CodeField } from '../common/CodeField';

export const CategoryShow = () => (
  <Show>
    <SimpleShowLayout>
      <CodeField source="code" />
      <TextField source="name" />
      <TextField source="nameEn" emptyText="—" />
      <TextField source="nameFi" emptyText="—" />
      <BooleanField source="active" />
    </SimpleShowLayout>
  </Show>
);
