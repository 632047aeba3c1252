// Notifications (issue 13): the vocabulary of /api/notifications, /api/auth/preferences and
// /api/email-deliveries, shared by the API and the admin UI.

/** What a notification says happened; the UI and the e-mail word it in the user's language. */
export const NOTIFICATION_EVENTS = [
  'information_requested',
  'application_approved',
  'application_partly_approved',
  'application_rejected',
  'grant_cancelled',
  'grant_carried_over',
  'payment_recorded',
  'refund_recorded',
  'application_submitted',
  'application_answered',
  'second_approval_waiting',
  'review_overdue',
  'grant_payable',
  'year_end_grant_carried_over',
  'year_end_grant_cancelled',
  'account_locked',
  'advice_requested',
  'advice_answered',
  'advice_followed_up',
  // admission reviews (issue 14)
  'admission_review_requested',
  'admission_review_answered',
  'admission_review_info_requested',
  'admission_review_upheld',
  'admission_review_admitted',
  // a case that moves (issue 14)
  'case_transfer_proposed',
  'case_transfer_accepted',
  'case_transfer_declined',
  'case_transferred',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** The resources a notification links to (their show page). */
export const NOTIFICATION_RESOURCES = [
  'applications',
  'users',
  'advice-requests',
  'admission-reviews',
  'case-transfers',
] as const;
export type NotificationResource = (typeof NOTIFICATION_RESOURCES)[number];

/** The languages of the product, and so of notifications and e-mails. */
export const LANGUAGES = ['en', 'da', 'fi'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** How a user wants e-mail: one per event, one daily digest, or none. */
export const EMAIL_PREFERENCES = ['each', 'digest', 'none'] as const;
export type EmailPreference = (typeof EMAIL_PREFERENCES)[number];

export interface Preferences {
  language: Language;
  email: EmailPreference;
}

/** The react-admin resources a notification links to. */

/** `GET /api/notifications` item: never narrative, amounts or unit names; the sentence is built from event + reference. */
export interface NotificationRecord {
  id: string;
  event: NotificationEvent;
  reference: string;
  urgent: boolean;
  /** Where it links: a react-admin resource and the record's id (its show page). */
  resource: NotificationResource;
  recordId: string;
  createdAt: string;
  readAt: string | null;
}

export const EMAIL_DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export type EmailDeliveryStatus = (typeof EMAIL_DELIVERY_STATUSES)[number];

/** `GET /api/email-deliveries` item (admins): the outbox; a digest has event `digest` and no reference. */
export interface EmailDeliveryRecord {
  id: string;
  event: NotificationEvent | 'digest';
  reference: string | null;
  recipient: string;
  status: EmailDeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** The `code` of the notifications feature's refusals. */
export const NOTIFICATION_ERROR_CODES = ['EMAIL_DELIVERY_NOT_FAILED'] as const;
