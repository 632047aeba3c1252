import ResetIcon from '@mui/icons-material/PhonelinkErase';
import type { SyntheticEvent } from 'react';
import { useNotify, useRecordContext, useTranslate } from 'react-admin';
import { canAccess as mayAccess } from '../access';
import { useRole } from '../common/useRole';
import { ConfirmActionButton } from '../common/ConfirmDialog';
import { useExitPoolDataProvider } from '../dataProvider';
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
  // the access table read directly: an access query of its own in the edit page's toolbar kept
  // that page loading for ever when opened straight from its address
  const canAccess = mayAccess(useRole(), 'users', 'edit');
  const dataProvider = useExitPoolDataProvider();
  const translate = useTranslate();
  const notify = useNotify();
  if (!record || !canAccess || !record.totpEnabled) return null;
  const args = { name: record.displayName };

  return (
    <span onClick={stop}>
      <ConfirmActionButton
        label="app.totp.reset"
        icon={<ResetIcon />}
        title={translate('app.totp.reset_title', args)}
        content={translate('app.totp.reset_content', args)}
        warning={translate('app.totp.reset_check')}
        run={async () => {
          await dataProvider.resetTotp(String(record.id));
          notify('app.totp.reset_done', { type: 'success', messageArgs: args });
        }}
      />
    </span>
  );
};
