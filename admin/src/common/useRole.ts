import { usePermissions } from 'react-admin';
import type { Role } from '../types';

/** The signed-in user's role (authProvider.getPermissions); undefined while it loads. */
export const useRole = (): Role | undefined => usePermissions<Role | undefined>().permissions;
