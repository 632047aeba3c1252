import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import type { AdviceRequest } from '../types';

interface Entry {
  id: string;
  kind: 'question' | 'answer' | 'follow_up';
  authorName: string;
  authorRole: string;
  body: string;
  createdAt: string;
}

/** The question, then each answer and follow-up, oldest first: the contact point's on a blue rule, the unit's on the other. */
export const AdviceThread = () => {
  const record = useRecordContext<AdviceRequest>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.purgedAt || record.question == null) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="advice-thread">
        {translate('app.advice.purged')}
      </Typography>
    );
  }
  const entries: Entry[] = [
    {
      id: 'question',
      kind: 'question',
      authorName: record.askedByName,
      authorRole: 'unit_worker',
      body: record.question,
      createdAt: record.createdAt,
    },
    ...(record.messages ?? []),
  ];
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('app.advice.thread')}
        </Typography>
        <Stack spacing={1.5} data-testid="advice-thread">
          {entries.map((entry) => (
            <Box
              key={entry.id}
              sx={{
                borderLeft: 3,
                borderColor: entry.authorRole === 'contact_point' ? 'primary.main' : 'secondary.main',
                pl: 1.5,
              }}
            >
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Chip size="small" label={translate(`app.advice.kinds.${entry.kind}`)} />
                <Typography variant="body2" sx={{ fontWeight: 500 }}>
                  {entry.authorName}
                </Typography>
              </Stack>
              <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.25 }}>
                {translate(`app.roles.${entry.authorRole}`, { _: entry.authorRole })} ·{' '}
                <DateTimeField record={entry} source="createdAt" variant="caption" />
              </Typography>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 0.5, overflowWrap: 'anywhere' }}>
                {entry.body}
              </Typography>
            </Box>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
};
