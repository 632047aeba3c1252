import LockIcon from '@mui/icons-material/LockOutlined';
import { Typography } from '@mui/material';
import { HttpError, useCanAccess, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { ConfirmActionButton } from '../common/ConfirmDialog';
import { toMinor, useFormatMoney } from '../common/money';
import { useProblemText } from '../common/useProblemText';
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
  const format = useFormatMoney();
  const problemText = useProblemText();
  if (!record || !canAccess || record.status !== 'open') return null;
  const args = { year: record.year };

  // 409: grants of the year still hold unpaid money. Said in the user's language
  // with the amount as the page shows it, the API's own words below.
  const explain = (error: unknown) =>
    error instanceof HttpError && error.status === 409 ? (
      <>
        {translate('app.budget_years.close_refused', { amount: format(toMinor(record.committed) ?? 0n) })}
        <Typography variant="caption" component="div" sx={{ mt: 0.5, opacity: 0.8 }}>
          {problemMessage(error)}
        </Typography>
      </>
    ) : (
      problemText(error)
    );

  return (
    <ConfirmActionButton
      label="app.budget_years.close"
      icon={<LockIcon />}
      title={translate('app.budget_years.close_title', args)}
      content={translate('app.budget_years.close_content', args)}
      run={async () => {
        await dataProvider.closeBudgetYear(String(record.id));
        notify('app.budget_years.closed', { type: 'success', messageArgs: args });
      }}
      explain={explain}
    />
  );
};
