import type { Role, SessionUser } from '@app/contract';

export type { ErrorBody, LoginResponse, Role, SessionUser } from '@app/contract';
export { ROLES } from '@app/contract';

// Records as the admin UI reads them from the API (see /api/docs for the full shape).

export interface Unit {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  active: boolean;
}

export interface Category {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

export interface AuditEvent {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
}

/** What `authProvider.getIdentity()` answers. */
export interface Identity extends SessionUser {
  fullName: string;
}
