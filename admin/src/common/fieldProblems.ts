import type { ErrorBody, FieldProblem } from '@app/contract';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Codes of the API's 400 that the UI words itself (`app.api_validation.<code>`); others keep the API's text. */
export const WORDED_CODES = [
  'required',
  'unknownField',
  'notNull',
  'notList',
  'isString',
  'isInt',
  'isBoolean',
  'isUuid',
  'isEmail',
  'isArray',
  'isIn',
  'isNotEmpty',
  'maxLength',
  'minLength',
  'min',
  'max',
  'arrayMaxSize',
  'arrayMinSize',
  'matches',
  'noNationalId',
] as const;

const worded = new Set<string>(WORDED_CODES);

/** A rule's limits as polyglot options: `%{0}`, `%{1}`; a list of allowed values joined by commas. */
const argsOf = (problem: FieldProblem): Record<string, string | number> =>
  Object.fromEntries((problem.args ?? []).map((arg, i) => [String(i), Array.isArray(arg) ? arg.join(', ') : arg]));

/**
 * A 400's `errors` in the user's language: each field by its `codes` entry when the UI knows the
 * code, else the API's own text for that field.
 */
export function translatedErrors(body: ErrorBody, translate: Translate): Record<string, string> {
  const errors: Record<string, string> = { ...body.errors };
  for (const [field, problem] of Object.entries(body.codes ?? {})) {
    if (!worded.has(problem.code)) continue;
    errors[field] = translate(`app.api_validation.${problem.code}`, { ...argsOf(problem), _: errors[field] });
  }
  return errors;
}

/**
 * One line for a notification: each bad field by its label in the user's language
 * (`resources.<resource>.fields.<field>`, the last part of a path like `lines.0.description`)
 * and what is wrong with it.
 */
export function errorsLine(errors: Record<string, string>, resource: string | undefined, translate: Translate): string {
  return Object.entries(errors)
    .map(([field, text]) => {
      const name =
        field
          .split('.')
          .filter((part) => !/^\d+$/.test(part))
          .pop() ?? field;
      const label = resource ? translate(`resources.${resource}.fields.${name}`, { _: name }) : name;
      return `${label}: ${text}`;
    })
    .join('; ');
}
