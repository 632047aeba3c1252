import { createHash } from 'node:crypto';

/**
 * The hash chain of the audit trail, as plain functions: what the writer
 * stores, the migration computes for old events and `check:audit` recomputes.
 *
 * An event's canonical content is the RFC 8785 (JCS) serialisation of this
 * JSON array, in this order:
 *
 *   ["exitpool-audit/1", seq, id, at, actorId, action, entityType, entityId, requestId, details, prevHash]
 *
 * - `seq` a JSON number written with its decimal digits (1, 2, 3, … without gaps);
 * - `id`, `actorId` lower-case UUIDs, `at` UTC with microseconds (`2026-05-01T10:00:00.123456Z`),
 *   absent values `null`;
 * - `details` canonical JSON: object keys sorted by UTF-16 code units, no white space, strings
 *   escaped as JSON.stringify does, numbers in their shortest round-trip form;
 * - `prevHash` the previous event's hash, or 64 zeros before the first event.
 *
 * The event's hash is the lower-case hex SHA-256 of the UTF-8 bytes of that text.
 * Never change this form: events hashed with it stay in the chain. A new form needs a new version tag.
 */
export const CHAIN_FORMAT = 'exitpool-audit/1';
export const GENESIS_HASH = '0'.repeat(64);

/** The fixed advisory lock that serialises appends to the chain, across every process on the database. */
export const AUDIT_CHAIN_LOCK = 0x415544; // 'AUD'

/** `at` as the canonical form writes it, formatted by PostgreSQL so that no precision is lost. */
export const canonicalAtSql = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface ChainFields {
  seq: string;
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  requestId: string | null;
  details: JsonValue;
  prevHash: string;
}

/** RFC 8785 canonical JSON of a value parsed from JSON; throws on what JSON cannot hold. */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${value} has no JSON form`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const object = value as Record<string, unknown>;
      const keys = Object.keys(object)
        .filter((k) => object[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(object[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`a ${typeof value} has no JSON form`);
  }
}

const SEQ = /^[1-9][0-9]{0,18}$/;
const HASH = /^[0-9a-f]{64}$/;

/** The canonical content of one event (see above). */
export function canonicalEvent(e: ChainFields): string {
  if (!SEQ.test(e.seq)) throw new TypeError(`seq ${e.seq} is not a positive integer`);
  if (!HASH.test(e.prevHash)) throw new TypeError('prevHash is not a lower-case hex SHA-256');
  const fields = [e.id, e.at, e.actorId, e.action, e.entityType, e.entityId, e.requestId, e.details, e.prevHash];
  return `[${JSON.stringify(CHAIN_FORMAT)},${e.seq},${fields.map(canonicalJson).join(',')}]`;
}

export function eventHash(e: ChainFields): string {
  return createHash('sha256').update(canonicalEvent(e), 'utf8').digest('hex');
}

/** Details as they come back from jsonb: what JSON.stringify keeps (no undefined, Dates as strings). */
export function jsonDetails(details: Record<string, unknown> | undefined): JsonValue {
  return JSON.parse(JSON.stringify(details ?? {})) as JsonValue;
}
