import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useExitPoolDataProvider } from '../dataProvider';

/** Every query of the notifications (the lists and the count) starts with this key. */
export const NOTIFICATIONS_KEY = ['notifications'] as const;
export const UNREAD_COUNT_KEY = [...NOTIFICATIONS_KEY, 'unreadCount'] as const;

/**
 * The bell asks the API every 30 s. Polling rather than server-sent events: a plain request that any
 * load balancer spreads over the API processes, with no sticky sessions and no connection held open
 * per user; a notification waits at most half a minute to show.
 */
export const POLL_INTERVAL_MS = 30_000;

/** How many of the user's own notifications are unread, kept fresh by polling. */
export const useUnreadCount = ({ enabled = true }: { enabled?: boolean } = {}) => {
  const dataProvider = useExitPoolDataProvider();
  return useQuery({
    queryKey: UNREAD_COUNT_KEY,
    queryFn: async () => (await dataProvider.unreadNotificationCount()).data,
    refetchInterval: POLL_INTERVAL_MS,
    enabled,
    // a failed poll is tried again at the next interval, not at once
    retry: false,
  });
};

/** Reloads the notification lists and the bell's count, after a change of what is read. */
export const useRefreshNotifications = () => {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }), [queryClient]);
};

/**
 * When a poll finds the count changed (a new notification, or one read in another tab), the lists of
 * notifications on the screen are read again: an open Notifications page shows the new one too.
 */
export const useListsFollowCount = (count: number | undefined) => {
  const queryClient = useQueryClient();
  const previous = useRef(count);
  useEffect(() => {
    if (count === undefined || previous.current === count) return;
    const before = previous.current;
    previous.current = count;
    if (before === undefined) return;
    void queryClient.invalidateQueries({
      predicate: ({ queryKey }) => queryKey[0] === NOTIFICATIONS_KEY[0] && queryKey[1] !== UNREAD_COUNT_KEY[1],
    });
  }, [count, queryClient]);
};
