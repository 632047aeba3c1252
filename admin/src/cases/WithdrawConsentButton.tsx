import PersonOffIcon from '@mui/icons-material/PersonOff';
import { Alert, Dialog, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import {
  CheckboxGroupInput,
  Form,
  HttpError,
  useGetIdentity,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  required,
  useTranslate,
} from 'react-admin';
import { WorkflowButton, useDialogLayout } from '../applications/ActionDialog';
import { ReasonInput } from '../applications/ReasonInput';
import { DialogButtons } from '../common/ConfirmDialog';
import { partyChoices } from '../common/parties';
import { useExitPoolDataProvider } from '../dataProvider';
import { problemKey } from '../httpClient';
import type { Case, UnitParty } from '../types';

/**
 * The candidate withdraws consent, from some of the parties or all: those parties' workers lose
 * the case at once; the books stay. A worker who withdraws their own party's access leaves the case.
 */
export const WithdrawConsentButton = () => {
  const record = useRecordContext<Case>();
  const { identity } = useGetIdentity();
  const dataProvider = useExitPoolDataProvider();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const dialogLayout = useDialogLayout();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const covered = record?.consent?.parties ?? [];
  if (!record || record.purgedAt || !covered.length || identity?.role !== 'unit_worker') return null;

  const close = () => {
    if (saving) return;
    setOpen(false);
    setProblem(null);
  };

  const submit = async (values: FieldValues) => {
    const chosen = (values.parties ?? []) as UnitParty[];
    setSaving(true);
    setProblem(null);
    try {
      const { data } = await dataProvider.withdrawConsent(String(record.id), {
        // every party ticked: the whole consent, as the API has it without `parties`
        ...(chosen.length && chosen.length < covered.length && { parties: chosen }),
        reason: values.reason,
      });
      notify('app.cases.consent_withdrawn', { type: 'success', messageArgs: { reference: record.reference } });
      setOpen(false);
      if (data.accessParties.includes(identity.party as UnitParty)) refresh();
      else redirect('list', 'cases');
      return undefined;
    } catch (error) {
      const body = error instanceof HttpError ? (error.body as { errors?: Record<string, string> } | null) : null;
      if (body?.errors && Object.keys(body.errors).length > 0) return body.errors;
      const { key, fallback } = problemKey(error);
      setProblem(translate(key, { _: fallback }));
      return undefined;
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <WorkflowButton
        label="app.cases.withdraw_consent"
        icon={<PersonOffIcon />}
        color="warning"
        onClick={() => setOpen(true)}
      />
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" {...dialogLayout} aria-labelledby="withdraw-consent">
        <Form
          key={open ? 'open' : 'closed'}
          record={{}}
          defaultValues={{ parties: covered }}
          onSubmit={submit}
          noValidate
        >
          <DialogTitle id="withdraw-consent">
            {translate('app.cases.withdraw_consent_title', { reference: record.reference })}
          </DialogTitle>
          <DialogContent>
            <DialogContentText component="div" sx={{ mb: 2 }}>
              {translate('app.cases.withdraw_consent_description')}
            </DialogContentText>
            <CheckboxGroupInput
              source="parties"
              label="app.cases.withdraw_consent_parties"
              choices={partyChoices(covered)}
              validate={required()}
              row={false}
            />
            <ReasonInput source="reason" label="app.actions.reason" />
            {problem && (
              <Alert severity="error" sx={{ mt: 2 }}>
                {problem}
              </Alert>
            )}
          </DialogContent>
          <DialogButtons
            pending={saving}
            onCancel={close}
            cancelLabel="app.actions.keep_consent"
            confirmLabel="app.cases.withdraw_consent"
          />
        </Form>
      </Dialog>
    </>
  );
};
