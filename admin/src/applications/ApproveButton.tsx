import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { Alert, Box, Typography } from '@mui/material';
import type { FieldValues } from 'react-hook-form';
import {
  BooleanInput,
  TextInput,
  maxLength,
  required,
  useRecordContext,
  useTranslate,
  type Validator,
} from 'react-admin';
import { MoneyInput, minMoney } from '../common/MoneyInput';
import { useFormatMoney } from '../common/money';
import { noNationalId } from '../common/validators';
import type { Application, Finding } from '../types';
import { ActionDialogButton, type DialogState } from './ActionDialog';
import { useFindingMessage, useRuleName } from './FindingsList';
import { PersonName } from './PersonName';

/** Empty is allowed only when the second approver ticked that they confirm without words of their own. */
const ownWordsOrConfirmed =
  (key: string): Validator =>
  (value: unknown, values: FieldValues) =>
    (typeof value === 'string' && value.trim() !== '') || values.confirmWithoutOwn?.[key] === true
      ? undefined
      : 'app.actions.second_own_words';

const FirstJustification = ({ by, justification }: { by: string; justification?: string | null }) => {
  const translate = useTranslate();
  const [before, after] = translate('app.actions.first_justification', {
    name: '%NAME%',
    justification: justification ?? '–',
  }).split('%NAME%');
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>
      {before}
      <PersonName userId={by} />
      {after}
    </Typography>
  );
};

/** The warnings the approver must justify: those kept with the application and any the API answered with. */
const warnings = (record: Application, state?: DialogState): Finding[] => {
  const all = [...(record.findings ?? []), ...(state?.findings ?? [])].filter((f) => f.severity === 'warn');
  return all.filter((finding, index) => all.findIndex((f) => f.rule === finding.rule) === index);
};

// Override inputs are keyed by rule, so a warning the API adds later does not shift the others.
const overrideSource = (rule: string) => `overrides.${rule.replace(/[^a-z0-9_-]/gi, '_')}`;

const isSecondApproval = (record: Application) => record.status === 'awaiting_second_approval';

const notAboveRequested =
  (record: Application): Validator =>
  (value: unknown) =>
    typeof value === 'number' && value > record.amountRequested ? 'app.validation.above_requested' : undefined;

const defaultValues = (record: Application): FieldValues => ({
  // A second approval must be for the amount the first approver granted.
  amountApproved: isSecondApproval(record)
    ? (record.firstApprovedAmount ?? record.amountApproved ?? record.amountRequested)
    : record.amountRequested,
  reason: '',
  conditions: '',
  paymentInstructions: '',
  // Each approver writes their own words: the first approver's justification is shown, never pre-filled.
  overrides: Object.fromEntries(warnings(record).map((finding) => [overrideKey(finding.rule), ''])),
  confirmWithoutOwn: Object.fromEntries(warnings(record).map((finding) => [overrideKey(finding.rule), false])),
});

const overrideKey = (rule: string) => overrideSource(rule).slice('overrides.'.length);

/** What the first approver wrote for this rule, when this is the second approval. */
const firstJustification = (record: Application, rule: string) =>
  isSecondApproval(record)
    ? record.overrides?.find((o) => o.rule === rule && o.by === record.firstApprovedBy)
    : undefined;

const toBody = (values: FieldValues, record: Application, state: DialogState) => {
  const overrides = warnings(record, state)
    .map((finding) => ({
      rule: finding.rule,
      justification: ((values.overrides?.[overrideKey(finding.rule)] as string | undefined) ?? '').trim(),
    }))
    // a second approver who confirmed without words of their own sends none for that rule
    .filter((o) => o.justification !== '' || !firstJustification(record, o.rule));
  return {
    amountApproved: values.amountApproved as number,
    reason: values.reason as string,
    ...(values.conditions ? { conditions: values.conditions as string } : {}),
    ...(values.paymentInstructions ? { paymentInstructions: values.paymentInstructions as string } : {}),
    ...(overrides.length > 0 ? { overrides } : {}),
  };
};

