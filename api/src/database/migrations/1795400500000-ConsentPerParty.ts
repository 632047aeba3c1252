import type { MigrationInterface, QueryRunner } from 'typeorm';

const UNIT_PARTIES = `ARRAY['police', 'municipality', 'prison_probation', 'ngo']::varchar[]`;

/**
 * Issue 15: consent decides who may know. A user belongs to a party (the national roles to
 * `national`), a unit is made of parties, and a case records the parties its candidate's consent
 * covers. Before consent is recorded only the party that opened the case sees it; after a
 * withdrawal only the parties still covered do. `access_parties` is that rule, kept by PostgreSQL.
 */
export class ConsentPerParty1795400500000 implements MigrationInterface {
  name = 'ConsentPerParty1795400500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE units ADD COLUMN parties varchar(20)[] NOT NULL
        DEFAULT ARRAY['police', 'municipality', 'prison_probation']::varchar[]
        CONSTRAINT units_parties_known CHECK (parties <@ ${UNIT_PARTIES} AND cardinality(parties) > 0)`);
    await db.query(`ALTER TABLE users ADD COLUMN party varchar(20)`);
    await db.query(`UPDATE users SET party = CASE WHEN role = 'unit_worker' THEN 'police' ELSE 'national' END`);
    await db.query(`
      ALTER TABLE users ALTER COLUMN party SET NOT NULL,
        ADD CONSTRAINT users_party_known
          CHECK (party IN ('police', 'municipality', 'prison_probation', 'ngo', 'national')),
        ADD CONSTRAINT users_party_matches_role CHECK ((role = 'unit_worker') = (party <> 'national'))`);
    // the national roles are of the party `national`; a unit worker written without a party (or moved from a
    // national role) is of the police, the exit units being police-led; and a worker's party is one of the unit's
    await db.query(`
      CREATE FUNCTION users_default_party() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.role <> 'unit_worker' THEN
          NEW.party := 'national';
        ELSIF NEW.party IS NULL OR NEW.party = 'national' THEN
          NEW.party := 'police';
        END IF;
        -- a worker without a unit is refused by users_unit_matches_role
        IF NEW.role = 'unit_worker' AND NEW.unit_id IS NOT NULL AND NOT EXISTS (
             SELECT 1 FROM units u WHERE u.id = NEW.unit_id AND NEW.party = ANY (u.parties)) THEN
          RAISE EXCEPTION 'the party % is not one of the unit''s parties', NEW.party
            USING ERRCODE = '23514', CONSTRAINT = 'users_party_of_unit';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER users_default_party BEFORE INSERT OR UPDATE OF party, role, unit_id ON users
        FOR EACH ROW EXECUTE FUNCTION users_default_party()`);
    await db.query(`
      CREATE FUNCTION units_keep_parties_of_workers() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM users w WHERE w.unit_id = NEW.id AND w.role = 'unit_worker'
                     AND NOT (w.party = ANY (NEW.parties))) THEN
          RAISE EXCEPTION 'a worker of the unit belongs to a party the unit would no longer have'
            USING ERRCODE = '23514', CONSTRAINT = 'units_parties_of_workers';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER units_keep_parties_of_workers BEFORE UPDATE OF parties ON units
        FOR EACH ROW EXECUTE FUNCTION units_keep_parties_of_workers()`);

    await db.query(`
      ALTER TABLE cases
        ADD COLUMN opened_party varchar(20) NOT NULL DEFAULT 'police'
          CONSTRAINT cases_opened_party_known CHECK (opened_party IN ('police', 'municipality', 'prison_probation', 'ngo')),
        ADD COLUMN consent_parties varchar(20)[]
          CONSTRAINT cases_consent_parties_known CHECK (consent_parties <@ ${UNIT_PARTIES}),
        ADD COLUMN consent_given_on date,
        ADD COLUMN consent_withdrawn_on date,
        -- the retention purge takes the dates and keeps the parties, so that access stays as it was
        ADD CONSTRAINT cases_consent_given CHECK (
          (consent_parties IS NULL) = (consent_given_on IS NULL)
          OR (purged_at IS NOT NULL AND consent_parties IS NOT NULL AND consent_given_on IS NULL)),
        ADD CONSTRAINT cases_consent_withdrawn_after_given
          CHECK (consent_withdrawn_on IS NULL OR consent_withdrawn_on >= consent_given_on)`);
    await db.query(`ALTER TABLE cases ALTER COLUMN opened_party DROP DEFAULT`);
    // a case written without them (a bulk load, an older client) was opened by its creator's party, and its
    // consent date alone stands for a consent of every party of the unit
    await db.query(`
      CREATE FUNCTION cases_opened_party() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.opened_party IS NULL THEN
          SELECT CASE WHEN u.party = 'national' THEN 'police' ELSE u.party END INTO NEW.opened_party
            FROM users u WHERE u.id = NEW.created_by;
        END IF;
        -- a consent date without parties covers every party of the unit, as the API's own rule has it
        IF NEW.consent_recorded_on IS NOT NULL AND NEW.consent_parties IS NULL THEN
          SELECT u.parties INTO NEW.consent_parties FROM units u WHERE u.id = NEW.unit_id;
          NEW.consent_given_on := NEW.consent_recorded_on;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER cases_opened_party BEFORE INSERT ON cases
        FOR EACH ROW EXECUTE FUNCTION cases_opened_party()`);
    // a consent recorded before parties existed covered every party of the unit (the Danish declaration does)
    await db.query(`
      UPDATE cases c SET consent_parties = u.parties, consent_given_on = c.consent_recorded_on
        FROM units u WHERE u.id = c.unit_id AND c.consent_recorded_on IS NOT NULL`);
    await db.query(`
      CREATE TABLE case_consent_withdrawals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        parties varchar(20)[] NOT NULL
          CONSTRAINT case_consent_withdrawals_parties_known CHECK (parties <@ ${UNIT_PARTIES} AND cardinality(parties) > 0),
        -- narrative: encrypted by the application, deleted by the retention purge with the case's details
        reason text NOT NULL,
        withdrawn_on date NOT NULL,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX case_consent_withdrawals_case_idx ON case_consent_withdrawals (case_id)`);
    await db.query(`
      ALTER TABLE cases ADD COLUMN access_parties varchar(20)[]
        GENERATED ALWAYS AS (coalesce(consent_parties, ARRAY[opened_party])) STORED`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE case_consent_withdrawals`);
    await db.query(`DROP TRIGGER cases_opened_party ON cases`);
    await db.query(`DROP FUNCTION cases_opened_party()`);
    await db.query(`
      ALTER TABLE cases DROP COLUMN access_parties, DROP COLUMN consent_withdrawn_on, DROP COLUMN consent_given_on,
        DROP COLUMN consent_parties, DROP COLUMN opened_party`);
    await db.query(`DROP TRIGGER units_keep_parties_of_workers ON units`);
    await db.query(`DROP FUNCTION units_keep_parties_of_workers()`);
    await db.query(`DROP TRIGGER users_default_party ON users`);
    await db.query(`DROP FUNCTION users_default_party()`);
    await db.query(`ALTER TABLE users DROP COLUMN party`);
    await db.query(`ALTER TABLE units DROP COLUMN parties`);
  }
}
