import { BooleanField, DataTable, List, NullableBooleanInput } from 'react-admin';
import { CodeField } from '../common/CodeField';
import { searchFilter } from '../common/filters';
import { useCategoryExporter } from './CategoryExporter';

const filters = [searchFilter, <NullableBooleanInput key="active" source="active" />];

export const CategoryList = () => (
  <List filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={25} exporter={useCategoryExporter()}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="code" field={CodeField} />
      <DataTable.Col source="name" />
      <DataTable.Col source="nameEn" />
      <DataTable.Col source="active" field={BooleanField} />
    </DataTable>
  </List>
);
