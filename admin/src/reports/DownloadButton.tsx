import DownloadIcon from '@mui/icons-material/Download';
import { Button, CircularProgress } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { useExitPoolDataProvider } from '../dataProvider';
import { problemMessage } from '../httpClient';

interface DownloadButtonProps {
  /** the API path under /api, e.g. `reports/spending.csv` */
  path: string;
  params: Record<string, string | number | boolean | undefined>;
  label: string;
  disabled?: boolean;
  testId?: string;
}

/**
 * Downloads a file of the API with the user's token in the header (never in the
 * URL) and saves it under the API's file name; a refusal is told in a notification.
 */
export const DownloadButton = ({ path, params, label, disabled, testId }: DownloadButtonProps) => {
  const dataProvider = useExitPoolDataProvider();
  const notify = useNotify();
  const translate = useTranslate();
  const [pending, setPending] = useState(false);
  const download = async () => {
    setPending(true);
    try {
      const name = await dataProvider.downloadFile(path, params);
      notify('app.reports.downloaded', { type: 'info', messageArgs: { name } });
    } catch (error) {
      const message = problemMessage(error);
      notify('app.reports.download_failed', {
        type: 'error',
        messageArgs: { message: translate(message, { _: message }) },
      });
    } finally {
      setPending(false);
    }
  };
  return (
    <Button
      variant="outlined"
      size="small"
      onClick={download}
      disabled={disabled || pending}
      startIcon={pending ? <CircularProgress size={16} /> : <DownloadIcon />}
      data-testid={testId}
      sx={{ whiteSpace: 'nowrap' }}
    >
      {label}
    </Button>
  );
};
