import { Box, Button, CardContent, CircularProgress, Typography } from '@mui/material';
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
import { LoginError } from '../authProvider';
import { useDocumentLang } from '../i18n/useDocumentLang';

interface LoginValues {
  email: string;
  password: string;
}

/**
 * Sign in with email and password. Unlike react-admin's stock form it shows
 * the API's reason for a refusal, and a readable wait for 429.
 */
const LoginForm = () => {
  const [loading, setLoading] = useState(false);
  const login = useLogin();
  const notify = useNotify();
  const translate = useTranslate();

  const submit = async (values: LoginValues) => {
    setLoading(true);
    try {
      await login({ email: values.email.trim(), password: values.password });
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : 'ra.auth.sign_in_error';
      const args = error instanceof LoginError ? error.args : {};
      // `_` makes a plain API message show as is when it is not a translation key.
      notify(message, { type: 'error', messageArgs: { _: message, ...args } });
    } finally {
      setLoading(false);
    }
  };

  return (
    <Form onSubmit={(values: FieldValues) => submit(values as LoginValues)} mode="onChange" noValidate>
      <CardContent sx={{ width: 320, pb: 2 }}>
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
        <Button variant="contained" type="submit" color="primary" disabled={loading} fullWidth sx={{ mt: 2 }}>
          {loading ? <CircularProgress size={19} thickness={3} /> : translate('ra.auth.sign_in')}
        </Button>
      </CardContent>
    </Form>
  );
};

const Heading = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', width: 320, px: 2, boxSizing: 'border-box' }}>
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
