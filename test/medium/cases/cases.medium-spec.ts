import { CasesModule } from '../../../api/src/cases/cases.module.js';
import { CasesService, toCaseRecord } from '../../../api/src/cases/cases.service.js';
import { todayIso } from '../../../api/src/common/dates.js';
import type { Actor } from '../../../api/src/auth/auth.decorators.js';
import { actorOf, auditOf, createMediumTest, type MediumTest } from '../medium-db.js';

let t: MediumTest;
let cases: CasesService;
let worker: Actor;
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  t = await createMediumTest({ imports: [CasesModule] });
  cases = t.get(CasesService);
  const unit = await t.newUnit({ code: 'MEDC' });
  worker = actorOf(await t.newUser('unit_worker', { unitId: unit.id }));
});
afterAll(() => t.close());

const page = { sort: ['reference', 'ASC'] as ['reference', 'ASC'], range: [0, 99] as [number, number], filter: {} };

describe('CasesService', () => {
  it('numbers the cases of a unit and year in order: MEDC-<year>-001, -002, …, and audits each reference', async () => {
    const first = await cases.create(worker, { birthYear: 1990 });
    const second = await cases.create(worker, {});
    expect(first.reference).toBe(`MEDC-${year}-001`);
    expect(second.reference).toBe(`MEDC-${year}-002`);
    expect(first).toMatchObject({ status: 'assessment', birthYear: 1990, unitId: worker.unitId, createdBy: worker.id });
    expect(await auditOf(t.db, first.id)).toEqual([
      { action: 'case.create', actorId: worker.id, details: { reference: `MEDC-${year}-001` } },
    ]);
  });

  it('gives concurrent creations in one unit distinct numbers', async () => {
    const unit = await t.newUnit({ code: 'MEDP' });
    const w = actorOf(await t.newUser('unit_worker', { unitId: unit.id }));
    const made = await Promise.all(Array.from({ length: 6 }, () => cases.create(w, {})));
    expect(made.map((c) => c.reference).sort()).toEqual([1, 2, 3, 4, 5, 6].map((n) => `MEDP-${year}-00${n}`));
  });

  it('refuses a date before the birth year, naming the date sent, or the birth year when it was the change', async () => {
    await expect(cases.create(worker, { birthYear: 2000, consentRecordedOn: '1999-12-31' })).rejects.toMatchObject({
      status: 400,
      response: {
        errors: { consentRecordedOn: "consentRecordedOn must not be before the candidate's birth year 2000" },
      },
    });
    const c = await cases.create(worker, { birthYear: 1980, programmeStart: '2001-03-01' });
    await expect(cases.update(worker, c.id, { birthYear: 2002 })).rejects.toMatchObject({
      status: 400,
      response: { errors: { birthYear: 'birthYear must not be after programmeStart (2001-03-01)' } },
    });
    // nothing was written
    expect((await cases.get(worker, c.id)).birthYear).toBe(1980);
  });

  it('updates only the facts that changed, and audits their names', async () => {
    const c = await cases.create(worker, { birthYear: 1985, status: 'assessment' });
    const updated = await cases.update(worker, c.id, {
      birthYear: 1985,
      status: 'active',
      agreementSignedOn: '2020-05-04',
    });
    expect(updated).toMatchObject({ status: 'active', birthYear: 1985, agreementSignedOn: '2020-05-04' });
    expect((await auditOf(t.db, c.id)).at(-1)).toEqual({
      action: 'case.update',
      actorId: worker.id,
      details: { changed: ['status', 'agreementSignedOn'] },
    });
  });

  it("hides another unit's cases from a unit worker (404), and shows every unit's to the national roles", async () => {
    const other = actorOf(await t.newUser('unit_worker'));
    const theirs = await cases.create(other, {});
    await expect(cases.get(worker, theirs.id)).rejects.toMatchObject({ status: 404 });
    await expect(cases.update(worker, theirs.id, { status: 'active' })).rejects.toMatchObject({ status: 404 });
    const mine = await cases.list(worker, page);
    expect(mine.rows.every((c) => c.unitId === worker.unitId)).toBe(true);
    expect(mine.rows.map((c) => c.id)).not.toContain(theirs.id);

    const cp = actorOf(await t.newUser('contact_point'));
    await expect(cases.get(cp, theirs.id)).resolves.toMatchObject({ id: theirs.id });
    const all = await cases.list(cp, { ...page, filter: { unitId: other.unitId } });
    expect(all.rows.map((c) => c.id)).toEqual([theirs.id]);
  });

  it('refuses to enter the facts of a purged case again, but lets its status change', async () => {
    const c = await cases.create(worker, { birthYear: 1970 });
    await t.db.query(`UPDATE cases SET purged_at = '2025-01-02T10:00:00Z', birth_year = NULL WHERE id = $1`, [c.id]);
    await expect(cases.update(worker, c.id, { birthYear: 1971 })).rejects.toMatchObject({
      status: 409,
      code: 'RETENTION_CASE_PURGED',
    });
    await expect(cases.update(worker, c.id, { status: 'completed' })).resolves.toMatchObject({ status: 'completed' });
  });
});

