import type { ValueTransformer } from 'typeorm';
import { decryptText, encryptText } from './cipher.js';
import { keyRing } from './key-ring.js';

/**
 * Narrative columns: free text people write about a case, stored only in the
 * form `ep1:<keyId>:<base64>` (cipher.ts). Every read and write goes through
 * these functions, whether by an entity's transformer or by raw SQL.
 *
 * Only the text is sealed: in a jsonb list of objects, the one narrative field
 * of each element, so that amounts stay plain for the checks that sum them in SQL.
 */
export interface NarrativeColumn {
  table: string;
  column: string;
  /** For a jsonb list: the field of each element that is narrative. */
  jsonField?: string;
}

export const NARRATIVE_COLUMNS: readonly NarrativeColumn[] = [
  { table: 'applications', column: 'justification' },
  { table: 'applications', column: 'lines', jsonField: 'description' },
  { table: 'applications', column: 'decision_reason' },
  { table: 'applications', column: 'conditions' },
  { table: 'applications', column: 'payment_instructions' },
  { table: 'applications', column: 'overrides', jsonField: 'justification' },
  // questions, answers, and the reasons of every withdrawal, rejection, cancellation, approval and carry-over
  { table: 'application_messages', column: 'body' },
  // a unit's question to the contact point on a case, and the answers and follow-ups of its thread
  { table: 'advice_requests', column: 'question' },
  { table: 'advice_messages', column: 'body' },
  // the unit's admission assessment and its reasons, the contact point's review of a refusal and its thread
  ...[
    'push_factors',
    'pull_factors',
    'own_explanation',
    'help_wished',
    'understands_leaving',
    'understands_lifestyle',
    'steps_taken',
    'will_to_cooperate',
    'decision_reason',
  ].map((column) => ({ table: 'case_assessments', column })),
  { table: 'admission_reviews', column: 'decision_reason' },
  { table: 'admission_review_messages', column: 'body' },
  // why a case moves between units, and why the receiving unit declined
  { table: 'case_transfers', column: 'reason' },
  { table: 'case_transfers', column: 'decision_reason' },
  // an invoice number, or a landlord's or clinic's name: near enough to the person to keep from a backup
  { table: 'disbursements', column: 'payee_reference' },
  // names people give files often carry names
  { table: 'attachments', column: 'file_name' },
  // why a candidate withdrew consent
  { table: 'case_consent_withdrawals', column: 'reason' },
  { table: 'users', column: 'totp_secret' },
  { table: 'users', column: 'totp_pending_secret' },
];

export const columnName = (c: NarrativeColumn): string =>
  `${c.table}.${c.column}${c.jsonField ? `[].${c.jsonField}` : ''}`;

/** The stored form of a narrative text, under the newest key of the process's ring. */
export function sealText(plain: string): string {
  return encryptText(keyRing(), plain);
}

/**
 * The text of a stored narrative value. The empty string, which hides nothing
 * (a column's SQL default), reads as itself; any other value must be in the
 * encrypted form, or the read fails with a DecryptionError naming the problem.
 */
export function openText(stored: string): string {
  return stored === '' ? '' : decryptText(keyRing(), stored);
}

export function sealNullable(plain: string | null | undefined): string | null | undefined {
  return plain === null || plain === undefined ? plain : sealText(plain);
}

export function openNullable(stored: string | null | undefined): string | null | undefined {
  return stored === null || stored === undefined ? stored : openText(stored);
}

/** A narrative text column: null stays null (never encrypted), any text is sealed. */
export const encryptedText: ValueTransformer = { to: sealNullable, from: openNullable };

/** A nullable narrative text column; the same transformer, named for the entity's reader. */
export const encryptedNullableText: ValueTransformer = encryptedText;

/** A jsonb list of objects whose `field` is narrative: that field sealed in each element, the rest as it is. */
export function encryptedJsonField(field: string): ValueTransformer {
  const map =
    (f: (text: string) => string) =>
    (rows: Record<string, unknown>[] | null | undefined): Record<string, unknown>[] | null | undefined =>
      Array.isArray(rows)
        ? rows.map((row) => (typeof row[field] === 'string' ? { ...row, [field]: f(row[field] as string) } : row))
        : rows;
  return { to: map(sealText), from: map(openText) };
}

/** applications.lines: each cost line's description. */
export const encryptedLineDescriptions = encryptedJsonField('description');

/** applications.overrides: each override's written justification. */
export const encryptedOverrideJustifications = encryptedJsonField('justification');
