import { DataTable, FilterButton, List, ReferenceField, TopToolbar } from 'react-admin';
import { CategoryField } from '../common/CategoryField';
import { CodeField } from '../common/CodeField';
import { IsoDateField } from '../common/IsoDateField';
import { useRole } from '../common/useRole';
import { ApplicationReferenceField } from './ApplicationReferenceField';
import { DisbursementAmountField } from './DisbursementAmountField';
import { useDisbursementFilters } from './DisbursementFilters';
import { PayeeField } from './payeeTypes';
import { PaymentsExportButton } from './PaymentsExportButton';

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <PaymentsExportButton />
  </TopToolbar>
);

// Payments and refunds are never changed or deleted: a list to read, each row opening its record.
export const DisbursementList = () => {
  const national = useRole() !== 'unit_worker';
  const filters = useDisbursementFilters();
  return (
    <List filters={filters} sort={{ field: 'paidOn', order: 'DESC' }} perPage={25} actions={<ListActions />}>
      <DataTable rowClick="show" bulkActionButtons={false} sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' } }}>
        <DataTable.Col source="paidOn" field={IsoDateField} />
        <DataTable.Col source="applicationReference" field={ApplicationReferenceField} disableSort />
        {national && (
          <DataTable.Col source="unitId" disableSort>
            <ReferenceField source="unitId" reference="units" link={false}>
              <CodeField source="code" />
            </ReferenceField>
          </DataTable.Col>
        )}
        <DataTable.Col source="categoryCode" field={CategoryField} disableSort />
        <DataTable.Col source="amount" field={DisbursementAmountField} align="right" />
        <DataTable.Col source="payeeType" field={PayeeField} />
        <DataTable.Col source="accountCode" field={CodeField} disableSort />
        <DataTable.Col source="recordedByName" disableSort />
      </DataTable>
    </List>
  );
};
