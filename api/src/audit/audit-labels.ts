// What the audit log shows beside an event's ids: the actor's name and the record's own reference,
// read at the time of reading (a renamed user shows their current name; the chain stores ids only).

/** The event's record id as a uuid, or NULL for the records whose id is none (a report, the demo). */
const ENTITY_UUID = `CASE WHEN e.entity_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN e.entity_id::uuid END`;

/** A payment's or a document's application, named in the event's details when it was written. */
const DETAILS_APPLICATION = `CASE WHEN e.details->>'applicationId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN (e.details->>'applicationId')::uuid END`;

/** Per record type, the table and the column people know its records by. */
const LABELLED: Record<string, { table: string; column: string }> = {
  application: { table: 'applications', column: 'reference' },
  case: { table: 'cases', column: 'reference' },
  advice_request: { table: 'advice_requests', column: 'reference' },
  // a review is known by its case's reference
  admission_review: {
    table: '(SELECT ar.id, c.reference FROM admission_reviews ar JOIN cases c ON c.id = ar.case_id)',
    column: 'reference',
  },
  guideline: { table: 'guidelines', column: 'version' },
  budget_year: { table: 'budget_years', column: 'year::text' },
  unit: { table: 'units', column: 'code' },
  category: { table: 'categories', column: 'code' },
  user: { table: 'users', column: 'display_name' },
};

// payments and documents have no reference of their own: their application's
const BY_APPLICATION = ['disbursement', 'attachment'];

export const ACTOR_NAME_SQL = `(SELECT u.display_name FROM users u WHERE u.id = e.actor_id)`;

export const APPLICATION_ID_SQL = `CASE WHEN e.entity_type IN (${BY_APPLICATION.map((t) => `'${t}'`).join(', ')}) THEN ${DETAILS_APPLICATION} END`;

export const ENTITY_REFERENCE_SQL = `CASE e.entity_type ${Object.entries(LABELLED)
  .map(
    ([type, { table, column }]) =>
      `WHEN '${type}' THEN (SELECT r.${column} FROM ${table} r WHERE r.id = ${ENTITY_UUID})`,
  )
  .join(' ')} ${BY_APPLICATION.map(
  (type) => `WHEN '${type}' THEN (SELECT r.reference FROM applications r WHERE r.id = ${DETAILS_APPLICATION})`,
).join(' ')} END`;

/**
 * The events of the records whose reference (or code, version, year, name) starts with `:param`,
 * and of the payments and documents of such applications; through the (entity_type, entity_id) index.
 */
export function recordFilterSql(param: string): string {
  const own = Object.entries(LABELLED).map(
    ([type, { table, column }]) =>
      `(e.entity_type = '${type}' AND e.entity_id IN (SELECT r.id::text FROM ${table} r WHERE r.${column} ILIKE :${param}))`,
  );
  const applications = `SELECT r.id::text FROM applications r WHERE r.reference ILIKE :${param}`;
  const children = BY_APPLICATION.map(
    (type) => `(e.entity_type = '${type}' AND e.details->>'applicationId' IN (${applications}))`,
  );
  return `(${[...own, ...children].join(' OR ')})`;
}

/** `KBH-2026-014` → `KBH-2026-014%`, the LIKE wildcards in it taken literally. */
export const prefixPattern = (text: string): string => `${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
