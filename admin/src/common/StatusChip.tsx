import { Chip, type ChipProps } from '@mui/material';
import { useFieldValue, useTranslate } from 'react-admin';

export type ChipColor = NonNullable<ChipProps['color']>;

interface StatusChipProps {
  source: string;
  /** translation key prefix, e.g. `app.case_status` */
  prefix: string;
  colors: Record<string, ChipColor>;
  /** filled for these statuses, outlined for the others */
  filled?: readonly string[];
  label?: string;
  sortable?: boolean;
}

/** A status as a small coloured chip with its translated name. */
export const StatusChip = ({ source, prefix, colors, filled = [] }: StatusChipProps) => {
  const value: unknown = useFieldValue({ source });
  const translate = useTranslate();
  if (typeof value !== 'string') return null;
  return (
    <Chip
      size="small"
      color={colors[value] ?? 'default'}
      variant={filled.includes(value) ? 'filled' : 'outlined'}
      label={translate(`${prefix}.${value}`, { _: value })}
    />
  );
};
