import { Box } from '@mui/material';
import { BooleanField, DataTable, List, NullableBooleanInput, SimpleList } from 'react-admin';
import { CodeField } from '../common/CodeField';
import { searchFilter } from '../common/filters';
import { usePhone } from '../common/usePhone';
import type { Category } from '../types';
import { useCategoryExporter } from './CategoryExporter';

const filters = [searchFilter, <NullableBooleanInput key="active" source="active" />];

/** On a phone: one item a category, its Danish name above, the code and English name below, whether active beside it. */
const CategoryPhoneList = () => (
  <SimpleList<Category>
    primaryText={(record) => (
      <Box component="span" sx={{ display: 'flex', justifyContent: 'space-between', gap: 1 }}>
        <span>{record.name}</span>
        <BooleanField source="active" />
      </Box>
    )}
    secondaryText={(record) => (
      <>
        <Box component="span" sx={{ fontFamily: 'monospace' }}>
          {record.code}
        </Box>
        {record.nameEn ? ` · ${record.nameEn}` : ''}
        {record.nameFi ? ` · ${record.nameFi}` : ''}
      </>
    )}
    rowClick="show"
  />
);

export const CategoryList = () => {
  const phone = usePhone();
  return (
    <List filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={25} exporter={useCategoryExporter()}>
      {phone ? (
        <CategoryPhoneList />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="code" field={CodeField} />
          <DataTable.Col source="name" />
          <DataTable.Col source="nameEn" />
          <DataTable.Col source="nameFi" />
          <DataTable.Col source="active" field={BooleanField} />
        </DataTable>
      )}
    </List>
  );
};
