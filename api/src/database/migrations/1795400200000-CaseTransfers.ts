import type { MigrationInterface, QueryRunner } from 'typeorm';

// the events of migration 1795301700000, and those of a case that moves
const EARLIER_EVENTS = [
  'information_requested',
  'application_approved',
  'application_partly_approved',
  'application_rejected',
  'grant_cancelled',
  'grant_carried_over',
  'payment_recorded',
  'refund_recorded',
  'application_submitted',
  'application_answered',
  'second_approval_waiting',
  'review_overdue',
  'grant_payable',
  'year_end_grant_carried_over',
  'year_end_grant_cancelled',
  'account_locked',
];
const TRANSFER_EVENTS = [
  'case_transfer_proposed',
  'case_transfer_accepted',
  'case_transfer_declined',
  'case_transferred',
];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Issue 14, cases that move: a proposal to hand a case to another unit, which
 * that unit accepts or declines (a contact point's is accepted at once), and
 * each case's history of units with dates. One open proposal per case; the
 * reasons are narrative (sealed by the application, NULL once purged). A case
 * keeps its reference, so its number stays unique among its registering unit's.
 */
export class CaseTransfers1795400200000 implements MigrationInterface {
  name = 'CaseTransfers1795400200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE case_transfers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        from_unit_id uuid NOT NULL REFERENCES units (id),
        to_unit_id uuid NOT NULL REFERENCES units (id),
        status varchar(10) NOT NULL DEFAULT 'proposed'
          CONSTRAINT case_transfers_status_known CHECK (status IN ('proposed', 'accepted', 'declined')),
        -- a contact point's transfer: accepted at once, by the one who made it
        direct boolean NOT NULL DEFAULT false,
        reason text,
        decision_reason text,
        proposed_by uuid NOT NULL REFERENCES users (id),
        proposed_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES users (id),
        decided_at timestamptz,
        CONSTRAINT case_transfers_another_unit CHECK (from_unit_id <> to_unit_id),
        CONSTRAINT case_transfers_decided_when_decided
          CHECK ((status = 'proposed') = (decided_at IS NULL) AND (decided_at IS NULL) = (decided_by IS NULL)),
        CONSTRAINT case_transfers_direct_accepted CHECK (NOT direct OR status = 'accepted'),
        CONSTRAINT case_transfers_decided_after_proposed CHECK (decided_at IS NULL OR decided_at >= proposed_at)
      )`);
    await db.query(`CREATE UNIQUE INDEX case_transfers_one_open ON case_transfers (case_id) WHERE status = 'proposed'`);
    await db.query(`CREATE INDEX case_transfers_case ON case_transfers (case_id, proposed_at)`);
    await db.query(`CREATE INDEX case_transfers_to_unit_open ON case_transfers (to_unit_id) WHERE status = 'proposed'`);
    await db.query(`CREATE INDEX case_transfers_from_unit ON case_transfers (from_unit_id)`);

    await db.query(`
      CREATE TABLE case_units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        unit_id uuid NOT NULL REFERENCES units (id),
        since timestamptz NOT NULL,
        until timestamptz,
        -- the accepted transfer that brought the case to this unit; null for the unit that registered it
        transfer_id uuid REFERENCES case_transfers (id),
        CONSTRAINT case_units_until_after_since CHECK (until IS NULL OR until >= since)
      )`);
    await db.query(`CREATE UNIQUE INDEX case_units_one_current ON case_units (case_id) WHERE until IS NULL`);
    await db.query(`CREATE INDEX case_units_case ON case_units (case_id, since)`);
    await db.query(
      `INSERT INTO case_units (case_id, unit_id, since) SELECT id, unit_id, created_at FROM cases ORDER BY created_at`,
    );
    // every case starts its history with the unit that registered it, however the row was written
    await db.query(`
      CREATE FUNCTION case_units_start() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO case_units (case_id, unit_id, since) SELECT id, unit_id, created_at FROM new_cases;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER case_units_start AFTER INSERT ON cases
      REFERENCING NEW TABLE AS new_cases FOR EACH STATEMENT EXECUTE FUNCTION case_units_start()`);

    // A case's number is the registering unit's (its code is in the reference, which the case keeps):
    // unique per registering unit and year, wherever the case is now.
    await db.query(`ALTER TABLE cases ADD COLUMN registered_unit_id uuid REFERENCES units (id)`);
    await db.query(`UPDATE cases SET registered_unit_id = unit_id`);
    await db.query(`ALTER TABLE cases ALTER COLUMN registered_unit_id SET NOT NULL`);
    await db.query(`
      CREATE FUNCTION cases_registered_unit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          NEW.registered_unit_id := coalesce(NEW.registered_unit_id, NEW.unit_id);
        ELSIF NEW.registered_unit_id IS DISTINCT FROM OLD.registered_unit_id THEN
          RAISE EXCEPTION 'a case''s registering unit never changes' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER cases_registered_unit BEFORE INSERT OR UPDATE OF registered_unit_id ON cases
      FOR EACH ROW EXECUTE FUNCTION cases_registered_unit()`);
    await db.query(`
      ALTER TABLE cases DROP CONSTRAINT cases_unit_year_number_unique,
        ADD CONSTRAINT cases_registered_unit_year_number_unique UNIQUE (registered_unit_id, year, number)`);

    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_event_known`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_event_known
        CHECK (event IN (${list([...EARLIER_EVENTS, ...TRANSFER_EVENTS])}))`);
    await db.query(`ALTER TABLE email_deliveries DROP CONSTRAINT email_deliveries_event_known`);
    await db.query(`
      ALTER TABLE email_deliveries ADD CONSTRAINT email_deliveries_event_known
        CHECK (event IN (${list([...EARLIER_EVENTS, ...TRANSFER_EVENTS, 'digest'])}))`);
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_resource_known`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_resource_known
        CHECK (resource IN ('applications', 'users', 'case-transfers'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM email_deliveries WHERE event IN (${list(TRANSFER_EVENTS)})`);
    await db.query(
      `DELETE FROM notifications WHERE event IN (${list(TRANSFER_EVENTS)}) OR resource = 'case-transfers'`,
    );
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_resource_known`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_resource_known CHECK (resource IN ('applications', 'users'))`);
    await db.query(`ALTER TABLE email_deliveries DROP CONSTRAINT email_deliveries_event_known`);
    await db.query(`
      ALTER TABLE email_deliveries ADD CONSTRAINT email_deliveries_event_known
        CHECK (event IN (${list([...EARLIER_EVENTS, 'digest'])}))`);
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_event_known`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_event_known CHECK (event IN (${list(EARLIER_EVENTS)}))`);
    await db.query(`
      ALTER TABLE cases DROP CONSTRAINT cases_registered_unit_year_number_unique,
        ADD CONSTRAINT cases_unit_year_number_unique UNIQUE (unit_id, year, number)`);
    await db.query(`DROP TRIGGER cases_registered_unit ON cases`);
    await db.query(`DROP FUNCTION cases_registered_unit()`);
    await db.query(`ALTER TABLE cases DROP COLUMN registered_unit_id`);
    await db.query(`DROP TRIGGER case_units_start ON cases`);
    await db.query(`DROP FUNCTION case_units_start()`);
    await db.query(`DROP TABLE case_units`);
    await db.query(`DROP TABLE case_transfers`);
  }
}
