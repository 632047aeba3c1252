import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { EnrolmentGate } from '../account/EnrolmentGate';
import { useLanguagePreference } from '../account/useLanguagePreference';
import { useDocumentLang } from '../i18n/useDocumentLang';
import { AppBar } from './AppBar';
import { Menu } from './Menu';

// The menu lists each resource whose `list` the user may access
// (authProvider.canAccess), so every role sees its own menu. A user who must
// first set up a second factor sees the account page only.
export const Layout = ({ children }: { children: ReactNode }) => {
  useDocumentLang();
  // a switch of language also switches the signed-in user's e-mails
  useLanguagePreference();
  return (
    <RaLayout appBar={AppBar} menu={Menu}>
      <EnrolmentGate>{children}</EnrolmentGate>
    </RaLayout>
  );
};
