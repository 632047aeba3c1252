import { Box, Card, CardContent, CardHeader, Stack, Typography, useMediaQuery, type Theme } from '@mui/material';
import type { ReactNode } from 'react';
import { DataTable, ReferenceManyField, SimpleList, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { CodeField } from '../common/CodeField';
import { IsoDateField } from '../common/IsoDateField';
import { toMinor, useFormatMoney } from '../common/money';
import { usePhone } from '../common/usePhone';
import { useRole } from '../common/useRole';
import { DisbursementAmountField } from '../disbursements/DisbursementAmountField';
import { PayeeField, PayeeTypeField } from '../disbursements/payeeTypes';
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

/** How the decision says the grant is to be paid; sent to finance and to those with need to know. */
const PaymentInstructions = ({ record }: { record: Application }) => {
  const translate = useTranslate();
  if (!record.paymentInstructions) return null;
  return (
    <Box sx={{ mb: 2, borderLeft: 3, borderColor: 'info.main', pl: 1.5 }} data-testid="payment-instructions">
      <Typography variant="caption" color="text.secondary" component="div">
        {translate('resources.applications.fields.paymentInstructions')}
      </Typography>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {record.paymentInstructions}
      </Typography>
    </Box>
  );
};

// Under the figures on a phone: no margin left behind where the user may record nothing.
const RecordButtons = ({ below = false }: { below?: boolean }) => (
  <Stack
    direction="row"
    spacing={1}
    useFlexGap
    sx={{ flexWrap: 'wrap', ...(below && { mb: 2, '&:empty': { display: 'none' } }) }}
  >
    <RecordPaymentButton kind="payment" />
    <RecordPaymentButton kind="refund" />
  </Stack>
);

/** On a phone: one line a payment, its amount first, then when and to whom. */
const PhonePayments = () => (
  <SimpleList
    primaryText={<DisbursementAmountField source="amount" />}
    secondaryText={
      <>
        <IsoDateField source="paidOn" /> · <PayeeTypeField source="payeeType" />
      </>
    }
    rowClick="show"
    sx={{ '& .MuiListItemButton-root, & .MuiListItem-root': { px: 0 } }}
  />
);

/**
 * A grant's money: approved, paid and still to pay, how to pay it, its payments and
 * refunds in the order they were paid, and for finance the buttons that record them.
 * The administrator sees the figures only.
 */
export const PaymentsCard = () => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  const format = useFormatMoney();
  const role = useRole();
  const { canAccess: canListPayments } = useCanAccess({ resource: 'disbursements', action: 'list' });
  // on a phone the table keeps what a payment is (date, amount, payee) so that it fits the card
  const narrow = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  // a phone has no room beside the title: the buttons go under the figures, with their words
  const phone = usePhone();
  if (!record || !GRANT_STATUSES.includes(record.status)) return null;
  const unpaid = unpaidOf(record);
  const open = PAYABLE_STATUSES.includes(record.status);
  return (
    <Card variant="outlined" data-testid="payments-card">
      <CardHeader
        title={translate('app.disbursements.card_title')}
        slotProps={{ title: { variant: 'subtitle1' } }}
        action={phone ? undefined : <RecordButtons />}
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
        {phone && <RecordButtons below />}
        <PaymentInstructions record={record} />
        {role === 'contact_point' && open && unpaid > 0n && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('app.disbursements.year_end_hint')}
          </Typography>
        )}
        {canListPayments && (
          <ReferenceManyField
            reference="disbursements"
            target="applicationId"
            sort={{ field: 'paidOn', order: 'ASC' }}
            perPage={100}
            empty={<EmptyPayments />}
          >
            {phone ? (
              <PhonePayments />
            ) : (
              <DataTable
                bulkActionButtons={false}
                rowClick="show"
                sx={{
                  width: '100%',
                  tableLayout: 'auto',
                  '& .MuiTableCell-root': { px: 1 },
                  '& .column-paidOn, & .column-amount': { whiteSpace: 'nowrap' },
                }}
              >
                <DataTable.Col source="paidOn" field={IsoDateField} disableSort />
                <DataTable.Col source="amount" field={DisbursementAmountField} align="right" disableSort />
                <DataTable.Col source="payeeType" field={PayeeField} disableSort />
                {!narrow && <DataTable.Col source="accountCode" field={CodeField} disableSort />}
                {!narrow && <DataTable.Col source="recordedByName" disableSort />}
              </DataTable>
            )}
          </ReferenceManyField>
        )}
      </CardContent>
    </Card>
  );
};
