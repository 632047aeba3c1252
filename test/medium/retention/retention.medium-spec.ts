import { Clock } from '../../../api/src/common/clock.js';
import { RetentionModule } from '../../../api/src/retention/retention.module.js';
import { RetentionService } from '../../../api/src/retention/retention.service.js';
import { createMediumTest, FixedClock, type MediumTest } from '../medium-db.js';

let t: MediumTest;
let retention: RetentionService;
// the installation's today (local noon, so that the date is the same in any TZ the run has)
const clock = new FixedClock(new Date(2030, 5, 15, 12));
let workerId: string;
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
  await t.db.query(`INSERT INTO categories (code, name) VALUES ('relocation', 'Relocation')`);
});
afterAll(() => t.close());

async function newCase(birthYear: number): Promise<string> {
  seq += 1;
  const [row] = await t.db.query(
    `INSERT INTO cases (reference, unit_id, year, number, status, birth_year, programme_start, created_by)
     VALUES ($1, $2, 2020, $3, 'active', $4, '2020-01-06', $5) RETURNING id`,
    [`RET-2020-${String(seq).padStart(3, '0')}`, unitId, seq, birthYear, workerId],
  );
  return row.id;
}

/** A withdrawn application with a narrative, its final state reached at `finalAt`. */
async function withdrawn(caseId: string, finalAt: string, budgetYearId: string | null = null): Promise<string> {
  seq += 1;
  const [row] = await t.db.query(
    `INSERT INTO applications (reference, case_id, unit_id, category_code, amount_requested, justification, lines,
                               status, created_by, final_at, budget_year_id)
     VALUES ($1, $2, $3, 'relocation', 300000, 'A story of the candidate', $4, 'withdrawn', $5, $6, $7) RETURNING id`,
    [
      `RET-2020-${String(seq).padStart(3, '0')}-A1`,
      caseId,
      unitId,
      JSON.stringify([{ description: 'Room, per night', quantity: 3, unitAmount: 100000 }]),
      workerId,
      finalAt,
      budgetYearId,
    ],
  );
  return row.id;
}

async function message(applicationId: string, body: string): Promise<void> {
  await t.db.query(
    `INSERT INTO application_messages (application_id, author_id, kind, body) VALUES ($1, $2, 'question', $3)`,
    [applicationId, workerId, body],
  );
}

/** An open advice request on the case, with a question and an answer in its thread. */
async function advice(caseId: string): Promise<string> {
  seq += 1;
  const [row] = await t.db.query(
    `INSERT INTO advice_requests (case_id, unit_id, number, reference, topic, question, asked_by)
     VALUES ($1, $2, 1, $3, 'safety', 'Is the new district safe?', $4) RETURNING id`,
    [caseId, unitId, `RET-ADV-${seq}-R1`, workerId],
  );
  await t.db.query(
    `INSERT INTO advice_messages (advice_request_id, author_id, kind, body) VALUES ($1, $2, 'follow_up', 'More')`,
    [row.id, workerId],
  );
  return row.id;
}

const adviceRow = async (id: string) =>
  (
    await t.db.query(
      `SELECT question, status, closed_at IS NOT NULL AS closed, purged_at IS NOT NULL AS purged,
              (SELECT count(*)::int FROM advice_messages m WHERE m.advice_request_id = r.id) AS messages
         FROM advice_requests r WHERE id = $1`,
      [id],
    )
  )[0];

const applicationRow = async (id: string) =>
  (
    await t.db.query(
      `SELECT justification, lines, purged_at IS NOT NULL AS purged, amount_requested::int AS amount,
              (SELECT count(*)::int FROM application_messages m WHERE m.application_id = a.id) AS messages
         FROM applications a WHERE id = $1`,
      [id],
    )
  )[0];

const caseRow = async (id: string) =>
  (
    await t.db.query(
      `SELECT birth_year AS "birthYear", programme_start::text AS "programmeStart", purged_at IS NOT NULL AS purged
         FROM cases WHERE id = $1`,
      [id],
    )
  )[0];

