import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AdviceRequestsService } from '../advice-requests/advice-requests.service.js';
import type { Actor } from '../auth/auth.decorators.js';

export interface DemoAdviceCast {
  /** The profile's first and second unit's workers, and the two contact points. */
  first: Actor;
  second: Actor;
  ncp: Actor;
  ncp2: Actor;
  /** Cases of the first unit (in assessment, and threatened before the agreement) and of the second. */
  assessmentCase: string;
  threatenedCase: string;
  secondCase: string;
}

/**
 * A few advice threads in each status, asked through the service as a user would, then dated
 * back so that the contact point's dashboard shows how long each has waited.
 */
export async function seedDemoAdvice(app: INestApplicationContext, cast: DemoAdviceCast): Promise<void> {
  const advice = app.get(AdviceRequestsService);
  const db = app.get(DataSource);
  const { first, second, ncp, ncp2 } = cast;

  const waiting = await advice.create(first, {
    caseId: cast.assessmentCase,
    topic: 'motivation',
    question:
      'The candidate names fear of the old group as the main reason to leave. Is that enough motivation for admission, or should we wait?',
  });
  const suitability = await advice.create(second, {
    caseId: cast.secondCase,
    topic: 'suitability',
    question: 'How do other units judge the will to work with the authorities when the candidate misses meetings?',
  });
  await advice.answer(
    ncp,
    suitability.id,
    'Look at the reasons for the missed meetings first; a plan with fewer, fixed meetings often helps.',
  );
  await advice.answer(second, suitability.id, 'Thank you. Should the plan be part of the cooperation agreement?');

  const relocation = await advice.create(first, {
    caseId: cast.threatenedCase,
    topic: 'relocation',
    question: 'Which districts have taken over relocated candidates recently, and whom do we call there?',
  });
  await advice.answer(
    ncp2,
    relocation.id,
    'Call the contact point before the move; we arrange the handover with the receiving unit.',
  );

  const closed = await advice.create(first, {
    caseId: cast.threatenedCase,
    topic: 'safety',
    question: 'Does a safe house count as ordinary housing for the municipality’s own support?',
  });
  await advice.answer(ncp, closed.id, 'No: the stay is temporary, and the pool may pay for it under the guideline.');
  await advice.close(first, closed.id);

  // asked some days ago: the thread moves with the question
  for (const [id, days] of [
    [waiting.id, 3],
    [suitability.id, 9],
    [relocation.id, 2],
    [closed.id, 20],
  ] as const) {
    const shift = `${days} days`;
    await db.query(
      `UPDATE advice_requests SET created_at = created_at - $2::interval, updated_at = updated_at - $2::interval + interval '1 day',
         answered_at = answered_at - $2::interval + interval '1 day', closed_at = closed_at - $2::interval + interval '2 days'
       WHERE id = $1`,
      [id, shift],
    );
    await db.query(
      `UPDATE advice_messages SET created_at = created_at - $2::interval + interval '1 day' WHERE advice_request_id = $1`,
      [id, shift],
    );
  }
}
