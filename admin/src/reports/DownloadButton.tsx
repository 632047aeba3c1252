import DownloadIcon from '@mui/icons-material/Download';
import { Button, CircularProgress } from '@mui/material';
import { useNotify } from 'react-admin';
import { useDownload } from '../common/useDownload';

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
  const notify = useNotify();
  const { download: save, pending } = useDownload();
  const download = async () => {
    const name = await save(path, params);
    if (name !== null) notify('app.reports.downloaded', { type: 'info', messageArgs: { name } });
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
