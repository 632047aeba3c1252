// The API refuses unknown fields with 400, so forms send only the fields the
// resource accepts: never `id` or other read-only fields of the record.

type Data = Record<string, unknown>;

const isBlank = (value: unknown): boolean => value === null || value === undefined || value === '';

/** For Create: the listed fields that have a value. */
export const pickFields =
  (fields: readonly string[]) =>
  (data: Data): Data =>
    Object.fromEntries(fields.filter((field) => !isBlank(data[field])).map((field) => [field, data[field]]));

/**
 * For Edit: the listed fields that differ from the record as loaded (a partial
 * update, as the contract allows). Fields in `omitWhenBlank` (a new password)
 * are left out when empty rather than sent as null.
 */
export const changedFields =
  (fields: readonly string[], omitWhenBlank: readonly string[] = []) =>
  (data: Data, options?: { previousData?: Data }): Data => {
    const previous = options?.previousData ?? {};
    return Object.fromEntries(
      fields
        .filter((field) => !(omitWhenBlank.includes(field) && isBlank(data[field])))
        .filter((field) => JSON.stringify(data[field] ?? null) !== JSON.stringify(previous[field] ?? null))
        .map((field) => [field, data[field] ?? null]),
    );
  };
