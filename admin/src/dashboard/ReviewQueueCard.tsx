import { AgeField, UrgentField } from '../applications/ApplicationFields';
import { ApplicationStatusField, QUEUE_FILTER } from '../applications/applicationStatus';
import { InlineField, InlineFields } from '../common/InlineFields';
import { MoneyField } from '../common/MoneyField';
import { ApplicationsCard } from './ApplicationsCard';

const SORT = { field: 'queue', order: 'ASC' } as const;

const COLUMNS = [
  {
    label: 'resources.applications.fields.amountRequested',
    numeric: true,
    cell: <MoneyField source="amountRequested" />,
  },
  { label: 'resources.applications.fields.status', cell: <ApplicationStatusField /> },
  { label: 'app.applications.age', numeric: true, cell: <AgeField /> },
];

/** On a phone: the urgent mark, reference and status, then unit and category, amount and age. */
const DETAILS = (
  <InlineFields>
    <InlineField label="resources.applications.fields.amountRequested">
      <MoneyField source="amountRequested" />
    </InlineField>
    <InlineField label="app.applications.age">
      <AgeField />
    </InlineField>
  </InlineFields>
);

/** The top of the contact point's review queue: urgent first, then the longest waiting (the API's `queue` sort). */
export const ReviewQueueCard = ({ max = 10 }: { max?: number }) => (
  <ApplicationsCard
    keys="app.dashboard.queue"
    to="/review-queue"
    testId="dashboard-review-queue"
    sort={SORT}
    filter={QUEUE_FILTER}
    max={max}
    columns={COLUMNS}
    lead={<UrgentField />}
    aside={<ApplicationStatusField />}
    details={DETAILS}
  />
);