describe('CasesService: consent per party', () => {
  let unitId: string;
  let police: Actor;
  let municipality: Actor;
  let prison: Actor;
  let cp: Actor;

  beforeAll(async () => {
    unitId = (await t.newUnit({ code: 'MEDK' })).id;
    police = actorOf(await t.newUser('unit_worker', { unitId, party: 'police' }));
    municipality = actorOf(await t.newUser('unit_worker', { unitId, party: 'municipality' }));
    prison = actorOf(await t.newUser('unit_worker', { unitId, party: 'prison_probation' }));
    cp = actorOf(await t.newUser('contact_point'));
  });

  const idsSeenBy = async (actor: Actor) =>
    (await cases.list(actor, { ...page, filter: { unitId } })).rows.map((c) => c.id);

  it('shows a case without consent only to the party that opened it', async () => {
    const c = await cases.create(municipality, {});
    expect(c).toMatchObject({ openedParty: 'municipality', accessParties: ['municipality'] });
    expect(toCaseRecordConsent(await cases.get(municipality, c.id))).toBeNull();
    await expect(cases.get(police, c.id)).rejects.toMatchObject({ status: 404 });
    await expect(cases.update(police, c.id, { status: 'active' })).rejects.toMatchObject({ status: 404 });
    expect(await idsSeenBy(police)).not.toContain(c.id);
    expect(await idsSeenBy(municipality)).toContain(c.id);
    await expect(cases.get(cp, c.id)).resolves.toMatchObject({ id: c.id });
  });

  it('lets a consent date alone cover every party of the unit, and a consent name the parties it covers', async () => {
    const all = await cases.create(police, { consentRecordedOn: '2026-01-05' });
    expect(all).toMatchObject({
      consentParties: ['police', 'municipality', 'prison_probation'],
      consentGivenOn: '2026-01-05',
    });
    await expect(cases.get(prison, all.id)).resolves.toMatchObject({ id: all.id });

    const two = await cases.create(police, { consent: { parties: ['police', 'municipality'], givenOn: '2026-02-01' } });
    // the date consent was first given is the consent's
    expect(two).toMatchObject({ consentRecordedOn: '2026-02-01', accessParties: ['police', 'municipality'] });
    await expect(cases.get(municipality, two.id)).resolves.toMatchObject({ id: two.id });
    await expect(cases.get(prison, two.id)).rejects.toMatchObject({ status: 404 });
    expect(await idsSeenBy(prison)).not.toContain(two.id);
    expect(await auditOf(t.db, two.id)).toEqual([
      {
        action: 'case.create',
        actorId: police.id,
        details: { reference: two.reference, consentParties: ['police', 'municipality'] },
      },
    ]);
  });

  it('refuses a party the unit does not have, and a change that would leave a covered party out', async () => {
    await expect(cases.create(police, { consent: { parties: ['ngo'], givenOn: '2026-02-01' } })).rejects.toMatchObject({
      status: 400,
      response: { errors: { 'consent.parties': expect.stringContaining('ngo is not a party of the unit') } },
    });
    const c = await cases.create(police, { consent: { parties: ['police', 'municipality'], givenOn: '2026-02-01' } });
    await expect(
      cases.update(police, c.id, { consent: { parties: ['police'], givenOn: '2026-03-01' } }),
    ).rejects.toMatchObject({
      status: 400,
      response: { errors: { 'consent.parties': expect.stringContaining('municipality would be left out') } },
    });
    const widened = await cases.update(police, c.id, {
      consent: { parties: ['police', 'municipality', 'prison_probation'], givenOn: '2026-03-01' },
    });
    expect(widened).toMatchObject({ consentGivenOn: '2026-03-01', consentRecordedOn: '2026-02-01' });
    await expect(cases.get(prison, c.id)).resolves.toMatchObject({ id: c.id });
  });

  it('ends the access of the parties withdrawn from at once, keeps the reason encrypted and audits the change', async () => {
    const c = await cases.create(police, { consentRecordedOn: '2026-01-05' });
    const after = await cases.withdrawConsent(police, c.id, {
      parties: ['municipality'],
      reason: 'Ønsker ikke kommunen',
    });
    expect(after).toMatchObject({
      consentParties: ['police', 'prison_probation'],
      consentWithdrawnOn: expect.any(String),
    });
    await expect(cases.get(municipality, c.id)).rejects.toMatchObject({ status: 404 });
    expect(await idsSeenBy(municipality)).not.toContain(c.id);
    await expect(cases.get(prison, c.id)).resolves.toMatchObject({ id: c.id });
    expect((await auditOf(t.db, c.id)).at(-1)).toEqual({
      action: 'case.withdraw_consent',
      actorId: police.id,
      details: { withdrawn: ['municipality'], remaining: ['police', 'prison_probation'] },
    });
    const [stored] = await t.db.query(`SELECT reason FROM case_consent_withdrawals WHERE case_id = $1`, [c.id]);
    expect(stored.reason).not.toContain('kommunen');

    // a party the consent no longer covers cannot be withdrawn from again
    await expect(
      cases.withdrawConsent(police, c.id, { parties: ['municipality'], reason: 'igen' }),
    ).rejects.toMatchObject({
      status: 400,
      response: { errors: { parties: 'the consent does not cover municipality' } },
    });
    // without parties: from every party left; the unit's own workers then see it no longer, the contact point does
    await cases.withdrawConsent(police, c.id, { reason: 'Trækker alt tilbage' });
    await expect(cases.get(police, c.id)).rejects.toMatchObject({ status: 404 });
    await expect(cases.get(cp, c.id)).resolves.toMatchObject({ consentParties: [] });
    await expect(cases.withdrawConsent(cp, c.id, { reason: 'en gang til' })).rejects.toMatchObject({
      status: 409,
      code: 'CASE_CONSENT_NOT_RECORDED',
    });
  });

  it('starts afresh when consent is given again after a withdrawal', async () => {
    const c = await cases.create(police, { consent: { parties: ['police', 'municipality'], givenOn: '2026-01-05' } });
    await cases.withdrawConsent(police, c.id, { parties: ['municipality'], reason: 'for nu' });
    const again = await cases.update(police, c.id, {
      consent: { parties: ['police', 'municipality'], givenOn: todayIso() },
    });
    expect(again).toMatchObject({ consentParties: ['police', 'municipality'], consentWithdrawnOn: null });
    await expect(cases.get(municipality, c.id)).resolves.toMatchObject({ id: c.id });
  });
});

const toCaseRecordConsent = (c: Parameters<typeof toCaseRecord>[0]) => toCaseRecord(c).consent;
