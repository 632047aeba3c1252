import { Alert, Box, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  ArrayInput,
  NumberInput,
  ReferenceInput,
  SelectInput,
  SimpleFormIterator,
  maxValue,
  minValue,
  required,
  useRecordContext,
  useTranslate,
  type Validator,
} from 'react-admin';
import { sumMoney } from '@app/money';
import { MoneyInput, minMoney } from '../common/MoneyInput';
import { toMinor, useFormatMoney } from '../common/money';
import { wholeNumber } from '../common/validators';
import type { BudgetYear } from '../types';

interface AllocationValues {
  unitId?: string | null;
  amount?: unknown;
}

const oneRowPerUnit: Validator = (value: unknown) => {
  const units = (Array.isArray(value) ? (value as AllocationValues[]) : [])
    .map((row) => row?.unitId)
    .filter((id): id is string => typeof id === 'string' && id !== '');
  return new Set(units).size === units.length ? undefined : 'app.validation.duplicate_unit';
};

/** The pool cannot shrink below what is already committed and paid (the API says 409 too). */
const notBelowUsed = (record: BudgetYear | undefined, format: (minor: bigint) => string): Validator => {
  const used = record ? (toMinor(record.committed) ?? 0n) + (toMinor(record.disbursed) ?? 0n) : 0n;
  return (value: unknown) => {
    const pool = toMinor(value);
    return pool !== null && pool < used
      ? { message: 'app.validation.pool_below_used', args: { amount: format(used) } }
      : undefined;
  };
};

/** How much of the pool the allocations share out, beside the inputs. */
const AllocationTotal = () => {
  const allocations = useWatch({ name: 'allocations' }) as AllocationValues[] | undefined;
  const poolAmount: unknown = useWatch({ name: 'poolAmount' });
  const translate = useTranslate();
  const format = useFormatMoney();
  const amounts = (allocations ?? []).map((row) => toMinor(row?.amount));
  if (amounts.length === 0) return null;
  const total = sumMoney(amounts.map((amount) => amount ?? 0n));
  const pool = toMinor(poolAmount);
  const over = pool !== null && total > pool;
  return (
    <Box sx={{ mt: 1, mb: 2 }} data-testid="allocation-total">
      {over ? (
        <Alert severity="warning">
          {translate('app.budget_years.allocated_over', { total: format(total), pool: format(pool) })}
        </Alert>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {pool === null
            ? translate('app.budget_years.allocated', { total: format(total) })
            : translate('app.budget_years.allocated_of', {
                total: format(total),
                pool: format(pool),
                rest: format(pool - total),
              })}
        </Typography>
      )}
    </Box>
  );
};

/** Inputs shared by BudgetYearCreate and BudgetYearEdit. The year is fixed once opened. */
export const BudgetYearInputs = ({ edit = false }: { edit?: boolean }) => {
  const record = useRecordContext<BudgetYear>();
  const format = useFormatMoney();
  const translate = useTranslate();
  return (
    <>
      <NumberInput
        source="year"
        readOnly={edit}
        step={1}
        validate={edit ? undefined : [required(), wholeNumber, minValue(2000), maxValue(2100)]}
        helperText={edit ? 'app.budget_years.year_fixed' : false}
        sx={{ width: 160 }}
      />
      <MoneyInput
        source="poolAmount"
        validate={[required(), minMoney(0, 'app.validation.money_not_negative'), notBelowUsed(record, format)]}
        helperText={
          edit && record
            ? translate('app.budget_years.pool_hint', {
                amount: format((toMinor(record.committed) ?? 0n) + (toMinor(record.disbursed) ?? 0n)),
              })
            : false
        }
        sx={{ width: 300 }}
      />
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        {translate('app.budget_years.allocations')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('app.budget_years.allocation_hint')}
      </Typography>
      <ArrayInput source="allocations" label={false} validate={oneRowPerUnit}>
        <SimpleFormIterator inline disableReordering>
          <ReferenceInput source="unitId" reference="units" sort={{ field: 'code', order: 'ASC' }} perPage={100}>
            <SelectInput
              label="resources.budget-years.fields.allocations.unitId"
              validate={required()}
              sx={{ minWidth: 320 }}
              helperText={false}
            />
          </ReferenceInput>
          <MoneyInput
            source="amount"
            label="resources.budget-years.fields.allocations.amount"
            validate={[required(), minMoney(0, 'app.validation.money_not_negative')]}
            sx={{ width: 240 }}
            helperText={false}
          />
        </SimpleFormIterator>
      </ArrayInput>
      <AllocationTotal />
    </>
  );
};
