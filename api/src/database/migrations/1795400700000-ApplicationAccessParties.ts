import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12, after issue 15: a unit worker's applications list counted its rows through each
 * application's case (whose consent decides who may see it), which made PostgreSQL read every case
 * of the programme for one page. Each application now carries its case's `access_parties`, kept by
 * PostgreSQL, and the unit's list indexes hold it, so the count and the page read the index alone.
 *
 * - An application takes the parties of its case when written, and again whenever its case or the
 *   column itself is changed (a direct write of another value is overwritten by the case's).
 * - A change of a case's consent (its generated `access_parties`) is written to its applications in
 *   the same statement.
 */
export class ApplicationAccessParties1795400700000 implements MigrationInterface {
  name = 'ApplicationAccessParties1795400700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE applications ADD COLUMN access_parties varchar(20)[]`);
    await db.query(`UPDATE applications a SET access_parties = c.access_parties FROM cases c WHERE c.id = a.case_id`);
    await db.query(`ALTER TABLE applications ALTER COLUMN access_parties SET NOT NULL`);
    await db.query(`
      CREATE FUNCTION applications_access_parties() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' OR NEW.case_id IS DISTINCT FROM OLD.case_id
           OR NEW.access_parties IS DISTINCT FROM OLD.access_parties THEN
          SELECT c.access_parties INTO NEW.access_parties FROM cases c WHERE c.id = NEW.case_id;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER applications_access_parties BEFORE INSERT OR UPDATE ON applications
        FOR EACH ROW EXECUTE FUNCTION applications_access_parties()`);
    await db.query(`
      CREATE FUNCTION cases_access_parties_to_applications() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE applications SET access_parties = NEW.access_parties
         WHERE case_id = NEW.id AND access_parties IS DISTINCT FROM NEW.access_parties;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER cases_access_parties_to_applications AFTER UPDATE ON cases
        FOR EACH ROW WHEN (OLD.access_parties IS DISTINCT FROM NEW.access_parties)
        EXECUTE FUNCTION cases_access_parties_to_applications()`);
    // the unit's lists: filter and sort in the key, the parties beside it for an index-only count
    await db.query(`DROP INDEX applications_unit_list_idx`);
    await db.query(`DROP INDEX applications_unit_created_idx`);
    await db.query(`
      CREATE INDEX applications_unit_list_idx ON applications (unit_id, status, created_at NULLS FIRST, id)
        INCLUDE (access_parties)`);
    await db.query(`
      CREATE INDEX applications_unit_created_idx ON applications (unit_id, created_at NULLS FIRST, id)
        INCLUDE (access_parties)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX applications_unit_list_idx`);
    await db.query(`DROP INDEX applications_unit_created_idx`);
    await db.query(
      `CREATE INDEX applications_unit_list_idx ON applications (unit_id, status, created_at NULLS FIRST, id)`,
    );
    await db.query(`CREATE INDEX applications_unit_created_idx ON applications (unit_id, created_at NULLS FIRST, id)`);
    await db.query(`DROP TRIGGER cases_access_parties_to_applications ON cases`);
    await db.query(`DROP FUNCTION cases_access_parties_to_applications()`);
    await db.query(`DROP TRIGGER applications_access_parties ON applications`);
    await db.query(`DROP FUNCTION applications_access_parties()`);
    await db.query(`ALTER TABLE applications DROP COLUMN access_parties`);
  }
}
