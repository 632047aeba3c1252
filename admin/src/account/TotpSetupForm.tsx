import { Alert, Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import { type ReactNode, useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import { Form, HttpError, useTranslate } from 'react-admin';
import { useExitPoolDataProvider } from '../dataProvider';
import { problemMessage } from '../httpClient';
import type { TotpSetup } from '../types';
import { TotpCodeInput } from './CodeInput';
import { SecretKey } from './SecretKey';
import { normalizeTotpCode } from './totp';

const Step = ({ n, children }: { n: number; children: ReactNode }) => (
  <Typography variant="body2" component="div" sx={{ display: 'flex', gap: 1 }}>
    <Box component="span" sx={{ fontWeight: 600, minWidth: '1.2em' }}>
      {n}.
    </Box>
    <span>{children}</span>
  </Typography>
);

export interface TotpSetupFormProps {
  setup: TotpSetup;
  onConfirmed: (recoveryCodes: string[]) => void;
  onCancel: () => void;
  /** 409 on confirm: no pending setup any more (replaced in another tab, or expired) */
  onExpired: (message: string) => void;
}

/**
 * Enrolment: the QR code of the pending secret, the secret for typing in by hand,
 * and the first code of the app, which turns the second factor on.
 */
export const TotpSetupForm = ({ setup, onConfirmed, onCancel, onExpired }: TotpSetupFormProps) => {
  const dataProvider = useExitPoolDataProvider();
  const translate = useTranslate();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: FieldValues) => {
    setSaving(true);
    setProblem(null);
    try {
      const { data } = await dataProvider.totpConfirm(normalizeTotpCode(String(values.code)));
      onConfirmed(data.recoveryCodes);
      return undefined;
    } catch (error) {
      // A wrong code is said beside the field, in the user's language.
      if (error instanceof HttpError && error.status === 400) return { code: 'app.totp.code_refused' };
      const message = problemMessage(error);
      if (error instanceof HttpError && error.status === 409) {
        onExpired(message);
        return undefined;
      }
      setProblem(translate(message, { _: message }));
      return undefined;
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack spacing={2}>
      <Step n={1}>{translate('app.totp.step_install')}</Step>
      <Step n={2}>{translate('app.totp.step_scan')}</Step>
      <Box
        component="img"
        src={setup.qrCode}
        alt={translate('app.totp.qr_alt')}
        data-testid="totp-qr"
        sx={{
          width: 208,
          height: 208,
          p: 1,
          bgcolor: '#fff',
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          imageRendering: 'pixelated',
          alignSelf: { xs: 'center', sm: 'flex-start' },
          ml: { sm: 3 },
        }}
      />
      <Box sx={{ ml: { sm: 3 } }}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('app.totp.manual')}
        </Typography>
        <SecretKey secret={setup.secret} />
      </Box>
      <Step n={3}>{translate('app.totp.step_code')}</Step>
      {/* The field says what is wrong; no toast on top. */}
      <Form onSubmit={submit} record={{}} mode="onSubmit" noValidate disableInvalidFormNotification>
        <Box sx={{ ml: { sm: 3 }, maxWidth: 360 }}>
          <TotpCodeInput autoFocus source="code" label="app.totp.code" helperText={false} />
        </Box>
        {problem && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {problem}
          </Alert>
        )}
        <Box sx={{ display: 'flex', gap: 1, ml: { sm: 3 }, flexWrap: 'wrap' }}>
          <Button
            type="submit"
            variant="contained"
            disabled={saving}
            startIcon={saving ? <CircularProgress size={16} color="inherit" /> : undefined}
          >
            {translate('app.totp.turn_on')}
          </Button>
          <Button onClick={onCancel} disabled={saving}>
            {translate('ra.action.cancel')}
          </Button>
        </Box>
      </Form>
    </Stack>
  );
};
