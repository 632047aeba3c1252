import { Box, Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Assessment } from '../types';

export const MOTIVATION = ['pushFactors', 'pullFactors', 'ownExplanation', 'helpWished', 'fearAlone'] as const;
export const SUITABILITY = ['understandsLeaving', 'understandsLifestyle', 'stepsTaken', 'willToCooperate'] as const;

const Answer = ({
  field,
  assessment,
}: {
  field: (typeof MOTIVATION | typeof SUITABILITY)[number];
  assessment: Assessment;
}) => {
  const translate = useTranslate();
  const value = assessment[field];
  const text =
    value === null
      ? translate('app.admission.not_answered')
      : typeof value === 'boolean'
        ? translate(value ? 'app.admission.yes' : 'app.admission.no')
        : value;
  return (
    <Box sx={{ mb: 1.5 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(`app.admission.fields.${field}`)}
      </Typography>
      <Typography
        variant="body2"
        sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        color={value === null ? 'text.secondary' : undefined}
      >
        {text}
      </Typography>
    </Box>
  );
};

/**
 * The unit's assessment as the contact point reviews it (and the unit reads it once decided):
 * motivation and suitability in seed 002's order, then the unit's decision and reasons.
 */
export const AssessmentPanel = ({ assessment }: { assessment: Assessment }) => {
  const translate = useTranslate();
  if (assessment.purgedAt) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.admission.purged')}
      </Typography>
    );
  }
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={{ xs: 0, md: 3 }}>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="subtitle2" gutterBottom>
          {translate('app.admission.motivation')}
        </Typography>
        {MOTIVATION.map((field) => (
          <Answer key={field} field={field} assessment={assessment} />
        ))}
      </Box>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="subtitle2" gutterBottom>
          {translate('app.admission.suitability')}
        </Typography>
        {SUITABILITY.map((field) => (
          <Answer key={field} field={field} assessment={assessment} />
        ))}
        {assessment.decision && (
          <Box sx={{ mt: 1 }}>
            <Chip
              size="small"
              color={assessment.decision === 'admitted' ? 'success' : 'warning'}
              label={translate(`app.admission.decision_${assessment.decision}`, {
                date: assessment.decidedAt?.slice(0, 10) ?? '',
              })}
            />
            {assessment.decisionReason && (
              <Typography variant="body2" sx={{ mt: 1, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {assessment.decisionReason}
              </Typography>
            )}
          </Box>
        )}
      </Box>
    </Stack>
  );
};
