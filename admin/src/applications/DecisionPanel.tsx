import { Box, Card, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { PurgedText } from '../common/Purged';
import { useRole } from '../common/useRole';
import type { Application, ApplicationMessage } from '../types';
import { useRuleName } from './FindingsList';
import { PersonName } from './PersonName';

const Narrative = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="caption" color="text.secondary">
        {translate(label)}
      </Typography>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Typography>
    </Box>
  );
};

/**
 * The first approval of a large grant and its reason: the reason was posted to the thread as a
 * decision message, so it is read from there by those who read the thread (unit and contact point).
 */
const FirstApproval = ({ record }: { record: Application }) => {
  const translate = useTranslate();
  const role = useRole();
  const thread = role === 'unit_worker' || role === 'contact_point';
  const { data } = useGetList<ApplicationMessage>(
    'application-messages',
    {
      filter: { applicationId: record.id },
      sort: { field: 'createdAt', order: 'ASC' },
      pagination: { page: 1, perPage: 100 },
    },
    { enabled: thread && Boolean(record.firstApprovedBy), retry: false },
  );
  if (!record.firstApprovedBy) return null;
  const reason = data?.filter((m) => m.kind === 'decision' && m.authorId === record.firstApprovedBy).at(-1)?.body;
  return (
    <>
      <Typography variant="body2">
        {translate('app.applications.first_approved_by')} <PersonName userId={record.firstApprovedBy} /> ·{' '}
        <DateTimeField source="firstApprovedAt" />
      </Typography>
      {reason && <Narrative label="app.applications.first_reason">{reason}</Narrative>}
    </>
  );
};

/**
 * The decision and its reasons. Reason, conditions and override justifications
 * are narrative: finance and admin never receive them, and then nothing is drawn.
 */
export const DecisionPanel = () => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  const ruleName = useRuleName();
  if (!record) return null;
  const overrides = record.overrides ?? [];
  const hasReason = typeof record.decisionReason === 'string' && record.decisionReason !== '';
  const hasConditions = typeof record.conditions === 'string' && record.conditions !== '';
  // the reason was sent (as null) to a reader with need to know, and the purge removed it
  const purged = record.purgedAt && record.decisionReason === null ? record.purgedAt : null;
  if (!record.decidedAt && !record.firstApprovedBy && !hasReason && !hasConditions && overrides.length === 0)
    return null;
  return (
    <Card variant="outlined">
      <CardHeader title={translate('app.applications.decision')} slotProps={{ title: { variant: 'subtitle1' } }} />
      <CardContent sx={{ pt: 0 }}>
        <Stack spacing={1.5}>
          <FirstApproval record={record} />
          {record.decidedAt && (
            <Typography variant="body2">
              {translate('app.applications.decided_by')} <PersonName userId={record.decidedBy} /> ·{' '}
              <DateTimeField source="decidedAt" />
            </Typography>
          )}
          {hasReason && (
            <Narrative
              label={
                record.firstApprovedBy
                  ? 'app.applications.second_reason'
                  : 'resources.applications.fields.decisionReason'
              }
            >
              {record.decisionReason}
            </Narrative>
          )}
          {purged && (
            <Narrative label="resources.applications.fields.decisionReason">
              <PurgedText at={purged} />
            </Narrative>
          )}
          {hasConditions && <Narrative label="resources.applications.fields.conditions">{record.conditions}</Narrative>}
          {overrides.length > 0 && (
            <Box>
              <Typography variant="caption" color="text.secondary">
                {translate('resources.applications.fields.overrides')}
              </Typography>
              <Stack spacing={1} sx={{ mt: 0.5 }}>
                {/* Both approvers of a large grant may override the same rule: keyed by position too. */}
                {overrides.map((override, index) => (
                  <Box key={`${override.rule}-${index}`} sx={{ borderLeft: 3, borderColor: 'warning.main', pl: 1.5 }}>
                    <Typography variant="body2" sx={{ fontWeight: 500 }}>
                      {ruleName(override.rule)}
                    </Typography>
                    {override.justification === null && record.purgedAt ? (
                      <PurgedText at={record.purgedAt} />
                    ) : (
                      override.justification !== undefined && (
                        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                          {override.justification}
                        </Typography>
                      )
                    )}
                    <Typography variant="caption" color="text.secondary">
                      <PersonName userId={override.by} /> ·{' '}
                      <DateTimeField record={override} source="at" variant="caption" />
                    </Typography>
                  </Box>
                ))}
              </Stack>
            </Box>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
