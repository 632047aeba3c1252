import { Box } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { StatusChip } from '../common/StatusChip';
import { capitalised, useEventWords } from '../notifications/notificationWords';
import type { EmailDelivery } from '../types';

/** The event in the reader's words ("Information requested"; a digest is "Daily digest"). */
export const EventField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<EmailDelivery>();
  const words = useEventWords();
  if (!record) return null;
  return <span>{capitalised(words(record.event))}</span>;
};

/** The SMTP server's last refusal, as it came (technical, for the administrator). */
export const LastErrorField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<EmailDelivery>();
  if (!record?.lastError) return null;
  return (
    <Box component="span" sx={{ fontFamily: 'monospace', fontSize: '0.8125rem', overflowWrap: 'anywhere' }}>
      {record.lastError}
    </Box>
  );
};

export const DeliveryStatusField = (_props: { label?: string; source?: string; sortable?: boolean }) => (
  <StatusChip
    source="status"
    prefix="app.email_deliveries.status"
    colors={{ failed: 'error', pending: 'warning', sent: 'success' }}
    filled={['failed']}
  />
);
