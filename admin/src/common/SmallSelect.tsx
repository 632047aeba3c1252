import { FormControl, InputLabel, MenuItem, Select, type SxProps, type Theme } from '@mui/material';
import type { ReactNode } from 'react';

/**
 * A small labelled choice outside react-admin's forms: a report's year or unit,
 * a chart's grouping, a file's separator. With `all`, a first option of no
 * value stands for "no choice" and the label stays above it.
 */
export const SmallSelect = ({
  id,
  label,
  value,
  onChange,
  options,
  all,
  sx,
  testId,
}: {
  id: string;
  /** already translated, like the options */
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: ReactNode }[];
  all?: string;
  sx?: SxProps<Theme>;
  testId?: string;
}) => (
  <FormControl size="small" fullWidth={false} sx={sx}>
    <InputLabel id={`${id}-label`} shrink={all === undefined ? undefined : true}>
      {label}
    </InputLabel>
    <Select
      labelId={`${id}-label`}
      label={label}
      notched={all === undefined ? undefined : true}
      displayEmpty={all !== undefined}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      inputProps={testId ? { 'data-testid': testId } : undefined}
    >
      {all !== undefined && <MenuItem value="">{all}</MenuItem>}
      {options.map((option) => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </Select>
  </FormControl>
);
