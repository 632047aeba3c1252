import BoltIcon from '@mui/icons-material/Bolt';
import { Box, Chip, Link as MuiLink } from '@mui/material';
import type { MouseEvent } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { Notification } from '../types';
import { notificationLink, useNotificationSentence } from './notificationWords';
import { useOpenNotification } from './useMarkRead';

/** A dot before an unread notification, named for screen readers. */
export const UnreadMark = () => {
  const record = useRecordContext<Notification>();
  const translate = useTranslate();
  if (!record || record.readAt) return null;
  const label = translate('app.notifications.unread');
  return (
    <Box
      component="span"
      role="img"
      aria-label={label}
      title={label}
      sx={{
        display: 'inline-block',
        flex: '0 0 auto',
        width: 10,
        height: 10,
        borderRadius: '50%',
        bgcolor: 'primary.main',
      }}
    />
  );
};

export const UrgentChip = () => {
  const record = useRecordContext<Notification>();
  const translate = useTranslate();
  if (!record?.urgent) return null;
  return (
    <Chip
      size="small"
      color="error"
      icon={<BoltIcon />}
      label={translate('app.notifications.urgent')}
      sx={{ verticalAlign: 'middle' }}
    />
  );
};

/**
 * "KBH-2026-014-A1: information requested", bold while unread; a link to the record it names
 * (opening it marks the notification read), so that a keyboard reaches it too.
 */
export const NotificationSentenceField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<Notification>();
  const sentence = useNotificationSentence();
  const open = useOpenNotification();
  if (!record) return null;
  const text = sentence(record);
  const link = notificationLink(record);
  const sx = { fontWeight: record.readAt ? 'normal' : 700, overflowWrap: 'anywhere' } as const;
  if (!link) {
    return (
      <Box component="span" sx={sx}>
        {text}
      </Box>
    );
  }
  return (
    <MuiLink
      component={Link}
      to={link}
      underline="hover"
      color="inherit"
      sx={sx}
      onClick={(event: MouseEvent) => {
        // the row's own click would open it a second time
        event.stopPropagation();
        open(record);
      }}
    >
      {text}
    </MuiLink>
  );
};

/**
 * The mark, the urgent chip and the sentence flowing as one line of text, wrapping on a phone
 * without leaving the mark alone on a line. `link`: the sentence links to the record.
 */
export const NotificationHeadline = ({ link = true, mark = true }: { link?: boolean; mark?: boolean }) => {
  const record = useRecordContext<Notification>();
  const sentence = useNotificationSentence();
  if (!record) return null;
  return (
    <Box component="span" sx={{ display: 'flex', alignItems: 'baseline', gap: 0.75 }}>
      {mark && !record.readAt && (
        <Box component="span" sx={{ flex: '0 0 auto', alignSelf: 'center' }}>
          <UnreadMark />
        </Box>
      )}
      <Box component="span" sx={{ minWidth: 0 }}>
        {record.urgent && (
          <Box component="span" sx={{ mr: 0.75 }}>
            <UrgentChip />
          </Box>
        )}
        {link ? (
          <NotificationSentenceField />
        ) : (
          <Box component="span" sx={{ fontWeight: record.readAt ? 'normal' : 700, overflowWrap: 'anywhere' }}>
            {sentence(record)}
          </Box>
        )}
      </Box>
    </Box>
  );
};
