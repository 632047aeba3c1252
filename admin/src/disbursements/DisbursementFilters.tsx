import { AutocompleteInput, DateInput, NumberInput, ReferenceInput, SelectInput } from 'react-admin';
import { searchFilter, unitFilter } from '../common/filters';
import { useRole } from '../common/useRole';
import { wholeNumber } from '../common/validators';
import { payeeTypeChoices } from './payeeTypes';

/** Filters of the payments list. A unit worker sees their own unit only, so has no unit filter. */
export const useDisbursementFilters = () => {
  const national = useRole() !== 'unit_worker';
  return [
    searchFilter,
    ...(national ? [unitFilter({ alwaysOn: true, children: <SelectInput sx={{ minWidth: 240 }} /> })] : []),
    <NumberInput key="year" source="year" step={1} validate={wholeNumber} alwaysOn sx={{ width: 120 }} />,
    <SelectInput key="payeeType" source="payeeType" choices={payeeTypeChoices} />,
    <DateInput key="paidOn_gte" source="paidOn_gte" label="app.disbursements.paid_from" />,
    <DateInput key="paidOn_lte" source="paidOn_lte" label="app.disbursements.paid_to" />,
    <ReferenceInput
      key="applicationId"
      source="applicationId"
      reference="applications"
      sort={{ field: 'decidedAt', order: 'DESC' }}
      filter={{ status: ['approved', 'partially_approved', 'paid', 'cancelled'] }}
    >
      <AutocompleteInput
        label="resources.disbursements.fields.applicationId"
        filterToQuery={(q: string) => ({ q })}
        sx={{ minWidth: 260 }}
      />
    </ReferenceInput>,
  ];
};
