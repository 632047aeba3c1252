import { Create, SimpleForm } from 'react-admin';
import { createTransform } from './transform';
import { BudgetYearInputs } from './BudgetYearInputs';

// Pessimistic by nature (Create waits for the API), so a 400's field errors land beside the inputs.
export const BudgetYearCreate = () => (
  <Create redirect="show" transform={createTransform}>
    <SimpleForm defaultValues={{ year: new Date().getFullYear(), allocations: [] }} sx={{ maxWidth: 900 }}>
      <BudgetYearInputs />
    </SimpleForm>
  </Create>
);
