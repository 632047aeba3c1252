import { describe, expect, it } from '@jest/globals';
import { da } from '../i18n/da';
import { en } from '../i18n/en';
import { errorsLine, translatedErrors, WORDED_CODES } from './fieldProblems';

// A stand-in for polyglot with the Danish words of some codes and field labels, keyed as in i18n/da.ts.
const danish: Record<string, string> = {
  'app.api_validation.maxLength': 'Må højst være %{0} tegn',
  'app.api_validation.isIn': 'Skal være en af: %{0}',
  'app.api_validation.required': 'Skal udfyldes',
  'resources.applications.fields.purpose': 'Formål',
  'resources.applications.fields.lines.description': 'Beskrivelse',
  'resources.applications.fields.amountApproved': 'Bevilget',
};
const translate = (key: string, options: Record<string, unknown> = {}) => {
  const text = danish[key];
  if (text === undefined) return String(options._ ?? key);
  return text.replace(/%\{(\w+)\}/g, (_, name: string) => String(options[name]));
};

describe('the API’s 400 in the user’s language', () => {
  const body = {
    statusCode: 400,
    error: 'Bad Request',
    message: ['purpose must be at most 2000 characters', 'kind: must be one of a, b', 'x: must look right'],
    errors: {
      purpose: 'purpose must be at most 2000 characters',
      kind: 'must be one of a, b',
      'lines.0.description': 'lines.0.description is required',
      x: 'x must look right',
    },
    codes: {
      purpose: { code: 'maxLength', args: [2000] },
      kind: { code: 'isIn', args: [['a', 'b']] },
      'lines.0.description': { code: 'required' },
      x: { code: 'someRuleTheUiDoesNotKnow' },
    },
  };

  it('words each field by its code with the rule’s limits, and keeps the API’s text for an unknown code', () => {
    expect(translatedErrors(body, translate)).toEqual({
      purpose: 'Må højst være 2000 tegn',
      kind: 'Skal være en af: a, b',
      'lines.0.description': 'Skal udfyldes',
      x: 'x must look right',
    });
  });

  it('keeps the API’s text for every field when the body has no codes', () => {
    const { codes: _, ...withoutCodes } = body;
    expect(translatedErrors(withoutCodes, translate)).toEqual(body.errors);
  });

  it('finds a label where the i18n files keep it, under the list it belongs to (da.ts)', () => {
    const label = (da.resources as { applications: { fields: { lines: { description: string } } } }).applications.fields
      .lines.description;
    expect(label).toBe('Beskrivelse');
  });

  it('names a field with no label of its own by its last part', () => {
    expect(errorsLine({ 'overrides.0.amountApproved': 'For stort' }, 'applications', translate)).toBe(
      'Bevilget: For stort',
    );
  });

  it('names each field by its label in one line, a nested field by its own name', () => {
    expect(
      errorsLine(
        { purpose: 'Må højst være 2000 tegn', 'lines.0.description': 'Skal udfyldes' },
        'applications',
        translate,
      ),
    ).toBe('Formål: Må højst være 2000 tegn; Beskrivelse: Skal udfyldes');
  });
});

describe('the words of the codes', () => {
  it.each([
    ['en', en],
    ['da', da],
  ])('exist in %s for every code the UI words', (_, messages) => {
    const words = (messages.app as { api_validation: Record<string, string> }).api_validation;
    expect(Object.keys(words).sort()).toEqual([...WORDED_CODES].sort());
  });
});
