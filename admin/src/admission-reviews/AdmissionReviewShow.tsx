import { Alert, Box, Card, CardContent, Typography } from '@mui/material';
import {
  Labeled,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TopToolbar,
  useGetIdentity,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CodeField } from '../common/CodeField';
import { DateTimeField } from '../common/DateTimeField';
import { IsoDateField } from '../common/IsoDateField';
import { PurgedBanner } from '../common/Purged';
import type { AdmissionReview } from '../types';
import { AdmissionReviewStatusField } from './admissionReviewStatus';
import { AssessmentPanel } from './AssessmentPanel';
import { ReviewActions } from './ReviewActions';

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

/** The thread: the contact point's questions, the unit's answers and the decision's reason, oldest first. */
export const ReviewThread = ({ messages }: { messages: NonNullable<AdmissionReview['messages']> }) => {
  const translate = useTranslate();
  if (!messages.length) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.admission_reviews.no_messages')}
      </Typography>
    );
  }
  return (
    <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {messages.map((m) => (
        <Box component="li" key={m.id} sx={{ mb: 2 }}>
          <Typography variant="caption" color="text.secondary" component="div">
            {m.authorName} · {translate(`app.message_kinds.${m.kind}`, { _: m.kind })} ·{' '}
            {m.createdAt.slice(0, 16).replace('T', ' ')}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {m.body}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};

/** Why a contact point sees no decision buttons on an open review: they took part in the assessment. */
const FourEyesHint = () => {
  const record = useRecordContext<AdmissionReview>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const open = record && ['requested', 'in_review', 'info_requested'].includes(record.status);
  const decides = record?.actions.some((a) => a === 'uphold' || a === 'admit');
  if (!open || decides || identity?.role !== 'contact_point') return null;
  return (
    <Alert severity="info" sx={{ mt: 2 }}>
      {translate('app.admission_reviews.four_eyes_hint')}
    </Alert>
  );
};

const ReviewLayout = () => {
  const record = useRecordContext<AdmissionReview>();
  if (!record) return null;
  return (
    <>
      {record.purgedAt && <PurgedBanner at={record.purgedAt} message="case_purged" />}
      <SimpleShowLayout>
        <ReferenceField source="caseId" reference="cases" link="show">
          <CodeField source="reference" />
        </ReferenceField>
        <ReferenceField source="unitId" reference="units" link={false} />
        <AdmissionReviewStatusField source="status" />
        <IsoDateField source="requestedOn" />
        {record.decidedAt && <DateTimeField source="decidedAt" />}
        {record.decisionReason && (
          <Labeled source="decisionReason">
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {record.decisionReason}
            </Typography>
          </Labeled>
        )}
      </SimpleShowLayout>
      <Box sx={{ px: 2, pb: 2 }}>
        <FourEyesHint />
        {record.assessment && (
          <Section title="app.admission.assessment">
            <AssessmentPanel assessment={record.assessment} />
          </Section>
        )}
        <Section title="app.admission_reviews.thread">
          <ReviewThread messages={record.messages ?? []} />
        </Section>
      </Box>
    </>
  );
};

/** A review with the unit's assessment in front of the contact point, the thread, and the actions open now. */
export const AdmissionReviewShow = () => (
  <Show
    actions={
      <TopToolbar sx={{ flexWrap: 'wrap' }}>
        <ReviewActions />
      </TopToolbar>
    }
  >
    <ReviewLayout />
  </Show>
);
