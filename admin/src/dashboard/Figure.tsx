import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** One headline figure: what it is, above it in large type, with an optional colour mark. */
export const Figure = ({
  label,
  value,
  color,
  hint,
}: {
  label: string;
  value: ReactNode;
  color?: string;
  hint?: string;
}) => (
  <Box sx={{ minWidth: 150, flex: '1 1 150px' }}>
    <Typography
      variant="caption"
      color="text.secondary"
      component="div"
      sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}
    >
      {color && (
        <Box component="span" sx={{ width: 10, height: 10, borderRadius: 0.5, bgcolor: color, flexShrink: 0 }} />
      )}
      {label}
    </Typography>
    <Typography variant="h6" component="div" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {value}
    </Typography>
    {hint && (
      <Typography variant="caption" color="text.secondary" component="div">
        {hint}
      </Typography>
    )}
  </Box>
);
