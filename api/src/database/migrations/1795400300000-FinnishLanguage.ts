import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finnish, the product's third language: a category's Finnish name (`name_fi`,
 * NULL when none was given: Finnish screens and files then show the English
 * name, else the Danish one), the product's three categories named in Finnish,
 * and a user's language preference that may be `fi`.
 */
export class FinnishLanguage1795400300000 implements MigrationInterface {
  name = 'FinnishLanguage1795400300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE categories ADD COLUMN name_fi varchar(200)
        CONSTRAINT categories_name_fi_not_blank CHECK (name_fi IS NULL OR btrim(name_fi) <> '')`);
    await db.query(`
      UPDATE categories c SET name_fi = v.fi
      FROM (VALUES
        ('relocation', 'Muutto turvalliseen asuntoon'),
        ('tattoo_removal', 'Tatuoinnin poisto'),
        ('psychological_treatment', 'Psykologinen hoito')
      ) AS v(code, fi)
      WHERE c.code = v.code`);
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_language_known`);
    await db.query(`ALTER TABLE users ADD CONSTRAINT users_language_known CHECK (language IN ('en', 'da', 'fi'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE users SET language = 'en' WHERE language = 'fi'`);
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_language_known`);
    await db.query(`ALTER TABLE users ADD CONSTRAINT users_language_known CHECK (language IN ('en', 'da'))`);
    await db.query(`ALTER TABLE categories DROP COLUMN name_fi`);
  }
}
