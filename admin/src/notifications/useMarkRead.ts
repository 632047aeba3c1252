import { useCallback } from 'react';
import { useNotify } from 'react-admin';
import { useRefusalText } from '../common/useProblemText';
import { useExitPoolDataProvider } from '../dataProvider';
import type { Notification } from '../types';
import { notificationLink } from './notificationWords';
import { useRefreshNotifications } from './useUnreadCount';

/**
 * Opening a notification: marks it read (when it is not yet) and answers the page it leads to,
 * or false when it names no record. The page opens at once; the mark follows in the background.
 */
export const useOpenNotification = () => {
  const dataProvider = useExitPoolDataProvider();
  const refresh = useRefreshNotifications();
  const notify = useNotify();
  const refusalText = useRefusalText();
  return useCallback(
    (notification: Notification): string | false => {
      if (!notification.readAt) {
        dataProvider.markNotificationRead(notification.id).then(
          () => refresh(),
          (error: unknown) => notify(refusalText(error), { type: 'error' }),
        );
      }
      return notificationLink(notification) ?? false;
    },
    [dataProvider, refresh, notify, refusalText],
  );
};
