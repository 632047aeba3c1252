import { useGetList } from 'react-admin';
import type { BudgetYear } from '../types';

/**
 * This calendar year's budget year; without one, the newest open year, else the
 * newest. `isPending` while the list loads; `budgetYear` undefined when there is none.
 */
export const useCurrentBudgetYear = () => {
  const { data, isPending, error } = useGetList<BudgetYear>('budget-years', {
    pagination: { page: 1, perPage: 50 },
    sort: { field: 'year', order: 'DESC' },
  });
  const thisYear = new Date().getFullYear();
  const years = data ?? [];
  const budgetYear =
    years.find((y) => y.year === thisYear) ?? years.find((y) => y.status === 'open') ?? years[0] ?? undefined;
  return { budgetYear, years, isPending, error };
};
