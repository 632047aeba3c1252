import { Box, Chip, Stack, Typography } from '@mui/material';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import type { Application, ApplicationMessage, MessageKind } from '../types';
import { RelatedCard } from './RelatedCard';

const KIND_COLOR: Record<MessageKind, 'warning' | 'info' | 'default' | 'success'> = {
  question: 'warning',
  answer: 'info',
  withdrawal: 'default',
  decision: 'success',
};

/** The conversation between the contact point and the unit: questions, answers, withdrawal and decision. */
export const MessageThread = () => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  const { data, isPending, error } = useGetList<ApplicationMessage>(
    'application-messages',
    {
      filter: { applicationId: record?.id },
      sort: { field: 'createdAt', order: 'ASC' },
      pagination: { page: 1, perPage: 100 },
    },
    { enabled: record?.id !== undefined, retry: false },
  );
  if (!record) return null;
  return (
    <RelatedCard
      record={record}
      title="app.thread.title"
      isPending={isPending}
      error={error}
      count={data?.length ?? 0}
      unavailable="app.thread.unavailable"
      empty="app.thread.empty"
    >
      {data && (
        <Stack spacing={1.5} data-testid="thread">
          {data.map((message) => (
            <Box
              key={message.id}
              sx={{
                borderLeft: 3,
                borderColor: message.authorRole === 'contact_point' ? 'primary.main' : 'secondary.main',
                pl: 1.5,
              }}
            >
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Chip
                  size="small"
                  color={KIND_COLOR[message.kind]}
                  label={translate(`app.message_kinds.${message.kind}`)}
                />
                <Typography variant="body2" sx={{ fontWeight: 500 }}>
                  {message.authorName}
                </Typography>
              </Stack>
              <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.25 }}>
                {translate(`app.roles.${message.authorRole}`, { _: message.authorRole })} ·{' '}
                <DateTimeField record={message} source="createdAt" variant="caption" />
              </Typography>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }}>
                {message.body}
              </Typography>
            </Box>
          ))}
        </Stack>
      )}
    </RelatedCard>
  );
};
