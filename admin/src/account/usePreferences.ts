import { useQuery } from '@tanstack/react-query';
import { useExitPoolDataProvider } from '../dataProvider';

export const PREFERENCES_KEY = ['auth', 'preferences'] as const;

/** The signed-in user's language of e-mail and how e-mail comes (GET /api/auth/preferences). */
export const usePreferences = () => {
  const dataProvider = useExitPoolDataProvider();
  return useQuery({
    queryKey: PREFERENCES_KEY,
    queryFn: async () => (await dataProvider.preferences()).data,
    retry: false,
  });
};