const ApproveInputs = ({ state }: { state: DialogState }) => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  const format = useFormatMoney();
  const ruleName = useRuleName();
  const message = useFindingMessage();
  if (!record) return null;
  const second = isSecondApproval(record);
  const warns = warnings(record, state);
  return (
    <>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('app.actions.approve_requested', { amount: format(record.amountRequested) })}
      </Typography>
      {second && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate('app.actions.approve_second_hint')}
        </Alert>
      )}
      <MoneyInput
        source="amountApproved"
        label="resources.applications.fields.amountApproved"
        validate={[required(), minMoney(1), notAboveRequested(record)]}
        readOnly={second}
        helperText={second ? 'app.actions.approve_same_amount' : 'app.actions.approve_partly_hint'}
      />
      <TextInput
        source="reason"
        label="resources.applications.fields.decisionReason"
        multiline
        minRows={2}
        fullWidth
        validate={[required(), maxLength(5000), noNationalId]}
      />
      <TextInput
        source="conditions"
        label="resources.applications.fields.conditions"
        multiline
        minRows={2}
        fullWidth
        validate={[maxLength(5000), noNationalId]}
        helperText="app.actions.conditions_hint"
      />
      <TextInput
        source="paymentInstructions"
        label="resources.applications.fields.paymentInstructions"
        multiline
        fullWidth
        validate={[maxLength(500), noNationalId]}
        helperText="app.actions.payment_instructions_hint"
      />
      {warns.length > 0 && (
        <Box sx={{ mt: 2 }}>
          <Typography variant="subtitle2">{translate('app.actions.overrides_title')}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('app.actions.overrides_hint')}
          </Typography>
          {warns.map((finding) => {
            const first = firstJustification(record, finding.rule);
            return (
              <Box key={finding.rule} sx={{ mb: 1 }}>
                <Alert severity="warning" sx={{ py: 0 }}>
                  <strong>{ruleName(finding.rule)}</strong> — {message(finding)}
                </Alert>
                {first && <FirstJustification by={first.by} justification={first.justification} />}
                <TextInput
                  source={overrideSource(finding.rule)}
                  label={translate('app.actions.override_justification', { rule: ruleName(finding.rule) })}
                  multiline
                  fullWidth
                  validate={[
                    first ? ownWordsOrConfirmed(overrideKey(finding.rule)) : required(),
                    maxLength(2000),
                    noNationalId,
                  ]}
                />
                {first && (
                  <BooleanInput
                    source={`confirmWithoutOwn.${overrideKey(finding.rule)}`}
                    label="app.actions.confirm_without_own"
                    helperText={false}
                  />
                )}
              </Box>
            );
          })}
        </Box>
      )}
    </>
  );
};

/** Grants all or part of the amount; warnings need a written justification each. */
export const ApproveButton = () => {
  const record = useRecordContext<Application>();
  return (
    <ActionDialogButton
      action="approve"
      label={record?.status === 'awaiting_second_approval' ? 'app.actions.approve_second' : 'app.actions.approve'}
      title="app.actions.approve_title"
      confirm="app.actions.approve"
      success="app.actions.approved"
      icon={<CheckCircleIcon />}
      color="success"
      maxWidth="md"
      defaultValues={defaultValues}
      toBody={toBody}
      mapErrors={(errors) =>
        // The API names overrides by position (`overrides.0.justification`); the inputs are keyed by rule.
        Object.fromEntries(
          Object.entries(errors).map(([field, text]) => {
            const match = /^overrides\.(\d+)\.justification$/.exec(field);
            const finding = match && record ? warnings(record)[Number(match[1])] : undefined;
            return [finding ? overrideSource(finding.rule) : field, text];
          }),
        )
      }
    >
      {(state) => <ApproveInputs state={state} />}
    </ActionDialogButton>
  );
};
