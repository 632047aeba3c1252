import { Box } from '@mui/material';
import { DataTable, List, NumberField, SimpleList } from 'react-admin';
import { DateTimeField, ShortDateTimeField } from '../common/DateTimeField';
import type { AuditEvent } from '../types';
import { ActorField } from './ActorField';
import { useAuditEventExporter } from './AuditEventExporter';
import { ActionField, RecordField } from './AuditFields';
import { auditFilters } from './AuditFilters';
import { AuditVerificationCard } from './AuditVerificationCard';
import { usePhone } from '../common/usePhone';

// The audit trail can only grow; there is nothing to create, edit or delete.

/** On a phone: one item an event, its number and action, then the record, then when and who. */
const AuditPhoneList = () => (
  <SimpleList<AuditEvent>
    primaryText={
      <>
        <NumberField source="seq" /> · <ActionField />
      </>
    }
    secondaryText={
      <>
        <Box component="span" sx={{ display: 'block' }}>
          <RecordField />
        </Box>
        <ShortDateTimeField source="at" /> · <ActorField />
      </>
    }
    rowClick={false}
  />
);

export const AuditEventList = () => {
  const phone = usePhone();
  const exporter = useAuditEventExporter();
  return (
    <>
      <AuditVerificationCard />
      <List filters={auditFilters(phone)} sort={{ field: 'seq', order: 'DESC' }} perPage={50} exporter={exporter}>
        {phone ? (
          <AuditPhoneList />
        ) : (
          <DataTable rowClick={false} bulkActionButtons={false}>
            <DataTable.Col source="seq" field={NumberField} />
            <DataTable.Col source="at" field={DateTimeField} />
            <DataTable.Col source="actorId" disableSort>
              <ActorField />
            </DataTable.Col>
            <DataTable.Col source="action">
              <ActionField />
            </DataTable.Col>
            <DataTable.Col source="entityType" label="app.audit.record">
              <RecordField />
            </DataTable.Col>
          </DataTable>
        )}
      </List>
    </>
  );
};
