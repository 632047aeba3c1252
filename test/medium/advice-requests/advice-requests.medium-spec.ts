import { AdviceRequestsModule } from '../../../api/src/advice-requests/advice-requests.module.js';
import { AdviceRequestsService } from '../../../api/src/advice-requests/advice-requests.service.js';
import type { Actor } from '../../../api/src/auth/auth.decorators.js';
import { CasesModule } from '../../../api/src/cases/cases.module.js';
import { parseListQuery } from '../../../api/src/common/list-query.js';
import { ADVICE_LIST } from '../../../api/src/advice-requests/advice-requests.service.js';
import { actorOf, auditOf, createMediumTest, type MediumTest, refusal } from '../medium-db.js';
import { newActiveCase } from '../relocation.js';

// The advice thread's states, who may act, the locks and the notices, on the real database.

let t: MediumTest;
let advice: AdviceRequestsService;
let worker: Actor;
let otherUnit: Actor;
let cp: Actor;
let caseId: string;
let caseReference: string;

beforeAll(async () => {
  t = await createMediumTest({ imports: [CasesModule, AdviceRequestsModule] });
  advice = t.get(AdviceRequestsService);
  worker = actorOf(await t.newUser('unit_worker'));
  otherUnit = actorOf(await t.newUser('unit_worker'));
  cp = actorOf(await t.newUser('contact_point'));
  ({ id: caseId, reference: caseReference } = await newActiveCase(t, worker));
});
afterAll(() => t.close());

const ask = (topic: 'safety' | 'other' = 'safety') =>
  advice.create(worker, { caseId, topic, question: 'Is the new district safe enough?' });

describe(AdviceRequestsService.name, () => {
  it('numbers the requests of a case one by one, even when asked at the same moment', async () => {
    const asked = await Promise.all(Array.from({ length: 5 }, () => ask('other')));
    const numbers = asked.map((r) => Number(r.reference.slice(caseReference.length + 2))).sort((a, b) => a - b);
    expect(asked.every((r) => r.reference.startsWith(`${caseReference}-R`))).toBe(true);
    expect(new Set(numbers).size).toBe(5);
  });

  it('moves open → answered → open → closed, dating each step', async () => {
    const r = await ask();
    const answered = await advice.answer(cp, r.id, 'Yes, with a safety plan.');
    expect(answered).toMatchObject({ status: 'answered', answeredAt: expect.any(Date), closedAt: null });
    const followed = await advice.answer(worker, r.id, 'Who writes the plan?');
    expect(followed).toMatchObject({ status: 'open', messageCount: 2 });
    // the contact point may answer again, and the unit may add before an answer comes
    expect((await advice.answer(worker, r.id, 'It is urgent.')).status).toBe('open');
    const closed = await advice.close(cp, r.id);
    expect(closed).toMatchObject({ status: 'closed', closedAt: expect.any(Date), actions: [] });
    expect((await auditOf(t.db, r.id)).map((e) => e.action)).toEqual([
      'advice_request.create',
      'advice_request.answer',
      'advice_request.follow_up',
      'advice_request.follow_up',
      'advice_request.close',
    ]);
  });

  it('refuses every action on a closed request with ADVICE_WRONG_STATUS, and writes nothing', async () => {
    const r = await ask();
    await advice.close(worker, r.id);
    expect(await refusal(advice.answer(cp, r.id, 'Late'))).toBe('ADVICE_WRONG_STATUS');
    expect(await refusal(advice.close(cp, r.id))).toBe('ADVICE_WRONG_STATUS');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM advice_messages WHERE advice_request_id = $1`, [
      r.id,
    ]);
    expect(n).toBe(0);
  });

  it('lets one of two closes at the same moment through: the row is locked', async () => {
    const r = await ask();
    const outcomes = await Promise.allSettled([advice.close(worker, r.id), advice.close(cp, r.id)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('hides another unit’s requests and cases as if they did not exist', async () => {
    const r = await ask();
    expect(await refusal(advice.get(otherUnit, r.id))).toBe(404);
    expect(await refusal(advice.answer(otherUnit, r.id, 'Hi'))).toBe(404);
    expect(await refusal(advice.create(otherUnit, { caseId, topic: 'other', question: 'Mine?' }))).toBe(400);
    const page = await advice.list(otherUnit, parseListQuery({}, ADVICE_LIST));
    expect(page.total).toBe(0);
  });

  it('tells the contact points of a question and a follow-up, the unit of an answer, nobody of their own', async () => {
    const r = await ask();
    await advice.answer(cp, r.id, 'An answer');
    await advice.answer(worker, r.id, 'A follow-up');
    const rows: { recipient: string; event: string }[] = await t.db.query(
      `SELECT recipient_id AS recipient, event FROM notifications WHERE record_id = $1 ORDER BY created_at`,
      [r.id],
    );
    expect(rows).toEqual([
      { recipient: cp.id, event: 'advice_requested' },
      { recipient: worker.id, event: 'advice_answered' },
      { recipient: cp.id, event: 'advice_followed_up' },
    ]);
  });

  it('refuses a question on a purged case with RETENTION_CASE_PURGED', async () => {
    const purged = await newActiveCase(t, worker);
    await t.db.query(
      `UPDATE cases SET birth_year = NULL, consent_recorded_on = NULL, agreement_signed_on = NULL,
         programme_start = NULL, purged_at = now() WHERE id = $1`,
      [purged.id],
    );
    expect(await refusal(advice.create(worker, { caseId: purged.id, topic: 'other', question: 'Still?' }))).toBe(
      'RETENTION_CASE_PURGED',
    );
  });
});
