import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** How deep a body or a JSON query value may nest; the deepest DTO needs four levels. */
export const MAX_INPUT_DEPTH = 32;

/** Keys that name an object's prototype machinery: never a field of ours, always refused. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// C0 controls but tab, line feed and carriage return, and DEL: PostgreSQL refuses NUL,
// and the others only ever hide text from a reader or a log.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const MAX_PROBLEMS = 20;

/** What is wrong with one piece of text, or undefined when it is fine. */
export function textProblem(text: string): string | undefined {
  const control = CONTROL.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `must not contain control characters; found U+${code}`;
  }
  if (LONE_SURROGATE.test(text)) return 'is not valid Unicode text (it holds a lone surrogate)';
  return undefined;
}

const join = (prefix: string, key: string | number) => (prefix === '' ? String(key) : `${prefix}.${key}`);

/**
 * Everything in a parsed JSON value that no endpoint takes: text with control
 * characters or lone surrogates (in values and keys), prototype keys, and
 * nesting deeper than MAX_INPUT_DEPTH. Answers `{ "<path>": "<path> ..." }`,
 * empty when the value is fine. Too deep a value is named by the field of
 * `prefix` (or its first key) where it starts.
 */
export function inputProblems(value: unknown, prefix = ''): Record<string, string> {
  // no prototype: a path may well be `__proto__`
  const problems = Object.create(null) as Record<string, string>;
  const add = (path: string, message: string) => {
    if (Object.keys(problems).length < MAX_PROBLEMS && !Object.hasOwn(problems, path)) {
      problems[path] = `${path === '' ? 'The input' : path} ${message}`;
    }
  };
  // the walk stops at the depth limit, so it recurses at most MAX_INPUT_DEPTH + 1 times;
  // `top` is the outermost field below `prefix`, which names a value that is too deep
  const walk = (node: unknown, path: string, depth: number, top: string): void => {
    if (typeof node === 'string') {
      const problem = textProblem(node);
      if (problem) add(path, problem);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (depth >= MAX_INPUT_DEPTH) {
      add(top || prefix, `is nested too deeply (at most ${MAX_INPUT_DEPTH} levels)`);
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, join(path, i), depth + 1, top));
      return;
    }
    for (const key of Object.keys(node)) {
      const keyPath = join(path, key);
      const keyProblem = textProblem(key);
      if (PROTOTYPE_KEYS.has(key)) add(keyPath, 'is not a known field');
      else if (keyProblem) add(keyPath, `is not a known field: its name ${keyProblem}`);
      else walk((node as Record<string, unknown>)[key], keyPath, depth + 1, top || keyPath);
    }
  };
  walk(value, prefix, 0, '');
  return problems;
}

/** The contract's 400 naming each problem; one about the whole input has no field to name. */
function problemsException(problems: Record<string, string>): BadRequestException {
  const { '': whole, ...fields } = problems;
  if (whole !== undefined && Object.keys(fields).length === 0) return new BadRequestException(whole);
  return new BadRequestException({ message: Object.values(problems), errors: { ...fields } });
}

/** Throws the contract's 400 when `inputProblems` finds anything. */
export function assertCleanInput(value: unknown, prefix = ''): void {
  const problems = inputProblems(value, prefix);
  if (Object.keys(problems).length > 0) throw problemsException(problems);
}

const decode = (text: string): string | undefined => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
};

/**
 * What is wrong with a URL's query string (what follows `?`): malformed
 * percent-encoding, a prototype key as a name, and the text checks of
 * `inputProblems` on every name and value.
 */
export function queryProblems(search: string): Record<string, string> {
  const problems = Object.create(null) as Record<string, string>;
  for (const pair of search.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const rawName = at < 0 ? pair : pair.slice(0, at);
    const name = decode(rawName);
    const value = at < 0 ? '' : decode(pair.slice(at + 1));
    const field = name ?? rawName;
    const problem =
      name === undefined || value === undefined
        ? 'is not valid percent-encoded UTF-8'
        : PROTOTYPE_KEYS.has(name)
          ? 'is not a known query parameter'
          : textProblem(name) || textProblem(value);
    if (problem && !Object.hasOwn(problems, field)) problems[field] = `${field} ${problem}`;
  }
  return problems;
}

/** Refuses a request whose query string or JSON body holds what `queryProblems` or `inputProblems` refuse. */
export function inputGuard(req: Request, _res: Response, next: NextFunction): void {
  const at = req.originalUrl.indexOf('?');
  const query = at < 0 ? {} : queryProblems(req.originalUrl.slice(at + 1));
  const body = (req.body as unknown) === undefined ? {} : inputProblems(req.body);
  next(Object.keys(query).length || Object.keys(body).length ? problemsException({ ...query, ...body }) : undefined);
}
