import { findNationalIds, type NationalIdKind, nationalIdNames } from '@app/privacy';
import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsString,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import { thisYear, todayIso } from './dates.js';
import { Nullable } from './nullable.js';

/** The largest amount anyone may type: DKK 1 billion. Larger is a typing mistake, not a grant. */
export const MAX_AMOUNT = 100_000_000_000;

/** An integer number of minor units (øre) from `min` up to a sane maximum. */
export function IsMoney(field: string, min = 1): PropertyDecorator {
  return applyDecorators(
    IsInt({ message: `${field} must be a whole number of minor units (øre)` }),
    Min(min, { message: `${field} must be at least ${min}` }),
    Max(MAX_AMOUNT, { message: `${field} must be at most ${MAX_AMOUNT}` }),
  );
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    date.getUTCFullYear() === Number(m[1]) &&
    date.getUTCMonth() === Number(m[2]) - 1 &&
    date.getUTCDate() === Number(m[3])
  );
}

// The sane bounds of every date and year the API takes, in one place: outside them a value is a typing mistake.
/** No record of the programme is older: an earlier date (a payment in 1900) is a mistake. */
export const DATE_FLOOR = '2000-01-01';
export const FIRST_BIRTH_YEAR = 1900;
export const FIRST_BUDGET_YEAR = 2000;
/** Budget years may be opened (and guideline versions dated) this many years ahead. */
export const YEARS_AHEAD = 5;
export const lastBudgetYear = (): number => thisYear() + YEARS_AHEAD;
/** The latest date a plan (a guideline version, a session) may name: the end of the last budget year that may exist. */
export const dateCeiling = (): string => `${lastBudgetYear()}-12-31`;

/**
 * Reports may ask about years and periods up to here: a year without a budget
 * year is a 404 like any other, only an absurd one is a 400.
 */
export const LAST_REPORT_YEAR = 2100;

export interface DateBounds {
  /** Earliest date allowed; default DATE_FLOOR. */
  min?: string;
  /** Latest date allowed; default dateCeiling(). */
  max?: () => string;
  /** Not after today (overrides `max`). */
  notFuture?: boolean;
}

/** Why a value is not a date within the bounds, or null when it is. */
export function dateProblem(value: unknown, bounds: DateBounds = {}): string | null {
  if (!isIsoDate(value)) return 'must be a date YYYY-MM-DD';
  const min = bounds.min ?? DATE_FLOOR;
  if (value < min) return `must be a date YYYY-MM-DD, not before ${min}`;
  if (bounds.notFuture) return value > todayIso() ? 'must be a date YYYY-MM-DD, not after today' : null;
  const max = (bounds.max ?? dateCeiling)();
  return value > max ? `must be a date YYYY-MM-DD, not after ${max}` : null;
}

/**
 * A calendar date `YYYY-MM-DD` from DATE_FLOOR up to dateCeiling() (or other bounds);
 * the message names the bound that was crossed. With `nullable`, `null` (or leaving
 * it out) clears it; with `notFuture`, a date after today is refused; with `each`, a list of dates.
 */
export function IsIsoDate(
  field: string,
  options: DateBounds & { nullable?: boolean; each?: boolean } = {},
): PropertyDecorator {
  const problem = (value: unknown): string | null => {
    if (!options.each) return dateProblem(value, options);
    if (!Array.isArray(value)) return 'must be a list of dates YYYY-MM-DD';
    for (const one of value) {
      const found = dateProblem(one, options);
      if (found) return `must be a list of dates YYYY-MM-DD; ${JSON.stringify(one)} ${found}`;
    }
    return null;
  };
  return applyDecorators(
    ValidateIf((_, value) => !options.nullable || (value !== null && value !== undefined)),
    ...(options.nullable ? [Nullable()] : []),
    (target: object, property: string | symbol) =>
      registerDecorator({
        name: 'isIsoDate',
        target: target.constructor,
        propertyName: property as string,
        validator: {
          validate: (value: unknown) => problem(value) === null,
          defaultMessage: (args) => `${field} ${problem(args?.value) ?? 'must be a date YYYY-MM-DD'}`,
        },
      }),
  );
}

/**
 * A whole year from `min` to `max()`, both named in the message; `max` is a
 * function so that the bound moves with the calendar in a long-running process.
 */
export function IsYear(
  field: string,
  min: number,
  max: () => number,
  options: { futureMessage?: string } = {},
): PropertyDecorator {
  const problem = (value: unknown): string | null => {
    if (!Number.isInteger(value)) return `${field} must be a whole year`;
    if ((value as number) < min) return `${field} must be ${min} or later`;
    if ((value as number) > max()) return options.futureMessage ?? `${field} must be ${max()} or earlier`;
    return null;
  };
  return (target: object, property: string | symbol) =>
    registerDecorator({
      name: 'isYear',
      target: target.constructor,
      propertyName: property as string,
      validator: {
        validate: (value: unknown) => problem(value) === null,
        defaultMessage: (args) => problem(args?.value) ?? `${field} must be a whole year`,
      },
    });
}

/** A budget year to open: from FIRST_BUDGET_YEAR to YEARS_AHEAD years from now. */
export const IsBudgetYear = (field = 'year'): PropertyDecorator => IsYear(field, FIRST_BUDGET_YEAR, lastBudgetYear);

/** The year a report asks about: from FIRST_BUDGET_YEAR to LAST_REPORT_YEAR. */
export const IsReportYear = (field = 'year'): PropertyDecorator =>
  IsYear(field, FIRST_BUDGET_YEAR, () => LAST_REPORT_YEAR);

/** A date bounding a report's period: from DATE_FLOOR to the end of LAST_REPORT_YEAR. */
export const IsReportDate = (field: string): PropertyDecorator =>
  IsIsoDate(field, { max: () => `${LAST_REPORT_YEAR}-12-31` });

/** Trims a text before it is validated; any other value passes as it came. */
export const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/**
 * A trimmed, non-empty text of at most `max` characters that identifies no one.
 * Registered lowest first, as the same decorators stacked on the property would be,
 * so that the message chosen for a wrong value (the type check's) is the same.
 */
export function IsText(field: string, max: number): PropertyDecorator {
  return applyDecorators(
    NoNationalId(field),
    MaxLength(max, { message: `${field} must be at most ${max} characters` }),
    IsNotEmpty({ message: `${field} must not be empty` }),
    IsString({ message: `${field} must be a text` }),
    Transform(trim),
  );
}

// The installation's own number is looked for and named first (INSTALLATION); both are always refused.
let nationalIdFirst: NationalIdKind = 'cpr';
export const setNationalIdFirst = (kind: NationalIdKind): void => {
  nationalIdFirst = kind;
};
/** Whether the text holds a CPR or HETU number, the installation's own looked for first. */
export const holdsNationalId = (text: string): boolean => findNationalIds(text, nationalIdFirst).length > 0;
/** "CPR or HETU" for a Danish installation, "HETU or CPR" for a Finnish one. */
export const nationalIdWords = (): string => nationalIdNames(nationalIdFirst);

/**
 * Free text that must not identify anyone: refused when it holds something
 * that looks like a Danish CPR or a Finnish HETU number.
 */
export function NoNationalId(field: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, property: string | symbol) =>
    registerDecorator({
      name: 'noNationalId',
      target: target.constructor,
      propertyName: property as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !holdsNationalId(value),
        defaultMessage: () =>
          `${field} looks like it holds a national identity number (${nationalIdNames(nationalIdFirst)}); cases are pseudonymous, remove it`,
      },
    });
}
