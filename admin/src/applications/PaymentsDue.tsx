import { CanAccess, DataTable, List, ReferenceField } from 'react-admin';
import { CategoryField } from '../common/CategoryField';
import { CodeField } from '../common/CodeField';
import { ShortDateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import { UnpaidField } from './UnpaidField';

const DUE = { status: ['approved', 'partially_approved'], unpaid: true };

/**
 * Finance's work list: grants with money still to pay, the longest-waiting
 * decision first. The contact point sees it too, to follow up at year end.
 */
export const PaymentsDue = () => (
  <CanAccess resource="payments-due" action="list">
    <List
      resource="applications"
      storeKey="payments-due"
      title="app.payments_due.title"
      filter={DUE}
      sort={{ field: 'decidedAt', order: 'ASC' }}
      perPage={50}
      exporter={false}
      empty={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="reference" field={CodeField} />
        <DataTable.Col source="unitId" disableSort>
          <ReferenceField source="unitId" reference="units" link={false}>
            <CodeField source="code" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="categoryCode" field={CategoryField} disableSort />
        <DataTable.Col source="amountApproved" field={MoneyField} align="right" />
        <DataTable.Col source="paidAmount" field={MoneyField} align="right" disableSort />
        <DataTable.Col source="unpaidAmount" field={UnpaidField} align="right" disableSort />
        <DataTable.Col source="decidedAt" field={ShortDateTimeField} />
      </DataTable>
    </List>
  </CanAccess>
);
