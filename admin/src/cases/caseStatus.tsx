import { CASE_STATUSES } from '@app/guidelines';
import { StatusChip, type ChipColor } from '../common/StatusChip';

export const caseStatusChoices = CASE_STATUSES.map((status) => ({ id: status, name: `app.case_status.${status}` }));

const colors: Record<string, ChipColor> = {
  assessment: 'info',
  active: 'success',
  completed: 'default',
  discontinued: 'default',
};

export const CaseStatusField = ({ source = 'status' }: { source?: string; label?: string; sortable?: boolean }) => (
  <StatusChip source={source} prefix="app.case_status" colors={colors} filled={['active']} />
);
