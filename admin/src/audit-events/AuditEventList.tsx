import { DataTable, List, TextField, TextInput } from 'react-admin';
import { CodeField } from '../common/CodeField';
import { DateTimeField } from '../common/DateTimeField';
import { searchFilter } from '../common/filters';
import { ShortIdField } from '../common/ShortIdField';
import { ActorField } from './ActorField';

// The audit trail can only grow; there is nothing to create, edit or delete.
// `q` matches part of the action, record type or record id; the other two filters match exactly.
const filters = [
  searchFilter,
  <TextInput key="action" source="action" alwaysOn />,
  <TextInput key="entityType" source="entityType" alwaysOn />,
];

export const AuditEventList = () => (
  <List filters={filters} sort={{ field: 'at', order: 'DESC' }} perPage={50}>
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="at" field={DateTimeField} />
      <DataTable.Col source="actorId" disableSort>
        <ActorField />
      </DataTable.Col>
      <DataTable.Col source="action" field={CodeField} />
      <DataTable.Col source="entityType" field={TextField} />
      <DataTable.Col source="entityId" field={ShortIdField} disableSort />
    </DataTable>
  </List>
);
