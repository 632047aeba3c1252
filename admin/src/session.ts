import type { SessionUser } from './types';

// The bearer token lives in sessionStorage: it dies with the tab, and a shared
// office computer does not keep a contact point's session alive overnight.
const TOKEN_KEY = 'exitpool.token';
const USER_KEY = 'exitpool.user';

export const session = {
  getToken(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  },

  getUser(): SessionUser | null {
    const raw = sessionStorage.getItem(USER_KEY);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as SessionUser;
    } catch {
      return null;
    }
  },

  save(token: string, user: SessionUser): void {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(USER_KEY, JSON.stringify(user));
  },

  clear(): void {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
  },
};
