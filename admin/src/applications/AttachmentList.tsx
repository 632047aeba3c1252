import DeleteIcon from '@mui/icons-material/DeleteOutlineOutlined';
import DownloadIcon from '@mui/icons-material/Download';
import { Chip, IconButton, Link as MuiLink, List, ListItem, ListItemText, Tooltip } from '@mui/material';
import { useState } from 'react';
import { Confirm, useDelete, useGetList, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { EDITABLE_STATUSES } from '@app/workflow';
import { DateTimeField } from '../common/DateTimeField';
import { useRole } from '../common/useRole';
import { useExitPoolDataProvider } from '../dataProvider';
import type { Application, Attachment } from '../types';
import { AttachmentUpload } from './AttachmentUpload';
import { RelatedCard } from './RelatedCard';

const fileSize = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${Math.round(bytes / 1024)} kB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const DeleteAttachment = ({ attachment }: { attachment: Attachment }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [remove, { isPending }] = useDelete();
  const confirm = () =>
    remove(
      'attachments',
      { id: attachment.id, previousData: attachment },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setOpen(false);
          notify('app.attachments.deleted', { type: 'info', messageArgs: { name: attachment.fileName } });
          refresh();
        },
        onError: (error) => {
          setOpen(false);
          notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
        },
      },
    );
  return (
    <>
      <Tooltip title={translate('ra.action.delete')}>
        <IconButton edge="end" size="small" onClick={() => setOpen(true)} aria-label={translate('ra.action.delete')}>
          <DeleteIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <Confirm
        isOpen={open}
        loading={isPending}
        title="app.attachments.delete_title"
        content="app.attachments.delete_content"
        titleTranslateOptions={{ name: attachment.fileName }}
        contentTranslateOptions={{ name: attachment.fileName }}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

/** Quotes, invoices and other documents of the application: download, and upload or delete while editable. */
export const AttachmentList = () => {
  const record = useRecordContext<Application>();
  const role = useRole();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useExitPoolDataProvider();
  const { data, isPending, error } = useGetList<Attachment>(
    'attachments',
    {
      filter: { applicationId: record?.id },
      sort: { field: 'createdAt', order: 'ASC' },
      pagination: { page: 1, perPage: 100 },
    },
    { enabled: record?.id !== undefined, retry: false },
  );
  if (!record) return null;
  const editable = role === 'unit_worker' && EDITABLE_STATUSES.includes(record.status);

  const download = (attachment: Attachment) =>
    dataProvider
      .downloadAttachment(attachment)
      .catch((e: unknown) => notify(e instanceof Error ? e.message : 'ra.notification.http_error', { type: 'error' }));

  return (
    <RelatedCard
      record={record}
      title="app.attachments.title"
      isPending={isPending}
      error={error}
      count={data?.length ?? 0}
      unavailable="app.attachments.unavailable"
      empty="app.attachments.none"
      footer={editable && <AttachmentUpload applicationId={String(record.id)} />}
    >
      {data && (
        <List dense disablePadding data-testid="attachments">
          {data.map((attachment) => (
            <ListItem
              key={attachment.id}
              disableGutters
              secondaryAction={editable ? <DeleteAttachment attachment={attachment} /> : undefined}
            >
              <ListItemText
                primary={
                  <MuiLink
                    component="button"
                    type="button"
                    onClick={() => download(attachment)}
                    sx={{
                      display: 'inline-flex',
                      alignItems: 'center',
                      gap: 0.5,
                      textAlign: 'left',
                      wordBreak: 'break-all',
                    }}
                  >
                    <DownloadIcon fontSize="inherit" />
                    {attachment.fileName}
                  </MuiLink>
                }
                secondary={
                  <>
                    <Chip
                      component="span"
                      size="small"
                      variant="outlined"
                      label={translate(`app.attachment_kinds.${attachment.kind}`, { _: attachment.kind })}
                      sx={{ mr: 1, height: 20 }}
                    />
                    {fileSize(attachment.size)} ·{' '}
                    <DateTimeField record={attachment} source="createdAt" variant="caption" />
                  </>
                }
                slotProps={{ secondary: { component: 'span' } }}
              />
            </ListItem>
          ))}
        </List>
      )}
    </RelatedCard>
  );
};
