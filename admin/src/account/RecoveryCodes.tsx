import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, Checkbox, FormControlLabel, GlobalStyles, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetIdentity, useLocaleState, useTranslate } from 'react-admin';
import { saveBlob } from '../common/download';
import { intlLocale } from '../i18n';
import { recoveryCodesFileName, recoveryCodesText } from './totp';

const PRINT_ID = 'recovery-codes';

// Printing shows the codes alone: everything else on the page is hidden on paper.
const printStyles = (
  <GlobalStyles
    styles={{
      '.print-only': { display: 'none' },
      '@media print': {
        'body *': { visibility: 'hidden' },
        [`#${PRINT_ID}, #${PRINT_ID} *`]: { visibility: 'visible' },
        [`#${PRINT_ID}`]: { position: 'absolute', left: 0, top: 0, width: '100%', padding: '1cm' },
        '.print-only': { display: 'block' },
        '.no-print': { display: 'none !important' },
      },
    }}
  />
);

export interface RecoveryCodesProps {
  codes: string[];
  /** translation key of the button that leaves this view */
  doneLabel: string;
  onDone: () => void;
}

/**
 * The ten recovery codes right after enrolment: shown this once, with a download
 * (a text file made in the browser) and a print view of the codes alone. Leaving
 * needs a tick that they are saved.
 */
export const RecoveryCodes = ({ codes, doneLabel, onDone }: RecoveryCodesProps) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const [locale] = useLocaleState();
  const [saved, setSaved] = useState(false);
  const [now] = useState(() => new Date());
  const account = identity?.email ? String(identity.email) : '';
  const issued = translate('app.totp.codes_issued', {
    date: now.toLocaleString(intlLocale(locale), { dateStyle: 'long', timeStyle: 'short' }),
  });
  const instructions = [translate('app.totp.codes_use'), translate('app.totp.codes_keep')];

  const download = () => {
    const text = recoveryCodesText({
      title: translate('app.totp.codes_file_title'),
      account,
      issued,
      instructions,
      codes,
    });
    saveBlob(new Blob([text], { type: 'text/plain;charset=utf-8' }), recoveryCodesFileName(now));
  };

  return (
    <Box>
      {printStyles}
      <Alert severity="warning" className="no-print" sx={{ mb: 2 }}>
        <strong>{translate('app.totp.codes_once_title')}</strong> {translate('app.totp.codes_once')}
      </Alert>
      <Box id={PRINT_ID}>
        <Box className="print-only" sx={{ mb: 2 }}>
          <Typography variant="h6" component="p">
            {translate('app.totp.codes_file_title')}
          </Typography>
          <Typography variant="body2">{account}</Typography>
          <Typography variant="body2">{issued}</Typography>
          {instructions.map((line) => (
            <Typography key={line} variant="body2" sx={{ mt: 1 }}>
              {line}
            </Typography>
          ))}
        </Box>
        <Box
          component="ol"
          data-testid="recovery-codes"
          sx={{
            // Numbered down the first column, then the second, as one reads a printed list.
            display: 'grid',
            gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, max-content)' },
            gridTemplateRows: { sm: `repeat(${Math.ceil(codes.length / 2)}, auto)` },
            gridAutoFlow: { sm: 'column' },
            columnGap: 6,
            rowGap: 0.75,
            listStyle: 'none',
            m: 0,
            px: 2,
            py: 1.5,
            bgcolor: 'action.hover',
            borderRadius: 1,
            fontFamily: 'monospace',
            fontSize: '1.1rem',
            '@media print': { bgcolor: 'transparent', fontSize: '14pt' },
          }}
        >
          {codes.map((code, index) => (
            <Box component="li" key={code} sx={{ display: 'flex', gap: 1.5 }}>
              <Box component="span" aria-hidden sx={{ minWidth: '3ch', textAlign: 'right', color: 'text.secondary' }}>
                {index + 1}.
              </Box>
              <code>{code}</code>
            </Box>
          ))}
        </Box>
      </Box>
      <Box className="no-print" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 2 }}>
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={download}>
          {translate('app.totp.download')}
        </Button>
        <Button variant="outlined" startIcon={<PrintIcon />} onClick={() => window.print()}>
          {translate('app.totp.print')}
        </Button>
      </Box>
      <Box className="no-print" sx={{ mt: 2 }}>
        <FormControlLabel
          control={<Checkbox checked={saved} onChange={(event) => setSaved(event.target.checked)} />}
          label={translate('app.totp.saved_check')}
        />
        <Box>
          <Button variant="contained" disabled={!saved} onClick={onDone} sx={{ mt: 1 }}>
            {translate(doneLabel)}
          </Button>
        </Box>
      </Box>
    </Box>
  );
};
