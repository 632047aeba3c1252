import NotificationsIcon from '@mui/icons-material/Notifications';
import { NotificationList } from './NotificationList';

// Read only: a notification is written by the API with the change it tells of, and only marked read here.
export default {
  list: NotificationList,
  icon: NotificationsIcon,
};
