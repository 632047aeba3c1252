import { StatusChip, type ChipColor } from '../common/StatusChip';

export const CASE_TRANSFER_STATUSES = ['proposed', 'accepted', 'declined'] as const;

export const transferStatusChoices = CASE_TRANSFER_STATUSES.map((status) => ({
  id: status,
  name: `app.transfers.status.${status}`,
}));

const colors: Record<string, ChipColor> = { proposed: 'warning', accepted: 'success', declined: 'default' };

export const TransferStatusField = ({ source = 'status' }: { source?: string; label?: string; sortable?: boolean }) => (
  <StatusChip source={source} prefix="app.transfers.status" colors={colors} filled={['proposed']} />
);