describe('RetentionService', () => {
  let due: string;
  let dayAfter: string;
  let openBooks: string;
  let dueCase: string;
  let keptCase: string;
  let bookYear: string;

  it('purges the narrative of an application final 36 months ago to the day, keeps its amounts, and then its case', async () => {
    dueCase = await newCase(1990);
    keptCase = await newCase(1991);
    due = await withdrawn(dueCase, '2027-06-15T12:00:00Z');
    await message(due, 'When can I move?');
    await message(due, 'Next week.');
    dayAfter = await withdrawn(keptCase, '2027-06-16T12:00:00Z');
    await message(dayAfter, 'Kept for now.');
    const dueAdvice = await advice(dueCase);
    const keptAdvice = await advice(keptCase);
    // final long ago, but its budget year's books are still open: the clock has not started
    [{ id: bookYear }] = await t.db.query(`INSERT INTO budget_years (year, pool_amount) VALUES (2020, 0) RETURNING id`);
    openBooks = await withdrawn(keptCase, '2020-03-01T12:00:00Z', bookYear);

    // why each case moved between units (issue 14): narrative too
    const other = await t.newUnit();
    for (const caseId of [dueCase, keptCase]) {
      await t.db.query(
        `INSERT INTO case_transfers (case_id, from_unit_id, to_unit_id, status, reason, decision_reason, proposed_by,
                                     decided_by, decided_at)
         VALUES ($1, $2, $3, 'declined', 'Moves to family', 'Not yet', $4, $4, now())`,
        [caseId, unitId, other.id, workerId],
      );
    }

    const run = await retention.purge('command');
    expect(run).toEqual({
      trigger: 'command',
      asOf: '2030-06-15',
      retentionMonths: 36,
      dueThrough: '2027-06-15',
      applications: 1,
      messages: 2,
      attachments: 0,
      cases: 1,
      adviceRequests: 1,
      admissionReviews: 0,
      failed: 0,
      outcome: 'completed',
    });
    // the case's advice goes with it: the thread deleted, the question NULL, the request closed
    expect(await adviceRow(dueAdvice)).toEqual({
      question: null,
      status: 'closed',
      closed: true,
      purged: true,
      messages: 0,
    });
    expect(await adviceRow(keptAdvice)).toMatchObject({
      question: 'Is the new district safe?',
      purged: false,
      messages: 1,
    });
    await expect(
      t.db.query(
        `INSERT INTO advice_messages (advice_request_id, author_id, kind, body) VALUES ($1, $2, 'answer', 'Late')`,
        [dueAdvice, workerId],
      ),
    ).rejects.toThrow(/was purged/);
    await expect(
      t.db.query(
        `INSERT INTO advice_requests (case_id, unit_id, number, reference, topic, question, asked_by)
         VALUES ($1, $2, 2, 'RET-ADV-LATE', 'other', 'Late', $3)`,
        [dueCase, unitId, workerId],
      ),
    ).rejects.toThrow(/was purged/);
    expect(await applicationRow(due)).toEqual({
      justification: null,
      lines: [{ description: null, quantity: 3, unitAmount: 100000 }],
      purged: true,
      amount: 300000,
      messages: 0,
    });
    expect(await applicationRow(dayAfter)).toMatchObject({
      justification: 'A story of the candidate',
      purged: false,
      messages: 1,
    });
    expect(await applicationRow(openBooks)).toMatchObject({ purged: false });
    // the case had no application left unpurged: its personal details go too
    expect(await caseRow(dueCase)).toEqual({ birthYear: null, programmeStart: null, purged: true });
    expect(await caseRow(keptCase)).toEqual({ birthYear: 1991, programmeStart: '2020-01-06', purged: false });
    const reasons = async (caseId: string) =>
      t.db.query(`SELECT reason, decision_reason AS "decisionReason" FROM case_transfers WHERE case_id = $1`, [caseId]);
    expect(await reasons(dueCase)).toEqual([{ reason: null, decisionReason: null }]);
    expect(await reasons(keptCase)).toEqual([{ reason: 'Moves to family', decisionReason: 'Not yet' }]);

    const [event] = await t.db.query(
      `SELECT actor_id, details FROM audit_events WHERE action = 'retention.purge' ORDER BY seq DESC LIMIT 1`,
    );
    expect(event).toEqual({ actor_id: null, details: run });
  });

  it('is idempotent: a second run the same day purges nothing', async () => {
    const run = await retention.purge('job');
    expect(run).toMatchObject({
      trigger: 'job',
      applications: 0,
      messages: 0,
      cases: 0,
      failed: 0,
      outcome: 'completed',
    });
  });

  it('starts the clock of a grant’s books on the later of the final day and the closing day', async () => {
    // closed after the last due day: still not due
    await t.db.query(`UPDATE budget_years SET status = 'closed', closed_at = '2027-06-20T12:00:00Z' WHERE id = $1`, [
      bookYear,
    ]);
    expect((await retention.purge('command')).applications).toBe(0);
    await t.db.query(`UPDATE budget_years SET closed_at = '2027-06-14T12:00:00Z' WHERE id = $1`, [bookYear]);
    expect(await retention.purge('command')).toMatchObject({ applications: 1, messages: 0, cases: 0 });
    expect(await applicationRow(openBooks)).toMatchObject({ purged: true, justification: null });
    // the other application of that case (final a day too late) keeps the case's details
    expect((await caseRow(keptCase)).purged).toBe(false);
  });

  it('purges what became due when the clock moves on', async () => {
    clock.set(new Date(2030, 5, 16, 12));
    expect(await retention.purge('command')).toMatchObject({
      dueThrough: '2027-06-16',
      applications: 1,
      messages: 1,
      cases: 1,
    });
    expect((await caseRow(keptCase)).purged).toBe(true);
  });

  it('stops between applications when its signal is aborted, and says so', async () => {
    const c = await newCase(1992);
    await withdrawn(c, '2021-01-01T12:00:00Z');
    const aborted = new AbortController();
    aborted.abort();
    expect(await retention.purge('job', aborted.signal)).toMatchObject({ applications: 0, outcome: 'interrupted' });
    expect(await retention.purge('job')).toMatchObject({ applications: 1, cases: 1, outcome: 'completed' });
  });
});
