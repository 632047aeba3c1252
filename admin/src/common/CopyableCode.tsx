import CopyIcon from '@mui/icons-material/ContentCopy';
import { Box, IconButton, Tooltip, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';

/**
 * A value to type in or write down elsewhere (a secret, a checkpoint): shown in
 * monospace, selectable in one piece, with a copy button. `text` is what is
 * copied; `children` how it is shown, when that differs (grouped, say).
 */
export const CopyableCode = ({
  text,
  children,
  testId,
  copyLabel,
  copied,
  copyFailed,
  codeSx,
}: {
  text: string;
  children?: string;
  testId: string;
  /** translation keys */
  copyLabel: string;
  copied: string;
  copyFailed: string;
  /** the code's type size and spacing, where they differ */
  codeSx?: { fontSize?: string; letterSpacing?: string };
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const copy = async () => {
    try {
      // The clipboard API exists only on https and localhost; elsewhere the text is selected by hand.
      await navigator.clipboard.writeText(text);
      notify(copied, { type: 'info' });
    } catch {
      notify(copyFailed, { type: 'warning' });
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
        data-testid={testId}
        sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere', userSelect: 'all', ...codeSx }}
      >
        {children ?? text}
      </Typography>
      <Tooltip title={translate(copyLabel)}>
        <IconButton size="small" onClick={copy} aria-label={translate(copyLabel)}>
          <CopyIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    </Box>
  );
};
