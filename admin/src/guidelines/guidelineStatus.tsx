import { StatusChip, type ChipColor } from '../common/StatusChip';

export const GUIDELINE_STATUSES = ['draft', 'published', 'retired'] as const;

export const guidelineStatusChoices = GUIDELINE_STATUSES.map((status) => ({
  id: status,
  name: `app.guideline_status.${status}`,
}));

const colors: Record<string, ChipColor> = { draft: 'default', published: 'success', retired: 'default' };

export const GuidelineStatusField = ({
  source = 'status',
}: {
  source?: string;
  label?: string;
  sortable?: boolean;
}) => <StatusChip source={source} prefix="app.guideline_status" colors={colors} filled={['published']} />;
