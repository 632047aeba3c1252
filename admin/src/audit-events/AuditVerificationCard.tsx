import type { AuditChainBreak, AuditVerification } from '@app/contract';
import RefreshIcon from '@mui/icons-material/Refresh';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useLocale, useTranslate } from 'react-admin';
import { CopyableCode } from '../common/CopyableCode';
import { useExitPoolDataProvider } from '../dataProvider';
import { problemMessage } from '../httpClient';
import { intlLocale } from '../i18n';

const CHECKPOINT = /^[1-9][0-9]{0,15}:[0-9a-fA-F]{64}$/;

/**
 * The integrity of the audit trail: the API recomputes the whole hash chain. Whole: the number
 * of events and the head hash, the checkpoint to write down elsewhere. Broken: the first broken
 * link. A checkpoint written down earlier can be checked against the chain.
 */
export const AuditVerificationCard = () => {
  const dataProvider = useExitPoolDataProvider();
  const translate = useTranslate();
  const [checkpoint, setCheckpoint] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ['audit-events', 'verify', checkpoint],
    queryFn: async () => (await dataProvider.verifyAuditTrail(checkpoint ?? undefined)).data,
    // a full pass over the chain: not again on every focus of the window
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
    retry: false,
  });
  return (
    <Card variant="outlined" sx={{ mt: 2 }} data-testid="audit-verification">
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1, mb: 1 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {translate('app.audit.verify.title')}
          </Typography>
          <Button
            size="small"
            startIcon={<RefreshIcon />}
            onClick={() => void query.refetch()}
            disabled={query.isFetching}
          >
            {translate('app.audit.verify.again')}
          </Button>
        </Stack>
        {query.isFetching && <LinearProgress sx={{ mb: 1 }} aria-label={translate('app.audit.verify.checking')} />}
        {query.error && <Alert severity="warning">{translate(problemMessage(query.error))}</Alert>}
        {query.data && <Result result={query.data} checkpoint={checkpoint} />}
        <CheckpointForm checkpoint={checkpoint} onCheck={setCheckpoint} />
      </CardContent>
    </Card>
  );
};

const Result = ({ result, checkpoint }: { result: AuditVerification; checkpoint: string | null }) => {
  const translate = useTranslate();
  const number = useNumber();
  if (!result.ok) {
    return (
      <Alert severity="error" data-testid="audit-broken">
        <AlertTitle>{translate('app.audit.verify.broken', { seq: number(result.brokenAt.seq) })}</AlertTitle>
        <Typography variant="body2">{problemText(translate, number, result.brokenAt)}</Typography>
        {result.brokenAt.id && (
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            {translate('app.audit.verify.event_id')}{' '}
            <Box component="code" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
              {result.brokenAt.id}
            </Box>
          </Typography>
        )}
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {translate('app.audit.verify.before_whole', {
            smart_count: result.events,
            events: number(result.events),
            seq: number(result.brokenAt.seq),
          })}
        </Typography>
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {translate('app.audit.verify.broken_what_now')}
        </Typography>
      </Alert>
    );
  }
  return (
    <Stack spacing={1.5}>
      <Alert severity="success" data-testid="audit-whole">
        <AlertTitle>
          {translate('app.audit.verify.whole', { smart_count: result.events, events: number(result.events) })}
        </AlertTitle>
        {checkpoint
          ? translate('app.audit.verify.checkpoint_matches', { seq: number(Number(checkpoint.split(':')[0])) })
          : translate('app.audit.verify.whole_detail')}
      </Alert>
      {result.head && <Checkpoint events={result.events} head={result.head} />}
    </Stack>
  );
};

/** The head to write down or send elsewhere: `<events>:<head>`, copyable in one piece. */
const Checkpoint = ({ events, head }: { events: number; head: string }) => {
  const translate = useTranslate();
  const number = useNumber();
  const text = `${events}:${head}`;
  return (
    <Box data-testid="audit-checkpoint">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
        {translate('app.audit.verify.checkpoint_label', { events: number(events) })}
      </Typography>
      <CopyableCode
        text={text}
        testId="audit-head"
        copyLabel="app.audit.verify.copy"
        copied="app.audit.verify.copied"
        copyFailed="app.audit.verify.copy_failed"
        codeSx={{ fontSize: '0.9rem' }}
      />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {translate('app.audit.verify.checkpoint_why')}
      </Typography>
      <Typography
        component="code"
        variant="body2"
        sx={{ display: 'block', fontFamily: 'monospace', overflowWrap: 'anywhere', mt: 0.5 }}
      >
        npm run check:audit -- --checkpoint {text}
      </Typography>
    </Box>
  );
};

/** Checks the chain against a checkpoint written down earlier. */
const CheckpointForm = ({
  checkpoint,
  onCheck,
}: {
  checkpoint: string | null;
  onCheck: (c: string | null) => void;
}) => {
  const translate = useTranslate();
  const [value, setValue] = useState(checkpoint ?? '');
  const trimmed = value.trim();
  const invalid = trimmed !== '' && !CHECKPOINT.test(trimmed);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!invalid) onCheck(trimmed === '' ? null : trimmed.toLowerCase());
  };
  return (
    <Box
      component="form"
      onSubmit={submit}
      sx={{ mt: 2, display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}
    >
      <TextField
        size="small"
        label={translate('app.audit.verify.compare_label')}
        placeholder="1234:9f86d081…"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={invalid}
        helperText={
          invalid ? translate('app.audit.verify.compare_invalid') : translate('app.audit.verify.compare_hint')
        }
        sx={{ flex: '1 1 320px', maxWidth: 640 }}
        slotProps={{ htmlInput: { spellCheck: false, 'data-testid': 'audit-compare-input' } }}
      />
      <Button type="submit" variant="outlined" disabled={invalid} sx={{ mt: 0.25 }}>
        {translate('app.audit.verify.compare')}
      </Button>
    </Box>
  );
};

type Translate = ReturnType<typeof useTranslate>;

function problemText(translate: Translate, number: (n: number) => string, b: AuditChainBreak): string {
  const seq = number(b.seq);
  const previous = number(b.seq - 1);
  switch (b.problem) {
    case 'missing':
      return b.missingFrom === b.seq - 1
        ? translate('app.audit.verify.problem.missing_one', { from: number(b.missingFrom), seq })
        : translate('app.audit.verify.problem.missing', { from: number(b.missingFrom ?? 1), to: previous, seq });
    case 'unlinked':
      return b.seq === 1
        ? translate('app.audit.verify.problem.unlinked_first')
        : translate('app.audit.verify.problem.unlinked', { seq, previous });
    case 'checkpoint':
      return translate(b.id ? 'app.audit.verify.problem.checkpoint' : 'app.audit.verify.problem.checkpoint_gone', {
        seq,
      });
    default:
      return translate(`app.audit.verify.problem.${b.problem}`, { seq });
  }
}

const useNumber = () => {
  const locale = useLocale();
  return (n: number) => n.toLocaleString(intlLocale(locale));
};
