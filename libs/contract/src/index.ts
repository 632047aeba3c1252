// Shared vocabulary of the HTTP contract, used by the API and the admin UI.
export const ROLES = ['unit_worker', 'contact_point', 'finance', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  unitId: string | null;
}

export interface LoginResponse {
  accessToken: string;
  user: SessionUser;
}

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  errors?: Record<string, string>;
}
