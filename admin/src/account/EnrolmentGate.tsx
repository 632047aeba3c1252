import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ACCOUNT_PATH } from '../authProvider';
import { useEnrolmentRequired } from './useEnrolmentRequired';

/**
 * While the API refuses everything but enrolment, every page but the account page
 * sends the user there before it loads: no request of theirs could succeed, and
 * each refusal would otherwise be one more error on screen.
 */
export const EnrolmentGate = ({ children }: { children: ReactNode }) => {
  const required = useEnrolmentRequired();
  const { pathname } = useLocation();
  if (required && pathname !== ACCOUNT_PATH) return <Navigate to={ACCOUNT_PATH} replace />;
  return <>{children}</>;
};
