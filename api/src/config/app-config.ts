import {
  INSTALLATION_PROFILES,
  INSTALLATIONS,
  type Installation,
  type InstallationProfile,
  ROLES,
  type Role,
} from '@app/contract';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { type KeyRing, KeyRingError, parseKeyRing } from '../crypto/key-ring.js';
import cronParser from 'cron-parser';

const toBool = ({ value }: { value: unknown }): unknown => {
  if (value === undefined || value === '') return undefined;
  const text = String(value).trim().toLowerCase();
  if (['1', 'true', 'on', 'yes'].includes(text)) return true;
  if (['0', 'false', 'off', 'no'].includes(text)) return false;
  return value;
};
const toInt = ({ value }: { value: unknown }): unknown =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value).trim()) ? Number(value) : value;

const ROLE_LIST = new RegExp(`^\\s*(none|(${ROLES.join('|')})(\\s*,\\s*(${ROLES.join('|')}))*)\\s*$`);

/** Five fields (minute hour day month weekday) that the scheduler's cron parser reads. */
function IsCron(options: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCron',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || value.trim().split(/\s+/).length !== 5) return false;
          try {
            cronParser.parseExpression(value.trim());
            return true;
          } catch {
            return false;
          }
        },
      },
    },
    options,
  );
}

/** `noreply@example.org` or `Exit Pool <noreply@example.org>`. */
const MAIL_FROM = /^\s*([^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)\s*$/;

/** MFA_REQUIRED_ROLES once validated: `none`, or roles separated by commas. */
function parseRoles(value: string): Role[] {
  const text = value.trim();
  return text === 'none' ? [] : (text.split(/\s*,\s*/) as Role[]);
}

/** The environment as the process receives it; every variable is optional. */
export class EnvironmentVariables {
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(1, { message: 'PORT must be between 1 and 65535' })
  @Max(65535, { message: 'PORT must be between 1 and 65535' })
  PORT?: number;

  @IsOptional()
  @IsString()
  @Matches(/^postgres(ql)?:\/\/[^\s/]+\/[^\s/?]+(\?\S*)?$/, {
    message: 'DATABASE_URL must look like postgres://user:password@host:5432/database',
  })
  DATABASE_URL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'DATABASE_POOL_SIZE must be a whole number' })
  @Min(1, { message: 'DATABASE_POOL_SIZE must be between 1 and 500' })
  @Max(500, { message: 'DATABASE_POOL_SIZE must be between 1 and 500' })
  DATABASE_POOL_SIZE?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'API_PROCESSES must be a whole number' })
  @Min(1, { message: 'API_PROCESSES must be between 1 and 64' })
  @Max(64, { message: 'API_PROCESSES must be between 1 and 64' })
  API_PROCESSES?: number;

  @IsOptional() @IsString() DATA_DIR?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'DEMO must be true or false' })
  DEMO?: boolean;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'SESSION_IDLE_MINUTES must be a whole number' })
  @Min(1)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'SESSION_ABSOLUTE_HOURS must be a whole number' })
  @Min(1)
  @Max(24 * 7)
  SESSION_ABSOLUTE_HOURS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'LOGIN_MAX_FAILURES must be a whole number' })
  @Min(1)
  @Max(1000)
  LOGIN_MAX_FAILURES?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'LOGIN_WINDOW_MINUTES must be a whole number' })
  @Min(1)
  @Max(24 * 60)
  LOGIN_WINDOW_MINUTES?: number;

  @IsOptional()
  @IsIn(INSTALLATIONS, { message: `INSTALLATION must be one of ${INSTALLATIONS.join(', ')}` })
  INSTALLATION?: Installation;

  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'CURRENCY must be a three-letter ISO 4217 code such as DKK' })
  CURRENCY?: string;

  @IsOptional()
  @IsString()
  @Matches(ROLE_LIST, {
    message: `MFA_REQUIRED_ROLES must be none or a comma-separated list of ${ROLES.join(', ')}`,
  })
  MFA_REQUIRED_ROLES?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'RETENTION_MONTHS must be a whole number of months' })
  @Min(0, { message: 'RETENTION_MONTHS must be between 0 and 1200' })
  @Max(1200, { message: 'RETENTION_MONTHS must be between 0 and 1200' })
  RETENTION_MONTHS?: number;

  @IsOptional()
  @IsString()
  @IsCron({
    message: 'RETENTION_SCHEDULE must be a cron expression such as 30 2 * * * (minute hour day month weekday)',
  })
  RETENTION_SCHEDULE?: string;

  /** Test-only: names a point where the process kills itself, to prove crash safety. Honoured only with NODE_ENV=test. */
  @IsOptional()
  @IsString()
  EXITPOOL_FAULT_POINT?: string;

  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL?: string;

  /** `k2:<base64>,k1:<base64>`: parsed by parseKeyRing, which names the variable in its messages. */
  @IsOptional() @IsString() ENCRYPTION_KEYS?: string;

  @IsOptional()
  @IsString()
  @Matches(/^smtps?:\/\/[^\s/]+(\/\S*)?$/, {
    message: 'SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465',
  })
  SMTP_URL?: string;

  @IsOptional()
  @IsString()
  @Matches(MAIL_FROM, {
    message: 'MAIL_FROM must be an e-mail address, or a name and one: Exit Pool <noreply@example.org>',
  })
  MAIL_FROM?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'REVIEW_REMINDER_DAYS must be a whole number of days' })
  @Min(1, { message: 'REVIEW_REMINDER_DAYS must be between 1 and 365' })
  @Max(365, { message: 'REVIEW_REMINDER_DAYS must be between 1 and 365' })
  REVIEW_REMINDER_DAYS?: number;

  @IsOptional()
  @IsString()
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, {
    message: 'PUBLIC_URL must be the address users open the product at, e.g. https://exitpool.example.org',
  })
  PUBLIC_URL?: string;
}

