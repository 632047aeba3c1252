import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A category's name in each language of the product: `name` is the Danish
 * name (as it always was), `name_en` the English one. The three categories of
 * the product get one Danish term each, the one the UI and the files use.
 */
export class CategoryNamesPerLanguage1795301000000 implements MigrationInterface {
  name = 'CategoryNamesPerLanguage1795301000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE categories ADD COLUMN name_en varchar(200)
        CONSTRAINT categories_name_en_not_blank CHECK (name_en IS NULL OR btrim(name_en) <> '')`);
    await db.query(`
      UPDATE categories c SET name = v.da, name_en = v.en
      FROM (VALUES
        ('relocation', 'Midlertidig flytning', 'Temporary relocation'),
        ('tattoo_removal', 'Fjernelse af tatovering', 'Tattoo removal'),
        ('psychological_treatment', 'Psykologbehandling', 'Psychological treatment')
      ) AS v(code, da, en)
      WHERE c.code = v.code`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE categories DROP COLUMN name_en`);
  }
}
