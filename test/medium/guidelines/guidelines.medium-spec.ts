import { GuidelineErrorCode } from '../../../api/src/guidelines/guidelines.errors.js';
import { GuidelinesModule } from '../../../api/src/guidelines/guidelines.module.js';
import { GuidelinesService } from '../../../api/src/guidelines/guidelines.service.js';
import type { StoredCategoryRules } from '@app/contract';
import type { Actor } from '../../../api/src/auth/auth.decorators.js';
import { actorOf, auditOf, createMediumTest, type MediumTest } from '../medium-db.js';

let t: MediumTest;
let guidelines: GuidelinesService;
let cp: Actor;

const relocation: StoredCategoryRules = {
  categoryCode: 'relocation',
  maxPerApplication: 2_000_000,
  maxPerCase: 4_000_000,
  maxUnitAmount: 150_000,
  unitLabel: 'night',
  maxUnitsPerApplication: 30,
  secondApprovalAbove: 1_000_000,
  requiredDocuments: ['quote'],
  allowedCaseStatuses: ['active'],
  agreementRequired: true,
  urgentMayPrecedeAgreement: true,
  minSessionSpacingDays: null,
};

const draft = (version: string, effectiveFrom: string, categories = [relocation]) => ({
  version,
  effectiveFrom,
  minAge: 18,
  maxCourseMonths: 12,
  categories,
});

beforeAll(async () => {
  t = await createMediumTest({ imports: [GuidelinesModule] });
  guidelines = t.get(GuidelinesService);
  cp = actorOf(await t.newUser('contact_point'));
  await t.db.query(`INSERT INTO categories (code, name) VALUES ('relocation', 'Relocation')`);
});
afterAll(() => t.close());

