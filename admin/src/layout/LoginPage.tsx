import { Box, Button, CardContent, CircularProgress, Link, Typography } from '@mui/material';
import { useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import {
  Form,
  Login,
  LocalesMenuButton,
  PasswordInput,
  TextInput,
  email,
  required,
  useLogin,
  useNotify,
  useTranslate,
} from 'react-admin';
import { RecoveryCodeInput, TotpCodeInput } from '../account/CodeInput';
import { normalizeRecoveryCode, normalizeTotpCode } from '../account/totp';
import { LoginError, TOTP_REQUIRED } from '../authProvider';
import { useDocumentLang } from '../i18n/useDocumentLang';

interface Credentials {
  email: string;
  password: string;
}

const WIDTH = 320;

const SubmitButton = ({ loading }: { loading: boolean }) => {
  const translate = useTranslate();
  return (
    <Button variant="contained" type="submit" color="primary" disabled={loading} fullWidth sx={{ mt: 2 }}>
      {loading ? <CircularProgress size={19} thickness={3} /> : translate('ra.auth.sign_in')}
    </Button>
  );
};

/**
 * Sign in with email and password, then, for an account with a second factor,
 * with the code of the authenticator app or a recovery code. Unlike react-admin's
 * stock form it shows the API's reason for a refusal, and a readable wait for 429.
 */
const LoginForm = () => {
  const [loading, setLoading] = useState(false);
  // Kept in memory between the two steps only: the code step sends them again with the code.
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [recovery, setRecovery] = useState(false);
  // A new key empties the code field after a refusal (a code is never worth correcting).
  const [attempt, setAttempt] = useState(0);
  const login = useLogin();
  const notify = useNotify();
  const translate = useTranslate();

  const refused = (error: unknown) => {
    const message = error instanceof Error && error.message ? error.message : 'ra.auth.sign_in_error';
    const args = error instanceof LoginError ? error.args : {};
    // `_` makes a plain API message show as is when it is not a translation key.
    notify(message, { type: 'error', messageArgs: { _: message, ...args } });
  };

  const signIn = async (values: FieldValues) => {
    const entered = { email: String(values.email).trim(), password: String(values.password) };
    setLoading(true);
    try {
      await login(entered);
    } catch (error) {
      if (error instanceof LoginError && error.code === TOTP_REQUIRED) {
        setCredentials(entered);
        setRecovery(false);
      } else {
        refused(error);
      }
    } finally {
      setLoading(false);
    }
  };

  const verify = async (values: FieldValues) => {
    if (!credentials) return;
    const typed = String(values.totp ?? '');
    setLoading(true);
    try {
      await login({ ...credentials, totp: recovery ? normalizeRecoveryCode(typed) : normalizeTotpCode(typed) });
    } catch (error) {
      refused(error);
      setAttempt((n) => n + 1);
    } finally {
      setLoading(false);
    }
  };

  if (credentials) {
    return (
      <Form
        key={`${recovery ? 'recovery' : 'code'}-${attempt}`}
        onSubmit={verify}
        mode="onSubmit"
        noValidate
        disableInvalidFormNotification
      >
        <CardContent sx={{ width: WIDTH, pb: 2, boxSizing: 'border-box' }}>
          <Typography variant="subtitle1" component="h2">
            {translate('app.auth.second_factor')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
            {translate('app.auth.signing_in_as', { email: credentials.email })}
          </Typography>
          <Typography variant="body2" sx={{ mt: 1.5 }}>
            {translate(recovery ? 'app.auth.recovery_prompt' : 'app.auth.code_prompt')}
          </Typography>
          {recovery ? (
            <RecoveryCodeInput
              autoFocus
              source="totp"
              label="app.auth.recovery_code"
              helperText="app.auth.recovery_code_hint"
            />
          ) : (
            <TotpCodeInput autoFocus source="totp" label="app.auth.code" helperText={false} />
          )}
          <SubmitButton loading={loading} />
          <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, mt: 2, flexWrap: 'wrap' }}>
            <Link component="button" type="button" variant="body2" onClick={() => setRecovery(!recovery)}>
              {translate(recovery ? 'app.auth.use_code' : 'app.auth.use_recovery')}
            </Link>
            <Link component="button" type="button" variant="body2" onClick={() => setCredentials(null)}>
              {translate('app.auth.other_account')}
            </Link>
          </Box>
        </CardContent>
      </Form>
    );
  }

  return (
    <Form onSubmit={signIn} mode="onChange" noValidate>
      <CardContent sx={{ width: WIDTH, pb: 2, boxSizing: 'border-box' }}>
        <TextInput
          autoFocus
          source="email"
          type="email"
          label="ra.auth.email"
          autoComplete="username"
          validate={[required(), email()]}
        />
        <PasswordInput
          source="password"
          label="ra.auth.password"
          autoComplete="current-password"
          validate={required()}
        />
        <SubmitButton loading={loading} />
      </CardContent>
    </Form>
  );
};

const Heading = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', width: WIDTH, px: 2, boxSizing: 'border-box' }}>
      <Typography variant="h5" component="h1">
        {translate('app.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('app.subtitle')}
      </Typography>
    </Box>
  );
};

export const LoginPage = () => {
  useDocumentLang();
  return (
    <Login>
      <Heading />
      <LoginForm />
      <Box sx={{ display: 'flex', justifyContent: 'center', pb: 2 }}>
        <LocalesMenuButton />
      </Box>
    </Login>
  );
};
