import { describe, expect, it } from '@jest/globals';
import { chooseLocale } from './chooseLocale';

describe('chooseLocale', () => {
  it('opens in the language the user chose before', () => {
    expect(chooseLocale('en', 'fi')).toBe('en');
    expect(chooseLocale('fi', 'da')).toBe('fi');
  });

  it("opens in the installation's language when the user chose none", () => {
    expect(chooseLocale(undefined, 'fi')).toBe('fi');
    expect(chooseLocale(undefined, 'da')).toBe('da');
  });

  it('ignores a remembered language the product does not have', () => {
    expect(chooseLocale('sv', 'fi')).toBe('fi');
    expect(chooseLocale(undefined, undefined)).toBe('en');
  });
});
