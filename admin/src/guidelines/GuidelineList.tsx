import { DataTable, List, SelectInput } from 'react-admin';
import { CodeField } from '../common/CodeField';
import { DateTimeField } from '../common/DateTimeField';
import { IsoDateField } from '../common/IsoDateField';
import { guidelineStatusChoices, GuidelineStatusField } from './guidelineStatus';

const filters = [<SelectInput key="status" source="status" choices={guidelineStatusChoices} alwaysOn />];

export const GuidelineList = () => (
  <List filters={filters} sort={{ field: 'effectiveFrom', order: 'DESC' }} perPage={25} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="version" field={CodeField} />
      <DataTable.Col source="effectiveFrom" field={IsoDateField} />
      <DataTable.Col source="status" field={GuidelineStatusField} />
      <DataTable.Col source="publishedAt" field={DateTimeField} />
      <DataTable.Col source="createdAt" field={DateTimeField} />
    </DataTable>
  </List>
);
