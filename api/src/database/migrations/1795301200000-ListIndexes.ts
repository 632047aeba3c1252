import type { MigrationInterface, QueryRunner } from 'typeorm';

// A list orders by its sort field (ASC NULLS FIRST, DESC NULLS LAST) and then by id: an index on
// (…filter, field NULLS FIRST, id) serves both directions, and both ends (list-query.ts#queryPage).
const INDEXES: [name: string, definition: string][] = [
  // the unit worker's lists: the unit, with or without a status
  ['applications_unit_list_idx', 'applications (unit_id, status, created_at NULLS FIRST, id)'],
  ['applications_unit_created_idx', 'applications (unit_id, created_at NULLS FIRST, id)'],
  // the national roles never see drafts
  ['applications_status_list_idx', 'applications (status, created_at NULLS FIRST, id)'],
  ['applications_national_created_idx', `applications (created_at NULLS FIRST, id) WHERE status <> 'draft'`],
  // a category's applications
  ['applications_category_list_idx', 'applications (category_code, created_at NULLS FIRST, id)'],
  // the review queue: urgent first, then the longest waiting (and the id last)
  [
    'applications_queue_list_idx',
    `applications (urgent DESC, submitted_at, id) WHERE status IN ('submitted', 'in_review', 'info_requested', 'awaiting_second_approval')`,
  ],
  ['cases_unit_created_idx', 'cases (unit_id, created_at NULLS FIRST, id)'],
  ['cases_created_idx', 'cases (created_at NULLS FIRST, id)'],
  ['disbursements_paid_on_list_idx', 'disbursements (paid_on NULLS FIRST, id)'],
  ['disbursements_unit_paid_on_idx', 'disbursements (unit_id, paid_on NULLS FIRST, id)'],
  ['audit_events_at_list_idx', 'audit_events (at NULLS FIRST, id)'],
  // `q`: a substring anywhere, through trigrams
  ['applications_text_trgm_idx', 'applications USING gin (reference gin_trgm_ops, category_code gin_trgm_ops)'],
  ['cases_reference_trgm_idx', 'cases USING gin (reference gin_trgm_ops)'],
  ['disbursements_account_code_trgm_idx', 'disbursements USING gin (account_code gin_trgm_ops)'],
  [
    'audit_events_text_trgm_idx',
    'audit_events USING gin (action gin_trgm_ops, entity_type gin_trgm_ops, entity_id gin_trgm_ops)',
  ],
];

/** Indexes that serve each list's filter, sort and free text at scale (issue 12). */
export class ListIndexes1795301200000 implements MigrationInterface {
  name = 'ListIndexes1795301200000';

  async up(db: QueryRunner): Promise<void> {
    // a trusted extension: the application's role may create it in the database it owns
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    for (const [name, definition] of INDEXES) await db.query(`CREATE INDEX ${name} ON ${definition}`);
    // the new indexes lead with the same columns
    await db.query(`DROP INDEX applications_unit_status_idx`);
    await db.query(`DROP INDEX applications_queue_idx`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX applications_unit_status_idx ON applications (unit_id, status)`);
    await db.query(
      `CREATE INDEX applications_queue_idx ON applications (urgent DESC, submitted_at) WHERE status IN ('submitted', 'in_review', 'info_requested', 'awaiting_second_approval')`,
    );
    for (const [name] of [...INDEXES].reverse()) await db.query(`DROP INDEX ${name}`);
    // the extension stays: dropping it could break what others built on it
  }
}
