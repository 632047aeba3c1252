import { parseMoney } from '@app/money';
import type { ValueTransformer } from 'typeorm';

/** PostgreSQL `bigint` ⇄ JavaScript `bigint`: money never passes through a float. */
export const bigintColumn: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | null) => (value === null ? null : parseMoney(value)),
};

const pad = (n: number) => String(n).padStart(2, '0');

/** PostgreSQL `date[]` ⇄ ISO date strings (the driver reads dates as local midnight). */
export const dateArrayColumn: ValueTransformer = {
  to: (value: string[] | undefined) => value,
  from: (value: (string | Date)[] | null) =>
    (value ?? []).map((d) =>
      typeof d === 'string' ? d : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    ),
};
