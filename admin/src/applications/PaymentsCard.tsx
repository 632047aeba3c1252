import { Box, Card, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { DataTable, ReferenceManyField, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { CodeField } from '../common/CodeField';
import { IsoDateField } from '../common/IsoDateField';
import { toMinor, useFormatMoney } from '../common/money';
import { useRole } from '../common/useRole';
import { DisbursementAmountField } from '../disbursements/DisbursementAmountField';
import { PayeeField } from '../disbursements/payeeTypes';
import { RecordPaymentButton } from '../disbursements/RecordPaymentButton';
import type { Application } from '../types';
import { GRANT_STATUSES, PAYABLE_STATUSES, unpaidOf } from './grants';

const Figure = ({ label, children, strong = false }: { label: string; children: ReactNode; strong?: boolean }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography
        variant={strong ? 'subtitle1' : 'body2'}
        sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', fontWeight: strong ? 600 : undefined }}
      >
        {children}
      </Typography>
    </Box>
  );
};

const EmptyPayments = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary">
      {translate('app.disbursements.none')}
    </Typography>
  );
};

/**
 * A grant's money: approved, paid and still to pay, its payments and refunds,
 * and for finance the buttons that record them. The administrator sees the figures only.
 */
export const PaymentsCard = () => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  const format = useFormatMoney();
  const role = useRole();
  const { canAccess: canListPayments } = useCanAccess({ resource: 'disbursements', action: 'list' });
  if (!record || !GRANT_STATUSES.includes(record.status)) return null;
  const unpaid = unpaidOf(record);
  const open = PAYABLE_STATUSES.includes(record.status);
  return (
    <Card variant="outlined" data-testid="payments-card">
      <CardHeader
        title={translate('app.disbursements.card_title')}
        slotProps={{ title: { variant: 'subtitle1' } }}
        action={
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
            <RecordPaymentButton kind="payment" />
            <RecordPaymentButton kind="refund" />
          </Stack>
        }
      />
      <CardContent sx={{ pt: 0 }}>
        <Stack direction="row" sx={{ flexWrap: 'wrap', columnGap: 4, rowGap: 1, mb: 2 }}>
          <Figure label="resources.applications.fields.amountApproved">
            {format(toMinor(record.amountApproved) ?? 0n)}
          </Figure>
          <Figure label="resources.applications.fields.paidAmount">{format(toMinor(record.paidAmount) ?? 0n)}</Figure>
          <Figure label="resources.applications.fields.unpaidAmount" strong={open && unpaid > 0n}>
            {format(unpaid)}
          </Figure>
        </Stack>
        {role === 'contact_point' && open && unpaid > 0n && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('app.disbursements.year_end_hint')}
          </Typography>
        )}
        {canListPayments && (
          <ReferenceManyField
            reference="disbursements"
            target="applicationId"
            sort={{ field: 'paidOn', order: 'DESC' }}
            perPage={100}
            empty={<EmptyPayments />}
          >
            <DataTable
              bulkActionButtons={false}
              rowClick="show"
              sx={{ overflowX: 'auto', '& .MuiTableCell-root': { whiteSpace: 'nowrap' } }}
            >
              <DataTable.Col source="paidOn" field={IsoDateField} disableSort />
              <DataTable.Col source="amount" field={DisbursementAmountField} align="right" disableSort />
              <DataTable.Col source="payeeType" field={PayeeField} disableSort />
              <DataTable.Col source="accountCode" field={CodeField} disableSort />
              <DataTable.Col source="recordedByName" disableSort />
            </DataTable>
          </ReferenceManyField>
        )}
      </CardContent>
    </Card>
  );
};
