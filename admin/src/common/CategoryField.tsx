import { Typography } from '@mui/material';
import { useFieldValue } from 'react-admin';
import { useCategoryName } from './categories';

/** A category code shown by its translated name. */
export const CategoryField = ({ source }: { source: string; label?: string; sortable?: boolean }) => {
  const value: unknown = useFieldValue({ source });
  const categoryName = useCategoryName();
  if (typeof value !== 'string') return null;
  return (
    <Typography component="span" variant="body2">
      {categoryName(value)}
    </Typography>
  );
};
