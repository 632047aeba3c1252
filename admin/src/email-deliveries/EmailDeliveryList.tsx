import { Box } from '@mui/material';
import { DataTable, List, NumberField, SelectInput, SimpleList, TextField, useRecordContext } from 'react-admin';
import { CodeField } from '../common/CodeField';
import { ShortDateTimeField } from '../common/DateTimeField';
import { InlineField, InlineFields } from '../common/InlineFields';
import { usePhone } from '../common/usePhone';
import type { EmailDelivery, EmailDeliveryStatus } from '../types';
import { DeliveryStatusField, EventField, LastErrorField } from './EmailDeliveryFields';
import { RetryButton } from './RetryButton';

const STATUSES: EmailDeliveryStatus[] = ['failed', 'pending', 'sent'];

const filters = [
  <SelectInput
    key="status"
    source="status"
    alwaysOn
    choices={STATUSES.map((status) => ({ id: status, name: `app.email_deliveries.status.${status}` }))}
  />,
];

const field = (name: string) => `resources.email-deliveries.fields.${name}`;

/** The event and its reference; a digest has none. */
const EventAndReference = () => {
  const record = useRecordContext<EmailDelivery>();
  return (
    <InlineFields>
      <EventField />
      {record?.reference && <CodeField source="reference" />}
    </InlineFields>
  );
};

/** On a phone: one card an e-mail, its recipient and what it told of, then the error and the Retry button. */
const DeliveryPhoneList = () => (
  <SimpleList<EmailDelivery>
    primaryText={
      <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
        <Box component="span" sx={{ overflowWrap: 'anywhere' }}>
          <TextField source="recipient" />
        </Box>
        <DeliveryStatusField />
      </Box>
    }
    secondaryText={
      <>
        <EventAndReference />
        <InlineFields>
          <ShortDateTimeField source="createdAt" />
          <InlineField label={field('attempts')}>
            <NumberField source="attempts" />
          </InlineField>
        </InlineFields>
        <Box component="span" sx={{ display: 'block' }}>
          <LastErrorField />
        </Box>
        <RetryButton />
      </>
    }
    rowClick={false}
  />
);

/**
 * E-mails of the outbox for the administrator: the failed ones first of all (the job queue gave up
 * after its retries), each with a Retry button. Addresses and errors only: an e-mail says nothing more.
 */
export const EmailDeliveryList = () => {
  const phone = usePhone();
  return (
    <List
      filters={filters}
      filterDefaultValues={{ status: 'failed' }}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
    >
      {phone ? (
        <DeliveryPhoneList />
      ) : (
        <DataTable rowClick={false} bulkActionButtons={false} sx={{ width: 0, minWidth: '100%', overflowX: 'auto' }}>
          <DataTable.Col source="createdAt" field={ShortDateTimeField} />
          <DataTable.Col source="recipient" disableSort sx={{ overflowWrap: 'anywhere' }} />
          <DataTable.Col source="event" field={EventField} disableSort />
          <DataTable.Col source="reference" field={CodeField} />
          <DataTable.Col source="status" field={DeliveryStatusField} />
          <DataTable.Col source="attempts" field={NumberField} align="right" />
          <DataTable.Col source="lastError" field={LastErrorField} disableSort />
          <DataTable.Col label="" disableSort sx={{ whiteSpace: 'nowrap' }}>
            <RetryButton />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};
