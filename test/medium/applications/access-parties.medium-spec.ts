import { ApplicationRepository } from '../../../api/src/applications/application.repository.js';
import type { Actor } from '../../../api/src/auth/auth.decorators.js';
import { CasesService } from '../../../api/src/cases/cases.service.js';
import type { ListQuery } from '../../../api/src/common/list-query.js';
import { actorOf, createMediumTest, type MediumTest } from '../medium-db.js';
import { draftRelocation, newActiveCase } from '../relocation.js';

// Each application carries its case's access parties (the parties the candidate's consent covers),
// kept by PostgreSQL, and the unit's applications list reads them from there.

let t: MediumTest;
let police: Actor;
let municipality: Actor;

const parties = async (id: string): Promise<string[]> =>
  (await t.db.query(`SELECT access_parties FROM applications WHERE id = $1`, [id]))[0].access_parties;
const listed = async (actor: Actor): Promise<string[]> =>
  (
    await t.get(ApplicationRepository).list(actor, {
      filter: {},
      sort: ['createdAt', 'ASC'],
      range: [0, 99],
    } as unknown as ListQuery)
  ).rows.map((r) => r.application.id);

beforeAll(async () => {
  t = await createMediumTest();
  await t.seedCatalog();
  const unit = await t.newUnit({ parties: ['police', 'municipality'] });
  police = actorOf(await t.newUser('unit_worker', { unitId: unit.id, party: 'police' }));
  municipality = actorOf(await t.newUser('unit_worker', { unitId: unit.id, party: 'municipality' }));
});
afterAll(() => t.close());

describe('applications.access_parties', () => {
  it("is the case's when the application is written, and follows a change of the case's consent", async () => {
    const c = await newActiveCase(t, police);
    const { id } = await draftRelocation(t, police, c.id, 1);
    expect((await parties(id)).sort()).toEqual(['municipality', 'police']);
    expect(await listed(municipality)).toContain(id);

    await t
      .get(CasesService)
      .withdrawConsent(police, c.id, { parties: ['municipality'], reason: 'Asked to.' } as never);
    expect(await parties(id)).toEqual(['police']);
    expect(await listed(municipality)).not.toContain(id);
    expect(await listed(police)).toContain(id);
  });

  it("cannot be written apart from its case's: PostgreSQL puts the case's back", async () => {
    const c = await newActiveCase(t, police);
    const { id } = await draftRelocation(t, police, c.id, 1);
    await t.db.query(`UPDATE applications SET access_parties = ARRAY['municipality']::varchar[] WHERE id = $1`, [id]);
    expect((await parties(id)).sort()).toEqual(['municipality', 'police']);
  });

  it('is the new case’s when an application moves to another case', async () => {
    const first = await newActiveCase(t, police);
    const second = await newActiveCase(t, police);
    await t
      .get(CasesService)
      .withdrawConsent(police, second.id, { parties: ['municipality'], reason: 'Asked to.' } as never);
    const { id } = await draftRelocation(t, police, first.id, 1);
    await t.db.query(`UPDATE applications SET case_id = $2 WHERE id = $1`, [id, second.id]);
    expect(await parties(id)).toEqual(['police']);
  });
});
