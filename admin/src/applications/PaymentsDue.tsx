import { Box, Typography } from '@mui/material';
import {
  CanAccess,
  DataTable,
  List,
  ReferenceInput,
  SelectInput,
  SimpleList,
  useGetList,
  useListContext,
  useTranslate,
} from 'react-admin';
import { useCategoryChoices } from '../common/categories';
import { CategoryField } from '../common/CategoryField';
import { CodeField, UnitCodeField } from '../common/CodeField';
import { ShortDateTimeField } from '../common/DateTimeField';
import { searchFilter } from '../common/filters';
import { MoneyField } from '../common/MoneyField';
import { useFormatMoney } from '../common/money';
import { unpaidOf } from './grants';
import type { Application } from '../types';
import { UnpaidField } from './UnpaidField';
import { usePhone } from '../common/usePhone';

const DUE = { status: ['approved', 'partially_approved'], unpaid: true };
// the API's largest page: the total is summed over every grant due, not just the page shown
const TOTAL_PAGE = 1000;

const CategoryInput = (props: { source: string; alwaysOn?: boolean }) => {
  const { choices, isPending } = useCategoryChoices(false);
  return <SelectInput {...props} choices={choices} isPending={isPending} />;
};

const filters = [
  searchFilter,
  <ReferenceInput key="unitId" source="unitId" reference="units" sort={{ field: 'code', order: 'ASC' }} alwaysOn>
    <SelectInput optionText="code" />
  </ReferenceInput>,
  <CategoryInput key="categoryCode" source="categoryCode" alwaysOn />,
];

/** What is still to pay on every grant the filter finds, and how many grants those are. */
const PaymentsDueTotal = () => {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  const format = useFormatMoney();
  const { data, total, isPending } = useGetList('applications', {
    filter: { ...filterValues, ...DUE },
    pagination: { page: 1, perPage: TOTAL_PAGE },
    sort: { field: 'decidedAt', order: 'ASC' },
  });
  if (isPending || !data || total === undefined) return null;
  const sum = data.reduce((acc, record) => acc + unpaidOf(record), 0n);
  return (
    <Box sx={{ px: 2, py: 1.5 }} data-testid="payments-due-total">
      <Typography variant="subtitle1" component="p" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
        {translate(total > data.length ? 'app.payments_due.total_first' : 'app.payments_due.total', {
          smart_count: total,
          shown: data.length,
          amount: format(sum),
        })}
      </Typography>
    </Box>
  );
};

/** On a phone: the reference and what is unpaid, then the unit, the category and the decision. */
const PaymentsDuePhoneList = () => (
  <SimpleList<Application>
    primaryText={
      <Box component="span" sx={{ display: 'flex', justifyContent: 'space-between', gap: 1 }}>
        <CodeField source="reference" />
        <UnpaidField />
      </Box>
    }
    secondaryText={
      <>
        <UnitCodeField />
        {' · '}
        <CategoryField source="categoryCode" />
        {' · '}
        <ShortDateTimeField source="decidedAt" />
      </>
    }
    rowClick="show"
  />
);

/**
 * Finance's work list: grants with money still to pay, the longest-waiting
 * decision first, found by reference, unit and category, with what all of them
 * still need. The contact point sees it too, to follow up at year end.
 */
export const PaymentsDue = () => {
  const phone = usePhone();
  return (
    <CanAccess resource="payments-due" action="list">
      <List
        resource="applications"
        storeKey="payments-due"
        title="app.payments_due.title"
        filter={DUE}
        filters={filters}
        sort={{ field: 'decidedAt', order: 'ASC' }}
        perPage={50}
        exporter={false}
        empty={false}
      >
        <PaymentsDueTotal />
        {phone ? (
          <PaymentsDuePhoneList />
        ) : (
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="reference" field={CodeField} />
            <DataTable.Col source="unitId" disableSort>
              <UnitCodeField />
            </DataTable.Col>
            <DataTable.Col source="categoryCode" field={CategoryField} disableSort />
            <DataTable.Col source="amountApproved" field={MoneyField} align="right" />
            <DataTable.Col source="paidAmount" field={MoneyField} align="right" disableSort />
            <DataTable.Col source="unpaidAmount" field={UnpaidField} align="right" disableSort />
            <DataTable.Col source="decidedAt" field={ShortDateTimeField} />
          </DataTable>
        )}
      </List>
    </CanAccess>
  );
};
