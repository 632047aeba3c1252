import { type Theme, useMediaQuery } from '@mui/material';
import { DataTable, List, NumberField, SimpleList, TextField, TextInput } from 'react-admin';
import { CodeField } from '../common/CodeField';
import { DateTimeField, ShortDateTimeField } from '../common/DateTimeField';
import { searchFilter } from '../common/filters';
import { ShortIdField } from '../common/ShortIdField';
import type { AuditEvent } from '../types';
import { ActorField } from './ActorField';
import { AuditVerificationCard } from './AuditVerificationCard';

// The audit trail can only grow; there is nothing to create, edit or delete.
// `q` matches part of the action, record type or record id; the other two filters match exactly.
const filters = [
  searchFilter,
  <TextInput key="action" source="action" alwaysOn />,
  <TextInput key="entityType" source="entityType" alwaysOn />,
];

/** On a phone: one line an event, its number and action, then when and who. */
const AuditPhoneList = () => (
  <SimpleList<AuditEvent>
    primaryText={(e) => `${e.seq} · ${e.action}`}
    secondaryText={
      <>
        <ShortDateTimeField source="at" /> · <ActorField />
      </>
    }
    tertiaryText={(e) => e.entityType}
    rowClick={false}
  />
);

export const AuditEventList = () => {
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <>
      <AuditVerificationCard />
      <List filters={filters} sort={{ field: 'seq', order: 'DESC' }} perPage={50}>
        {phone ? (
          <AuditPhoneList />
        ) : (
          <DataTable rowClick={false} bulkActionButtons={false}>
            <DataTable.Col source="seq" field={NumberField} />
            <DataTable.Col source="at" field={DateTimeField} />
            <DataTable.Col source="actorId" disableSort>
              <ActorField />
            </DataTable.Col>
            <DataTable.Col source="action" field={CodeField} />
            <DataTable.Col source="entityType" field={TextField} />
            <DataTable.Col source="entityId" field={ShortIdField} disableSort />
          </DataTable>
        )}
      </List>
    </>
  );
};
