import type { MouseEvent } from 'react';
import { Typography } from '@mui/material';
import { Link, useCanAccess, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import type { AuditEvent } from '../types';
import { actionWords, recordLink, recordTypeWords } from './auditWords';

/** What was done, in words; the code on hover. */
export const ActionField = (_props: { label?: string }) => {
  const record = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <span title={record.action} data-testid="audit-action">
      {actionWords(translate, record.action)}
    </span>
  );
};

/**
 * The record: its type in words and its reference (`KBH-2026-014-A1`), code, version or name, linked to
 * its page when the reader may open it. A record without one (a session, a removed record): its short id.
 */
export const RecordField = (_props: { label?: string }) => {
  const record = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const link = record ? recordLink(record) : null;
  const { canAccess } = useCanAccess({ resource: link?.resource ?? 'none', action: 'show', enabled: !!link });
  if (!record) return null;
  const name =
    record.entityReference ??
    (record.entityId ? `${record.entityId.slice(0, 8)}${record.entityId.length > 8 ? '…' : ''}` : null);
  const label = (
    <Typography
      component="span"
      variant="body2"
      sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}
      title={record.entityId ?? undefined}
    >
      {name}
    </Typography>
  );
  return (
    <span data-testid="audit-record">
      {recordTypeWords(translate, record.entityType)}
      {name && ' '}
      {name && link && canAccess ? (
        <Link
          to={createPath({ resource: link.resource, id: link.id, type: 'show' })}
          onClick={(e: MouseEvent) => e.stopPropagation()}
        >
          {label}
        </Link>
      ) : (
        name && label
      )}
    </span>
  );
};
