import { Box, List as MuiList, ListItem, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { RecordContextProvider, useGetIdentity, useGetList, useGetOne, useTranslate } from 'react-admin';
import { DashboardCard } from '../dashboard/DashboardCard';
import type { CaseTransfer, Unit } from '../types';
import { AcceptTransferButton, DeclineTransferButton } from './TransferDecisionButtons';

const FromUnit = ({ unitId }: { unitId: string }) => {
  const { data } = useGetOne<Unit>('units', { id: unitId });
  return <>{data?.code ?? '…'}</>;
};

/** One proposal: the case's reference and the sending unit, and the answer at hand (it wraps on a phone). */
const Proposal = ({ transfer }: { transfer: CaseTransfer }) => {
  const translate = useTranslate();
  return (
    <ListItem disableGutters divider sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
      <Box sx={{ flex: '1 1 12rem', minWidth: 0 }}>
        <Typography
          component={Link}
          to={`/case-transfers/${encodeURIComponent(transfer.id)}/show`}
          sx={{ fontFamily: 'monospace', fontWeight: 600 }}
        >
          {transfer.caseReference}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('resources.case-transfers.fields.fromUnitId')}
          {': '}
          <FromUnit unitId={transfer.fromUnitId} />
        </Typography>
      </Box>
      <RecordContextProvider value={transfer}>
        <AcceptTransferButton />
        <DeclineTransferButton />
      </RecordContextProvider>
    </ListItem>
  );
};

/** The unit worker's dashboard: cases other units propose to theirs, each to accept or decline. */
export const IncomingTransfersCard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const unitId = identity?.unitId as string | undefined;
  const { data, total, isPending } = useGetList<CaseTransfer>(
    'case-transfers',
    {
      filter: { status: 'proposed', toUnitId: unitId },
      sort: { field: 'proposedAt', order: 'ASC' },
      pagination: { page: 1, perPage: 5 },
    },
    { enabled: !!unitId },
  );
  // nothing proposed: the card does not take room on a phone
  if (isPending || !data?.length) return null;
  return (
    <DashboardCard
      title={translate('app.transfers.incoming_title')}
      subheader={translate('app.transfers.incoming_subheader', { smart_count: total ?? data.length })}
      link={{ to: '/case-transfers', label: translate('app.transfers.all') }}
      wide
      testId="dashboard-incoming-transfers"
    >
      <MuiList dense disablePadding>
        {data.map((transfer) => (
          <Proposal key={transfer.id} transfer={transfer} />
        ))}
      </MuiList>
    </DashboardCard>
  );
};
