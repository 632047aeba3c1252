import DoneAllIcon from '@mui/icons-material/DoneAll';
import { useState } from 'react';
import { Button, useNotify } from 'react-admin';
import { useRefusalText } from '../common/useProblemText';
import { useExitPoolDataProvider } from '../dataProvider';
import { useRefreshNotifications, useUnreadCount } from './useUnreadCount';

/** Marks every one of the user's notifications read; off while nothing is unread. */
export const MarkAllReadButton = () => {
  const dataProvider = useExitPoolDataProvider();
  const notify = useNotify();
  const refusalText = useRefusalText();
  const refresh = useRefreshNotifications();
  const { data: unread } = useUnreadCount();
  const [sending, setSending] = useState(false);

  const markAll = async () => {
    setSending(true);
    try {
      const { count } = (await dataProvider.markAllNotificationsRead()).data;
      notify(count > 0 ? 'app.notifications.marked_read' : 'app.notifications.nothing_unread', {
        type: 'info',
        messageArgs: { smart_count: count },
      });
    } catch (error) {
      notify(refusalText(error), { type: 'error' });
    } finally {
      setSending(false);
      void refresh();
    }
  };

  return (
    <Button label="app.notifications.mark_all_read" onClick={markAll} disabled={sending || unread === 0}>
      <DoneAllIcon />
    </Button>
  );
};
