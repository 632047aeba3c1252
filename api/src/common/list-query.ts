import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import type { Request } from 'express';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { preparedQuery } from '../database/prepared-query.js';
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
  /** What the free-text `q` filter searches (a case-insensitive substring): any of these matches. */
  search?: SearchTerm[];
  defaultSort: [string, SortOrder];
}

export type SortOrder = 'ASC' | 'DESC';

/**
 * A column that `q` matches by `ILIKE`, or a column whose value is among those a small look-up
 * finds by the pattern, e.g. `{ column: 'a.unit_id', in: (p) => \`SELECT id FROM units WHERE name ILIKE ${p}\` }`.
 * `queryPage` runs the look-ups first and lists what they found, so that the planner sees constants
 * (and drops an arm that found nothing) and every arm can take an index.
 */
export type SearchTerm = string | { column: string; in: (pattern: string) => string };

/** What the look-ups of a `q` found, by term: `queryPage` lists them instead of a subquery. */
type Found = (unknown[] | undefined)[];

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

/** One key of a list's order, its NULLS placement always spelled out so that it can be reversed. */
interface OrderTerm {
  column: string;
  order: SortOrder;
  nulls: 'FIRST' | 'LAST';
}

// PostgreSQL's default: NULLS LAST ascending, NULLS FIRST descending
const byDefault = (column: string, order: SortOrder): OrderTerm => ({
  column,
  order,
  nulls: order === 'ASC' ? 'LAST' : 'FIRST',
});

const reversed = (t: OrderTerm): OrderTerm => ({
  column: t.column,
  order: t.order === 'ASC' ? 'DESC' : 'ASC',
  nulls: t.nulls === 'FIRST' ? 'LAST' : 'FIRST',
});

const orderSql = (terms: OrderTerm[], column = (t: OrderTerm, _i: number) => t.column): string =>
  terms.map((t, i) => `${column(t, i)} ${t.order} NULLS ${t.nulls}`).join(', ');

/** The order of a parsed list query, with the id as the last key: a total order, so pages never repeat or skip. */
function orderTerms(query: ListQuery, spec: ListSpec): OrderTerm[] {
  const [field, order] = query.sort;
  const sortField = spec.fields[field];
  const flip = (o: SortOrder): SortOrder => (order === 'ASC' ? o : o === 'ASC' ? 'DESC' : 'ASC');
  const terms = sortField.orderBy
    ? sortField.orderBy.map(([column, o]) => byDefault(column, flip(o)))
    : [{ column: sortField.column, order, nulls: order === 'ASC' ? 'FIRST' : 'LAST' } satisfies OrderTerm];
  const idColumn = spec.fields.id?.column;
  if (idColumn && idColumn !== sortField.column) terms.push(byDefault(idColumn, order));
  return terms;
}

const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The conditions of a parsed list query's filter; `param` answers the placeholder of a value. */
function filterConditions(
  query: ListQuery,
  spec: ListSpec,
  param: (value: unknown) => string,
  found: Found = [],
): string[] {
  const conditions: string[] = [];
  for (const [key, value] of Object.entries(query.filter)) {
    if (key === 'q') {
      const p = param(likePattern(String(value)));
      const terms = spec.search!.flatMap((t, i) => {
        if (typeof t === 'string') return [`${t}::text ILIKE ${p}`];
        const listed = found[i];
        if (!listed) return [`${t.column} IN (${t.in(p)})`];
        return listed.length ? [`${t.column} = ANY (${param(listed)})`] : [];
      });
      conditions.push(terms.length ? `(${terms.join(' OR ')})` : 'false');
      continue;
    }
    const [name, op] = splitOperator(key);
    const column = spec.fields[name].column;
    if (value === null) conditions.push(`${column} IS NULL`);
    else if (Array.isArray(value))
      conditions.push(value.length ? `${column} IN (${value.map(param).join(', ')})` : 'false');
    else conditions.push(`${column} ${op === 'gte' ? '>=' : op === 'lte' ? '<=' : '='} ${param(value)}`);
  }
  return conditions;
}

