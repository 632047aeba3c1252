import CopyIcon from '@mui/icons-material/ContentCopy';
import { Box, IconButton, Tooltip, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { groupSecret } from './totp';

/** The secret for typing into the app by hand: in groups of four, selectable at once, and copyable. */
export const SecretKey = ({ secret }: { secret: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const copy = async () => {
    try {
      // The clipboard API exists only on https and localhost; elsewhere the key is selected by hand.
      await navigator.clipboard.writeText(secret);
      notify('app.totp.copied', { type: 'info' });
    } catch {
      notify('app.totp.copy_failed', { type: 'warning' });
    }
  };
  return (
    <Box
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 1,
        bgcolor: 'action.hover',
        borderRadius: 1,
        px: 1.5,
        py: 1,
        maxWidth: 'fit-content',
      }}
    >
      <Typography
        component="code"
        data-testid="totp-secret"
        sx={{ fontFamily: 'monospace', fontSize: '1.05rem', letterSpacing: '0.05em', userSelect: 'all' }}
      >
        {groupSecret(secret)}
      </Typography>
      <Tooltip title={translate('app.totp.copy')}>
        <IconButton size="small" onClick={copy} aria-label={translate('app.totp.copy')}>
          <CopyIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    </Box>
  );
};
