import { Stack } from '@mui/material';
import { CanAccess, DataTable, List } from 'react-admin';
import { CategoryField } from '../common/CategoryField';
import { CodeField, UnitCodeField } from '../common/CodeField';
import { ShortDateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import { usePhone } from '../common/usePhone';
import { useApplicationFilters } from './ApplicationFilters';
import { AgeField, UrgentField } from './ApplicationFields';
import { ApplicationPhoneList } from './ApplicationPhoneList';
import { ApplicationStatusField, QUEUE_FILTER } from './applicationStatus';
import { QueueElsewhere } from './QueueElsewhere';

/**
 * The contact point's work list: what this user can act on now, urgent first and
 * then the oldest submission first (the API's virtual `queue` sort). Below it, apart:
 * what waits for the unit and what waits for a colleague's second approval.
 */
export const ReviewQueue = () => {
  const filters = useApplicationFilters();
  const phone = usePhone();
  return (
    <CanAccess resource="review-queue" action="list">
      <List
        resource="applications"
        storeKey="review-queue"
        title="app.review_queue.title"
        filter={QUEUE_FILTER}
        filters={filters}
        sort={{ field: 'queue', order: 'ASC' }}
        perPage={50}
        exporter={false}
      >
        {phone ? (
          <ApplicationPhoneList national age />
        ) : (
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="urgent" label="" field={UrgentField} disableSort sx={{ width: 24, pr: 0 }} />
            <DataTable.Col source="reference" field={CodeField} />
            <DataTable.Col source="unitId" disableSort>
              <UnitCodeField />
            </DataTable.Col>
            <DataTable.Col source="categoryCode" field={CategoryField} disableSort />
            <DataTable.Col source="amountRequested" field={MoneyField} align="right" />
            <DataTable.Col source="status" field={ApplicationStatusField} />
            <DataTable.Col source="submittedAt" field={ShortDateTimeField} />
            <DataTable.Col label="app.applications.age" field={AgeField} disableSort />
          </DataTable>
        )}
      </List>
      <Stack spacing={2} sx={{ mt: 2 }}>
        <QueueElsewhere />
      </Stack>
    </CanAccess>
  );
};
