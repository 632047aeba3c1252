import { Box } from '@mui/material';
import { DataTable, FilterButton, List, SimpleList, TopToolbar } from 'react-admin';
import { CategoryField } from '../common/CategoryField';
import { CodeField, UnitCodeField } from '../common/CodeField';
import { IsoDateField } from '../common/IsoDateField';
import { usePhone } from '../common/usePhone';
import { useRole } from '../common/useRole';
import { ApplicationReferenceField } from './ApplicationReferenceField';
import { DisbursementAmountField } from './DisbursementAmountField';
import { useDisbursementFilters } from './DisbursementFilters';
import { PayeeField, PayeeTypeField } from './payeeTypes';
import { PaymentsExportButton } from './PaymentsExportButton';
import type { Disbursement } from '../types';

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <PaymentsExportButton />
  </TopToolbar>
);

/** On a phone: one line a payment, the grant and the amount above, when, what and to whom below. */
const PhoneList = ({ national }: { national: boolean }) => (
  <SimpleList<Disbursement>
    // the grant's reference as text (the whole line already links to the payment), the amount at the right
    primaryText={(record) => (
      <Box component="span" sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 1 }}>
        <Box component="span" sx={{ fontFamily: 'monospace' }}>
          {record.applicationReference}
        </Box>
        <DisbursementAmountField source="amount" />
      </Box>
    )}
    secondaryText={
      <>
        <IsoDateField source="paidOn" />
        {national && (
          <>
            {' · '}
            <UnitCodeField />
          </>
        )}
        {' · '}
        <CategoryField source="categoryCode" />
        {' · '}
        <PayeeTypeField source="payeeType" />
      </>
    }
    rowClick="show"
  />
);

// Payments and refunds are never changed or deleted: a list to read, each row opening its record.
export const DisbursementList = () => {
  const national = useRole() !== 'unit_worker';
  const filters = useDisbursementFilters();
  const phone = usePhone();
  return (
    <List filters={filters} sort={{ field: 'paidOn', order: 'DESC' }} perPage={25} actions={<ListActions />}>
      {phone ? (
        <PhoneList national={national} />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false} sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' } }}>
          <DataTable.Col source="paidOn" field={IsoDateField} />
          <DataTable.Col source="applicationReference" field={ApplicationReferenceField} disableSort />
          {national && (
            <DataTable.Col source="unitId" disableSort>
              <UnitCodeField />
            </DataTable.Col>
          )}
          <DataTable.Col source="categoryCode" field={CategoryField} disableSort />
          <DataTable.Col source="amount" field={DisbursementAmountField} align="right" />
          <DataTable.Col source="payeeType" field={PayeeField} />
          <DataTable.Col source="accountCode" field={CodeField} disableSort />
          <DataTable.Col source="recordedByName" disableSort />
        </DataTable>
      )}
    </List>
  );
};
