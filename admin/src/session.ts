import type { SessionUser } from './types';

// The bearer token lives in sessionStorage: it dies with the tab, and a shared
// office computer does not keep a contact point's session alive overnight.
const TOKEN_KEY = 'exitpool.token';
const USER_KEY = 'exitpool.user';
// Set while the API refuses everything but enrolment (403 AUTH_TOTP_ENROLMENT_REQUIRED).
const ENROLMENT_KEY = 'exitpool.enrolmentRequired';

const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

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
    session.setEnrolmentRequired(false);
  },

  clear(): void {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
    session.setEnrolmentRequired(false);
  },

  /** The signed-in user must set up a second factor before anything else opens. */
  isEnrolmentRequired(): boolean {
    return sessionStorage.getItem(ENROLMENT_KEY) === 'true';
  },

  setEnrolmentRequired(required: boolean): void {
    if (required === session.isEnrolmentRequired()) return;
    if (required) sessionStorage.setItem(ENROLMENT_KEY, 'true');
    else sessionStorage.removeItem(ENROLMENT_KEY);
    changed();
  },

  /** For useSyncExternalStore: called whenever the enrolment flag changes. */
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
