import { changedFields, pickFields } from '../common/transform';

type Data = Record<string, unknown>;

/** Allocations with exactly the fields the API takes; rows left without a unit are dropped. */
const normalise = (data: Data): Data => ({
  ...data,
  allocations: ((data.allocations as Data[] | undefined | null) ?? [])
    .filter((row) => row && typeof row.unitId === 'string' && row.unitId !== '')
    .map((row) => ({ unitId: row.unitId, amount: row.amount })),
});

export const createTransform = (data: Data): Data => pickFields(['year', 'poolAmount', 'allocations'])(normalise(data));

// Only what changed: a PUT without poolAmount leaves the pool as it is.
export const editTransform = (data: Data, options?: { previousData?: Data }): Data =>
  changedFields(['poolAmount', 'allocations'])(normalise(data), {
    previousData: options?.previousData && normalise(options.previousData),
  });
