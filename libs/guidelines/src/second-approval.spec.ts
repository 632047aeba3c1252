import { demoGuideline } from './demo-guideline.js';
import { requiresSecondApproval } from './second-approval.js';

describe(requiresSecondApproval.name, () => {
  it('needs no second approval at the threshold', () => {
    expect(requiresSecondApproval(2_500_000n, demoGuideline, 'relocation')).toBe(false);
  });

  it('needs a second approval above the threshold', () => {
    expect(requiresSecondApproval(2_500_001n, demoGuideline, 'relocation')).toBe(true);
  });

  it('needs a second approval for a category the guideline does not cover', () => {
    expect(requiresSecondApproval(1n, demoGuideline, 'driving_licence')).toBe(true);
  });
});
