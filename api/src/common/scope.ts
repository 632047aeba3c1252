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
