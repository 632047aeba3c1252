import type { AuthProvider } from 'react-admin';
import { canAccess } from './access';
import { errorMessage } from './httpClient';
import { session } from './session';
import type { Identity, LoginResponse } from './types';

/** A failed sign-in: `message` is shown as is or, when it is a key, translated with `args`. */
export class LoginError extends Error {
  constructor(
    message: string,
    readonly args: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'LoginError';
  }
}

interface Credentials {
  email: string;
  password: string;
  totp?: string;
}

const retryMinutes = (response: Response): number | undefined => {
  const seconds = Number(response.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : undefined;
};

export const authProvider: AuthProvider = {
  async login({ email, password, totp }: Credentials) {
    let response: Response;
    try {
      response = await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(totp ? { email, password, totp } : { email, password }),
      });
    } catch {
      throw new LoginError('app.auth.unreachable');
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.status === 429) {
      const minutes = retryMinutes(response);
      throw minutes
        ? new LoginError('app.auth.too_many_attempts_wait', { smart_count: minutes })
        : new LoginError('app.auth.too_many_attempts');
    }
    if (!response.ok) {
      if (response.status >= 500) throw new LoginError('ra.notification.http_error');
      // A refusal the UI knows is shown in the user's language; any other, as the API words it.
      const code = (body as { code?: unknown } | null)?.code;
      if (code === 'INVALID_CREDENTIALS') throw new LoginError('app.auth.invalid_credentials');
      throw new LoginError(errorMessage(body, 'ra.auth.sign_in_error'));
    }
    const { accessToken, user } = body as LoginResponse;
    session.save(accessToken, user);
  },

  async logout() {
    const token = session.getToken();
    session.clear();
    if (!token) return;
    // Revoke the token on the server; signing out locally must work even if that fails.
    await fetch('/api/auth/logout', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    }).catch(() => undefined);
  },

  checkAuth() {
    // Not signed in: go to the login page without a notification (`message: false`);
    // an ended session has already said so through checkError.
    return session.getToken() ? Promise.resolve() : Promise.reject({ message: false });
  },

  async checkError(error: { status?: number }) {
    // 401: the token is gone or revoked, so sign out (react-admin then calls
    // logout()). 403 only means "not for you": stay signed in, the page shows it.
    if (error?.status === 401) throw new Error('ra.notification.logged_out');
  },

  async getIdentity(): Promise<Identity> {
    const user = session.getUser();
    if (!user) throw new Error('ra.auth.auth_check_error');
    return { ...user, fullName: user.displayName };
  },

  async getPermissions() {
    return session.getUser()?.role;
  },

  async canAccess({ resource, action }) {
    return canAccess(session.getUser()?.role, resource, action);
  },
};
