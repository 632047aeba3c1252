import { Box } from '@mui/material';
import { BooleanField, DataTable, List, NullableBooleanInput, SimpleList } from 'react-admin';
import { CodeField } from '../common/CodeField';
import { PartiesField } from '../common/parties';
import { searchFilter } from '../common/filters';
import { usePhone } from '../common/usePhone';
import type { Unit } from '../types';
import { useUnitExporter } from './UnitExporter';

const filters = [searchFilter, <NullableBooleanInput key="active" source="active" />];

/**
 * On a phone: one item a unit, its name above and its code below, whether active beside it. A table
 * would not fit: a long Finnish name ("Rikosseuraamuslaitos") is one word a cell cannot wrap.
 */
const UnitPhoneList = () => (
  <SimpleList<Unit>
    primaryText={(record) => (
      <Box component="span" sx={{ display: 'flex', justifyContent: 'space-between', gap: 1 }}>
        <span>{record.name}</span>
        <BooleanField source="active" />
      </Box>
    )}
    secondaryText={(record) => (
      <Box component="span" sx={{ fontFamily: 'monospace' }}>
        {record.code}
      </Box>
    )}
    rowClick="show"
  />
);

export const UnitList = () => {
  const phone = usePhone();
  return (
    <List filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={25} exporter={useUnitExporter()}>
      {phone ? (
        <UnitPhoneList />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="code" field={CodeField} />
          <DataTable.Col source="name" />
          <DataTable.Col source="parties" disableSort>
            <PartiesField source="parties" />
          </DataTable.Col>
          <DataTable.Col source="active" field={BooleanField} />
        </DataTable>
      )}
    </List>
  );
};
