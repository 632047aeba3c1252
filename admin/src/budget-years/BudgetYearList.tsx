import { Box } from '@mui/material';
import { DataTable, List, SimpleList } from 'react-admin';
import { InlineField, InlineFields } from '../common/InlineFields';
import { MoneyField } from '../common/MoneyField';
import { usePhone } from '../common/usePhone';
import type { BudgetYear } from '../types';
import { BudgetYearStatusField } from './budgetYearStatus';

const field = (name: string) => `resources.budget-years.fields.${name}`;

/** On a phone: one item a year, its status beside it and the pool's four totals below, wrapping in pairs. */
const BudgetYearPhoneList = () => (
  <SimpleList<BudgetYear>
    primaryText={(record) => (
      <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 1 }}>
        <span>{record.year}</span>
        <BudgetYearStatusField />
      </Box>
    )}
    secondaryText={
      <InlineFields>
        {(['poolAmount', 'committed', 'disbursed', 'available'] as const).map((source) => (
          <InlineField key={source} label={field(source)}>
            <MoneyField source={source} />
          </InlineField>
        ))}
      </InlineFields>
    }
    rowClick="show"
  />
);

// Totals of the whole pool for every reader; the per-unit figures are on each year's page.
export const BudgetYearList = () => {
  const phone = usePhone();
  return (
    <List sort={{ field: 'year', order: 'DESC' }} perPage={25} exporter={false}>
      {phone ? (
        <BudgetYearPhoneList />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="year" />
          <DataTable.Col source="poolAmount" field={MoneyField} align="right" />
          <DataTable.Col source="committed" field={MoneyField} align="right" disableSort />
          <DataTable.Col source="disbursed" field={MoneyField} align="right" disableSort />
          <DataTable.Col source="available" field={MoneyField} align="right" disableSort />
          <DataTable.Col source="status" field={BudgetYearStatusField} />
        </DataTable>
      )}
    </List>
  );
};
