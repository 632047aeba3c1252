import { Card, CardContent, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import { NotificationsCard } from './NotificationsCard';
import { SecondFactorCard } from './SecondFactorCard';
import { useEnrolmentRequired } from './useEnrolmentRequired';

const WhoCard = () => {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!identity) return null;
  return (
    <Card variant="outlined">
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {identity.fullName}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {identity.email} · {translate(`app.roles.${identity.role}`)}
        </Typography>
      </CardContent>
    </Card>
  );
};

/** The signed-in user's own account: who they are, their second factor and their e-mail. Open to every role. */
export const AccountPage = () => {
  // until a required second factor is on, the API answers nothing else: the page is about that alone
  const enrolmentRequired = useEnrolmentRequired();
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 2, maxWidth: 760 }}>
      <Title title="app.account.title" />
      <WhoCard />
      <SecondFactorCard />
      {!enrolmentRequired && <NotificationsCard />}
    </Stack>
  );
};
