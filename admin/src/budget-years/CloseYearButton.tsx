import LockIcon from '@mui/icons-material/LockOutlined';
import { Typography } from '@mui/material';
import { useState } from 'react';
import { Button, HttpError, useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { toMinor, useFormatMoney } from '../common/money';
import { useExitPoolDataProvider } from '../dataProvider';
import { problemMessage } from '../httpClient';
import type { BudgetYear } from '../types';

/**
 * Closes an open budget year after a confirmation. The API refuses (409) while
 * grants of the year still hold unpaid commitments; its message stays in the dialog.
 */
export const CloseYearButton = () => {
  const record = useRecordContext<BudgetYear>();
  const { canAccess } = useCanAccess({ resource: 'budget-years', action: 'edit' });
  const dataProvider = useExitPoolDataProvider();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const format = useFormatMoney();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<{ message: string; detail?: string } | null>(null);
  if (!record || !canAccess || record.status !== 'open') return null;
  const args = { year: record.year };

  const close = () => {
    setOpen(false);
    setProblem(null);
  };

  const confirm = async () => {
    setPending(true);
    setProblem(null);
    try {
      await dataProvider.closeBudgetYear(String(record.id));
      notify('app.budget_years.closed', { type: 'success', messageArgs: args });
      setOpen(false);
      refresh();
    } catch (error) {
      // 409: grants of the year still hold unpaid money. Said in the user's language
      // with the amount as the page shows it, the API's own words below.
      setProblem(
        error instanceof HttpError && error.status === 409
          ? {
              message: translate('app.budget_years.close_refused', {
                amount: format(toMinor(record.committed) ?? 0n),
              }),
              detail: problemMessage(error),
            }
          : { message: translate(problemMessage(error), { _: problemMessage(error) }) },
      );
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button label="app.budget_years.close" onClick={() => setOpen(true)} color="warning">
        <LockIcon />
      </Button>
      <ConfirmDialog
        open={open}
        title={translate('app.budget_years.close_title', args)}
        content={translate('app.budget_years.close_content', args)}
        problem={
          problem && (
            <>
              {problem.message}
              {problem.detail && (
                <Typography variant="caption" component="div" sx={{ mt: 0.5, opacity: 0.8 }}>
                  {problem.detail}
                </Typography>
              )}
            </>
          )
        }
        pending={pending}
        confirmLabel="app.budget_years.close"
        icon={<LockIcon />}
        onClose={close}
        onConfirm={confirm}
      />
    </>
  );
};
