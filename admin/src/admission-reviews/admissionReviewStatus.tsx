import { StatusChip, type ChipColor } from '../common/StatusChip';

export const ADMISSION_REVIEW_STATUSES = ['requested', 'in_review', 'info_requested', 'upheld', 'admitted'] as const;

export const admissionReviewStatusChoices = ADMISSION_REVIEW_STATUSES.map((status) => ({
  id: status,
  name: `app.admission_reviews.status.${status}`,
}));

const colors: Record<string, ChipColor> = {
  requested: 'info',
  in_review: 'info',
  info_requested: 'warning',
  upheld: 'default',
  admitted: 'success',
};

export const AdmissionReviewStatusField = ({
  source = 'status',
}: {
  source?: string;
  label?: string;
  sortable?: boolean;
}) => <StatusChip source={source} prefix="app.admission_reviews.status" colors={colors} filled={['admitted']} />;
