import { Box, Card, CardContent, CardHeader, Stack } from '@mui/material';
import { EditButton, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { EDITABLE_STATUSES } from '@app/workflow';
import { useRole } from '../common/useRole';
import type { Application } from '../types';
import { AnswerButton } from './AnswerButton';
import { ApplicationSummary } from './ApplicationSummary';
import { ApproveButton } from './ApproveButton';
import { AttachmentList } from './AttachmentList';
import { CancelButton } from './CancelButton';
import { CarryOverButton } from './CarryOverButton';
import { DecisionPanel } from './DecisionPanel';
import { EarlierApplications } from './EarlierApplications';
import { FindingsPanel } from './FindingsPanel';
import { MessageThread } from './MessageThread';
import { PaymentsCard } from './PaymentsCard';
import { RejectButton } from './RejectButton';
import { RequestInfoButton } from './RequestInfoButton';
import { StartReviewButton } from './StartReviewButton';
import { SubmitButton } from './SubmitButton';
import { WithdrawButton } from './WithdrawButton';

/** Each workflow button shows itself only when the API lists its action for this user now. */
const ApplicationActions = () => {
  const record = useRecordContext<Application>();
  const role = useRole();
  const unitWorker = role === 'unit_worker';
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      <StartReviewButton />
      <RequestInfoButton />
      <ApproveButton />
      <RejectButton />
      <CarryOverButton />
      <CancelButton />
      <SubmitButton />
      <AnswerButton />
      <WithdrawButton />
      {unitWorker && record && EDITABLE_STATUSES.includes(record.status) && <EditButton />}
    </TopToolbar>
  );
};

const CaseHistory = () => {
  const translate = useTranslate();
  return (
    <Card variant="outlined">
      <CardHeader title={translate('app.applications.earlier')} slotProps={{ title: { variant: 'subtitle1' } }} />
      <CardContent sx={{ pt: 0 }}>
        <EarlierApplications />
      </CardContent>
    </Card>
  );
};

const ApplicationPage = () => {
  const role = useRole();
  // The thread is the case's narrative: not for finance or admin. Finance reads the
  // documents (quotes and invoices it pays against); the administrator neither.
  const thread = role === 'unit_worker' || role === 'contact_point';
  const documents = thread || role === 'finance';
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', lg: documents ? 'minmax(0, 2fr) minmax(0, 1fr)' : 'minmax(0, 1fr)' },
        gap: 2,
        p: 2,
      }}
    >
      <Stack spacing={2}>
        <ApplicationSummary />
        <PaymentsCard />
        <FindingsPanel />
        <DecisionPanel />
        <CaseHistory />
      </Stack>
      {documents && (
        <Stack spacing={2}>
          {thread && <MessageThread />}
          <AttachmentList />
        </Stack>
      )}
    </Box>
  );
};

export const ApplicationShow = () => (
  <Show actions={<ApplicationActions />} sx={{ '& .RaShow-card': { bgcolor: 'transparent', boxShadow: 'none' } }}>
    <ApplicationPage />
  </Show>
);
