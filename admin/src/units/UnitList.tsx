import { BooleanField, DataTable, List, NullableBooleanInput } from 'react-admin';
import { CodeField } from '../common/CodeField';
import { PartiesField } from '../common/parties';
import { searchFilter } from '../common/filters';
import { usePhone } from '../common/usePhone';
import { useUnitExporter } from './UnitExporter';

const filters = [searchFilter, <NullableBooleanInput key="active" source="active" />];

export const UnitList = () => {
  const phone = usePhone();
  return (
    <List filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={25} exporter={useUnitExporter()}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="code" field={CodeField} />
        <DataTable.Col source="name" />
        {/* on a phone the unit's page shows them: the chips would not fit beside the name */}
        {!phone && (
          <DataTable.Col source="parties" disableSort>
            <PartiesField source="parties" />
          </DataTable.Col>
        )}
        <DataTable.Col source="active" field={BooleanField} />
      </DataTable>
    </List>
  );
};
