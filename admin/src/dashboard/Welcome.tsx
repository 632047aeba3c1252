import { Box, Typography } from '@mui/material';
import { useGetOne, useTranslate } from 'react-admin';
import type { Identity, Unit } from '../types';

const UnitName = ({ unitId }: { unitId: string }) => {
  const { data } = useGetOne<Unit>('units', { id: unitId });
  return <>{data ? `${data.code} – ${data.name}` : '…'}</>;
};

/** Who is signed in, in which role and unit, and what this role does here. */
export const Welcome = ({ user }: { user: Identity }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2, mb: 2 }}>
      <Typography variant="h5" component="h1">
        {translate('app.dashboard.welcome', { name: user.displayName })}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate(`app.roles.${user.role}`)} ·{' '}
        {user.unitId ? <UnitName unitId={user.unitId} /> : translate('app.dashboard.national')}
      </Typography>
      <Typography variant="body2" sx={{ mt: 0.5, maxWidth: 860 }}>
        {translate(`app.dashboard.intro.${user.role}`)}
      </Typography>
    </Box>
  );
};
