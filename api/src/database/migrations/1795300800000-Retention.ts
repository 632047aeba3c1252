import type { MigrationInterface, QueryRunner } from 'typeorm';

const FINAL = `('paid', 'cancelled', 'rejected', 'withdrawn')`;

/**
 * Retention: narratives are purged a period after an application reached its
 * final state and its budget year closed; the books stay. The database dates
 * the final state itself (a trigger on the status), marks what was purged,
 * and refuses narrative on a purged application or case, and new thread
 * messages or attachments for one, whatever the code does.
 */
export class Retention1795300800000 implements MigrationInterface {
  name = 'Retention1795300800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE applications ADD COLUMN final_at timestamptz, ADD COLUMN purged_at timestamptz`);
    // a purged justification is NULL, as every other purged narrative (NULL is never encrypted)
    await db.query(`ALTER TABLE applications ALTER COLUMN justification DROP NOT NULL`);

    // the moment each application already final got there: its audited transition, the payment that
    // paid it in full, else its decision or last change
    await db.query(`
      UPDATE applications a SET final_at = coalesce(
        (SELECT max(e.at) FROM audit_events e
          WHERE e.entity_type = 'application' AND e.entity_id = a.id::text AND e.details->>'to' = a.status),
        (SELECT max(e.at) FROM audit_events e JOIN disbursements d ON e.entity_type = 'disbursement' AND e.entity_id = d.id::text
          WHERE d.application_id = a.id AND e.details->>'statusTo' = a.status),
        CASE WHEN a.status = 'rejected' THEN a.decided_at END,
        a.updated_at)
      WHERE a.status IN ${FINAL}`);

    await db.query(`
      CREATE FUNCTION applications_date_final_state() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status NOT IN ${FINAL} THEN
          NEW.final_at := NULL;
        ELSIF TG_OP = 'INSERT' THEN
          NEW.final_at := coalesce(NEW.final_at, now());
        ELSIF OLD.status IS DISTINCT FROM NEW.status OR NEW.final_at IS NULL THEN
          NEW.final_at := now();
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER applications_date_final_state BEFORE INSERT OR UPDATE ON applications
      FOR EACH ROW EXECUTE FUNCTION applications_date_final_state()`);

    await db.query(`
      ALTER TABLE applications
        ADD CONSTRAINT applications_final_is_dated CHECK ((status IN ${FINAL}) = (final_at IS NOT NULL)),
        ADD CONSTRAINT applications_purged_when_final CHECK (purged_at IS NULL OR status IN ${FINAL}),
        ADD CONSTRAINT applications_purged_has_no_narrative CHECK (purged_at IS NULL OR (
          justification IS NULL AND decision_reason IS NULL AND conditions IS NULL
          AND NOT jsonb_path_exists(lines, '$[*] ? (@.description != null)')
          AND NOT jsonb_path_exists(overrides, '$[*] ? (@.justification != null)')))`);
    // the daily purge looks for what is final and not yet purged
    await db.query(
      `CREATE INDEX applications_retention_idx ON applications (final_at) WHERE purged_at IS NULL AND final_at IS NOT NULL`,
    );

    await db.query(`ALTER TABLE cases ADD COLUMN purged_at timestamptz`);
    await db.query(`
      ALTER TABLE cases ADD CONSTRAINT cases_purged_has_no_personal_details CHECK (purged_at IS NULL OR (
        birth_year IS NULL AND consent_recorded_on IS NULL AND agreement_signed_on IS NULL AND programme_start IS NULL))`);

    await db.query(`
      CREATE FUNCTION refuse_narrative_of_purged_application() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM applications WHERE id = NEW.application_id AND purged_at IS NOT NULL) THEN
          RAISE EXCEPTION 'application % was purged: its % take nothing new', NEW.application_id, TG_TABLE_NAME
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    for (const table of ['application_messages', 'attachments']) {
      await db.query(`
        CREATE TRIGGER ${table}_not_for_purged BEFORE INSERT ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_narrative_of_purged_application()`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['application_messages', 'attachments']) {
      await db.query(`DROP TRIGGER ${table}_not_for_purged ON ${table}`);
    }
    await db.query(`DROP FUNCTION refuse_narrative_of_purged_application()`);
    await db.query(`ALTER TABLE cases DROP COLUMN purged_at`);
    await db.query(`DROP TRIGGER applications_date_final_state ON applications`);
    await db.query(`DROP FUNCTION applications_date_final_state()`);
    await db.query(`ALTER TABLE applications DROP COLUMN purged_at, DROP COLUMN final_at`);
    await db.query(`UPDATE applications SET justification = '' WHERE justification IS NULL`);
    await db.query(`ALTER TABLE applications ALTER COLUMN justification SET NOT NULL`);
  }
}
