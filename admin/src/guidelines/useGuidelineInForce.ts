import { useGetList } from 'react-admin';
import type { GuidelineRecord } from '../types';

const today = (): string => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/** The published guideline version in force today (the latest effective one), for hints in forms. */
export const useGuidelineInForce = (): GuidelineRecord | undefined => {
  const { data } = useGetList<GuidelineRecord>(
    'guidelines',
    {
      filter: { status: 'published' },
      sort: { field: 'effectiveFrom', order: 'DESC' },
      pagination: { page: 1, perPage: 10 },
    },
    { staleTime: 5 * 60 * 1000 },
  );
  const date = today();
  return data?.find((guideline) => guideline.effectiveFrom <= date);
};
