import { CASE_STATUSES } from '@app/guidelines';
import { StatusChip, type ChipColor } from '../common/StatusChip';

export const caseStatusChoices = CASE_STATUSES.map((status) => ({ id: status, name: `app.case_status.${status}` }));
/** What a case form may set: `refused` is shown but only the unit's refusal (Refuse admission) sets it. */
export const editableCaseStatusChoices = caseStatusChoices.map((choice) => ({
  ...choice,
  disabled: choice.id === 'refused',
}));

const colors: Record<string, ChipColor> = {
  assessment: 'info',
  active: 'success',
  completed: 'default',
  discontinued: 'default',
  refused: 'warning',
};

export const CaseStatusField = ({ source = 'status' }: { source?: string; label?: string; sortable?: boolean }) => (
  <StatusChip source={source} prefix="app.case_status" colors={colors} filled={['active']} />
);
