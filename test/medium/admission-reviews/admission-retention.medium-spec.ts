import { Clock } from '../../../api/src/common/clock.js';
import { sealText } from '../../../api/src/crypto/encrypted-columns.js';
import { RetentionModule } from '../../../api/src/retention/retention.module.js';
import { RetentionService } from '../../../api/src/retention/retention.service.js';
import { createMediumTest, FixedClock, type MediumTest } from '../medium-db.js';

let t: MediumTest;
let retention: RetentionService;
const clock = new FixedClock(new Date(2030, 5, 15, 12));
let workerId: string;
let contactPointId: string;
let unitId: string;
let seq = 0;

beforeAll(async () => {
  t = await createMediumTest({
    imports: [RetentionModule],
    config: { retentionMonths: 36 },
    override: (b) => b.overrideProvider(Clock).useValue(clock),
  });
  retention = t.get(RetentionService);
  const worker = await t.newUser('unit_worker');
  workerId = worker.id;
  unitId = worker.unitId!;
  contactPointId = (await t.newUser('contact_point')).id;
});
afterAll(() => t.close());

/** A case its unit refused at `refusedAt`, with its assessment; a review decided at `decidedAt` (null: open). */
async function refusedCase(refusedAt: string, review?: { decidedAt: string | null }): Promise<string> {
  seq += 1;
  const [{ id }] = await t.db.query(
    `INSERT INTO cases (reference, unit_id, year, number, status, birth_year, created_by)
     VALUES ($1, $2, 2026, $3, 'assessment', 1999, $4) RETURNING id`,
    [`ADM-2026-${String(seq).padStart(3, '0')}`, unitId, seq, workerId],
  );
  await t.db.query(
    `INSERT INTO case_assessments (case_id, push_factors, steps_taken, fear_alone, participants,
                                   decision, decision_reason, decided_by, decided_at)
     VALUES ($1, $2, $3, true, ARRAY[$4]::uuid[], 'refused', $5, $4, $6)`,
    [id, sealText('Push'), sealText('Steps'), workerId, sealText('Fear alone'), refusedAt],
  );
  await t.db.query(`UPDATE cases SET status = 'refused' WHERE id = $1`, [id]);
  if (review) {
    const decided = review.decidedAt !== null;
    const [{ id: reviewId }] = await t.db.query(
      `INSERT INTO admission_reviews (case_id, unit_id, status, requested_on, requested_by, assessors,
                                      decision_reason, decided_by, decided_at, created_at)
       VALUES ($1, $2, $3, $4::timestamptz::date, $5, ARRAY[$5]::uuid[], $6, $7, $8, $4) RETURNING id`,
      [
        id,
        unitId,
        decided ? 'upheld' : 'in_review',
        refusedAt,
        workerId,
        decided ? sealText('Upheld') : null,
        decided ? contactPointId : null,
        review.decidedAt,
      ],
    );
    await t.db.query(
      `INSERT INTO admission_review_messages (review_id, author_id, kind, body) VALUES ($1, $2, 'question', $3)`,
      [reviewId, contactPointId, sealText('A question')],
    );
  }
  return id;
}

const assessmentOf = async (caseId: string) =>
  (await t.db.query(`SELECT * FROM case_assessments WHERE case_id = $1`, [caseId]))[0];

describe('The retention purge of admission reviews', () => {
  it('purges a refused case whose admission is final and old enough: assessment, reasons, thread and details', async () => {
    const old = await refusedCase('2026-01-10T12:00:00Z', { decidedAt: '2026-03-01T12:00:00Z' });
    const alone = await refusedCase('2026-02-10T12:00:00Z');
    const open = await refusedCase('2026-01-10T12:00:00Z', { decidedAt: null });
    const recent = await refusedCase('2026-01-10T12:00:00Z', { decidedAt: '2029-01-01T12:00:00Z' });

    const run = await retention.purge('command');
    expect(run).toMatchObject({ cases: 2, admissionReviews: 1, messages: 1, outcome: 'completed' });

    for (const caseId of [old, alone]) {
      const assessment = await assessmentOf(caseId);
      expect(assessment).toMatchObject({ push_factors: null, steps_taken: null, decision_reason: null });
      expect(assessment.fear_alone).toBe(true);
      expect(assessment.decision).toBe('refused');
      expect(assessment.purged_at).not.toBeNull();
      const [c] = await t.db.query(`SELECT birth_year, status, purged_at FROM cases WHERE id = $1`, [caseId]);
      expect(c).toMatchObject({ birth_year: null, status: 'refused' });
      expect(c.purged_at).not.toBeNull();
    }
    const [review] = await t.db.query(
      `SELECT status, decision_reason, decided_at, purged_at FROM admission_reviews WHERE case_id = $1`,
      [old],
    );
    expect(review).toMatchObject({ status: 'upheld', decision_reason: null });
    expect(review.decided_at).not.toBeNull();
    expect(
      await t.db.query(
        `SELECT 1 FROM admission_review_messages m JOIN admission_reviews r ON r.id = m.review_id WHERE r.case_id = $1`,
        [old],
      ),
    ).toEqual([]);

    for (const caseId of [open, recent]) {
      const assessment = await assessmentOf(caseId);
      expect(assessment.push_factors).toMatch(/^ep1:/);
      expect(assessment.purged_at).toBeNull();
    }
  });

  it('purges nothing twice', async () => {
    const run = await retention.purge('command');
    expect(run).toMatchObject({ cases: 0, admissionReviews: 0, messages: 0 });
  });
});
