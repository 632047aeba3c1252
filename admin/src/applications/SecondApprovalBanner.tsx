import { Alert, AlertTitle } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { intlLocale } from '../i18n';
import { useFormatMoney } from '../common/money';
import type { Application } from '../types';
import { PersonName } from './PersonName';

/** "Awaiting second approval — first approved by X on date for amount": four eyes on large grants. */
export const SecondApprovalBanner = () => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  const format = useFormatMoney();
  const [locale] = useLocaleState();
  if (record?.status !== 'awaiting_second_approval') return null;
  const date = record.firstApprovedAt
    ? new Date(record.firstApprovedAt).toLocaleDateString(intlLocale(locale), { dateStyle: 'medium' })
    : '–';
  const first = record.firstApprovedAmount ?? record.amountApproved;
  const amount = first == null ? '–' : format(first);
  const [before, after] = translate('app.second_approval.first_approved', { name: '%NAME%', date, amount }).split(
    '%NAME%',
  );
  return (
    <Alert severity="warning" variant="filled" sx={{ mb: 2 }} data-testid="second-approval">
      <AlertTitle>{translate('app.second_approval.title')}</AlertTitle>
      {before}
      <strong>
        <PersonName userId={record.firstApprovedBy} />
      </strong>
      {/* "… 30.000,00 kr." already ends the sentence */}
      {after}
      {after.endsWith('.') ? ' ' : '. '}
      {translate('app.second_approval.different_approver')}
    </Alert>
  );
};
