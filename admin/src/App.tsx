import { lazy, useState } from 'react';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import adviceRequests from './advice-requests';
import admissionReviews from './admission-reviews';
import applications from './applications';
import { PaymentsDue } from './applications/PaymentsDue';
import { ReviewQueue } from './applications/ReviewQueue';
import auditEvents from './audit-events';
import budgetYears from './budget-years';
import { authProvider } from './authProvider';
import caseTransfers from './case-transfers';
import cases from './cases';
import categories from './categories';
import { dataProvider } from './dataProvider';
import disbursements from './disbursements';
import emailDeliveries from './email-deliveries';
import guidelines from './guidelines';
import { i18nProvider, initialLocale } from './i18n';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import notifications from './notifications';
import { createStore } from './store';
import units from './units';
import users from './users';

// Loaded when first shown, with their charts (recharts) and the like: not in the first download.
// react-admin's layout holds the Suspense boundary.
const Dashboard = lazy(() => import('./dashboard/Dashboard').then((m) => ({ default: m.Dashboard })));
const ReportsPage = lazy(() => import('./reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const AccountPage = lazy(() => import('./account/AccountPage').then((m) => ({ default: m.AccountPage })));

// Which resources each role sees is decided by authProvider.canAccess (access.ts).
export const App = () => {
  // made on the first render, when the installation's language is known (main.tsx)
  const [store] = useState(() => createStore(initialLocale()));
  return (
    <Admin
      title="Exit Pool"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      store={store}
      layout={Layout}
      loginPage={LoginPage}
      dashboard={Dashboard}
      requireAuth
      disableTelemetry
    >
      <Resource name="applications" {...applications} />
      <Resource name="cases" {...cases} />
      <Resource name="case-transfers" {...caseTransfers} />
      <Resource name="advice-requests" {...adviceRequests} />
      <Resource name="admission-reviews" {...admissionReviews} />
      <Resource name="budget-years" {...budgetYears} />
      <Resource name="disbursements" {...disbursements} />
      <Resource name="guidelines" {...guidelines} />
      <Resource name="units" {...units} />
      <Resource name="categories" {...categories} />
      <Resource name="users" {...users} />
      <Resource name="audit-events" {...auditEvents} />
      <Resource name="notifications" {...notifications} />
      <Resource name="email-deliveries" {...emailDeliveries} />
      {/* Read through the application page only (thread and documents), never on their own. */}
      <Resource name="application-messages" />
      <Resource name="attachments" />
      <CustomRoutes>
        <Route path="/review-queue" element={<ReviewQueue />} />
        <Route path="/payments-due" element={<PaymentsDue />} />
        <Route path="/reports" element={<ReportsPage />} />
        {/* Every role's own account and second factor. */}
        <Route path="/account" element={<AccountPage />} />
      </CustomRoutes>
    </Admin>
  );
};
