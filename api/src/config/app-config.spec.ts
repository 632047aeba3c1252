import { ConfigError, loadConfig } from './app-config.js';

describe(loadConfig.name, () => {
  it('defaults to port 3000, ./data, and demo mode with the embedded database', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      dataDir: './data',
      demo: true,
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      loginMaxFailures: 10,
      loginWindowMinutes: 15,
      currency: 'DKK',
    });
  });

  it('turns demo mode off by default when DATABASE_URL is given, and on when asked', () => {
    const url = 'postgres://postgres@127.0.0.1:5432/test';
    expect(loadConfig({ DATABASE_URL: url }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: url, DEMO: 'on' }).demo).toBe(true);
    expect(loadConfig({ DEMO: 'false' }).demo).toBe(false);
  });

  it('asks no role for a second factor in demo mode, and the national roles outside it', () => {
    expect(loadConfig({}).mfaRequiredRoles).toEqual([]);
    expect(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }).mfaRequiredRoles).toEqual([
      'contact_point',
      'finance',
      'admin',
    ]);
    expect(loadConfig({ DEMO: 'off' }).mfaRequiredRoles).toEqual(['contact_point', 'finance', 'admin']);
  });

  it('reads MFA_REQUIRED_ROLES as comma-separated roles, or none', () => {
    expect(loadConfig({ MFA_REQUIRED_ROLES: 'admin, unit_worker,admin' }).mfaRequiredRoles).toEqual([
      'admin',
      'unit_worker',
    ]);
    expect(loadConfig({ DEMO: 'off', MFA_REQUIRED_ROLES: 'none' }).mfaRequiredRoles).toEqual([]);
    expect(loadConfig({ DEMO: 'on', MFA_REQUIRED_ROLES: 'finance' }).mfaRequiredRoles).toEqual(['finance']);
  });

  it('reads numbers from the environment', () => {
    expect(loadConfig({ PORT: '8080', SESSION_IDLE_MINUTES: '5' })).toMatchObject({
      port: 8080,
      sessionIdleMinutes: 5,
    });
  });

  it.each([
    ['PORT', 'abc', 'PORT: PORT must be a whole number'],
    ['PORT', '0', 'PORT: PORT must be between 1 and 65535'],
    ['DATABASE_URL', 'localhost:5432', 'DATABASE_URL: DATABASE_URL must look like postgres://'],
    ['DEMO', 'perhaps', 'DEMO: DEMO must be true or false'],
    ['CURRENCY', 'kr', 'CURRENCY: CURRENCY must be a three-letter ISO 4217 code'],
    ['SESSION_IDLE_MINUTES', '1.5', 'SESSION_IDLE_MINUTES: SESSION_IDLE_MINUTES must be a whole number'],
    [
      'MFA_REQUIRED_ROLES',
      'admin,auditor',
      'MFA_REQUIRED_ROLES: MFA_REQUIRED_ROLES must be none or a comma-separated list of unit_worker, contact_point, finance, admin',
    ],
    ['MFA_REQUIRED_ROLES', 'admin,', 'MFA_REQUIRED_ROLES: MFA_REQUIRED_ROLES must be none'],
  ])('refuses a bad %s with a message naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('ignores variables it does not know', () => {
    expect(() => loadConfig({ HOME: '/root', PATH: '/bin' })).not.toThrow();
  });
});
