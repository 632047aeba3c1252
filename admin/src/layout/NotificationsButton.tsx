import NotificationsIcon from '@mui/icons-material/Notifications';
import {
  Alert,
  Badge,
  Box,
  Button,
  Divider,
  IconButton,
  LinearProgress,
  List,
  ListItemButton,
  ListItemText,
  Popover,
  Tooltip,
  Typography,
} from '@mui/material';
import { type MouseEvent, useEffect, useState } from 'react';
import { RecordContextProvider, useGetList, useLogoutIfAccessDenied, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useEnrolmentRequired } from '../account/useEnrolmentRequired';
import { ShortDateTimeField } from '../common/DateTimeField';
import { NotificationHeadline } from '../notifications/NotificationFields';
import { notificationLink } from '../notifications/notificationWords';
import { useOpenNotification } from '../notifications/useMarkRead';
import { useListsFollowCount, useUnreadCount } from '../notifications/useUnreadCount';
import type { Notification } from '../types';

/** How many notifications the bell shows: the unread first, then the newest. */
export const LATEST = 5;

const Latest = ({ onClose }: { onClose: () => void }) => {
  const translate = useTranslate();
  const open = useOpenNotification();
  const { data, isPending, error } = useGetList<Notification>('notifications', {
    // the API puts the unread first, then the newest
    pagination: { page: 1, perPage: LATEST },
    sort: { field: 'createdAt', order: 'DESC' },
  });
  if (isPending) return <LinearProgress sx={{ m: 2 }} />;
  if (error) {
    return (
      <Alert severity="error" sx={{ m: 1 }}>
        {translate('app.notifications.load_failed')}
      </Alert>
    );
  }
  if (!data?.length) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1.5 }}>
        {translate('app.notifications.none')}
      </Typography>
    );
  }
  return (
    <List
      dense
      disablePadding
      aria-label={translate('app.notifications.latest')}
      sx={{ maxHeight: '60vh', overflowY: 'auto' }}
    >
      {data.map((notification) => {
        const link = notificationLink(notification);
        return (
          <RecordContextProvider key={notification.id} value={notification}>
            <ListItemButton
              {...(link ? { component: Link, to: link } : {})}
              onClick={() => {
                open(notification);
                onClose();
              }}
              sx={notification.readAt ? undefined : { bgcolor: 'action.hover' }}
            >
              <ListItemText
                primary={<NotificationHeadline link={false} />}
                secondary={<ShortDateTimeField source="createdAt" />}
              />
            </ListItemButton>
          </RecordContextProvider>
        );
      })}
    </List>
  );
};

/**
 * The bell in the app bar: the count of unread notifications (asked every 30 s, see
 * useUnreadCount), and on a click the latest few with a link to them all.
 */
export const NotificationsButton = () => {
  const translate = useTranslate();
  const enrolmentRequired = useEnrolmentRequired();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  // until a required second factor is set up the API refuses everything else: no polling meanwhile
  const { data: count, error } = useUnreadCount({ enabled: !enrolmentRequired });
  useListsFollowCount(count);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);

  useEffect(() => {
    // an ended session (401) signs out here as on any page; any other failure waits for the next poll
    if (error) void logoutIfAccessDenied(error);
  }, [error, logoutIfAccessDenied]);

  if (enrolmentRequired) return null;
  const label = count
    ? translate('app.notifications.bell_unread', { smart_count: count })
    : translate('app.notifications.bell');
  const close = () => setAnchor(null);
  return (
    <>
      <Tooltip title={label}>
        <IconButton
          color="inherit"
          aria-label={label}
          aria-haspopup="true"
          onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
        >
          <Badge badgeContent={count} max={99} color="error">
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { width: 360, maxWidth: 'calc(100vw - 16px)' } } }}
      >
        <Typography variant="subtitle2" component="h2" sx={{ px: 2, pt: 1.5, pb: 1 }}>
          {translate('app.notifications.latest')}
        </Typography>
        <Divider />
        {anchor && <Latest onClose={close} />}
        <Divider />
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', p: 1 }}>
          <Button component={Link} to="/notifications" size="small" onClick={close}>
            {translate('app.notifications.show_all')}
          </Button>
        </Box>
      </Popover>
    </>
  );
};
