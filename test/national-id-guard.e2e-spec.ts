import type { Role } from '@app/contract';
import { randomUUID } from 'node:crypto';
import { handMadePdf } from '../libs/files/src/testing/pdf-builders.js';
import { type Auth, daysAgo, newApplication, newCase, seedCatalog } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** A CPR number and a HETU written the ways people write them. */
const WRITTEN = [
  ['a CPR number with a dash', '010203-1234'],
  ['a CPR number with a space', '010203 1234'],
  ['a CPR number without a separator', '0102031234'],
  ['a CPR number with an en dash', '010203\u20131234'],
  ['a CPR number with a minus sign', '010203\u22121234'],
  ['a CPR number in full-width digits', '０１０２０３－１２３４'],
  ['a CPR number in Arabic-Indic digits', '٠١٠٢٠٣-١٢٣٤'],
  ['a CPR number in Devanagari digits', '०१०२०३ १२३४'],
  ['a HETU', '131052-308T'],
  ['a HETU with an em dash, in lower case', '131052\u2014308t'],
] as const;

/** What a field of letters, digits, dots and dashes (a version, an account code) can hold at all. */
const IN_CODES = ['010203-1234', '0102031234', '131052-308T', '131052A308T'];
/** What a category code (lower-case letters, digits and `_`) can hold at all. */
const IN_CATEGORY_CODES = ['c_0102031234', 'c_131052308t'];

interface Field {
  /** The field as the 400 names it. */
  field: string;
  role: Role;
  method: 'post' | 'put';
  /** `:app` is an application of the unit worker, `:any` an id of nothing. */
  path: string;
  body: (id: string) => Record<string, unknown>;
  /** A code field takes only some writing forms, as they are. */
  forms?: string[];
}

