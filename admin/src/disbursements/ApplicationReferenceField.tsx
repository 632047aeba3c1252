import type { MouseEvent } from 'react';
import { Link, useRecordContext } from 'react-admin';
import type { Disbursement } from '../types';

/** The grant a payment belongs to, by its reference, linked to its page. */
export const ApplicationReferenceField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<Disbursement>();
  if (!record) return null;
  return (
    <Link
      to={`/applications/${record.applicationId}/show`}
      onClick={(event: MouseEvent) => event.stopPropagation()}
      sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}
    >
      {record.applicationReference}
    </Link>
  );
};
