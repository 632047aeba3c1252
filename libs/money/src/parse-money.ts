// PostgreSQL `bigint` range: a value outside it could never be stored, so it is refused here.
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const INTEGER_STRING = /^-?\d+$/;
// Longer digit strings are out of range anyway; refusing them early keeps BigInt() cheap.
const MAX_STRING_LENGTH = 40;

/** A money value that is not an integer number of minor units. */
export class InvalidMoneyError extends Error {
  /** the field that held the value, for a validation error's `errors` map */
  readonly field: string;
  /** what is wrong, without the field name */
  readonly reason: string;

  constructor(field: string, reason: string) {
    super(`${field} ${reason}`);
    this.name = 'InvalidMoneyError';
    this.field = field;
    this.reason = reason;
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  return String(value);
}

function inRange(minor: bigint, field: string): bigint {
  if (minor < INT64_MIN || minor > INT64_MAX) {
    throw new InvalidMoneyError(field, `is out of range for a bigint of minor units, got ${show(minor)}`);
  }
  return minor;
}

/**
 * Reads a money value as it comes from JSON or the database driver: a bigint,
 * a safe integer number (`1250000`) or an integer string (`"1250000"`, `"-500"`),
 * always in minor units. Anything else — fractions, NaN, numbers beyond 2^53,
 * decimal or exponent strings — throws an {@link InvalidMoneyError}.
 */
export function parseMoney(value: unknown, field = 'amount'): bigint {
  if (typeof value === 'bigint') return inRange(value, field);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new InvalidMoneyError(field, `must be a safe integer number of minor units, got ${show(value)}`);
    }
    // -0 is a valid zero; BigInt(-0) is 0n.
    return BigInt(value);
  }
  if (typeof value === 'string') {
    if (!INTEGER_STRING.test(value)) {
      throw new InvalidMoneyError(field, `must be an integer string of minor units, got ${show(value)}`);
    }
    if (value.length > MAX_STRING_LENGTH) {
      throw new InvalidMoneyError(field, `is out of range for a bigint of minor units, got ${show(value)}`);
    }
    return inRange(BigInt(value), field);
  }
  throw new InvalidMoneyError(
    field,
    `must be an integer number of minor units, got ${value === null ? 'null' : typeof value}`,
  );
}
