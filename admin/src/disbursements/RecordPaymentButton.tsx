import PaymentIcon from '@mui/icons-material/Payments';
import RefundIcon from '@mui/icons-material/Undo';
import { Alert, Box, Dialog, DialogContent, DialogContentText, DialogTitle, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useFormContext, type FieldValues } from 'react-hook-form';
import {
  DateInput,
  Form,
  HttpError,
  SelectInput,
  TextInput,
  maxLength,
  regex,
  required,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  type Validator,
} from 'react-admin';
import { DialogButtons } from '../common/ConfirmDialog';
import { MoneyInput, minMoney } from '../common/MoneyInput';
import { minorToJson, toMinor, useFormatMoney } from '../common/money';
import { useProblemText } from '../common/useProblemText';
import { noNationalId } from '../common/validators';
import { useDialogLayout, WorkflowButton } from '../applications/ActionDialog';
import { GRANT_STATUSES, PAYABLE_STATUSES, unpaidOf } from '../applications/grants';
import { useExitPoolDataProvider } from '../dataProvider';
import type { Application, DisbursementInput } from '../types';
import { payeeTypeChoices } from './payeeTypes';

export type PaymentKind = 'payment' | 'refund';

// The finance system's account codes, as the API takes them.
const ACCOUNT_CODE = /^[A-Za-z0-9._-]{1,40}$/;

/** Today in the user's time zone, as the API's `YYYY-MM-DD`. */
const today = (): string => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/** A random UUID v4; crypto.randomUUID exists only on HTTPS and localhost, getRandomValues everywhere. */
export const newIdempotencyKey = (): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** Whether this kind of posting can be made on the grant now (the API decides in the end). */
export const canRecord = (kind: PaymentKind, record: Application): boolean =>
  kind === 'payment'
    ? PAYABLE_STATUSES.includes(record.status) && unpaidOf(record) > 0n
    : GRANT_STATUSES.includes(record.status) && (toMinor(record.paidAmount) ?? 0n) > 0n;

const atMost =
  (limit: bigint, message: string, format: (minor: bigint) => string): Validator =>
  (value: unknown) => {
    const minor = toMinor(value);
    return minor !== null && minor > limit ? { message, args: { amount: format(limit) } } : undefined;
  };

const notInFuture: Validator = (value: unknown) =>
  typeof value === 'string' && value > today() ? 'app.validation.not_in_future' : undefined;

