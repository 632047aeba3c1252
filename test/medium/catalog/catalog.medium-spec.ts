import { CategoriesModule } from '../../../api/src/categories/categories.module.js';
import { CategoriesService } from '../../../api/src/categories/categories.service.js';
import { UnitsModule } from '../../../api/src/units/units.module.js';
import { UnitsService } from '../../../api/src/units/units.service.js';
import type { Actor } from '../../../api/src/auth/auth.decorators.js';
import { actorOf, auditOf, createMediumTest, type MediumTest } from '../medium-db.js';

let t: MediumTest;
let admin: Actor;

beforeAll(async () => {
  t = await createMediumTest({ imports: [UnitsModule, CategoriesModule] });
  admin = actorOf(await t.newUser('admin'));
});
afterAll(() => t.close());

// units and categories share CatalogService: the same behaviour, each on its own table and constraint
describe.each([
  // each table's own code format: two to five capitals, or a lowercase identifier
  ['UnitsService', () => t.get(UnitsService), 'unit', 'units', (s: string) => `Q${s.toUpperCase()}`],
  ['CategoriesService', () => t.get(CategoriesService), 'category', 'categories', (s: string) => `cat_${s}`],
] as const)('%s', (_name, service, entityType, table, code) => {
  it('creates an active entry by default, and audits its code', async () => {
    const created = await service().create(admin, { code: code('a'), name: 'First' });
    expect(created).toMatchObject({ code: code('a'), name: 'First', active: true });
    const [row] = await t.db.query(`SELECT code, name, active FROM ${table} WHERE id = $1`, [created.id]);
    expect(row).toEqual({ code: code('a'), name: 'First', active: true });
    expect(await auditOf(t.db, created.id)).toEqual([
      { action: `${entityType}.create`, actorId: admin.id, details: { code: code('a') } },
    ]);
    await expect(service().get(created.id)).resolves.toMatchObject({ code: code('a') });
  });

  it('refuses a code in use, on create and on update, and writes nothing', async () => {
    await service().create(admin, { code: code('tk'), name: 'Taken' });
    const other = await service().create(admin, { code: code('ot'), name: 'Other', active: false });
    expect(other.active).toBe(false);
    await expect(service().create(admin, { code: code('tk'), name: 'Again' })).rejects.toMatchObject({
      status: 409,
      response: { errors: { code: 'is already in use' } },
    });
    await expect(service().update(admin, other.id, { code: code('tk') })).rejects.toMatchObject({
      status: 409,
    });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE code = $1`, [code('tk')]);
    expect(n).toBe(1);
    expect((await auditOf(t.db, other.id)).map((e) => e.action)).toEqual([`${entityType}.create`]);
  });

  it('updates, and audits only the fields whose value changed', async () => {
    const entry = await service().create(admin, { code: code('u'), name: 'Before' });
    const updated = await service().update(admin, entry.id, { code: code('u'), name: 'After', active: false });
    expect(updated).toMatchObject({ code: code('u'), name: 'After', active: false });
    expect((await auditOf(t.db, entry.id)).at(-1)).toEqual({
      action: `${entityType}.update`,
      actorId: admin.id,
      details: { changed: ['name', 'active'] },
    });
  });

  it('answers 404 for an unknown id', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    await expect(service().get(unknown)).rejects.toMatchObject({ status: 404 });
    await expect(service().update(admin, unknown, { name: 'x' })).rejects.toMatchObject({ status: 404 });
  });

  it('lists by search and active flag, sorted, with the total', async () => {
    await service().create(admin, { code: code('lb'), name: 'Listed B' });
    await service().create(admin, { code: code('la'), name: 'Listed A' });
    await service().create(admin, { code: code('lc'), name: 'Listed C', active: false });
    const found = await service().list({ sort: ['code', 'DESC'], range: [0, 9], filter: { q: 'listed' } });
    expect(found.total).toBe(3);
    expect(found.rows.map((r) => r.code)).toEqual([code('lc'), code('lb'), code('la')]);
    const active = await service().list({
      sort: ['code', 'ASC'],
      range: [0, 0],
      filter: { q: 'listed', active: true },
    });
    expect(active.total).toBe(2);
    expect(active.rows.map((r) => r.code)).toEqual([code('la')]);
  });
});

describe('UnitsService: parties', () => {
  it('keeps every party one of its workers belongs to, and names it', async () => {
    const units = t.get(UnitsService);
    const unit = await t.newUnit({ parties: ['police', 'municipality'] });
    await t.newUser('unit_worker', { unitId: unit.id, party: 'municipality' });
    await expect(units.update(admin, unit.id, { parties: ['police'] })).rejects.toMatchObject({
      status: 400,
      response: { errors: { parties: 'must keep municipality: workers of the unit belong to it; move them first' } },
    });
    await expect(units.update(admin, unit.id, { parties: ['police', 'municipality', 'ngo'] })).resolves.toMatchObject({
      parties: ['police', 'municipality', 'ngo'],
    });
  });
});
