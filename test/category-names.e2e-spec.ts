import { CategoryNamesPerLanguage1795301000000 } from '../api/src/database/migrations/1795301000000-CategoryNamesPerLanguage.js';
import { databaseBefore } from './support/migration-database.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('Category names per language', () => {
  let t: TestApp;
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    ({ auth: admin } = await t.signedIn('admin'));
  });
  afterAll(() => t.close());

  it('stores a Danish and an English name and answers both', async () => {
    const created = await t.http
      .post('/api/categories')
      .set(admin)
      .send({ code: 'dental_care', name: 'Tandbehandling', nameEn: 'Dental care' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Tandbehandling', nameEn: 'Dental care' });

    const listed = await t.http.get('/api/categories').set(admin);
    expect(listed.body.find((c: { code: string }) => c.code === 'dental_care')).toMatchObject({
      name: 'Tandbehandling',
      nameEn: 'Dental care',
    });
  });

  it('gives an English name later, changing nothing else', async () => {
    const { body } = await t.http.post('/api/categories').set(admin).send({ code: 'glasses', name: 'Briller' });
    expect(body.nameEn).toBeNull();
    const renamed = await t.http.put(`/api/categories/${body.id}`).set(admin).send({ nameEn: 'Glasses' });
    expect(renamed.body).toMatchObject({ name: 'Briller', nameEn: 'Glasses' });
  });

  it('refuses an empty English name or one carrying an identity number, naming the field', async () => {
    const empty = await t.http.post('/api/categories').set(admin).send({ code: 'blank_en', name: 'X', nameEn: '  ' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('nameEn must not be empty');
    const cpr = await t.http
      .post('/api/categories')
      .set(admin)
      .send({ code: 'cpr_en', name: 'X', nameEn: 'For 010190-1234' });
    expect(cpr.status).toBe(400);
    expect(JSON.stringify(cpr.body)).toContain('nameEn');
  });

  /** The migration gives the product's three categories one Danish term each and their English names. */
  describe(CategoryNamesPerLanguage1795301000000.name, () => {
    const before = databaseBefore(CategoryNamesPerLanguage1795301000000, 'catnames');

    it('renames the installed categories and leaves others as they were', async () => {
      const db = await before.migrated();
      try {
        // the names an installation had before: the demo's, and an admin's own category
        await db.query(`INSERT INTO categories (code, name) VALUES
          ('relocation', 'Midlertidig relokalisering'), ('tattoo_removal', 'Fjernelse af tatoveringer'),
          ('psychological_treatment', 'Psykologbehandling'), ('dental_care', 'Tandbehandling')`);
        await new CategoryNamesPerLanguage1795301000000().up(db.createQueryRunner());
        const rows = await db.query(`SELECT code, name, name_en FROM categories ORDER BY code`);
        expect(rows).toEqual([
          { code: 'dental_care', name: 'Tandbehandling', name_en: null },
          { code: 'psychological_treatment', name: 'Psykologbehandling', name_en: 'Psychological treatment' },
          { code: 'relocation', name: 'Midlertidig flytning', name_en: 'Temporary relocation' },
          { code: 'tattoo_removal', name: 'Fjernelse af tatovering', name_en: 'Tattoo removal' },
        ]);
        await expect(db.query(`UPDATE categories SET name_en = ' ' WHERE code = 'dental_care'`)).rejects.toThrow(
          /categories_name_en_not_blank/,
        );
      } finally {
        await db.destroy();
      }
    }, 60_000);
  });
});
