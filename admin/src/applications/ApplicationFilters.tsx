import { DateInput, NullableBooleanInput, SelectInput } from 'react-admin';
import { useCategoryChoices } from '../common/categories';
import { searchFilter, unitFilter } from '../common/filters';
import { useRole } from '../common/useRole';

/** Filters of the applications list and the review queue. The status is chosen by the list's tabs, or fixed by the queue. */
export const useApplicationFilters = () => {
  const national = useRole() !== 'unit_worker';
  const { choices: categoryChoices } = useCategoryChoices(false);
  return [
    searchFilter,
    ...(national ? [unitFilter({ alwaysOn: true })] : []),
    <SelectInput key="categoryCode" source="categoryCode" choices={categoryChoices} alwaysOn />,
    <NullableBooleanInput key="urgent" source="urgent" />,
    <DateInput key="submittedAt_gte" source="submittedAt_gte" label="app.applications.submitted_from" />,
    <DateInput key="submittedAt_lte" source="submittedAt_lte" label="app.applications.submitted_to" />,
  ];
};
