import type { Role } from './types';

// Who may do what in the admin UI. The API enforces the same rules; this table
// only decides what the UI offers (menu entries, buttons, routes).
// Resources added by later issues get a row here.

export type Action = 'list' | 'show' | 'create' | 'edit' | 'delete';

const EVERYONE: readonly Role[] = ['unit_worker', 'contact_point', 'finance', 'admin'];
const ADMIN: readonly Role[] = ['admin'];

const rules: Record<string, Partial<Record<Action, readonly Role[]>>> = {
  units: { list: EVERYONE, show: EVERYONE, create: ADMIN, edit: ADMIN },
  categories: { list: EVERYONE, show: EVERYONE, create: ADMIN, edit: ADMIN },
  users: { list: ADMIN, show: ADMIN, create: ADMIN, edit: ADMIN },
  'audit-events': { list: ['admin', 'contact_point'], show: ['admin', 'contact_point'] },
};

export const canAccess = (role: Role | undefined, resource: string, action: string): boolean =>
  role !== undefined && (rules[resource]?.[action as Action]?.includes(role) ?? false);
