import { DataTable, List } from 'react-admin';
import { CategoryField } from '../common/CategoryField';
import { CodeField, UnitCodeField } from '../common/CodeField';
import { ShortDateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import { usePhone } from '../common/usePhone';
import { useRole } from '../common/useRole';
import { useApplicationExporter } from './ApplicationExporter';
import { useApplicationFilters } from './ApplicationFilters';
import { UrgentField } from './ApplicationFields';
import { ApplicationPhoneList } from './ApplicationPhoneList';
import { ApplicationStatusField } from './applicationStatus';
import { StatusTabs } from './StatusTabs';

// Lists never carry narrative text (the API leaves it out), so this table is the same for every role.
// No case column: an application's reference starts with its case's (KBH-2026-014-A1).
export const ApplicationList = () => {
  const national = useRole() !== 'unit_worker';
  const phone = usePhone();
  const filters = useApplicationFilters();
  const exporter = useApplicationExporter(national);
  return (
    // The unit sees its newest work first; national roles the latest submissions.
    <List
      filters={filters}
      sort={{ field: national ? 'submittedAt' : 'updatedAt', order: 'DESC' }}
      perPage={25}
      exporter={exporter}
    >
      <StatusTabs />
      {phone ? (
        <ApplicationPhoneList national={national} date={national ? 'submittedAt' : 'updatedAt'} />
      ) : (
        // width 0 and at least the list's width: a table wider than the screen (Danish words do not
        // break) scrolls on its own instead of pushing the list's buttons off the page
        <DataTable rowClick="show" bulkActionButtons={false} sx={{ width: 0, minWidth: '100%', overflowX: 'auto' }}>
          <DataTable.Col source="urgent" label="" field={UrgentField} disableSort sx={{ width: 24, pr: 0 }} />
          <DataTable.Col source="reference" field={CodeField} />
          {national && (
            <DataTable.Col source="unitId" disableSort>
              <UnitCodeField />
            </DataTable.Col>
          )}
          <DataTable.Col source="categoryCode" field={CategoryField} disableSort />
          <DataTable.Col source="amountRequested" field={MoneyField} align="right" />
          <DataTable.Col source="amountApproved" field={MoneyField} align="right" />
          <DataTable.Col source="status" field={ApplicationStatusField} />
          <DataTable.Col source="submittedAt" field={ShortDateTimeField} />
          {!national && <DataTable.Col source="updatedAt" field={ShortDateTimeField} />}
        </DataTable>
      )}
    </List>
  );
};
