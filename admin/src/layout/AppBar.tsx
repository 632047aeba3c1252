import { ListItemText, MenuItem, Typography } from '@mui/material';
import {
  AppBar as RaAppBar,
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  TitlePortal,
  UserMenu,
  useGetIdentity,
  useTranslate,
} from 'react-admin';
import { RoleLabel } from './RoleLabel';

/** Who is signed in (read-only first entry of the user menu). */
const IdentityItem = () => {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!identity) return null;
  return (
    <MenuItem disabled sx={{ '&.Mui-disabled': { opacity: 1 } }}>
      <ListItemText
        primary={identity.fullName}
        secondary={`${identity.email} · ${translate(`app.roles.${identity.role}`)}`}
      />
    </MenuItem>
  );
};

export const AppBar = () => (
  <RaAppBar
    toolbar={
      <>
        <LocalesMenuButton />
        <LoadingIndicator />
        <RoleLabel />
      </>
    }
    userMenu={
      <UserMenu>
        <IdentityItem />
        <Logout />
      </UserMenu>
    }
  >
    <TitlePortal />
    <AppName />
  </RaAppBar>
);

const AppName = () => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle2" sx={{ opacity: 0.8, mx: 2, display: { xs: 'none', md: 'block' } }}>
      {translate('app.title')}
    </Typography>
  );
};