describe('GuidelinesService', () => {
  it('creates a draft, changes it, publishes it from a future date, and retires it; each step audited', async () => {
    const created = await guidelines.create(cp, draft('m-1', '2099-01-01'));
    expect(created).toMatchObject({ version: 'm-1', effectiveFrom: '2099-01-01', status: 'draft', createdBy: cp.id });
    const updated = await guidelines.update(cp, created.id, { minAge: 21 });
    expect(updated.minAge).toBe(21);
    expect(updated.categories).toEqual([relocation]);
    const published = await guidelines.publish(cp, created.id, '2098-12-31');
    expect(published).toMatchObject({ status: 'published', publishedBy: cp.id });
    expect(published.publishedAt).toBeInstanceOf(Date);
    // a published version is never changed or deleted
    await expect(guidelines.update(cp, created.id, { minAge: 30 })).rejects.toMatchObject({
      code: GuidelineErrorCode.NotDraft,
      status: 409,
    });
    await expect(guidelines.remove(cp, created.id)).rejects.toMatchObject({ code: GuidelineErrorCode.NotDraft });
    await expect(guidelines.publish(cp, created.id, '2098-12-31')).rejects.toMatchObject({
      code: GuidelineErrorCode.NotDraft,
    });
    const retired = await guidelines.retire(cp, created.id);
    expect(retired.status).toBe('retired');
    await expect(guidelines.retire(cp, created.id)).rejects.toMatchObject({ code: GuidelineErrorCode.NotPublished });
    expect(await auditOf(t.db, created.id)).toEqual([
      { action: 'guideline.create', actorId: cp.id, details: { version: 'm-1' } },
      { action: 'guideline.update', actorId: cp.id, details: { changed: ['minAge'] } },
      { action: 'guideline.publish', actorId: cp.id, details: { version: 'm-1', effectiveFrom: '2099-01-01' } },
      { action: 'guideline.retire', actorId: cp.id, details: { version: 'm-1' } },
    ]);
  });

  it('refuses to publish with an effective date already passed: guidelines never change in retrospect', async () => {
    const created = await guidelines.create(cp, draft('m-past', '2030-06-01'));
    await expect(guidelines.publish(cp, created.id, '2030-06-02')).rejects.toMatchObject({
      code: GuidelineErrorCode.EffectiveDatePassed,
      status: 409,
    });
    // on the day itself it may
    await expect(guidelines.publish(cp, created.id, '2030-06-01')).resolves.toMatchObject({ status: 'published' });
  });

  it('refuses a second published version on the same effective day, and a version name in use', async () => {
    const a = await guidelines.create(cp, draft('m-day-a', '2031-01-01'));
    const b = await guidelines.create(cp, draft('m-day-b', '2031-01-01'));
    await guidelines.publish(cp, a.id, '2030-01-01');
    await expect(guidelines.publish(cp, b.id, '2030-01-01')).rejects.toMatchObject({
      code: GuidelineErrorCode.EffectiveDateTaken,
    });
    await expect(guidelines.get(b.id)).resolves.toMatchObject({ status: 'draft' });
    await expect(guidelines.create(cp, draft('m-day-a', '2032-01-01'))).rejects.toMatchObject({
      status: 409,
      response: { errors: { version: 'is already in use' } },
    });
  });

  it("refuses rules the engine finds inconsistent, by field, and a category that doesn't exist", async () => {
    await expect(guidelines.create(cp, { ...draft('m-bad', '2040-01-01'), minAge: 150 })).rejects.toMatchObject({
      status: 400,
      response: { errors: { minAge: 'minAge must be a whole number of years from 0 to 120' } },
    });
    await expect(guidelines.create(cp, draft('m-dup', '2040-01-01', [relocation, relocation]))).rejects.toMatchObject({
      status: 400,
      response: { errors: { categories: 'categories: "relocation" appears more than once' } },
    });
    await expect(
      guidelines.create(cp, draft('m-unknown', '2040-01-01', [{ ...relocation, categoryCode: 'no_such' }])),
    ).rejects.toMatchObject({
      status: 400,
      response: { errors: { 'categories.0.categoryCode': 'no category has the code no_such' } },
    });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM guidelines WHERE version LIKE 'm-bad%'`);
    expect(n).toBe(0);
  });

  it('deletes a draft, and answers the version in force on a day: the latest published on or before it', async () => {
    const gone = await guidelines.create(cp, draft('m-gone', '2050-01-01'));
    await guidelines.remove(cp, gone.id);
    await expect(guidelines.get(gone.id)).rejects.toMatchObject({ status: 404 });
    expect((await auditOf(t.db, gone.id)).at(-1)).toEqual({
      action: 'guideline.delete',
      actorId: cp.id,
      details: { version: 'm-gone' },
    });

    const early = await guidelines.create(cp, draft('m-2060', '2060-01-01'));
    const late = await guidelines.create(cp, draft('m-2061', '2061-01-01'));
    const unpublished = await guidelines.create(cp, draft('m-2060-06', '2060-06-01'));
    await guidelines.publish(cp, early.id, '2059-01-01');
    await guidelines.publish(cp, late.id, '2059-01-01');
    expect((await guidelines.inForce('2060-12-31')).id).toBe(early.id);
    expect((await guidelines.inForce('2061-01-01')).id).toBe(late.id);
    expect((await guidelines.inForce('2060-07-01')).id).not.toBe(unpublished.id);
    // before any version takes effect
    const fresh = await createMediumTest({ imports: [GuidelinesModule] });
    try {
      await expect(fresh.get(GuidelinesService).inForce('2026-01-01')).rejects.toMatchObject({
        code: GuidelineErrorCode.NoneInForce,
      });
    } finally {
      await fresh.close();
    }
  });

  it('lists by status, newest effective date first', async () => {
    const page = await guidelines.list({
      sort: ['effectiveFrom', 'DESC'],
      range: [0, 2],
      filter: { status: 'published' },
    });
    expect(page.rows.map((g) => g.version)).toEqual(['m-2061', 'm-2060', 'm-day-a']);
  });
});
