import {
  BooleanField,
  DataTable,
  List,
  NullableBooleanInput,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
} from 'react-admin';
import { searchFilter } from '../common/filters';
import { roleChoices } from '../common/roles';

const filters = [
  searchFilter,
  <SelectInput key="role" source="role" choices={roleChoices} />,
  <ReferenceInput
    key="unitId"
    source="unitId"
    reference="units"
    sort={{ field: 'code', order: 'ASC' }}
    perPage={100}
  />,
  <NullableBooleanInput key="active" source="active" />,
];

export const UserList = () => (
  <List filters={filters} sort={{ field: 'displayName', order: 'ASC' }} perPage={25}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="displayName" />
      <DataTable.Col source="email" />
      <DataTable.Col source="role">
        <SelectField source="role" choices={roleChoices} />
      </DataTable.Col>
      <DataTable.Col source="unitId">
        <ReferenceField source="unitId" reference="units" link={false} emptyText="–" />
      </DataTable.Col>
      <DataTable.Col source="active" field={BooleanField} />
    </DataTable>
  </List>
);
