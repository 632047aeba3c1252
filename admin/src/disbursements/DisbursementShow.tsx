import { ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { CategoryField } from '../common/CategoryField';
import { CodeField } from '../common/CodeField';
import { DateTimeField } from '../common/DateTimeField';
import { IsoDateField } from '../common/IsoDateField';
import { ApplicationReferenceField } from './ApplicationReferenceField';
import { DisbursementAmountField } from './DisbursementAmountField';
import { PayeeTypeField } from './payeeTypes';

// No edit or delete: a mistake is corrected by a refund.
export const DisbursementShow = () => (
  <Show actions={false}>
    <SimpleShowLayout>
      <DisbursementAmountField source="amount" />
      <IsoDateField source="paidOn" />
      <ApplicationReferenceField source="applicationReference" />
      <ReferenceField source="unitId" reference="units" />
      <CategoryField source="categoryCode" />
      <ReferenceField source="budgetYearId" reference="budget-years" />
      <PayeeTypeField source="payeeType" />
      <TextField source="payeeReference" emptyText="–" />
      <CodeField source="accountCode" emptyText="–" />
      <TextField source="recordedByName" />
      <DateTimeField source="createdAt" />
    </SimpleShowLayout>
  </Show>
);
