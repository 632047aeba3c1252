import type { ReactNode } from 'react';
import { Card, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, useGetOne, useTranslate } from 'react-admin';
import type { Identity, Unit } from '../types';

const UnitName = ({ unitId }: { unitId: string }) => {
  const { data } = useGetOne<Unit>('units', { id: unitId });
  return <>{data ? `${data.code} – ${data.name}` : '…'}</>;
};

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <Stack direction="row" spacing={1}>
    <Typography variant="body2" color="text.secondary" sx={{ minWidth: 96 }}>
      {label}
    </Typography>
    <Typography variant="body2">{children}</Typography>
  </Stack>
);

/** A welcome card for now; later issues add the role's own figures. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const user = identity as Identity | undefined;
  return (
    <>
      <Title title="ra.page.dashboard" />
      {user && (
        <Card sx={{ mt: 2, maxWidth: 720 }}>
          <CardHeader title={translate('app.dashboard.welcome', { name: user.displayName })} />
          <CardContent>
            <Stack spacing={1}>
              <Row label={translate('app.dashboard.role')}>{translate(`app.roles.${user.role}`)}</Row>
              <Row label={translate('app.dashboard.unit')}>
                {user.unitId ? <UnitName unitId={user.unitId} /> : translate('app.dashboard.national')}
              </Row>
            </Stack>
            <Typography variant="body1" sx={{ mt: 2 }}>
              {translate(`app.dashboard.intro.${user.role}`)}
            </Typography>
          </CardContent>
        </Card>
      )}
    </>
  );
};
