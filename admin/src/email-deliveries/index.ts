import EmailIcon from '@mui/icons-material/MarkEmailUnread';
import { EmailDeliveryList } from './EmailDeliveryList';

// The outbox's e-mails as the administrator sees them: listed and retried, never written here.
export default {
  list: EmailDeliveryList,
  icon: EmailIcon,
};