/** Adds the filter, order and page of a parsed list query to a query builder. */
export function applyListQuery<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  spec: ListSpec,
): SelectQueryBuilder<T> {
  let n = 0;
  const param = (value: unknown): string => {
    const name = `lq${n++}`;
    qb.setParameter(name, value);
    return `:${name}`;
  };
  for (const condition of filterConditions(query, spec, param)) qb.andWhere(condition);
  orderTerms(query, spec).forEach((t, i) =>
    i === 0 ? qb.orderBy(t.column, t.order, `NULLS ${t.nulls}`) : qb.addOrderBy(t.column, t.order, `NULLS ${t.nulls}`),
  );
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

/** What a list reads, for `queryPage`: its rows as the actor may see them, and what each row of the page looks up. */
export interface PageSource {
  /** The FROM clause, with the joins that the spec's columns name. */
  from: string;
  /** The actor's scope, ANDed with the query's filter. */
  where?: string[];
  /** Values of the `:name` placeholders in `where` and in the spec's columns (e.g. `:listActor`). */
  named?: Record<string, unknown>;
  /** The page's columns, `expression AS alias`. */
  select: string[];
  /** Joins and columns over the page's rows only (aliased `p`), e.g. the names of the staff who acted. */
  lookup?: { join?: string; select: string[] };
  /**
   * A statement answering `total` for the list with no condition at all (no scope, no filter),
   * cheaper than counting every row and equal to it by an invariant the database keeps.
   */
  unfilteredTotal?: string;
}

/**
 * One page and the total of a list: the first page in ONE statement (the count,
 * the page, what its rows look up); a later one counts first, then reads the page
 * from the nearer end of the order (past the middle, the reversed order with the
 * complementary offset, so that the last page costs what the first does). The
 * rows are those of a straight `ORDER BY … OFFSET … LIMIT`, in that order.
 */
export async function queryPage<R>(
  manager: EntityManager,
  query: ListQuery,
  spec: ListSpec,
  source: PageSource,
  map: (row: Record<string, unknown>) => R,
): Promise<Page<R>> {
  const named = source.named ?? {};
  const listed = await lookUp(manager, query, spec);
  /** The statement's conditions and order, with their values numbered from $1 for one statement. */
  const compile = () => {
    const values: unknown[] = [];
    const param = (value: unknown): string => `$${values.push(value)}`;
    // `:name` of the given values, never the `::` of a cast
    const bind = (sql: string): string =>
      sql.replace(/(?<![:\w]):(\w+)/g, (whole, name: string) =>
        Object.hasOwn(named, name) ? param(named[name]) : whole,
      );
    const where = [...(source.where ?? []), ...filterConditions(query, spec, param, listed)].map(bind);
    const whereSql = where.length ? `WHERE ${where.map((c) => `(${c})`).join(' AND ')}` : '';
    const count =
      where.length === 0 && source.unfilteredTotal
        ? source.unfilteredTotal
        : `SELECT count(*)::bigint AS total FROM ${source.from} ${whereSql}`;
    return { values, bind, whereSql, count };
  };
  const [first, last] = query.range;
  const size = last - first + 1;
  // Past the first page, the total comes first, so that the page's statement reads from the nearer end
  // with constants the planner can cost (an offset it must guess can make it sort the whole table).
  let known: number | undefined;
  if (first > 0) {
    const { values, count } = compile();
    const [row] = await preparedQuery<{ total: string }>(manager, count, values);
    known = Number(row?.total ?? 0);
  }
  const { values, bind, whereSql, count } = compile();
  const terms = orderTerms(query, spec).map((t) => ({ ...t, column: bind(t.column) }));
  const keys = terms.map((t, i) => `${t.column} AS "_k${i}"`);
  const page = (order: OrderTerm[], offset: number, limit: number) =>
    `SELECT ${[...source.select, ...keys, 'true AS "_row"'].join(', ')} FROM ${source.from} ${whereSql}
      ORDER BY ${orderSql(order)} OFFSET ${offset} LIMIT ${limit}`;
  const pages =
    known === undefined || 2 * first <= known
      ? page(terms, first, size)
      : page(terms.map(reversed), Math.max(known - last - 1, 0), Math.max(Math.min(size, known - first), 0));
  const sql = `WITH n AS (${known === undefined ? count : `SELECT ${known}::bigint AS total`}), p AS (${pages})
    SELECT n.total AS "_total", p.*${source.lookup ? `, ${source.lookup.select.join(', ')}` : ''}
    FROM n LEFT JOIN p ON true ${source.lookup?.join ?? ''}
    ORDER BY ${orderSql(terms, (_, i) => `p."_k${i}"`)}`;
  // the first page's text is one of a few per list (its values are parameters): prepared once per connection;
  // a later page's holds its total, and a search's plan depends on what it looks for
  const rows: Record<string, unknown>[] =
    known === undefined && query.filter.q === undefined
      ? await preparedQuery(manager, sql, values)
      : await manager.query(sql, values);
  // the page's own columns, without the statement's: named once, copied per row
  const columns = Object.keys(rows[0] ?? {}).filter((k) => k !== '_total' && k !== '_row' && !/^_k\d+$/.test(k));
  const own = (row: Record<string, unknown>) => {
    const copy: Record<string, unknown> = {};
    for (const k of columns) copy[k] = row[k];
    return copy;
  };
  return new Page(
    spec.resource,
    rows.filter((r) => r._row !== null).map((r) => map(own(r))),
    Number(rows[0]?._total ?? 0),
    first,
  );
}

/** The `q` look-ups of a query in one statement, or none when it has no `q` or the spec no look-up. */
async function lookUp(manager: EntityManager, query: ListQuery, spec: ListSpec): Promise<Found> {
  const q = query.filter.q;
  const terms = (spec.search ?? []).map((t, i) => [t, i] as const).filter(([t]) => typeof t !== 'string');
  if (typeof q !== 'string' || terms.length === 0) return [];
  const select = terms.map(([t, i]) => `ARRAY(${(t as Exclude<SearchTerm, string>).in('$1')}) AS "${i}"`);
  const [row] = (await manager.query(`SELECT ${select.join(', ')}`, [likePattern(q)])) as Record<string, unknown[]>[];
  return (spec.search ?? []).map((_, i) => row[String(i)]);
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
