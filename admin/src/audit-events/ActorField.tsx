import type { MouseEvent } from 'react';
import { Link, useCanAccess, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import type { AuditEvent } from '../types';

/**
 * Who did it, by name (the API names every actor); linked to the user's page for those who may read
 * users (admin). "System" for events without an actor; the short id for an account since removed.
 */
export const ActorField = (_props: { source?: 'actorId'; label?: string }) => {
  const record = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'show' });
  if (!record) return null;
  if (record.actorId == null) return <>{translate('app.audit.system')}</>;
  const name = record.actorName ?? `${record.actorId.slice(0, 8)}…`;
  if (!canAccess) return <span title={record.actorId}>{name}</span>;
  return (
    <Link
      to={createPath({ resource: 'users', id: record.actorId, type: 'show' })}
      onClick={(e: MouseEvent) => e.stopPropagation()}
    >
      {name}
    </Link>
  );
};