export interface AppConfig {
  port: number;
  /** Unset: an embedded PostgreSQL in dataDir. */
  databaseUrl: string | undefined;
  /** The most connections the process's request pool opens (pg-boss keeps a few of its own beside it). */
  databasePoolSize: number;
  /** Processes that serve the API on the one port (node:cluster), each with its own pool: one per core at most. */
  apiProcesses: number;
  dataDir: string;
  demo: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
  /** Roles that must have a second factor before they may do anything but enrol. */
  mfaRequiredRoles: Role[];
  /** The country's profile (INSTALLATION): its currency, language, locale, identity number and demo. */
  installation: Installation;
  profile: InstallationProfile;
  /** The profile's currency unless CURRENCY says otherwise. */
  currency: string;
  logLevel: string;
  /** Test-only crash point; undefined outside NODE_ENV=test. */
  faultPoint?: string;
  /** Months after an application's final state and the close of its budget year before its narrative is purged. */
  retentionMonths: number;
  /** When the daily purge runs: a cron expression in the installation's time zone. */
  retentionSchedule: string;
  /**
   * The key ring of ENCRYPTION_KEYS (the first key encrypts, every key decrypts). Unset only in
   * demo mode with the embedded database, where the key file in DATA_DIR holds it (loadKeyRing).
   */
  encryptionKeys?: KeyRing;
  /** Notification e-mail over SMTP; unset: e-mail is off (in-product notifications stay). */
  smtpUrl?: string;
  /** The sender of notification e-mails (required with SMTP_URL). */
  mailFrom?: string;
  /** Days an application may wait in the review queue before the daily reminder names it. */
  reviewReminderDays: number;
  /** Where users open the product: the base of the links in e-mails. */
  publicUrl: string;
}

const KEYS = [
  'PORT',
  'DATABASE_URL',
  'DATABASE_POOL_SIZE',
  'API_PROCESSES',
  'DATA_DIR',
  'DEMO',
  'SESSION_IDLE_MINUTES',
  'SESSION_ABSOLUTE_HOURS',
  'LOGIN_MAX_FAILURES',
  'LOGIN_WINDOW_MINUTES',
  'MFA_REQUIRED_ROLES',
  'INSTALLATION',
  'CURRENCY',
  'LOG_LEVEL',
  'EXITPOOL_FAULT_POINT',
  'NODE_ENV',
  'RETENTION_MONTHS',
  'RETENTION_SCHEDULE',
  'ENCRYPTION_KEYS',
  'SMTP_URL',
  'MAIL_FROM',
  'REVIEW_REMINDER_DAYS',
  'PUBLIC_URL',
];

