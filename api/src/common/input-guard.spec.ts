import { BadRequestException } from '@nestjs/common';
import { assertCleanInput, inputProblems, MAX_INPUT_DEPTH, queryProblems, textProblem } from './input-guard.js';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

describe(inputProblems.name, () => {
  it('finds nothing in ordinary input, line breaks, tabs, emoji and Danish letters included', () => {
    expect(inputProblems({ a: 'Første linje\r\n\tanden 😀', lines: [{ n: 1, ok: true, none: null }] })).toEqual({});
  });

  it.each([
    ['NUL', 'a\u0000b', 'U+0000'],
    ['escape', '\u001b[31m', 'U+001B'],
    ['DEL', 'x\u007f', 'U+007F'],
  ])('refuses a %s character, naming the path and the character', (_, text, code) => {
    const problems = inputProblems({ lines: [{ description: text }] });
    expect(problems).toEqual({
      'lines.0.description': `lines.0.description must not contain control characters; found ${code}`,
    });
  });

  it.each(['\ud800', 'a\udc00', '\udbff\ud800', '😀'.slice(0, 1)])('refuses the lone surrogate in %j', (text) => {
    expect(inputProblems({ name: text }).name).toMatch(/not valid Unicode/);
  });

  it('keeps a surrogate pair', () => {
    expect(textProblem('\ud83d\ude00')).toBeUndefined();
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the prototype key %s at any depth', (key) => {
    const top = JSON.parse(`{"${key}":{"x":1}}`);
    const deep = JSON.parse(`{"lines":[{"${key}":1}]}`);
    expect(inputProblems(top)).toEqual({ [key]: `${key} is not a known field` });
    expect(inputProblems(deep)).toEqual({ [`lines.0.${key}`]: `lines.0.${key} is not a known field` });
  });

  it('refuses control characters in a key', () => {
    expect(Object.keys(inputProblems({ 'a\u0000': 1 }))).toEqual(['a\u0000']);
  });

  it('allows MAX_INPUT_DEPTH levels and refuses one more, naming the outermost field', () => {
    expect(inputProblems(nested(MAX_INPUT_DEPTH))).toEqual({});
    expect(inputProblems(nested(MAX_INPUT_DEPTH + 1))).toEqual({
      '': `The input is nested too deeply (at most ${MAX_INPUT_DEPTH} levels)`,
    });
    expect(inputProblems({ lines: [{ description: nested(100_000) }] })).toEqual({
      lines: `lines is nested too deeply (at most ${MAX_INPUT_DEPTH} levels)`,
    });
    expect(inputProblems({ q: nested(50) }, 'filter')).toEqual({
      'filter.q': `filter.q is nested too deeply (at most ${MAX_INPUT_DEPTH} levels)`,
    });
  });

  it('names each problem at most once and twenty at most', () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, '\u0000']));
    expect(Object.keys(inputProblems(many))).toHaveLength(20);
  });
});

describe(assertCleanInput.name, () => {
  it('throws the contract’s 400 with an errors map', () => {
    try {
      assertCleanInput({ name: '\u0000' }, 'filter');
      throw new Error('expected a 400');
    } catch (error) {
      expect(error).toBeInstanceOf(BadRequestException);
      expect((error as BadRequestException).getResponse()).toEqual({
        message: ['filter.name must not contain control characters; found U+0000'],
        errors: { 'filter.name': 'filter.name must not contain control characters; found U+0000' },
      });
    }
  });

  it('throws a plain message for a problem of the whole input', () => {
    expect(() => assertCleanInput(nested(1000))).toThrow(/The input is nested too deeply/);
  });
});

describe(queryProblems.name, () => {
  it('finds nothing in a well-formed query', () => {
    expect(queryProblems('sort=%5B%22id%22%2C%22ASC%22%5D&q=K%C3%B8benhavn+Politi&flag&&x=')).toEqual({});
  });

  it.each([
    ['filter=%E0%A4%A', 'filter'],
    ['year=2026&code=%FF', 'code'],
    ['code=%ED%A0%80', 'code'],
    ['q=100%', 'q'],
    ['fil%ZZter=1', 'fil%ZZter'],
  ])('refuses the malformed percent-encoding of %s, naming %s', (query, field) => {
    expect(queryProblems(query)).toEqual({ [field]: `${field} is not valid percent-encoded UTF-8` });
  });

  it('refuses control characters in names and values, and prototype keys as names', () => {
    expect(queryProblems('code=a%00b&x%01=1&__proto__=1')).toEqual({
      code: 'code must not contain control characters; found U+0000',
      'x\u0001': 'x\u0001 must not contain control characters; found U+0001',
      ['__proto__']: '__proto__ is not a known query parameter',
    });
  });
});
