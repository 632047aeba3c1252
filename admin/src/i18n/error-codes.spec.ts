import { describe, expect, it } from '@jest/globals';
import { WORKFLOW_ERROR_CODES } from '@app/contract';
import { da } from './da';
import { en } from './en';
import { fi } from './fi';

// The API's refusals the UI words by `code` (api/src/common/error-codes.spec.ts holds the list to the API's codes).
const wordsOf = (messages: typeof en, code: string): unknown =>
  (messages.app as { error_code: Record<string, unknown> }).error_code[code];

describe('the words of each refusal code', () => {
  it.each([...WORKFLOW_ERROR_CODES])('words %s in English, Danish and Finnish', (code) => {
    const english = wordsOf(en, code);
    const danish = wordsOf(da, code);
    const finnish = wordsOf(fi, code);
    expect({ english: typeof english, danish: typeof danish, finnish: typeof finnish }).toEqual({
      english: 'string',
      danish: 'string',
      finnish: 'string',
    });
    expect((english as string).trim()).not.toBe('');
    expect((danish as string).trim()).not.toBe('');
    expect((finnish as string).trim()).not.toBe('');
    expect(danish).not.toBe(english);
    expect(finnish).not.toBe(english);
  });
});
