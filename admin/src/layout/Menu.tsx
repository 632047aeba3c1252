import InboxIcon from '@mui/icons-material/MoveToInbox';
import PaymentsDueIcon from '@mui/icons-material/PendingActions';
import ReportsIcon from '@mui/icons-material/BarChart';
import AccountIcon from '@mui/icons-material/ManageAccounts';
import { Menu as RaMenu, useCanAccess } from 'react-admin';
import { useEnrolmentRequired } from '../account/useEnrolmentRequired';
import { ACCOUNT_PATH } from '../authProvider';

/** The contact point's work list, above the resources. */
const ReviewQueueItem = () => {
  const { canAccess } = useCanAccess({ resource: 'review-queue', action: 'list' });
  if (!canAccess) return null;
  return <RaMenu.Item to="/review-queue" primaryText="app.review_queue.menu" leftIcon={<InboxIcon />} />;
};

/** Finance's work list of grants with money still to pay (the contact point sees it too). */
const PaymentsDueItem = () => {
  const { canAccess } = useCanAccess({ resource: 'payments-due', action: 'list' });
  if (!canAccess) return null;
  return <RaMenu.Item to="/payments-due" primaryText="app.payments_due.menu" leftIcon={<PaymentsDueIcon />} />;
};

/** The spending report and its files, for everyone who sees the pool's money. */
const ReportsItem = () => {
  const { canAccess } = useCanAccess({ resource: 'reports', action: 'list' });
  if (!canAccess) return null;
  return <RaMenu.Item to="/reports" primaryText="app.reports.menu" leftIcon={<ReportsIcon />} />;
};

// Each resource item shows only when the role may list it (authProvider.canAccess, access.ts).
// Until a required second factor is set up, nothing but the account page would open.
export const Menu = () => {
  const enrolmentRequired = useEnrolmentRequired();
  if (enrolmentRequired) {
    return (
      <RaMenu>
        <RaMenu.Item to={ACCOUNT_PATH} primaryText="app.account.menu" leftIcon={<AccountIcon />} />
      </RaMenu>
    );
  }
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      <RaMenu.ResourceItem name="notifications" />
      <ReviewQueueItem />
      <PaymentsDueItem />
      <RaMenu.ResourceItem name="applications" />
      <RaMenu.ResourceItem name="cases" />
      <RaMenu.ResourceItem name="advice-requests" />
      <RaMenu.ResourceItem name="case-transfers" />
      <RaMenu.ResourceItem name="disbursements" />
      <RaMenu.ResourceItem name="budget-years" />
      <ReportsItem />
      <RaMenu.ResourceItem name="guidelines" />
      <RaMenu.ResourceItem name="units" />
      <RaMenu.ResourceItem name="categories" />
      <RaMenu.ResourceItem name="users" />
      <RaMenu.ResourceItem name="audit-events" />
      <RaMenu.ResourceItem name="email-deliveries" />
    </RaMenu>
  );
};
