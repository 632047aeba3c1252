import { ReferenceField, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { ShortIdField } from '../common/ShortIdField';
import type { AuditEvent } from '../types';

/**
 * Who did it: the user's display name for those who may read users (admin),
 * the bare user id for the others (contact points cannot read users).
 */
export const ActorField = (_props: { source?: 'actorId'; label?: string }) => {
  const record = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'show' });
  if (!record) return null;
  if (record.actorId == null) return <>{translate('app.audit.system')}</>;
  if (canAccess) return <ReferenceField source="actorId" reference="users" link="show" />;
  return <ShortIdField source="actorId" />;
};
