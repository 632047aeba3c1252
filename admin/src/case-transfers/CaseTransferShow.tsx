import { BooleanField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { CodeField } from '../common/CodeField';
import { DateTimeField } from '../common/DateTimeField';
import { UnitOf } from './CaseTransferList';
import { AcceptTransferButton, DeclineTransferButton } from './TransferDecisionButtons';
import { TransferStatusField } from './transferStatus';

const Actions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap' }}>
    <AcceptTransferButton />
    <DeclineTransferButton />
  </TopToolbar>
);

/** One transfer: the case by its reference (the receiving unit sees the case itself once it accepts), the units and the reasons. */
export const CaseTransferShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <CodeField source="caseReference" />
      <TransferStatusField source="status" />
      <UnitOf source="fromUnitId" />
      <UnitOf source="toUnitId" />
      <TextField source="reason" emptyText="–" sx={{ whiteSpace: 'pre-wrap' }} />
      <TextField source="proposedByName" />
      <DateTimeField source="proposedAt" />
      <BooleanField source="direct" />
      <TextField source="decisionReason" emptyText="–" sx={{ whiteSpace: 'pre-wrap' }} />
      <DateTimeField source="decidedAt" emptyText="–" />
    </SimpleShowLayout>
  </Show>
);
