import { blockFindings, bySeverity, finding, findingsBlockingApproval } from './finding.js';

const block = finding('amount-per-case', 'block', 'b', 'b', 'b');
const warn = finding('required-documents', 'warn', 'w', 'w', 'w');
const otherWarn = finding('session-spacing', 'warn', 'w2', 'w2', 'w2');
const info = finding('second-approval-required', 'info', 'i', 'i', 'i');

describe(finding.name, () => {
  it('drops the second full stop after an abbreviation that ends a sentence', () => {
    expect(finding('x', 'info', 'Costs DKK 5.00.', 'Koster 5,00 kr..', 'Maksaa 5,00 €.')).toMatchObject({
      message: 'Costs DKK 5.00.',
      messageDa: 'Koster 5,00 kr.',
      messageFi: 'Maksaa 5,00 €.',
    });
  });
});

describe(bySeverity.name, () => {
  it('orders blocks, then warnings, then information', () => {
    expect([info, warn, block].sort(bySeverity)).toEqual([block, warn, info]);
  });
});

describe(blockFindings.name, () => {
  it('keeps only the blocks, which stop a submit', () => {
    expect(blockFindings([block, warn, info])).toEqual([block]);
  });
});

describe(findingsBlockingApproval.name, () => {
  it('keeps blocks and the warnings nobody overrode', () => {
    expect(findingsBlockingApproval([block, warn, otherWarn, info], ['required-documents'])).toEqual([
      block,
      otherWarn,
    ]);
  });

  it('does not let an override lift a block', () => {
    expect(findingsBlockingApproval([block], ['amount-per-case'])).toEqual([block]);
  });

  it('lets an approval through when every warning is overridden', () => {
    expect(findingsBlockingApproval([warn, info], ['required-documents'])).toEqual([]);
  });
});
