import { StatusChip, type ChipColor } from '../common/StatusChip';

const colors: Record<string, ChipColor> = { open: 'success', closed: 'default' };

export const BudgetYearStatusField = ({
  source = 'status',
}: {
  source?: string;
  label?: string;
  sortable?: boolean;
}) => <StatusChip source={source} prefix="app.budget_year_status" colors={colors} filled={['open']} />;
