import { createHash } from 'node:crypto';
import type pg from 'pg';
import { type EntityManager, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/**
 * The rows of a statement that each connection of the pool parses once and keeps, by a name made
 * from its text: the next run of the same text on that connection skips parsing, and PostgreSQL may
 * keep its plan too. For statements whose text is one of a few (their values are parameters): every
 * distinct text stays prepared on each connection it ran on, for the connection's life.
 *
 * In a transaction (`manager` bound to a query runner) it runs unnamed on the transaction's own
 * connection. A refusal is TypeORM's `QueryFailedError`, as from `manager.query`.
 */
export async function preparedQuery<T>(manager: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  if (manager.queryRunner) return manager.query(text, values);
  const pool = (manager.connection.driver as PostgresDriver).master as pg.Pool;
  try {
    return (await pool.query({ name: statementName(text), text, values })).rows as T[];
  } catch (error) {
    throw new QueryFailedError(text, values, error as Error);
  }
}

/** A statement's name by its text: the same text is the same statement on every connection. */
export const statementName = (text: string): string =>
  `exitpool_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
