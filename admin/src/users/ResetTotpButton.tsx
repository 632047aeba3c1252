import ResetIcon from '@mui/icons-material/PhonelinkErase';
import { type SyntheticEvent, useState } from 'react';
import { Button, useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { ConfirmDialog } from '../common/ConfirmDialog';
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
      <ConfirmDialog
        open={open}
        title={translate('app.totp.reset_title', args)}
        content={translate('app.totp.reset_content', args)}
        warning={translate('app.totp.reset_check')}
        problem={problem}
        pending={pending}
        confirmLabel="app.totp.reset"
        icon={<ResetIcon />}
        onClose={close}
        onConfirm={confirm}
      />
    </span>
  );
};
