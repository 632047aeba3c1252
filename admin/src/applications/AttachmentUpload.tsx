import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Button, CircularProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useRef, useState, type ChangeEvent } from 'react';
import { HttpError, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useExitPoolDataProvider } from '../dataProvider';
import type { AttachmentKind } from '../types';

const KINDS: AttachmentKind[] = ['quote', 'invoice', 'other'];
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = 'application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg';
const MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];

const problemOf = (error: unknown): string => {
  if (error instanceof HttpError) {
    if (error.status === 413) return 'app.attachments.too_large';
    if (error.status === 415) return 'app.attachments.wrong_type';
  }
  return error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
};

/**
 * Uploads a quote, an invoice or another document to an application. The stock
 * data provider sends JSON only, so this posts multipart form data itself (with
 * the session's bearer token) and then refreshes the page's data.
 */
export const AttachmentUpload = ({ applicationId }: { applicationId: string }) => {
  const dataProvider = useExitPoolDataProvider();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<AttachmentKind>('quote');
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file may be chosen again after a refusal
    if (!file) return;
    setProblem(null);
    // The API checks the content; these checks only save a pointless upload.
    if (file.size > MAX_BYTES) return setProblem('app.attachments.too_large');
    if (file.type && !MEDIA_TYPES.includes(file.type)) return setProblem('app.attachments.wrong_type');
    setUploading(true);
    try {
      await dataProvider.uploadAttachment({ applicationId, kind, file });
      notify('app.attachments.uploaded', { type: 'success', messageArgs: { name: file.name } });
      refresh();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Stack spacing={1} sx={{ mt: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label={translate('app.attachments.kind')}
          value={kind}
          onChange={(event) => setKind(event.target.value as AttachmentKind)}
          sx={{ minWidth: 120, flex: 1 }}
        >
          {KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {translate(`app.attachment_kinds.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        <Button
          variant="outlined"
          size="small"
          startIcon={uploading ? <CircularProgress size={16} /> : <UploadFileIcon />}
          disabled={uploading}
          onClick={() => input.current?.click()}
          sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
        >
          {translate('app.attachments.upload')}
        </Button>
        <input ref={input} type="file" accept={ACCEPT} hidden onChange={upload} data-testid="attachment-file" />
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {translate('app.attachments.limits')}
      </Typography>
      {problem && (
        <Alert severity="error" onClose={() => setProblem(null)}>
          {translate(problem, { _: problem })}
        </Alert>
      )}
    </Stack>
  );
};
