import AccountIcon from '@mui/icons-material/ManageAccounts';
import { ListItemIcon, ListItemText, MenuItem, Typography } from '@mui/material';
import { forwardRef } from 'react';
import { Link } from 'react-router-dom';
import {
  AppBar as RaAppBar,
  LoadingIndicator,
  Logout,
  TitlePortal,
  UserMenu,
  useGetIdentity,
  useTranslate,
  useUserMenu,
} from 'react-admin';
import { ACCOUNT_PATH } from '../authProvider';
import { LanguageButton } from './LanguageButton';
import { NotificationsButton } from './NotificationsButton';
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

/** The account page (the second factor), for every role. */
const AccountItem = forwardRef<HTMLAnchorElement>(function AccountItem(props, ref) {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to={ACCOUNT_PATH} ref={ref} onClick={userMenu?.onClose} {...props}>
      <ListItemIcon>
        <AccountIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('app.account.menu')}</ListItemText>
    </MenuItem>
  );
});

export const AppBar = () => (
  <RaAppBar
    toolbar={
      <>
        <LanguageButton />
        <NotificationsButton />
        <LoadingIndicator />
        <RoleLabel />
      </>
    }
    userMenu={
      <UserMenu>
        <IdentityItem />
        <AccountItem />
        <Logout />
      </UserMenu>
    }
  >
    {/* a record's title is cut with an ellipsis rather than pushing the buttons off a phone's screen */}
    <TitlePortal
      sx={{
        minWidth: 0,
        fontSize: { xs: '1.05rem', sm: '1.25rem' },
        // the title arrives in a span of its own, which must carry the ellipsis itself
        '& > span': { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis' },
      }}
    />
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