describe('The identity-number guard', () => {
  let t: TestApp;
  const auth: Partial<Record<Role, Auth>> = {};
  let applicationId: string;
  let caseId: string;
  const anyId = randomUUID();

  beforeAll(async () => {
    t = await createTestApp();
    await seedCatalog(t);
    for (const role of ['admin', 'contact_point', 'finance', 'unit_worker'] as const) {
      auth[role] = (await t.signedIn(role)).auth;
    }
    caseId = (await newCase(t, auth.unit_worker!)).id;
    applicationId = (await newApplication(t, auth.unit_worker!, caseId)).id;
  });
  afterAll(() => t.close());

  const guideline = (fields: Record<string, unknown>) => ({
    version: `v-${Date.now()}`,
    effectiveFrom: daysAgo(-30),
    minAge: 18,
    maxCourseMonths: 12,
    categories: [],
    ...fields,
  });
  const rules = (categoryCode: string) => ({
    categoryCode,
    maxPerApplication: 100,
    maxPerCase: 100,
    maxUnitAmount: 100,
    unitLabel: 'night',
    maxUnitsPerApplication: 1,
    secondApprovalAbove: 100,
    requiredDocuments: [],
    allowedCaseStatuses: ['active'],
    agreementRequired: true,
    urgentMayPrecedeAgreement: true,
    minSessionSpacingDays: null,
  });
  const action = (name: string) => `/api/applications/:app/${name}`;
  const url = (f: Field) => f.path.replace(':app', applicationId).replace(':any', anyId);
  const line = (description: string) => ({ description, quantity: 1, unitAmount: 100_000 });

  const FIELDS: Field[] = [
    {
      field: 'name',
      role: 'admin',
      method: 'post',
      path: '/api/units',
      body: (id) => ({ code: 'IDQ', name: `Unit ${id}` }),
    },
    { field: 'name', role: 'admin', method: 'put', path: '/api/units/:any', body: (id) => ({ name: id }) },
    {
      field: 'name',
      role: 'admin',
      method: 'post',
      path: '/api/categories',
      body: (id) => ({ code: 'idq', name: `Category ${id}` }),
    },
    { field: 'name', role: 'admin', method: 'put', path: '/api/categories/:any', body: (id) => ({ name: id }) },
    {
      field: 'code',
      role: 'admin',
      method: 'post',
      path: '/api/categories',
      body: (id) => ({ code: id, name: 'Other' }),
      forms: IN_CATEGORY_CODES,
    },
    {
      field: 'displayName',
      role: 'admin',
      method: 'post',
      path: '/api/users',
      body: (id) => ({
        email: 'x@test.example',
        displayName: `Jensen ${id}`,
        role: 'finance',
        password: 'long-enough-password',
      }),
    },
    {
      field: 'displayName',
      role: 'admin',
      method: 'put',
      path: '/api/users/:any',
      body: (id) => ({ displayName: id }),
    },
    {
      field: 'version',
      role: 'contact_point',
      method: 'post',
      path: '/api/guidelines',
      body: (id) => guideline({ version: id }),
      forms: IN_CODES,
    },
    {
      field: 'version',
      role: 'contact_point',
      method: 'put',
      path: '/api/guidelines/:any',
      body: (id) => ({ version: id }),
      forms: IN_CODES,
    },
    {
      field: 'categories.0.categoryCode',
      role: 'contact_point',
      method: 'post',
      path: '/api/guidelines',
      body: (id) => guideline({ categories: [rules(id)] }),
      forms: IN_CATEGORY_CODES,
    },
    {
      field: 'payeeReference',
      role: 'finance',
      method: 'post',
      path: '/api/disbursements',
      body: (id) => ({ applicationId: anyId, amount: 100, payeeReference: `Payee ${id}` }),
    },
    {
      field: 'accountCode',
      role: 'finance',
      method: 'post',
      path: '/api/disbursements',
      body: (id) => ({ applicationId: anyId, amount: 100, accountCode: id }),
      forms: IN_CODES,
    },
    {
      field: 'justification',
      role: 'unit_worker',
      method: 'post',
      path: '/api/applications',
      body: (id) => ({
        caseId,
        categoryCode: 'relocation',
        amountRequested: 100_000,
        justification: `Candidate ${id} needs a flat`,
        ordinaryFundingConsidered: true,
        lines: [line('Room')],
      }),
    },
    {
      field: 'lines.0.description',
      role: 'unit_worker',
      method: 'post',
      path: '/api/applications',
      body: (id) => ({
        caseId,
        categoryCode: 'relocation',
        amountRequested: 100_000,
        justification: 'A flat',
        ordinaryFundingConsidered: true,
        lines: [line(`Room for ${id}`)],
      }),
    },
    {
      field: 'justification',
      role: 'unit_worker',
      method: 'put',
      path: '/api/applications/:app',
      body: (id) => ({ justification: id }),
    },
    {
      field: 'lines.0.description',
      role: 'unit_worker',
      method: 'put',
      path: '/api/applications/:app',
      body: (id) => ({ lines: [line(id)] }),
    },
    {
      field: 'message',
      role: 'unit_worker',
      method: 'post',
      path: action('answer'),
      body: (id) => ({ message: `It is ${id}` }),
    },
    {
      field: 'reason',
      role: 'unit_worker',
      method: 'post',
      path: action('withdraw'),
      body: (id) => ({ reason: `For ${id}` }),
    },
    {
      field: 'message',
      role: 'contact_point',
      method: 'post',
      path: action('request-info'),
      body: (id) => ({ message: `Is it ${id}?` }),
    },
    {
      field: 'reason',
      role: 'contact_point',
      method: 'post',
      path: action('approve'),
      body: (id) => ({ amountApproved: 100, reason: id }),
    },
    {
      field: 'conditions',
      role: 'contact_point',
      method: 'post',
      path: action('approve'),
      body: (id) => ({ amountApproved: 100, reason: 'ok', conditions: `Only ${id}` }),
    },
    {
      field: 'overrides.0.justification',
      role: 'contact_point',
      method: 'post',
      path: action('approve'),
      body: (id) => ({
        amountApproved: 100,
        reason: 'ok',
        overrides: [{ rule: 'required-documents', justification: id }],
      }),
    },
    { field: 'reason', role: 'contact_point', method: 'post', path: action('reject'), body: (id) => ({ reason: id }) },
    { field: 'reason', role: 'contact_point', method: 'post', path: action('cancel'), body: (id) => ({ reason: id }) },
    {
      field: 'reason',
      role: 'contact_point',
      method: 'post',
      path: action('carry-over'),
      body: (id) => ({ reason: id }),
    },
  ];

  const cases = FIELDS.flatMap((f) =>
    (f.forms ? f.forms.map((id) => [id, id] as const) : WRITTEN).map(
      ([how, id]) => [`${f.method.toUpperCase()} ${f.path}`, f.field, how, f, id] as const,
    ),
  );

  it.each(cases)('%s refuses %s holding %s', async (_, __, ___, f, id) => {
    const res = await t.http[f.method](url(f)).set(auth[f.role]!).send(f.body(id));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(res.body.errors[f.field]).toMatch(/national identity number/);
  });

  it.each(FIELDS.filter((f) => !f.forms).map((f) => [`${f.method.toUpperCase()} ${f.path}`, f.field, f] as const))(
    '%s takes %s with invoice and account numbers',
    async (_, __, f) => {
      const res = await t.http[f.method](url(f))
        .set(auth[f.role]!)
        .send(f.body('INV-2024-000123, konto 1234 0102031234'));
      expect(res.body.errors?.[f.field]).toBeUndefined();
    },
  );

  it.each(WRITTEN)('refuses an uploaded file named with %s, naming the file', async (_, id) => {
    const res = await t.http
      .post('/api/attachments')
      .set(auth.unit_worker!)
      .field('applicationId', applicationId)
      .field('kind', 'quote')
      .attach('file', Buffer.from(handMadePdf()), { filename: `faktura ${id}.pdf`, contentType: 'application/pdf' });
    expect(res.status).toBe(400);
    expect(res.body.errors.file).toMatch(/national identity number/);
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM attachments');
    expect(n).toBe(0);
  });
});
