import { UnpaidField } from '../applications/UnpaidField';
import { ShortDateTimeField } from '../common/DateTimeField';
import { InlineField, InlineFields } from '../common/InlineFields';
import { MoneyField } from '../common/MoneyField';
import { ApplicationsCard } from './ApplicationsCard';

const DUE = { status: ['approved', 'partially_approved'], unpaid: true };
const SORT = { field: 'decidedAt', order: 'ASC' } as const;
const field = (name: string) => `resources.applications.fields.${name}`;

const COLUMNS = [
  { label: field('amountApproved'), numeric: true, cell: <MoneyField source="amountApproved" /> },
  { label: field('paidAmount'), numeric: true, cell: <MoneyField source="paidAmount" /> },
  { label: field('unpaidAmount'), numeric: true, cell: <UnpaidField /> },
  { label: field('decidedAt'), cell: <ShortDateTimeField source="decidedAt" /> },
];

/** On a phone: what is unpaid beside the reference, then the grant, what is paid, the decision. */
const DETAILS = (
  <>
    <InlineFields>
      <InlineField label={field('amountApproved')}>
        <MoneyField source="amountApproved" />
      </InlineField>
      <InlineField label={field('paidAmount')}>
        <MoneyField source="paidAmount" />
      </InlineField>
    </InlineFields>
    <InlineFields>
      <InlineField label={field('decidedAt')}>
        <ShortDateTimeField source="decidedAt" />
      </InlineField>
    </InlineFields>
  </>
);

/** Finance's work: grants with money still to pay, the longest-waiting decision first (as Payments due). */
export const PaymentsDueCard = ({ max = 10 }: { max?: number }) => (
  <ApplicationsCard
    keys="app.dashboard.payments_due"
    to="/payments-due"
    testId="dashboard-payments-due"
    sort={SORT}
    filter={DUE}
    max={max}
    columns={COLUMNS}
    aside={<UnpaidField />}
    details={DETAILS}
  />
);
