import AdmitIcon from '@mui/icons-material/HowToReg';
import BlockIcon from '@mui/icons-material/Block';
import ReviewIcon from '@mui/icons-material/Balance';
import SaveIcon from '@mui/icons-material/Save';
import { Alert, Box, Card, CardContent, Button as MuiButton, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Form,
  HttpError,
  LinkBase,
  NullableBooleanInput,
  TextInput,
  maxLength,
  useGetList,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { noNationalId } from '../common/validators';
import { useRole } from '../common/useRole';
import { useExitPoolDataProvider } from '../dataProvider';
import type { AdmissionReview, Assessment, Case } from '../types';
import { AdmissionActionButton } from './AdmissionActionButton';
import { AssessmentPanel, MOTIVATION, SUITABILITY } from './AssessmentPanel';

const TEXT_VALIDATION = [maxLength(5000), noNationalId];

const TextAnswer = ({ source }: { source: string }) => (
  <TextInput
    source={source}
    label={`app.admission.fields.${source}`}
    multiline
    minRows={2}
    fullWidth
    validate={TEXT_VALIDATION}
    helperText={false}
  />
);

/** The unit's assessment form: motivation and suitability, saved as written (only what changed is sent). */
export const AssessmentForm = ({
  assessment,
  onSave,
}: {
  assessment: Assessment;
  onSave: (values: FieldValues) => Promise<unknown>;
}) => {
  const translate = useTranslate();
  const submit = async (values: FieldValues) => {
    const changed = Object.fromEntries(
      [...MOTIVATION, ...SUITABILITY]
        .filter((field) => (values[field] ?? null) !== assessment[field])
        .map((field) => [
          field,
          typeof values[field] === 'string' && values[field].trim() === '' ? null : (values[field] ?? null),
        ]),
    );
    try {
      await onSave(changed);
      return undefined;
    } catch (error) {
      const errors =
        error instanceof HttpError ? (error.body as { errors?: Record<string, string> })?.errors : undefined;
      return errors;
    }
  };
  return (
    <Form record={assessment} onSubmit={submit} noValidate mode="onBlur">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={{ xs: 0, md: 3 }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="subtitle2">{translate('app.admission.motivation')}</Typography>
          <TextAnswer source="pushFactors" />
          <TextAnswer source="pullFactors" />
          <TextAnswer source="ownExplanation" />
          <TextAnswer source="helpWished" />
          <NullableBooleanInput
            source="fearAlone"
            label="app.admission.fields.fearAlone"
            helperText="app.admission.fear_alone_hint"
            fullWidth
          />
        </Box>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="subtitle2">{translate('app.admission.suitability')}</Typography>
          <TextAnswer source="understandsLeaving" />
          <TextAnswer source="understandsLifestyle" />
          <TextAnswer source="stepsTaken" />
          <TextAnswer source="willToCooperate" />
        </Box>
      </Stack>
      <MuiButton type="submit" variant="contained" startIcon={<SaveIcon />} sx={{ mt: 1 }}>
        {translate('app.admission.save')}
      </MuiButton>
    </Form>
  );
};

const ReviewLink = ({ review }: { review: AdmissionReview }) => (
  <Button component={LinkBase} to={`/admission-reviews/${review.id}/show`} label="app.admission.see_review">
    <ReviewIcon />
  </Button>
);

/**
 * The case page's admission section: the unit writes its assessment of a case in assessment and
 * admits or refuses; a refused case's review is requested here and linked. Hidden for roles
 * without need to know (finance and admin never reach the case page).
 */
export const CaseAdmission = (_props: { label?: string }) => {
  const record = useRecordContext<Case>();
  const role = useRole();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useExitPoolDataProvider();
  const queryClient = useQueryClient();
  const caseId = record?.id;
  const { data: assessment } = useQuery({
    queryKey: ['case-assessment', caseId, record?.status],
    queryFn: async () => (await dataProvider.caseAssessment(String(caseId))).data,
    enabled: caseId !== undefined,
  });
  const { data: reviews } = useGetList<AdmissionReview>(
    'admission-reviews',
    { filter: { caseId }, pagination: { page: 1, perPage: 1 } },
    { enabled: caseId !== undefined && record?.status !== 'assessment' },
  );
  if (!record || !assessment) return null;
  const review = reviews?.[0];
  const worker = role === 'unit_worker';
  const deciding = worker && record.status === 'assessment';
  const written = assessment.decision !== null || assessment.missing.length < MOTIVATION.length + SUITABILITY.length;

  const save = async (values: FieldValues) => {
    await dataProvider.saveCaseAssessment(String(record.id), values);
    await queryClient.invalidateQueries({ queryKey: ['case-assessment', caseId] });
    notify('app.admission.saved', { type: 'success' });
  };
  const missing = assessment.missing.map((f) => translate(`app.admission.fields.${f}`)).join('; ');

  return (
    <Card variant="outlined" sx={{ width: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('app.admission.assessment')}
        </Typography>
        {deciding ? (
          <AssessmentForm assessment={assessment} onSave={save} />
        ) : written ? (
          <AssessmentPanel assessment={assessment} />
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate('app.admission.none')}
          </Typography>
        )}
        {deciding && assessment.missing.length > 0 && (
          <Alert severity="info" sx={{ mt: 2 }}>
            {translate('app.admission.missing', { fields: missing })}
          </Alert>
        )}
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 2 }}>
          {deciding && assessment.missing.length === 0 && (
            <>
              <AdmissionActionButton
                label="app.admission.admit"
                title="app.admission.admit_title"
                description="app.admission.admit_text"
                success="app.admission.admitted"
                icon={<AdmitIcon />}
                color="success"
                reference={record.reference}
                run={() => dataProvider.caseAdmission(String(record.id), 'admit')}
              />
              <AdmissionActionButton
                label="app.admission.refuse"
                title="app.admission.refuse_title"
                success="app.admission.refused"
                icon={<BlockIcon />}
                color="warning"
                reference={record.reference}
                text={{ source: 'reason', label: 'app.admission.reason' }}
                run={(values) => dataProvider.caseAdmission(String(record.id), 'refuse', { reason: values.reason })}
              />
            </>
          )}
          {review && <ReviewLink review={review} />}
          {!review && worker && record.status === 'refused' && (
            <Button
              component={LinkBase}
              to={{
                pathname: '/admission-reviews/create',
                search: `?source=${encodeURIComponent(JSON.stringify({ caseId: record.id }))}`,
              }}
              label="app.admission.request_review"
            >
              <ReviewIcon />
            </Button>
          )}
        </Box>
      </CardContent>
    </Card>
  );
};
