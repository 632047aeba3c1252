import { Box, Card, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { PurgedText } from '../common/Purged';
import type { Application } from '../types';
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
  if (!record.decidedAt && !hasReason && !hasConditions && overrides.length === 0) return null;
  return (
    <Card variant="outlined">
      <CardHeader title={translate('app.applications.decision')} slotProps={{ title: { variant: 'subtitle1' } }} />
      <CardContent sx={{ pt: 0 }}>
        <Stack spacing={1.5}>
          {record.decidedAt && (
            <Typography variant="body2">
              {translate('app.applications.decided_by')} <PersonName userId={record.decidedBy} /> ·{' '}
              <DateTimeField source="decidedAt" />
            </Typography>
          )}
          {hasReason && (
            <Narrative label="resources.applications.fields.decisionReason">{record.decisionReason}</Narrative>
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
