import PhoneIcon from '@mui/icons-material/PhonelinkLock';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  CircularProgress,
  LinearProgress,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { HttpError, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { useProblemText } from '../common/useProblemText';
import { useExitPoolDataProvider } from '../dataProvider';
import { session } from '../session';
import type { TotpSetup, TotpStatus } from '../types';
import { DisableTotpButton } from './DisableTotpButton';
import { RecoveryCodes } from './RecoveryCodes';
import { TotpSetupForm } from './TotpSetupForm';
import { useEnrolmentRequired } from './useEnrolmentRequired';
import { TOTP_STATUS_KEY, useTotpStatus } from './useTotpStatus';

// Below this many recovery codes left the page suggests making new ones.
const FEW_CODES = 3;

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, py: 0.75, borderBottom: 1, borderColor: 'divider' }}>
    <Typography variant="body2" color="text.secondary" sx={{ flex: '0 0 45%', maxWidth: 240 }}>
      {label}
    </Typography>
    <Box sx={{ typography: 'body2' }}>{children}</Box>
  </Box>
);

const StatusRows = ({ status }: { status: TotpStatus }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 2 }} data-testid="totp-status">
      <Row label={translate('app.totp.status')}>
        <Chip
          size="small"
          color={status.enabled ? 'success' : 'default'}
          label={translate(status.enabled ? 'app.totp.on' : 'app.totp.off')}
        />
      </Row>
      <Row label={translate('app.totp.required')}>
        {translate(status.required ? 'ra.boolean.true' : 'ra.boolean.false')}
      </Row>
      {status.enabled && <Row label={translate('app.totp.codes_left')}>{status.recoveryCodesLeft}</Row>}
    </Box>
  );
};

/**
 * The second factor on the account page: its status, enrolment (QR code, key,
 * first code), the recovery codes shown once, and turning it off.
 */
export const SecondFactorCard = () => {
  const dataProvider = useExitPoolDataProvider();
  const queryClient = useQueryClient();
  const translate = useTranslate();
  const notify = useNotify();
  const problemText = useProblemText();
  const navigate = useNavigate();
  const gated = useEnrolmentRequired();
  const { data: status, isPending, error } = useTotpStatus();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  // Sent here by the enrolment gate: once the codes are saved, on to the dashboard.
  const [wasGated, setWasGated] = useState(false);
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const reload = () => queryClient.invalidateQueries({ queryKey: TOTP_STATUS_KEY });

  const start = async () => {
    setStarting(true);
    setProblem(null);
    try {
      setSetup((await dataProvider.totpSetup()).data);
    } catch (failure) {
      setProblem(problemText(failure));
      // 409: it is on already (turned on in another tab).
      if (failure instanceof HttpError && failure.status === 409) void reload();
    } finally {
      setStarting(false);
    }
  };

  const confirmed = (recoveryCodes: string[]) => {
    setWasGated(session.isEnrolmentRequired());
    session.setEnrolmentRequired(false);
    setSetup(null);
    setCodes(recoveryCodes);
    notify('app.totp.turned_on', { type: 'success' });
    void reload();
  };

  const done = () => {
    setCodes(null);
    if (wasGated) navigate('/');
  };

  let content: ReactNode;
  if (codes) {
    content = (
      <RecoveryCodes codes={codes} doneLabel={wasGated ? 'app.totp.continue' : 'app.totp.done'} onDone={done} />
    );
  } else if (setup) {
    content = (
      <TotpSetupForm
        setup={setup}
        onConfirmed={confirmed}
        onCancel={() => setSetup(null)}
        onExpired={(message) => {
          setSetup(null);
          setProblem(translate('app.totp.setup_expired', { message }));
        }}
      />
    );
  } else if (isPending) {
    content = <LinearProgress />;
  } else if (error || !status) {
    content = <Alert severity="error">{translate('app.totp.load_failed')}</Alert>;
  } else {
    content = (
      <>
        <StatusRows status={status} />
        {status.enabled ? (
          <>
            {status.recoveryCodesLeft <= FEW_CODES && (
              <Alert severity="warning" sx={{ mb: 2 }}>
                {translate('app.totp.few_left', { smart_count: status.recoveryCodesLeft })}
              </Alert>
            )}
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {translate('app.totp.lost_phone')}
            </Typography>
            <DisableTotpButton required={status.required} onDone={() => void reload()} />
          </>
        ) : (
          <>
            <Typography variant="body2" sx={{ mb: 2 }}>
              {translate('app.totp.intro')}
            </Typography>
            <Button
              variant="contained"
              onClick={start}
              disabled={starting}
              startIcon={starting ? <CircularProgress size={16} color="inherit" /> : <PhoneIcon />}
            >
              {translate('app.totp.set_up')}
            </Button>
          </>
        )}
      </>
    );
  }

  return (
    <Card variant="outlined">
      <CardHeader
        title={translate(codes ? 'app.totp.codes_title' : setup ? 'app.totp.setup_title' : 'app.totp.title')}
        subheader={codes || setup ? undefined : translate('app.totp.subheader')}
        slotProps={{
          title: { variant: 'subtitle1', component: 'h2', fontWeight: 600 },
          subheader: { variant: 'body2' },
        }}
        sx={{ pb: 0.5 }}
      />
      <CardContent sx={{ pt: 1 }}>
        {gated && !codes && (
          <Alert severity="info" sx={{ mb: 2 }} data-testid="enrolment-required">
            {translate('app.totp.enrolment_required_page')}
          </Alert>
        )}
        {problem && (
          <Alert severity="error" sx={{ mb: 2 }} onClose={() => setProblem(null)}>
            {problem}
          </Alert>
        )}
        {content}
      </CardContent>
    </Card>
  );
};
