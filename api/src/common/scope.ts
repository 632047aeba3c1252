import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/auth.decorators.js';

/**
 * The unit a user is confined to: a unit worker sees their own unit only,
 * the national roles every unit. Everything another unit owns is 404 to them.
 */
export const unitScope = (actor: Actor): string | null => (actor.role === 'unit_worker' ? actor.unitId : null);

export const canSeeUnit = (actor: Actor, unitId: string): boolean => {
  const scope = unitScope(actor);
  return scope === null || scope === unitId;
};

/**
 * Within their unit, a unit worker sees a case, and everything under it, only while the candidate's
 * consent covers the worker's party (before consent is recorded: the party that opened the case).
 * A case outside that is 404 to them, exactly like another unit's. The national roles see every case.
 */
export const canSeeCase = (actor: Actor, c: { unitId: string; accessParties: readonly string[] }): boolean =>
  actor.role !== 'unit_worker' || (c.unitId === actor.unitId && c.accessParties.includes(actor.party));

/** The party a unit worker's queries are confined to (null for the national roles), beside unitScope. */
export const partyScope = (actor: Actor): string | null => (actor.role === 'unit_worker' ? actor.party : null);

/**
 * SQL: the case whose id is `caseId` (a column or expression) is one the worker of `:scope`'s unit
 * and `:party` may see. For a query that already confines rows to `unit_id = :scope`.
 */
export const caseCoveredSql = (caseId: string): string =>
  `EXISTS (SELECT 1 FROM cases cc WHERE cc.id = ${caseId} AND :party = ANY (cc.access_parties))`;

/**
 * SQL: the application `alias` is on a case the worker of `:party` may see, by the case's parties as the
 * application carries them (kept by PostgreSQL from its case): no look-up of the case per row. For a
 * query that already confines rows to `:scope`'s unit.
 */
export const applicationCoveredSql = (alias: string): string => `:party = ANY (${alias}.access_parties)`;

/**
 * Whether the case's consent covers this user's party (true for the national roles), whatever unit
 * the case is in now: the caller checks the unit of the record itself (an application, a transfer),
 * since a sending unit keeps its past grants of a case that moved, and a receiving unit sees a
 * proposal before the case is its own.
 */
export async function partyCovered(tx: EntityManager, actor: Actor, caseId: string): Promise<boolean> {
  if (actor.role !== 'unit_worker') return true;
  const [row] = await tx.query(`SELECT 1 FROM cases WHERE id = $1 AND $2 = ANY (access_parties)`, [
    caseId,
    actor.party,
  ]);
  return row !== undefined;
}
