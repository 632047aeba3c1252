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
 * (`resources.<resource>.fields.<path>` for a path like `lines.0.description`, else its last part)
 * and what is wrong with it.
 */
export function errorsLine(errors: Record<string, string>, resource: string | undefined, translate: Translate): string {
  return Object.entries(errors)
    .map(([field, text]) => {
      // `lines.0.description` is labelled at `fields.lines.description`; failing that, by its last part
      const path = field.split('.').filter((part) => !/^\d+$/.test(part));
      const name = path.at(-1) ?? field;
      const fields = `resources.${resource}.fields`;
      const label = resource
        ? translate(`${fields}.${path.join('.')}`, { _: translate(`${fields}.${name}`, { _: name }) })
        : name;
      return `${label}: ${text}`;
    })
    .join('; ');
}
