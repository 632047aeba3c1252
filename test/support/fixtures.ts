import { demoGuideline } from '@app/guidelines';
import { tinyPng } from '../../libs/files/src/testing/image-builders.js';
import { toStoredCategories } from '../../api/src/guidelines/guideline-mapping.js';
import { daysAgoIso, thisYear } from '../../api/src/common/dates.js';
import type { User } from '../../api/src/users/user.entity.js';
import type { TestApp } from './test-app.js';

// the product's calendar is the installation's time zone, so the tests' dates are too
export { daysAgoIso, isoDateOf, thisYear, todayIso } from '../../api/src/common/dates.js';

export type Auth = { Authorization: string };

/** The date `days` local calendar days ago (negative: ahead), as the product counts days. */
export const daysAgo = (days: number): string => daysAgoIso(days);

/** The three categories, the demo guideline version published and in force, and this year's (ample) pool. */
export async function seedCatalog(t: Pick<TestApp, 'db'>): Promise<{ guidelineId: string }> {
  await t.db.query(`INSERT INTO categories (code, name) VALUES
    ('relocation', 'Relocation'), ('tattoo_removal', 'Tattoo removal'), ('psychological_treatment', 'Psychological treatment')
    ON CONFLICT (code) DO NOTHING`);
  const [row] = await t.db.query(
    `INSERT INTO guidelines (version, effective_from, status, min_age, max_course_months, categories, published_at)
     VALUES ('test-2026.1', '2026-01-01', 'published', 18, 12, $1, now())
     ON CONFLICT (version) DO UPDATE SET version = EXCLUDED.version RETURNING id`,
    [JSON.stringify(toStoredCategories(demoGuideline))],
  );
  await t.db.query(
    `INSERT INTO budget_years (year, pool_amount) VALUES ($1, 1000000000000) ON CONFLICT (year) DO NOTHING`,
    [thisYear()],
  );
  return { guidelineId: row.id };
}

/** An active case that passes every case rule. */
export async function newCase(
  t: TestApp,
  auth: Auth,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; reference: string; unitId: string }> {
  const res = await t.http
    .post('/api/cases')
    .set(auth)
    .send({
      status: 'active',
      birthYear: 1995,
      consentRecordedOn: daysAgo(40),
      agreementSignedOn: daysAgo(35),
      programmeStart: daysAgo(30),
      ...fields,
    });
  if (res.status !== 201) throw new Error(`case: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The request for a relocation of `nights` nights at DKK 1,000, as sent; the caller checks the answer. */
export function postApplication(
  t: TestApp,
  auth: Auth,
  caseId: string,
  fields: Record<string, unknown> = {},
  nights = 5,
) {
  return t.http
    .post('/api/applications')
    .set(auth)
    .send({
      caseId,
      categoryCode: 'relocation',
      amountRequested: nights * 100_000,
      justification: 'A short stay away from the old milieu.',
      ordinaryFundingConsidered: true,
      lines: [{ description: 'Room, per night', quantity: nights, unitAmount: 100_000 }],
      ...fields,
    });
}

/** A draft relocation of `nights` nights at DKK 1,000. */
export async function newApplication(
  t: TestApp,
  auth: Auth,
  caseId: string,
  fields: Record<string, unknown> = {},
  nights = 5,
): Promise<{ id: string; reference: string; amountRequested: number; [field: string]: unknown }> {
  const res = await postApplication(t, auth, caseId, fields, nights);
  if (res.status !== 201) throw new Error(`application: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * An invoice, a small PNG, uploaded for an application; with a `name`, the file is named so
 * and holds the name in its bytes (files then differ). The caller checks the answer.
 */
export function attachInvoice(t: TestApp, auth: Auth, applicationId: string, name?: string) {
  return t.http
    .post('/api/attachments')
    .set(auth)
    .field('applicationId', applicationId)
    .field('kind', 'invoice')
    .attach('file', Buffer.from(tinyPng(name)), { filename: name ?? 'invoice.png', contentType: 'image/png' });
}

/** The `user` a sign-in answers for `user`, who was made with `role`. */
export const sessionUserOf = (user: User, role: string) => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  role,
  unitId: user.unitId,
  party: user.party,
});

/** The override every approval here needs: the demo guideline warns when no quote is attached. */
export const quoteOverride = [{ rule: 'required-documents', justification: 'The quote follows with the invoice.' }];
