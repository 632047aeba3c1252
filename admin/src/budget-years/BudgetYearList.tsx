import { DataTable, List } from 'react-admin';
import { MoneyField } from '../common/MoneyField';
import { BudgetYearStatusField } from './budgetYearStatus';

// Totals of the whole pool for every reader; the per-unit figures are on each year's page.
export const BudgetYearList = () => (
  <List sort={{ field: 'year', order: 'DESC' }} perPage={25} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="year" />
      <DataTable.Col source="poolAmount" field={MoneyField} align="right" />
      <DataTable.Col source="committed" field={MoneyField} align="right" disableSort />
      <DataTable.Col source="disbursed" field={MoneyField} align="right" disableSort />
      <DataTable.Col source="available" field={MoneyField} align="right" disableSort />
      <DataTable.Col source="status" field={BudgetYearStatusField} />
    </DataTable>
  </List>
);
