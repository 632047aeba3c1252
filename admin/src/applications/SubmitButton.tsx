import SendIcon from '@mui/icons-material/Send';
import { Alert, CircularProgress, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { useExitPoolDataProvider } from '../dataProvider';
import type { Application, Finding } from '../types';
import { ActionDialogButton, type DialogState } from './ActionDialog';
import { FindingsList } from './FindingsList';

/** Runs the guideline check when the dialog opens; a block finding holds the submit back. */
const CheckBeforeSubmit = ({ state }: { state: DialogState }) => {
  const record = useRecordContext<Application>();
  const dataProvider = useExitPoolDataProvider();
  const translate = useTranslate();
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [failed, setFailed] = useState(false);
  const { setBlocked } = state;
  const recordId = record?.id;

  useEffect(() => {
    if (recordId === undefined) return;
    let current = true;
    dataProvider.checkApplication(String(recordId)).then(
      ({ data }) => {
        if (!current) return;
        setFindings(data);
        setBlocked(data.some((finding) => finding.severity === 'block'));
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [recordId, dataProvider, setBlocked]);

  // Findings from a refused submit replace the preview.
  if (state.findings.length > 0) return null;
  if (failed) return <Alert severity="warning">{translate('app.findings.check_failed')}</Alert>;
  if (!findings) {
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <CircularProgress size={16} />
        <Typography variant="body2">{translate('app.findings.checking')}</Typography>
      </Stack>
    );
  }
  return (
    <>
      {findings.some((finding) => finding.severity === 'block') && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {translate('app.actions.submit_blocked')}
        </Alert>
      )}
      <FindingsList findings={findings} dense />
    </>
  );
};

/**
 * Sends a draft to the contact point, after a last guideline check. When information was
 * requested the unit's one action is Answer (which resubmits), so Submit is not offered then.
 */
export const SubmitButton = () => {
  const record = useRecordContext<Application>();
  if (record?.actions?.includes('answer')) return null;
  return <SubmitDialogButton />;
};

const SubmitDialogButton = () => (
  <ActionDialogButton
    action="submit"
    label="app.actions.submit"
    title="app.actions.submit_title"
    confirm="app.actions.submit"
    success="app.actions.submitted"
    icon={<SendIcon />}
    description="app.actions.submit_description"
    maxWidth="md"
  >
    {(state) => <CheckBeforeSubmit state={state} />}
  </ActionDialogButton>
);
