import { useCreatePath, useTranslate } from 'react-admin';
import { useCurrentBudgetYear } from '../budget-years/useCurrentBudgetYear';

/**
 * This year's budget year for a dashboard card about its money, with the card's
 * subheader (the year) and its link to the year's page once the year is known.
 */
export const useThisYearCard = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { budgetYear, isPending, error } = useCurrentBudgetYear();
  const card = budgetYear
    ? {
        subheader: translate('app.dashboard.this_year', { year: budgetYear.year }),
        link: {
          to: createPath({ resource: 'budget-years', id: budgetYear.id, type: 'show' }),
          label: translate('app.dashboard.pool.open', { year: budgetYear.year }),
        },
      }
    : {};
  return { budgetYear, isPending, error, card };
};
