import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import type { Request } from 'express';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { fieldError } from './errors.js';
import { assertCleanInput } from './input-guard.js';
import { isIsoDate } from './validators.js';

export type FieldType = 'string' | 'uuid' | 'boolean' | 'integer' | 'date' | 'timestamp';

export interface FieldSpec {
  /** SQL expression, e.g. `u.code`. */
  column: string;
  type: FieldType;
  sortable?: boolean;
  /** Allowed values of an enumeration. */
  values?: readonly string[];
  /** A virtual sort over several columns, in ascending order (reversed for DESC); not filterable. */
  orderBy?: [column: string, order: SortOrder][];
}

/** What a resource lets react-admin sort and filter on: the react-admin simple REST convention. */
export interface ListSpec {
  resource: string;
  fields: Record<string, FieldSpec>;
  /** Columns searched by the free-text `q` filter (case-insensitive substring). */
  search?: string[];
  defaultSort: [string, SortOrder];
}

export type SortOrder = 'ASC' | 'DESC';

export interface ListQuery {
  sort: [string, SortOrder];
  range: [number, number];
  filter: Record<string, unknown>;
}

export const MAX_PAGE = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function bad(field: string, message: string): never {
  throw fieldError(field, message);
}

function parseJson(name: string, raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') bad(name, 'must be given once, as JSON');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return bad(name, 'is not valid JSON');
  }
  assertCleanInput(parsed, name);
  return parsed;
}

/** A field of the spec by its own name only: `constructor` or `__proto__` is no field. */
const fieldOf = (spec: ListSpec, name: string): FieldSpec | undefined =>
  Object.hasOwn(spec.fields, name) ? spec.fields[name] : undefined;

/** Every field marked sortable, and `id`: react-admin's default sort, and always a total order. */
const isSortable = (spec: ListSpec, name: string): boolean => {
  const field = fieldOf(spec, name);
  return field !== undefined && (field.sortable === true || name === 'id');
};

export function parseListQuery(raw: Record<string, unknown>, spec: ListSpec): ListQuery {
  const unknownParams = Object.keys(raw).filter((k) => !['sort', 'range', 'filter'].includes(k));
  if (unknownParams.length) bad(unknownParams[0], 'is not a known query parameter (use sort, range, filter)');

  let sort = spec.defaultSort;
  const rawSort = parseJson('sort', raw.sort);
  if (rawSort !== undefined) {
    if (!Array.isArray(rawSort) || rawSort.length !== 2 || typeof rawSort[0] !== 'string') {
      bad('sort', 'must be a JSON array ["field","ASC"|"DESC"]');
    }
    const [field, order] = rawSort as [string, unknown];
    if (!isSortable(spec, field)) bad('sort', `cannot sort by "${field}"; sortable: ${sortable(spec).join(', ')}`);
    const upper = typeof order === 'string' ? order.toUpperCase() : '';
    if (upper !== 'ASC' && upper !== 'DESC') bad('sort', 'order must be ASC or DESC');
    sort = [field, upper as SortOrder];
  }

  let range: [number, number] = [0, 24];
  const rawRange = parseJson('range', raw.range);
  if (rawRange !== undefined) {
    if (
      !Array.isArray(rawRange) ||
      rawRange.length !== 2 ||
      !rawRange.every((n) => Number.isSafeInteger(n) && n >= 0) ||
      rawRange[1] < rawRange[0]
    ) {
      bad('range', 'must be a JSON array [first, last] of whole numbers with first ≤ last');
    }
    if (rawRange[1] - rawRange[0] + 1 > MAX_PAGE) bad('range', `may span at most ${MAX_PAGE} records`);
    range = [rawRange[0], rawRange[1]];
  }

  const rawFilter = parseJson('filter', raw.filter) ?? {};
  if (typeof rawFilter !== 'object' || rawFilter === null || Array.isArray(rawFilter)) {
    bad('filter', 'must be a JSON object');
  }
  const filter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rawFilter)) {
    filter[key] = checkFilter(key, value, spec);
  }
  if (Array.isArray(filter.id)) {
    // getMany: every listed id in one answer, whatever the page
    if (filter.id.length > MAX_PAGE) bad('filter', `id may list at most ${MAX_PAGE} ids`);
    if (rawRange === undefined) range = [0, Math.max(filter.id.length - 1, 0)];
  }
  return { sort, range, filter };
}

function sortable(spec: ListSpec): string[] {
  return Object.keys(spec.fields).filter((name) => isSortable(spec, name));
}

function splitOperator(key: string): [string, 'eq' | 'gte' | 'lte'] {
  const match = /^(.+)_(gte|lte)$/.exec(key);
  return match ? [match[1], match[2] as 'gte' | 'lte'] : [key, 'eq'];
}

