import { APPLICATION_STATUSES, GRANTED_STATUSES, OPEN_STATUSES, type ApplicationStatus } from '@app/workflow';
import { StatusChip, type ChipColor } from '../common/StatusChip';

/** Decided one way or another: the unit can no longer change or withdraw it. */
export const DECIDED_STATUSES: readonly ApplicationStatus[] = APPLICATION_STATUSES.filter(
  (status) => status !== 'draft' && !OPEN_STATUSES.includes(status),
);

/** Open applications: waiting for the contact point, the unit or a second approver. */
export const QUEUE_STATUSES: readonly ApplicationStatus[] = OPEN_STATUSES;

/**
 * What this contact point can act on now: not what waits for the unit (information requested),
 * nor a grant they approved first, which only a colleague can complete (the API's `waitsForMe`).
 */
export const QUEUE_FILTER = { waitsForMe: true } as const;

const colors: Record<ApplicationStatus, ChipColor> = {
  draft: 'default',
  submitted: 'info',
  in_review: 'info',
  info_requested: 'warning',
  awaiting_second_approval: 'warning',
  approved: 'success',
  partially_approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
  cancelled: 'default',
  paid: 'success',
};

export const ApplicationStatusField = ({
  source = 'status',
}: {
  source?: string;
  label?: string;
  sortable?: boolean;
}) => (
  <StatusChip
    source={source}
    prefix="app.application_status"
    colors={colors}
    filled={[...GRANTED_STATUSES, 'rejected']}
  />
);