/** Connections of one process's request pool unless DATABASE_POOL_SIZE says otherwise. */
export const DEFAULT_POOL_SIZE = 20;

export class ConfigError extends Error {}

/** Reads and validates the environment once; a bad variable throws a message that names it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = Object.fromEntries(Object.entries(env).filter(([key]) => KEYS.includes(key)));
  const parsed = plainToInstance(EnvironmentVariables, raw);
  const problems = validateSync(parsed, { whitelist: true });
  if (problems.length > 0) {
    const lines = problems.flatMap((p) =>
      Object.values(p.constraints ?? {})
        .slice(-1)
        .map((m) => `${p.property}: ${m}`),
    );
    throw new ConfigError(`Invalid environment:\n  ${lines.join('\n  ')}`);
  }
  const databaseUrl = parsed.DATABASE_URL || undefined;
  const demo = parsed.DEMO ?? databaseUrl === undefined;
  const encryptionKeys = readKeyRing(parsed.ENCRYPTION_KEYS, demo && databaseUrl === undefined);
  const smtpUrl = parsed.SMTP_URL?.trim() || undefined;
  const mailFrom = parsed.MAIL_FROM?.trim() || undefined;
  if (smtpUrl && !mailFrom) {
    throw new ConfigError(
      'Invalid environment:\n  MAIL_FROM: MAIL_FROM must be set with SMTP_URL: the sender of notification e-mails, e.g. Exit Pool <noreply@example.org>',
    );
  }
  const port = parsed.PORT ?? 3000;
  const installation = parsed.INSTALLATION ?? 'dk';
  const profile = INSTALLATION_PROFILES[installation];
  return {
    port,
    databaseUrl,
    databasePoolSize: parsed.DATABASE_POOL_SIZE ?? DEFAULT_POOL_SIZE,
    apiProcesses: parsed.API_PROCESSES ?? 1,
    dataDir: parsed.DATA_DIR || './data',
    demo,
    sessionIdleMinutes: parsed.SESSION_IDLE_MINUTES ?? 30,
    sessionAbsoluteHours: parsed.SESSION_ABSOLUTE_HOURS ?? 12,
    loginMaxFailures: parsed.LOGIN_MAX_FAILURES ?? 10,
    loginWindowMinutes: parsed.LOGIN_WINDOW_MINUTES ?? 15,
    // the demo opens with a password; a real installation asks the national roles for a second factor
    mfaRequiredRoles: parsed.MFA_REQUIRED_ROLES
      ? [...new Set(parseRoles(parsed.MFA_REQUIRED_ROLES))]
      : demo
        ? []
        : ['contact_point', 'finance', 'admin'],
    installation,
    profile,
    currency: parsed.CURRENCY ?? profile.currency,
    logLevel: parsed.LOG_LEVEL ?? 'info',
    faultPoint: parsed.NODE_ENV === 'test' ? parsed.EXITPOOL_FAULT_POINT : undefined,
    retentionMonths: parsed.RETENTION_MONTHS ?? 36,
    retentionSchedule: parsed.RETENTION_SCHEDULE?.trim() || '30 2 * * *',
    encryptionKeys,
    smtpUrl,
    mailFrom,
    reviewReminderDays: parsed.REVIEW_REMINDER_DAYS ?? 5,
    publicUrl: (parsed.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, ''),
  };
}

/** ENCRYPTION_KEYS, required unless the demo on the embedded database may keep its key in a file. */
function readKeyRing(value: string | undefined, keyFileAllowed: boolean): KeyRing | undefined {
  if (!value?.trim()) {
    if (keyFileAllowed) return undefined;
    throw new ConfigError(
      'Invalid environment:\n  ENCRYPTION_KEYS: ENCRYPTION_KEYS must be set outside demo mode with the embedded database: ' +
        'a key ring such as k1:<base64 of 32 random bytes> (openssl rand -base64 32 makes a key)',
    );
  }
  try {
    return parseKeyRing(value, 'ENCRYPTION_KEYS');
  } catch (error) {
    if (error instanceof KeyRingError) throw new ConfigError(`Invalid environment:\n  ${error.message}`);
    throw error;
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');
