import { Admin, Resource } from 'react-admin';
import auditEvents from './audit-events';
import { authProvider } from './authProvider';
import categories from './categories';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider, initialLocale } from './i18n';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { createStore } from './store';
import units from './units';
import users from './users';

const store = createStore(initialLocale);

// Which resources each role sees is decided by authProvider.canAccess (access.ts).
export const App = () => (
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
    <Resource name="units" {...units} />
    <Resource name="categories" {...categories} />
    <Resource name="users" {...users} />
    <Resource name="audit-events" {...auditEvents} />
  </Admin>
);
