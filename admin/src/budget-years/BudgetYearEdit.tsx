import { Alert } from '@mui/material';
import {
  Edit,
  HttpError,
  SaveButton,
  SimpleForm,
  Toolbar,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { problemMessage } from '../httpClient';
import type { BudgetYear } from '../types';
import { BudgetYearInputs } from './BudgetYearInputs';
import { editTransform } from './transform';

/** A closed year is history: its pool and allocations no longer change. */
const OpenYearForm = () => {
  const record = useRecordContext<BudgetYear>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.status !== 'open') return <Alert severity="info">{translate('app.budget_years.not_editable')}</Alert>;
  return (
    <SimpleForm
      sx={{ maxWidth: 900 }}
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <BudgetYearInputs edit />
    </SimpleForm>
  );
};

// Pessimistic: a 409 (the pool below what is committed and paid) is shown and nothing changes on screen.
export const BudgetYearEdit = () => {
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = (error: unknown) => {
    const code = error instanceof HttpError ? (error.body as { code?: unknown } | null)?.code : undefined;
    if (code === 'LEDGER_POOL_BELOW_USE') {
      // Grants were approved meanwhile: say so in the user's language and show the figures as they are now.
      notify('app.budget_years.pool_below_used_refused', { type: 'error' });
      refresh();
      return;
    }
    const message = problemMessage(error);
    notify(message, { type: 'error', messageArgs: { _: message } });
  };
  return (
    <Edit mutationMode="pessimistic" redirect="show" transform={editTransform} mutationOptions={{ onError }}>
      <OpenYearForm />
    </Edit>
  );
};
