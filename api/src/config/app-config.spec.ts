import { ConfigError, loadConfig } from './app-config.js';

// outside demo mode with the embedded database a key ring is required
const KEY = Buffer.alloc(32, 1).toString('base64');
const keys = { ENCRYPTION_KEYS: `k1:${KEY}` };

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
      databasePoolSize: 20,
    });
  });

  it('turns demo mode off by default when DATABASE_URL is given, and on when asked', () => {
    const url = 'postgres://postgres@127.0.0.1:5432/test';
    expect(loadConfig({ DATABASE_URL: url, ...keys }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: url, DEMO: 'on', ...keys }).demo).toBe(true);
    expect(loadConfig({ DEMO: 'false', ...keys }).demo).toBe(false);
  });

  it('asks no role for a second factor in demo mode, and the national roles outside it', () => {
    expect(loadConfig({}).mfaRequiredRoles).toEqual([]);
    expect(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', ...keys }).mfaRequiredRoles).toEqual([
      'contact_point',
      'finance',
      'admin',
    ]);
    expect(loadConfig({ DEMO: 'off', ...keys }).mfaRequiredRoles).toEqual(['contact_point', 'finance', 'admin']);
  });

  it('reads MFA_REQUIRED_ROLES as comma-separated roles, or none', () => {
    expect(loadConfig({ MFA_REQUIRED_ROLES: 'admin, unit_worker,admin' }).mfaRequiredRoles).toEqual([
      'admin',
      'unit_worker',
    ]);
    expect(loadConfig({ DEMO: 'off', MFA_REQUIRED_ROLES: 'none', ...keys }).mfaRequiredRoles).toEqual([]);
    expect(loadConfig({ DEMO: 'on', MFA_REQUIRED_ROLES: 'finance' }).mfaRequiredRoles).toEqual(['finance']);
  });

  it('takes the currency, language and locale from INSTALLATION, Denmark unless it says fi', () => {
    expect(loadConfig({})).toMatchObject({
      installation: 'dk',
      currency: 'DKK',
      profile: { language: 'da', locale: 'da-DK' },
    });
    expect(loadConfig({ INSTALLATION: 'fi' })).toMatchObject({
      installation: 'fi',
      currency: 'EUR',
      profile: { language: 'fi', locale: 'fi-FI', nationalIdFirst: 'hetu' },
    });
    // CURRENCY still overrides the profile's
    expect(loadConfig({ INSTALLATION: 'fi', CURRENCY: 'SEK' }).currency).toBe('SEK');
  });

  it('reads numbers from the environment', () => {
    expect(
      loadConfig({ PORT: '8080', SESSION_IDLE_MINUTES: '5', DATABASE_POOL_SIZE: ' 8 ', API_PROCESSES: '2' }),
    ).toMatchObject({
      port: 8080,
      sessionIdleMinutes: 5,
      databasePoolSize: 8,
      apiProcesses: 2,
    });
  });

  it.each([
    ['PORT', 'abc', 'PORT: PORT must be a whole number'],
    ['PORT', '0', 'PORT: PORT must be between 1 and 65535'],
    ['DATABASE_URL', 'localhost:5432', 'DATABASE_URL: DATABASE_URL must look like postgres://'],
    ['DEMO', 'perhaps', 'DEMO: DEMO must be true or false'],
    ['CURRENCY', 'kr', 'CURRENCY: CURRENCY must be a three-letter ISO 4217 code'],
    ['INSTALLATION', 'se', 'INSTALLATION: INSTALLATION must be one of dk, fi'],
    ['SESSION_IDLE_MINUTES', '1.5', 'SESSION_IDLE_MINUTES: SESSION_IDLE_MINUTES must be a whole number'],
    [
      'MFA_REQUIRED_ROLES',
      'admin,auditor',
      'MFA_REQUIRED_ROLES: MFA_REQUIRED_ROLES must be none or a comma-separated list of unit_worker, contact_point, finance, admin',
    ],
    ['MFA_REQUIRED_ROLES', 'admin,', 'MFA_REQUIRED_ROLES: MFA_REQUIRED_ROLES must be none'],
    ['DATABASE_POOL_SIZE', 'ten', 'DATABASE_POOL_SIZE: DATABASE_POOL_SIZE must be a whole number'],
    ['DATABASE_POOL_SIZE', '2.5', 'DATABASE_POOL_SIZE: DATABASE_POOL_SIZE must be a whole number'],
    ['DATABASE_POOL_SIZE', '0', 'DATABASE_POOL_SIZE: DATABASE_POOL_SIZE must be between 1 and 500'],
    ['DATABASE_POOL_SIZE', '501', 'DATABASE_POOL_SIZE: DATABASE_POOL_SIZE must be between 1 and 500'],
    ['API_PROCESSES', 'two', 'API_PROCESSES: API_PROCESSES must be a whole number'],
    ['API_PROCESSES', '0', 'API_PROCESSES: API_PROCESSES must be between 1 and 64'],
    ['API_PROCESSES', '65', 'API_PROCESSES: API_PROCESSES must be between 1 and 64'],
  ])('refuses a bad %s with a message naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('reads ENCRYPTION_KEYS as a key ring, the first key encrypting', () => {
    const other = Buffer.alloc(32, 2).toString('base64');
    const ring = loadConfig({ ENCRYPTION_KEYS: `k2:${other}, k1:${KEY}` }).encryptionKeys!;
    expect(ring.current).toEqual({ id: 'k2', key: Buffer.from(other, 'base64') });
    expect([...ring.byId.keys()]).toEqual(['k2', 'k1']);
  });

  it('leaves the key ring to the key file only in demo mode with the embedded database', () => {
    expect(loadConfig({}).encryptionKeys).toBeUndefined();
    expect(loadConfig({ DEMO: 'on', ENCRYPTION_KEYS: ' ' }).encryptionKeys).toBeUndefined();
  });

  it.each([
    ['with DATABASE_URL', { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }],
    ['with DATABASE_URL in demo mode', { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', DEMO: 'on' }],
    ['on the embedded database outside demo mode', { DEMO: 'off' }],
    ['when it is empty', { DEMO: 'off', ENCRYPTION_KEYS: '' }],
  ])('refuses to start without ENCRYPTION_KEYS %s, naming it', (_, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(
      'ENCRYPTION_KEYS: ENCRYPTION_KEYS must be set outside demo mode with the embedded database',
    );
  });

  it.each([
    ['k1', 'ENCRYPTION_KEYS: entry 1 must start with a key id'],
    [`k1:${Buffer.alloc(16).toString('base64')}`, 'ENCRYPTION_KEYS: entry 1 (k1) must be 32 bytes in base64'],
    [`k1:${KEY},k1:${KEY}`, 'ENCRYPTION_KEYS: entry 2: the key id k1 is used twice'],
    [',', 'ENCRYPTION_KEYS must hold at least one key'],
  ])('refuses a bad ENCRYPTION_KEYS %j, naming it and never repeating a key', (value, message) => {
    let error: unknown;
    try {
      loadConfig({ ENCRYPTION_KEYS: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain(KEY);
  });

  it('keeps narratives 36 months and purges at 02:30 by default; RETENTION_MONTHS=0 purges what is final at once', () => {
    expect(loadConfig({})).toMatchObject({ retentionMonths: 36, retentionSchedule: '30 2 * * *' });
    expect(loadConfig({ RETENTION_MONTHS: '0', RETENTION_SCHEDULE: ' 0 4 * * 1-5 ' })).toMatchObject({
      retentionMonths: 0,
      retentionSchedule: '0 4 * * 1-5',
    });
  });

  it.each([
    ['RETENTION_MONTHS', '-1', 'RETENTION_MONTHS: RETENTION_MONTHS must be between 0 and 1200'],
    ['RETENTION_MONTHS', '1201', 'RETENTION_MONTHS: RETENTION_MONTHS must be between 0 and 1200'],
    ['RETENTION_MONTHS', '1.5', 'RETENTION_MONTHS: RETENTION_MONTHS must be a whole number of months'],
    ['RETENTION_MONTHS', 'three years', 'RETENTION_MONTHS: RETENTION_MONTHS must be a whole number of months'],
    ['RETENTION_SCHEDULE', 'daily', 'RETENTION_SCHEDULE: RETENTION_SCHEDULE must be a cron expression'],
    ['RETENTION_SCHEDULE', '30 2 * *', 'RETENTION_SCHEDULE: RETENTION_SCHEDULE must be a cron expression'],
    ['RETENTION_SCHEDULE', '0 30 2 * * *', 'RETENTION_SCHEDULE: RETENTION_SCHEDULE must be a cron expression'],
    ['RETENTION_SCHEDULE', '61 2 * * *', 'RETENTION_SCHEDULE: RETENTION_SCHEDULE must be a cron expression'],
  ])('refuses a bad %s (%j) with a message naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('has e-mail off, reminders after 5 days and links to localhost by default', () => {
    const config = loadConfig({ PORT: '8080' });
    expect(config).toMatchObject({ reviewReminderDays: 5, publicUrl: 'http://localhost:8080' });
    expect(config.smtpUrl).toBeUndefined();
    expect(
      loadConfig({
        SMTP_URL: 'smtp://mail.example.org:587',
        MAIL_FROM: 'Exit Pool <noreply@example.org>',
        REVIEW_REMINDER_DAYS: '3',
        PUBLIC_URL: 'https://exitpool.example.org/',
      }),
    ).toMatchObject({
      smtpUrl: 'smtp://mail.example.org:587',
      mailFrom: 'Exit Pool <noreply@example.org>',
      reviewReminderDays: 3,
      publicUrl: 'https://exitpool.example.org',
    });
  });

  it.each([
    ['SMTP_URL', 'mail.example.org:25', 'SMTP_URL: SMTP_URL must look like smtp://'],
    ['MAIL_FROM', 'not an address', 'MAIL_FROM: MAIL_FROM must be an e-mail address'],
    ['REVIEW_REMINDER_DAYS', '0', 'REVIEW_REMINDER_DAYS: REVIEW_REMINDER_DAYS must be between 1 and 365'],
    ['REVIEW_REMINDER_DAYS', 'five', 'REVIEW_REMINDER_DAYS: REVIEW_REMINDER_DAYS must be a whole number of days'],
    ['PUBLIC_URL', 'exitpool.example.org', 'PUBLIC_URL: PUBLIC_URL must be the address users open the product at'],
  ])('refuses a bad %s (%j) with a message naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('asks for MAIL_FROM when SMTP_URL is set', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' })).toThrow(
      'MAIL_FROM: MAIL_FROM must be set with SMTP_URL',
    );
  });

  it('ignores variables it does not know', () => {
    expect(() => loadConfig({ HOME: '/root', PATH: '/bin' })).not.toThrow();
  });
});
