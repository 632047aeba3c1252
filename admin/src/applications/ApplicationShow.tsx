import EditIcon from '@mui/icons-material/Edit';
import { Box, Button, Card, CardContent, CardHeader, Stack } from '@mui/material';
import { EditButton, Link, Show, TopToolbar, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { EDITABLE_STATUSES } from '@app/workflow';
import { usePhone } from '../common/usePhone';
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

/** Edit, with its word on a phone too, like the workflow buttons beside it (WorkflowButton). */
const EditApplicationButton = () => {
  const record = useRecordContext<Application>();
  const phone = usePhone();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!record) return null;
  if (!phone) return <EditButton />;
  return (
    <Button
      component={Link}
      to={createPath({ resource: 'applications', id: record.id, type: 'edit' })}
      size="small"
      startIcon={<EditIcon />}
    >
      {translate('ra.action.edit')}
    </Button>
  );
};

/** Each workflow button shows itself only when the API lists its action for this user now. */
const ApplicationActions = () => {
  const record = useRecordContext<Application>();
  const role = useRole();
  const unitWorker = role === 'unit_worker';
  return (
    <TopToolbar
      sx={{
        flexWrap: 'wrap',
        // on a phone the labelled buttons wrap from the left, and a role with no action now gets no empty bar
        justifyContent: { xs: 'flex-start', sm: 'flex-end' },
        whiteSpace: { xs: 'normal', sm: 'nowrap' },
        px: { xs: 1, sm: 0.5 },
        '&:empty': { display: { xs: 'none', sm: 'flex' } },
      }}
    >
      <StartReviewButton />
      <RequestInfoButton />
      <ApproveButton />
      <RejectButton />
      <CarryOverButton />
      <CancelButton />
      <SubmitButton />
      <AnswerButton />
      <WithdrawButton />
      {unitWorker && record && EDITABLE_STATUSES.includes(record.status) && <EditApplicationButton />}
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
        // minmax(0, …): a wide table inside must not widen the column past the screen
        gridTemplateColumns: {
          xs: 'minmax(0, 1fr)',
          lg: documents ? 'minmax(0, 2fr) minmax(0, 1fr)' : 'minmax(0, 1fr)',
        },
        gap: 2,
        p: { xs: 1, sm: 2 },
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
