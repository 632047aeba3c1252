import { looksLikeNationalId } from '@app/privacy';
import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min, registerDecorator, ValidateIf, type ValidationOptions } from 'class-validator';

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

const pad = (n: number) => String(n).padStart(2, '0');

/** Today's date where the installation is: the process's time zone (set `TZ`, e.g. Europe/Copenhagen). */
export const todayIso = (): string => {
  const now = new Date();
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/**
 * A calendar date `YYYY-MM-DD`. With `nullable`, `null` (or leaving it out) clears it;
 * with `notFuture`, a date after today is refused.
 */
export function IsIsoDate(
  field: string,
  options: { notFuture?: boolean; nullable?: boolean; each?: boolean } = {},
): PropertyDecorator {
  const one = (value: unknown) => isIsoDate(value) && (!options.notFuture || value <= todayIso());
  return applyDecorators(
    ValidateIf((_, value) => !options.nullable || (value !== null && value !== undefined)),
    (target: object, property: string | symbol) =>
      registerDecorator({
        name: 'isIsoDate',
        target: target.constructor,
        propertyName: property as string,
        validator: {
          validate: (value: unknown) => (options.each ? Array.isArray(value) && value.every(one) : one(value)),
          defaultMessage: () =>
            `${field} must be ${options.each ? 'a list of dates' : 'a date'} YYYY-MM-DD${options.notFuture ? ', not after today' : ''}`,
        },
      }),
  );
}

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
        validate: (value: unknown) => typeof value !== 'string' || !looksLikeNationalId(value),
        defaultMessage: () =>
          `${field} looks like it holds a national identity number (CPR or HETU); cases are pseudonymous, remove it`,
      },
    });
}