const errorCode = (error: HttpError): string | undefined => {
  const code = (error.body as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** Checks a field again when `when` changes: the limit of the amount moves when the grant is refreshed. */
const Revalidate = ({ field, when }: { field: string; when: string }) => {
  const { trigger, getValues } = useFormContext();
  useEffect(() => {
    if (getValues(field) != null) void trigger(field);
  }, [field, when, trigger, getValues]);
  return null;
};

/** Only what the user filled in; the refund typed as a positive amount goes out negative. */
const toInput = (values: FieldValues, record: Application, kind: PaymentKind): DisbursementInput | undefined => {
  const typed = toMinor(values.amount);
  if (typed === null) return undefined;
  const amount = minorToJson(kind === 'refund' ? -typed : typed);
  if (amount === undefined) return undefined;
  const text = (key: string) => {
    const value: unknown = values[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  return {
    applicationId: String(record.id),
    amount,
    paidOn: values.paidOn as string,
    ...(values.payeeType ? { payeeType: values.payeeType as DisbursementInput['payeeType'] } : {}),
    ...(text('payeeReference') ? { payeeReference: text('payeeReference') } : {}),
    ...(text('accountCode') ? { accountCode: text('accountCode') } : {}),
  };
};

/**
 * Records a payment out of the grant, or a refund into it (finance only). Each
 * opening of the dialog makes a fresh idempotency key; a retry of the same
 * submission after the answer was lost reuses it, so the payment is recorded
 * once. A refusal (409 over-payment, 403 the approver paying) stays in the dialog.
 */
export const RecordPaymentButton = ({ kind }: { kind: PaymentKind }) => {
  const record = useRecordContext<Application>();
  const { canAccess } = useCanAccess({ resource: 'disbursements', action: 'create' });
  const dataProvider = useExitPoolDataProvider();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const format = useFormatMoney();
  const dialogLayout = useDialogLayout();
  const problemText = useProblemText();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  // A conflict is worded with the grant's figures as they are now (the page refreshes after a 409).
  const [problem, setProblem] = useState<{ message: string; code?: string } | null>(null);
  const [defaults, setDefaults] = useState<FieldValues>({});
  // One key per dialog: a retry after a lost answer sends the same key, so the payment is recorded once.
  const idempotencyKey = useRef('');

  if (!record || !canAccess || !canRecord(kind, record)) return null;
  const unpaid = unpaidOf(record);
  const paid = toMinor(record.paidAmount) ?? 0n;
  const limit = kind === 'payment' ? unpaid : paid;
  const refund = kind === 'refund';
  const args = { reference: record.reference };

  const openDialog = () => {
    idempotencyKey.current = newIdempotencyKey();
    // Fixed while the dialog is open: a refresh of the grant (after a 409) must not wipe what was typed.
    setDefaults({
      amount: refund ? null : minorToJson(unpaid),
      paidOn: today(),
      payeeType: refund ? 'other' : 'clinic',
      payeeReference: '',
      accountCode: '',
    });
    setProblem(null);
    setOpen(true);
  };
  const close = () => {
    if (saving) return;
    setOpen(false);
    setProblem(null);
  };

  const submit = async (values: FieldValues) => {
    const input = toInput(values, record, kind);
    if (!input) return { amount: 'app.validation.money' };
    setSaving(true);
    setProblem(null);
    try {
      await dataProvider.recordDisbursement(input, idempotencyKey.current);
      notify(refund ? 'app.disbursements.refund_recorded' : 'app.disbursements.payment_recorded', {
        type: 'success',
        messageArgs: { ...args, amount: format(toMinor(values.amount) ?? 0n) },
      });
      setOpen(false);
      refresh();
      return undefined;
    } catch (error) {
      const answered = error instanceof HttpError && error.status < 500;
      // The API answered and refused: nothing was recorded, so the next try is a new request.
      // No answer (or a server error): the payment may have been recorded; keep the key for a retry.
      if (answered) idempotencyKey.current = newIdempotencyKey();
      const body = error instanceof HttpError ? (error.body as { errors?: Record<string, string> } | null) : null;
      if (error instanceof HttpError && error.status === 400 && body?.errors && Object.keys(body.errors).length > 0) {
        return body.errors;
      }
      setProblem(
        !answered
          ? { message: translate('app.disbursements.retry_safe') }
          : { message: problemText(error), code: errorCode(error) },
      );
      // A 409 may mean the grant moved on meanwhile (paid elsewhere, cancelled): show it as it is now.
      if (error instanceof HttpError && error.status === 409) refresh();
      return undefined;
    } finally {
      setSaving(false);
    }
  };

  // The API's refusals by code, in the user's language; the API's own words stay below as detail.
  const explain = (code: string, message: string) =>
    code === 'DISBURSEMENT_OVER_PAYMENT' || code === 'DISBURSEMENT_OVER_REFUND'
      ? translate(refund ? 'app.disbursements.refund_conflict' : 'app.disbursements.payment_conflict', {
          amount: format(limit),
        })
      : translate(`app.disbursements.errors.${code}`, { _: message });

  const amountValidators = [
    required(),
    minMoney(1),
    atMost(limit, refund ? 'app.validation.refund_above_paid' : 'app.validation.payment_above_unpaid', format),
  ];

  return (
    <>
      <WorkflowButton
        label={refund ? 'app.disbursements.record_refund' : 'app.disbursements.record_payment'}
        icon={refund ? <RefundIcon /> : <PaymentIcon />}
        color={refund ? 'warning' : 'primary'}
        onClick={openDialog}
      />
      <Dialog
        open={open}
        onClose={close}
        fullWidth
        maxWidth="sm"
        {...dialogLayout}
        aria-labelledby={`${kind}-dialog-title`}
      >
        <Form
          key={open ? 'open' : 'closed'}
          record={{}}
          defaultValues={defaults}
          onSubmit={submit}
          noValidate
          mode="onBlur"
          reValidateMode="onChange"
        >
          <DialogTitle id={`${kind}-dialog-title`}>
            {translate(refund ? 'app.disbursements.refund_title' : 'app.disbursements.payment_title', args)}
          </DialogTitle>
          <DialogContent>
            <DialogContentText component="div" sx={{ mb: 2 }}>
              {refund
                ? translate('app.disbursements.refund_description', { amount: format(paid) })
                : translate('app.disbursements.payment_description', {
                    approved: format(toMinor(record.amountApproved) ?? 0n),
                    paid: format(paid),
                    unpaid: format(unpaid),
                  })}
            </DialogContentText>
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}>
              <MoneyInput
                source="amount"
                label={refund ? 'app.disbursements.refund_amount' : 'resources.disbursements.fields.amount'}
                validate={amountValidators}
                helperText={refund ? 'app.disbursements.refund_amount_hint' : false}
                autoFocus
                fullWidth
              />
              <DateInput
                source="paidOn"
                label={refund ? 'app.disbursements.refunded_on' : 'resources.disbursements.fields.paidOn'}
                validate={[required(), notInFuture]}
                fullWidth
              />
              <SelectInput
                source="payeeType"
                label={refund ? 'app.disbursements.refunded_by' : 'resources.disbursements.fields.payeeType'}
                choices={payeeTypeChoices}
                validate={required()}
                fullWidth
              />
              <TextInput
                source="payeeReference"
                label="resources.disbursements.fields.payeeReference"
                helperText="app.disbursements.payee_reference_hint"
                validate={[maxLength(100), noNationalId]}
                fullWidth
              />
              <TextInput
                source="accountCode"
                label="resources.disbursements.fields.accountCode"
                helperText="app.disbursements.account_code_hint"
                validate={[maxLength(40), regex(ACCOUNT_CODE, 'app.validation.account_code')]}
                fullWidth
              />
            </Box>
            <Revalidate field="amount" when={String(limit)} />
            {problem && (
              <Alert severity="error" sx={{ mt: 1 }} data-testid="payment-problem">
                {problem.code ? explain(problem.code, problem.message) : problem.message}
                {problem.code && (
                  <Typography variant="caption" component="div" sx={{ mt: 0.5, opacity: 0.8 }}>
                    {problem.message}
                  </Typography>
                )}
              </Alert>
            )}
          </DialogContent>
          <DialogButtons
            pending={saving}
            onCancel={close}
            confirmLabel={refund ? 'app.disbursements.record_refund' : 'app.disbursements.record_payment'}
            color={refund ? 'warning' : 'primary'}
          />
        </Form>
      </Dialog>
    </>
  );
};
