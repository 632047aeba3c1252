import { describe, expect, it } from '@jest/globals';
import { defaultDelimiter, fileLanguage } from './fileParams';

describe('fileLanguage', () => {
  it('asks for the files in the language of the screen', () => {
    expect(fileLanguage('fi')).toBe('fi');
    expect(fileLanguage('da')).toBe('da');
    expect(fileLanguage('en')).toBe('en');
    expect(fileLanguage('sv')).toBe('en');
  });
});

describe('defaultDelimiter', () => {
  it('separates Danish and Finnish files by semicolons, English ones by commas', () => {
    expect(defaultDelimiter('fi')).toBe(';');
    expect(defaultDelimiter('da')).toBe(';');
    expect(defaultDelimiter('en')).toBe(',');
  });
});
