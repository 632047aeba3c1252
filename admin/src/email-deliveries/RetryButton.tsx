import ReplayIcon from '@mui/icons-material/Replay';
import { useState } from 'react';
import { Button, HttpError, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useRefusalText } from '../common/useProblemText';
import { useExitPoolDataProvider } from '../dataProvider';
import type { EmailDelivery } from '../types';

/**
 * Sends a failed e-mail again: the API puts it back in the outbox (`pending`), and the job
 * queue delivers it with the usual retries. Only a failed one can be retried.
 */
export const RetryButton = (_props: { label?: string }) => {
  const record = useRecordContext<EmailDelivery>();
  const dataProvider = useExitPoolDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const refusalText = useRefusalText();
  const [sending, setSending] = useState(false);
  if (!record || record.status !== 'failed') return null;

  const retry = async () => {
    setSending(true);
    try {
      await dataProvider.retryEmailDelivery(record.id);
      notify('app.email_deliveries.retried', { type: 'success', messageArgs: { recipient: record.recipient } });
    } catch (error) {
      if (error instanceof HttpError && error.status === 409) {
        // EMAIL_DELIVERY_NOT_FAILED: retried meanwhile (another admin, another tab); the list shows where it stands now
        notify('app.email_deliveries.not_failed', { type: 'warning' });
      } else {
        notify(refusalText(error), { type: 'error' });
      }
    } finally {
      setSending(false);
      refresh();
    }
  };

  return (
    <Button
      label="app.email_deliveries.retry"
      onClick={(event) => {
        // a row of the table is not opened by its button
        event.stopPropagation();
        void retry();
      }}
      disabled={sending}
    >
      <ReplayIcon />
    </Button>
  );
};