function checkFilter(key: string, value: unknown, spec: ListSpec): unknown {
  const where = `filter.${key}`;
  if (key === 'q') {
    if (!spec.search?.length) bad(where, 'free-text search is not offered here');
    if (typeof value !== 'string' || value.length > 200) bad(where, 'must be a text of at most 200 characters');
    return value;
  }
  const [name, op] = splitOperator(key);
  const field = fieldOf(spec, name);
  if (field?.orderBy) bad(where, 'is a sort order, not a filterable field');
  if (!field) bad(where, `is not a filterable field; filterable: q, ${Object.keys(spec.fields).join(', ')}`);
  if (op !== 'eq' && !['integer', 'date', 'timestamp'].includes(field.type))
    bad(where, 'range filters need a number or date field');
  if (Array.isArray(value)) {
    if (op !== 'eq') bad(where, 'must be a single value');
    value.forEach((v) => checkScalar(where, v, field));
    return value;
  }
  if (value === null && op === 'eq') return null;
  checkScalar(where, value, field);
  return value;
}

function checkScalar(where: string, value: unknown, field: FieldSpec): void {
  const ok = (() => {
    switch (field.type) {
      case 'uuid':
        return typeof value === 'string' && UUID.test(value);
      case 'boolean':
        return typeof value === 'boolean';
      case 'integer':
        return Number.isSafeInteger(value);
      case 'date':
        return isIsoDate(value);
      case 'timestamp':
        return typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
      case 'string':
        return typeof value === 'string' && value.length <= 200 && (!field.values || field.values.includes(value));
    }
  })();
  if (!ok) {
    const expected = field.values ? `one of ${field.values.join(', ')}` : `a ${field.type}`;
    bad(where, `must be ${expected}`);
  }
}

/** Adds the filter, order and page of a parsed list query to a query builder. */
export function applyListQuery<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  spec: ListSpec,
): SelectQueryBuilder<T> {
  let n = 0;
  for (const [key, value] of Object.entries(query.filter)) {
    const p = `lq${n++}`;
    if (key === 'q') {
      const text = `%${String(value).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(`(${spec.search!.map((c) => `${c}::text ILIKE :${p}`).join(' OR ')})`, { [p]: text });
      continue;
    }
    const [name, op] = splitOperator(key);
    const column = spec.fields[name].column;
    if (value === null) qb.andWhere(`${column} IS NULL`);
    else if (Array.isArray(value)) qb.andWhere(value.length ? `${column} IN (:...${p})` : 'false', { [p]: value });
    else if (op === 'gte') qb.andWhere(`${column} >= :${p}`, { [p]: value });
    else if (op === 'lte') qb.andWhere(`${column} <= :${p}`, { [p]: value });
    else qb.andWhere(`${column} = :${p}`, { [p]: value });
  }
  const [field, order] = query.sort;
  const sortField = spec.fields[field];
  const sortColumn = sortField.column;
  if (sortField.orderBy) {
    const flip = (o: SortOrder): SortOrder => (order === 'ASC' ? o : o === 'ASC' ? 'DESC' : 'ASC');
    sortField.orderBy.forEach(([column, o], i) =>
      i === 0 ? qb.orderBy(column, flip(o)) : qb.addOrderBy(column, flip(o)),
    );
  } else {
    qb.orderBy(sortColumn, order, order === 'ASC' ? 'NULLS FIRST' : 'NULLS LAST');
  }
  // a stable tie-break so pages never repeat or skip a record
  const idColumn = spec.fields.id?.column;
  if (idColumn && idColumn !== sortColumn) qb.addOrderBy(idColumn, order);
  return qb.offset(query.range[0]).limit(query.range[1] - query.range[0] + 1);
}

/** One page of a collection; the ContentRangeInterceptor turns it into the array and the header. */
export class Page<T> {
  constructor(
    readonly resource: string,
    readonly rows: T[],
    readonly total: number,
    readonly start: number,
  ) {}

  get contentRange(): string {
    if (this.rows.length === 0) return `${this.resource} */${this.total}`;
    return `${this.resource} ${this.start}-${this.start + this.rows.length - 1}/${this.total}`;
  }
}

export async function findPage<T extends ObjectLiteral, R = T>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  spec: ListSpec,
  map: (row: T) => R = (row) => row as unknown as R,
): Promise<Page<R>> {
  const [rows, total] = await applyListQuery(qb, query, spec).getManyAndCount();
  return new Page(spec.resource, rows.map(map), total, query.range[0]);
}

/** `@List(SPEC) query: ListQuery` in a controller: the parsed `sort`, `range` and `filter`. */
export const List = createParamDecorator(
  (spec: ListSpec, ctx: ExecutionContext): ListQuery => {
    const request = ctx.switchToHttp().getRequest<Request>();
    return parseListQuery(request.query as Record<string, unknown>, spec);
  },
  [documentListParameters],
);

/** The react-admin list parameters in the OpenAPI document, on every route that takes them. */
function documentListParameters(target: object, key: string | symbol | undefined): void {
  if (key === undefined) return;
  const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
  const query = (name: string, description: string, example: string) =>
    ApiQuery({ name, required: false, description, schema: { type: 'string', example } })(target, key, descriptor);
  query('sort', 'JSON `[field, "ASC" | "DESC"]`', '["id","ASC"]');
  query('range', 'JSON `[first, last]`, both inclusive, from 0', '[0,24]');
  query('filter', 'JSON object of field → value; a list of values matches any; `q` searches text', '{}');
}
