import ResetIcon from '@mui/icons-material/PhonelinkErase';
import {
  Alert,
  Button as MuiButton,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { type SyntheticEvent, useState } from 'react';
import { Button, useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useExitPoolDataProvider } from '../dataProvider';
import { problemMessage } from '../httpClient';
import type { User } from '../types';

// In a list row, a click here (or in the dialog, which React bubbles through) must not open the row.
const stop = (event: SyntheticEvent) => event.stopPropagation();

/**
 * The administrator's reset of a user's second factor, for a lost phone: after a
 * confirmation that says what it does (the app and the recovery codes stop
 * working, every session of the user ends). Shown only while it is on.
 */
export const ResetTotpButton = () => {
  const record = useRecordContext<User>();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'edit' });
  const dataProvider = useExitPoolDataProvider();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!record || !canAccess || !record.totpEnabled) return null;
  const args = { name: record.displayName };

  const close = () => {
    if (pending) return;
    setOpen(false);
    setProblem(null);
  };

  const confirm = async () => {
    setPending(true);
    setProblem(null);
    try {
      await dataProvider.resetTotp(String(record.id));
      notify('app.totp.reset_done', { type: 'success', messageArgs: args });
      setOpen(false);
      refresh();
    } catch (error) {
      const message = problemMessage(error);
      setProblem(translate(message, { _: message }));
    } finally {
      setPending(false);
    }
  };

  return (
    <span onClick={stop}>
      <Button label="app.totp.reset" onClick={() => setOpen(true)} color="warning">
        <ResetIcon />
      </Button>
      <Dialog open={open} onClose={close} maxWidth="sm" fullWidth aria-labelledby="reset-totp-title">
        <DialogTitle id="reset-totp-title">{translate('app.totp.reset_title', args)}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('app.totp.reset_content', args)}</DialogContentText>
          <Alert severity="warning" sx={{ mt: 2 }}>
            {translate('app.totp.reset_check')}
          </Alert>
          {problem && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {problem}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close} disabled={pending}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton
            onClick={confirm}
            variant="contained"
            color="warning"
            disabled={pending}
            startIcon={pending ? <CircularProgress size={16} color="inherit" /> : <ResetIcon />}
          >
            {translate('app.totp.reset')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </span>
  );
};
