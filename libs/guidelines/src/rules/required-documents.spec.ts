import { demoGuideline } from '../demo-guideline.js';
import { aRuleInput } from '../testing/fixtures.js';
import { requiredDocuments } from './required-documents.js';

describe(requiredDocuments.name, () => {
  it('passes when a quote is attached', () => {
    expect(requiredDocuments(aRuleInput({ attachmentKinds: ['other', 'quote'] }))).toBeNull();
  });

  it('warns, not blocks, when the quote is missing', () => {
    expect(requiredDocuments(aRuleInput({ attachmentKinds: ['invoice', 'other'] }))).toEqual({
      rule: 'required-documents',
      severity: 'warn',
      message: 'The application lacks a quote.',
      messageDa: 'Ansøgningen mangler et tilbud.',
      messageFi: 'Hakemuksesta puuttuu tarjous.',
    });
  });

  it('names every missing document', () => {
    const guideline = {
      ...demoGuideline,
      categories: demoGuideline.categories.map((c) => ({
        ...c,
        requiredDocuments: ['quote' as const, 'invoice' as const],
      })),
    };
    expect(requiredDocuments(aRuleInput({ attachmentKinds: [] }, {}, guideline))?.messageDa).toBe(
      'Ansøgningen mangler et tilbud og en faktura.',
    );
  });
});
