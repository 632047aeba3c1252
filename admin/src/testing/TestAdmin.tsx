import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { AdminContext, memoryStore, type AuthProvider, type DataProvider } from 'react-admin';
import { i18nProvider } from '../i18n';

export type Locale = 'en' | 'da' | 'fi';

/**
 * The product's own providers around a component under test: its i18n provider (en.ts / da.ts / fi.ts)
 * in the given language, react-admin's contexts, and whatever data provider the test brings.
 */
export const TestAdmin = ({
  locale,
  dataProvider,
  authProvider,
  children,
}: {
  locale: Locale;
  dataProvider?: DataProvider;
  authProvider?: AuthProvider;
  children: ReactNode;
}) => (
  <AdminContext
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    // react-admin switches the i18n provider to the store's language before it renders anything
    store={memoryStore({ locale })}
    // a refused request is answered once: no retries to wait for
    queryClient={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}
  >
    {children}
  </AdminContext>
);
