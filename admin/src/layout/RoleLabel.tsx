import { Chip } from '@mui/material';
import { useGetIdentity, useTranslate } from 'react-admin';

/** The signed-in user's role, translated, beside their name in the app bar. */
export const RoleLabel = () => {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!identity?.role) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      label={translate(`app.roles.${identity.role}`)}
      sx={{ color: 'inherit', borderColor: 'currentColor', mx: 1, display: { xs: 'none', sm: 'inline-flex' } }}
    />
  );
};
