import { useCallback } from 'react';
import { useTranslate } from 'react-admin';
import type { EmailDelivery, Notification } from '../types';

type Event = Pick<Notification, 'event' | 'reference'>;

/** "Information requested": the words of an event standing alone, as a sentence starts. */
export const capitalised = (text: string): string => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** An event code in the user's words; a code this UI does not know yet is shown as it comes. */
export const useEventWords = () => {
  const translate = useTranslate();
  return useCallback(
    (event: string) => translate(`app.notifications.events.${event}`, { _: event.replace(/_/g, ' ') }),
    [translate],
  );
};

/**
 * What happened and where, in the user's language: "KBH-2026-014-A1: information requested".
 * Built from the event's code and the reference only: a notification holds nothing else to say.
 */
export const useNotificationSentence = () => {
  const translate = useTranslate();
  const words = useEventWords();
  return useCallback(
    ({ event, reference }: Event | Pick<EmailDelivery, 'event' | 'reference'>) => {
      const what = words(event);
      if (!reference) return capitalised(what);
      return translate('app.notifications.sentence', { reference, event: what });
    },
    [translate, words],
  );
};

/** The show page the notification leads to, or null when it names no record. */
export const notificationLink = ({ resource, recordId }: Pick<Notification, 'resource' | 'recordId'>) =>
  resource && recordId ? `/${resource}/${encodeURIComponent(recordId)}/show` : null;
