import { Alert } from '@mui/material';
import { Link } from 'react-router-dom';
import { useGetList, useGetOne, useRecordContext, useTranslate } from 'react-admin';
import type { Case, CaseTransfer, Unit } from '../types';

/** The open proposal of a case, if any: the case stays where it is until the receiving unit answers. */
export const useOpenTransfer = (caseId: string | undefined): CaseTransfer | undefined => {
  const { data } = useGetList<CaseTransfer>(
    'case-transfers',
    { filter: { caseId, status: 'proposed' }, pagination: { page: 1, perPage: 1 } },
    { enabled: !!caseId },
  );
  return data?.[0];
};

/** On the case page: "A transfer to FYN waits for an answer", linking to it. */
export const PendingTransferNotice = () => {
  const record = useRecordContext<Case>();
  const translate = useTranslate();
  const open = useOpenTransfer(record?.id);
  const { data: unit } = useGetOne<Unit>('units', { id: open?.toUnitId ?? '' }, { enabled: !!open });
  if (!open) return null;
  return (
    <Alert severity="info" sx={{ mb: 1 }}>
      <Link to={`/case-transfers/${encodeURIComponent(open.id)}/show`}>
        {translate('app.transfers.pending', { unit: unit?.code ?? '…' })}
      </Link>
    </Alert>
  );
};
