import type { AuthProvider } from 'react-admin';
import { canAccess } from './access';
import { errorMessage } from './httpClient';
import { session } from './session';
import type { Identity, LoginResponse, TotpStatus } from './types';

/**
 * A failed sign-in: `message` is shown as is or, when it is a key, translated with `args`.
 * `code` is the API's, for the refusals the login page acts on (AUTH_TOTP_REQUIRED).
 */
export class LoginError extends Error {
  constructor(
    message: string,
    readonly args: Record<string, unknown> = {},
    readonly code?: string,
  ) {
    super(message);
    this.name = 'LoginError';
  }
}

export const TOTP_REQUIRED = 'AUTH_TOTP_REQUIRED';
export const ENROLMENT_REQUIRED = 'AUTH_TOTP_ENROLMENT_REQUIRED';
/** Where a user who must set up a second factor is sent. */
export const ACCOUNT_PATH = '/account';

const codeOf = (body: unknown): unknown => (body as { code?: unknown } | null)?.code;

/** Whether the new session may only enrol: asked right after sign-in, so the dashboard never loads to a wall of 403s. */
const mustEnrol = async (token: string): Promise<boolean> => {
  try {
    const response = await fetch('/api/auth/totp', {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    });
    if (!response.ok) return false;
    const status = (await response.json()) as TotpStatus;
    return status.required && !status.enabled;
  } catch {
    // No answer: the first refused request (checkError) sends the user to enrolment instead.
    return false;
  }
};

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
      const code = codeOf(body);
      if (code === TOTP_REQUIRED) throw new LoginError('app.auth.totp_required', {}, TOTP_REQUIRED);
      // A wrong code is the same refusal as a wrong password: the API does not say which was wrong.
      if (code === 'INVALID_CREDENTIALS') {
        throw new LoginError(totp ? 'app.auth.invalid_credentials_code' : 'app.auth.invalid_credentials');
      }
      throw new LoginError(errorMessage(body, 'ra.auth.sign_in_error'));
    }
    const { accessToken, user } = body as LoginResponse;
    session.save(accessToken, user);
    if (await mustEnrol(accessToken)) {
      session.setEnrolmentRequired(true);
      return { redirectTo: ACCOUNT_PATH };
    }
    return undefined;
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

  async checkError(error: { status?: number; body?: unknown }) {
    // 401: the token is gone or revoked, so sign out (react-admin then calls
    // logout()). 403 only means "not for you": stay signed in, the page shows it.
    if (error?.status === 401) throw new Error('ra.notification.logged_out');
    // Except the 403 of a user who must first set up a second factor: to the account
    // page, signed in and without a notification (the page explains), so the requests
    // refused meanwhile answer empty instead of each raising a toast.
    if (error?.status === 403 && codeOf(error.body) === ENROLMENT_REQUIRED) {
      session.setEnrolmentRequired(true);
      return Promise.reject({ logoutUser: false, redirectTo: ACCOUNT_PATH, message: false });
    }
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
