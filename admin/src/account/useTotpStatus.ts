import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useExitPoolDataProvider } from '../dataProvider';
import { session } from '../session';

export const TOTP_STATUS_KEY = ['auth', 'totp'] as const;

/** The signed-in user's second factor; keeps the enrolment gate in step with what the API says. */
export const useTotpStatus = () => {
  const dataProvider = useExitPoolDataProvider();
  const query = useQuery({
    queryKey: TOTP_STATUS_KEY,
    queryFn: async () => (await dataProvider.totpStatus()).data,
    retry: false,
  });
  const status = query.data;
  useEffect(() => {
    if (status) session.setEnrolmentRequired(status.required && !status.enabled);
  }, [status]);
  return query;
};
