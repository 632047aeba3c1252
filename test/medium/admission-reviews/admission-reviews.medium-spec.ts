import { AdmissionReviewsModule } from '../../../api/src/admission-reviews/admission-reviews.module.js';
import { AdmissionReviewsService } from '../../../api/src/admission-reviews/admission-reviews.service.js';
import { AdmissionStatisticsService } from '../../../api/src/admission-reviews/admission-statistics.service.js';
import { CaseAdmissionService } from '../../../api/src/admission-reviews/case-admission.service.js';
import type { Actor } from '../../../api/src/auth/auth.decorators.js';
import { CasesService } from '../../../api/src/cases/cases.service.js';
import { todayIso } from '../../../api/src/common/dates.js';
import { actorOf, createMediumTest, type MediumTest } from '../medium-db.js';

const ASSESSMENT = {
  pushFactors: 'Push',
  pullFactors: 'Pull',
  ownExplanation: 'Own',
  helpWished: 'Help',
  fearAlone: false,
  understandsLeaving: 'Leaving',
  understandsLifestyle: 'Lifestyle',
  stepsTaken: 'Steps',
  willToCooperate: 'Will',
};

let t: MediumTest;
let cases: CasesService;
let admission: CaseAdmissionService;
let reviews: AdmissionReviewsService;
let statistics: AdmissionStatisticsService;
let worker: Actor;
let first: Actor;
let second: Actor;

beforeAll(async () => {
  t = await createMediumTest({ imports: [AdmissionReviewsModule] });
  cases = t.get(CasesService);
  admission = t.get(CaseAdmissionService);
  reviews = t.get(AdmissionReviewsService);
  statistics = t.get(AdmissionStatisticsService);
  worker = actorOf(await t.newUser('unit_worker'));
  first = actorOf(await t.newUser('contact_point'));
  second = actorOf(await t.newUser('contact_point'));
});
afterAll(() => t.close());

async function requested(): Promise<{ id: string; caseId: string }> {
  const c = await cases.create(worker, {});
  await admission.writeAssessment(worker, c.id, ASSESSMENT);
  await admission.refuse(worker, c.id, 'Not suitable');
  return reviews.create(worker, { caseId: c.id, requestedOn: todayIso() });
}

describe(AdmissionReviewsService.name, () => {
  it('lets one of two contact points deciding at once decide; the other meets the decided status', async () => {
    const r = await requested();
    const results = await Promise.allSettled([
      reviews.admit(first, r.id, 'Admit'),
      reviews.uphold(second, r.id, 'Uphold'),
    ]);
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((x) => x.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.code).toBe('ADMISSION_REVIEW_WRONG_STATUS');
    const [row] = await t.db.query(
      `SELECT r.status, c.status AS "caseStatus" FROM admission_reviews r JOIN cases c ON c.id = r.case_id WHERE r.id = $1`,
      [r.id],
    );
    expect(row.caseStatus).toBe(row.status === 'admitted' ? 'active' : 'refused');
  });

  it('refuses a refusal of a case the unit has decided already', async () => {
    const c = await cases.create(worker, {});
    await admission.writeAssessment(worker, c.id, ASSESSMENT);
    await admission.admit(worker, c.id);
    await expect(admission.refuse(worker, c.id, 'Changed our mind')).rejects.toMatchObject({
      code: 'ADMISSION_CASE_WRONG_STATUS',
    });
  });

  it('keeps the database from refusing a case without its assessment refusing it', async () => {
    const c = await cases.create(worker, {});
    await expect(t.db.query(`UPDATE cases SET status = 'refused' WHERE id = $1`, [c.id])).rejects.toThrow(
      /refused only by its assessment/,
    );
  });
});

describe(AdmissionStatisticsService.name, () => {
  it('withholds the counts under five and the median of fewer than five decisions; publishes the total of five', async () => {
    // with the one decided above: five requested, one decided, four open
    for (let i = 0; i < 4; i++) await requested();
    const { threshold, years } = await statistics.report(first);
    expect(threshold).toBe(5);
    const row = years.find((y) => y.year === Number(todayIso().slice(0, 4)))!;
    expect(row.requested).toBe(5);
    expect(row.open).toBeNull();
    expect([row.upheld, row.admitted].sort()).toEqual([0, null]);
    expect(row.medianDaysToDecision).toBeNull();
    expect(row.suppressed).toBe(true);
  });

  it("counts only the unit's own reviews for a unit worker", async () => {
    const other = actorOf(await t.newUser('unit_worker'));
    expect((await statistics.report(other)).years).toEqual([]);
  });
});
