import { CloneButton, useCanAccess, useRecordContext } from 'react-admin';
import type { GuidelineRecord } from '../types';

/**
 * Starts a new draft from a published (or retired) version. What belongs to the
 * old version — its id, status, publication and version number — stays behind.
 */
export const GuidelineCloneButton = () => {
  const record = useRecordContext<GuidelineRecord>();
  const { canAccess } = useCanAccess({ resource: 'guidelines', action: 'create' });
  if (!record || !canAccess || record.status === 'draft') return null;
  const {
    id: _id,
    status: _status,
    publishedAt: _publishedAt,
    publishedBy: _publishedBy,
    createdAt: _createdAt,
    version: _version,
    ...rules
  } = record;
  return <CloneButton record={{ ...rules, id: '' }} label="app.guidelines.new_draft" />;
};
