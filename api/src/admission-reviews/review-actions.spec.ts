import type { Actor } from '../auth/auth.decorators.js';
import { reviewActionsFor } from './admission-reviews.service.js';

const actor = (role: Actor['role'], id = 'me', unitId: string | null = null): Actor =>
  ({ id, role, unitId, email: `${id}@x`, displayName: id, sessionId: 's' }) as Actor;
const review = (status: string, assessors: string[] = []) =>
  ({ status, unitId: 'unit-a', assessors }) as Parameters<typeof reviewActionsFor>[1];

describe(reviewActionsFor.name, () => {
  it('lets the contact point start, ask and decide a requested review', () => {
    expect(reviewActionsFor(actor('contact_point'), review('requested'))).toEqual([
      'start-review',
      'request-info',
      'uphold',
      'admit',
    ]);
  });

  it('leaves the decision out for a contact point who took part in the assessment', () => {
    expect(reviewActionsFor(actor('contact_point', 'me'), review('in_review', ['me']))).toEqual(['request-info']);
  });

  it("lets the unit answer its own review's question, and nobody act on a decided one", () => {
    expect(reviewActionsFor(actor('unit_worker', 'w', 'unit-a'), review('info_requested'))).toEqual(['answer']);
    expect(reviewActionsFor(actor('unit_worker', 'w', 'unit-b'), review('info_requested'))).toEqual([]);
    expect(reviewActionsFor(actor('contact_point'), review('upheld'))).toEqual([]);
    expect(reviewActionsFor(actor('finance'), review('requested'))).toEqual([]);
  });
});
