import { Alert, AlertTitle, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { Finding, Severity } from '../types';

const ALERT_SEVERITY = { block: 'error', warn: 'warning', info: 'info' } as const satisfies Record<
  Severity,
  'error' | 'warning' | 'info'
>;
const ORDER: Record<Severity, number> = { block: 0, warn: 1, info: 2 };

/** The rule's name in the user's language (the rule id when it is not a known one). */
export const useRuleName = () => {
  const translate = useTranslate();
  return (rule: string) => translate(`app.rules.${rule}`, { _: rule });
};

/** A finding's message in the user's language. */
export const useFindingMessage = () => {
  const [locale] = useLocaleState();
  return (finding: Finding) => {
    if (locale === 'da' && finding.messageDa) return finding.messageDa;
    // a finding kept from before Finnish was a language has none: the English one then
    if (locale === 'fi' && finding.messageFi) return finding.messageFi;
    return finding.message;
  };
};

/** Guideline findings coloured by severity: block red, warn amber, info blue; blocks first. */
export const FindingsList = ({ findings, dense = false }: { findings: readonly Finding[]; dense?: boolean }) => {
  const translate = useTranslate();
  const ruleName = useRuleName();
  const message = useFindingMessage();
  if (findings.length === 0) {
    return (
      <Alert severity="success" variant="outlined">
        {translate('app.findings.none')}
      </Alert>
    );
  }
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <Stack spacing={1} data-testid="findings">
      {sorted.map((finding, index) => (
        <Alert
          key={`${finding.rule}-${index}`}
          severity={ALERT_SEVERITY[finding.severity]}
          variant={finding.severity === 'info' ? 'outlined' : 'standard'}
          sx={dense ? { py: 0 } : undefined}
        >
          <AlertTitle sx={{ mb: 0.25 }}>
            {translate(`app.severity.${finding.severity}`)} · {ruleName(finding.rule)}
          </AlertTitle>
          <Typography variant="body2">{message(finding)}</Typography>
        </Alert>
      ))}
    </Stack>
  );
};
