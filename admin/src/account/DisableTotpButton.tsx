import OffIcon from '@mui/icons-material/LockOpen';
import { Alert, Button, Dialog, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import { Form, HttpError, PasswordInput, required, useNotify, useTranslate } from 'react-admin';
import { DialogButtons } from '../common/ConfirmDialog';
import { useProblemText } from '../common/useProblemText';
import { useExitPoolDataProvider } from '../dataProvider';
import { TotpCodeInput } from './CodeInput';
import { normalizeTotpCode } from './totp';

// The API's field errors, said in the user's language; any other field keeps the API's words.
const FIELD_MESSAGES: Record<string, string> = {
  password: 'app.totp.wrong_password',
  code: 'app.totp.code_refused',
};

const fieldErrors = (error: unknown): Record<string, string> | undefined => {
  if (!(error instanceof HttpError) || error.status !== 400) return undefined;
  const errors = (error.body as { errors?: Record<string, string> } | null)?.errors;
  if (!errors || Object.keys(errors).length === 0) return undefined;
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [field, FIELD_MESSAGES[field] ?? message]),
  );
};

/** Turns the second factor off with the password and a current code of the app (not a recovery code). */
export const DisableTotpButton = ({ required: requiredForRole, onDone }: { required: boolean; onDone: () => void }) => {
  const dataProvider = useExitPoolDataProvider();
  const translate = useTranslate();
  const notify = useNotify();
  const problemText = useProblemText();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const close = () => {
    if (saving) return;
    setOpen(false);
    setProblem(null);
  };

  const submit = async (values: FieldValues) => {
    setSaving(true);
    setProblem(null);
    try {
      await dataProvider.totpDisable({
        password: String(values.password),
        code: normalizeTotpCode(String(values.code)),
      });
      notify('app.totp.turned_off', { type: 'success' });
      setOpen(false);
      onDone();
      return undefined;
    } catch (error) {
      const errors = fieldErrors(error);
      if (errors) return errors;
      setProblem(problemText(error));
      // 409: it was turned off meanwhile (another tab, an administrator's reset).
      if (error instanceof HttpError && error.status === 409) onDone();
      return undefined;
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button variant="outlined" color="warning" startIcon={<OffIcon />} onClick={() => setOpen(true)}>
        {translate('app.totp.turn_off')}
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="xs" aria-labelledby="totp-off-title">
        <Form
          key={open ? 'open' : 'closed'}
          record={{}}
          onSubmit={submit}
          mode="onSubmit"
          noValidate
          disableInvalidFormNotification
        >
          <DialogTitle id="totp-off-title">{translate('app.totp.turn_off_title')}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{translate('app.totp.turn_off_content')}</DialogContentText>
            {requiredForRole && (
              <Alert severity="warning" sx={{ mb: 2 }}>
                {translate('app.totp.turn_off_required')}
              </Alert>
            )}
            <PasswordInput
              source="password"
              label="ra.auth.password"
              autoComplete="current-password"
              validate={required()}
              autoFocus
            />
            <TotpCodeInput source="code" label="app.totp.code" helperText={false} />
            {problem && <Alert severity="error">{problem}</Alert>}
          </DialogContent>
          <DialogButtons pending={saving} onCancel={close} confirmLabel="app.totp.turn_off" icon={<OffIcon />} />
        </Form>
      </Dialog>
    </>
  );
};
