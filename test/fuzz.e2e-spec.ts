import type { Role } from '@app/contract';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { tinyPng } from '../libs/files/src/testing/image-builders.js';
import { attachInvoice, type Auth, daysAgo, newApplication, newCase, seedCatalog } from './support/fixtures.js';
import { grant, pay } from './support/money.js';
import { createTestAppWithDataDir, type TestApp } from './support/test-app.js';

// Every route of the OpenAPI document, in every role, with generated bodies, query
// strings and path ids, good and bad: no answer may be a 5xx, and every 4xx must
// be in the contract's shape. FUZZ_SEED=<n> replays a run (fast-check prints the seed).

const TOTAL_REQUESTS = 5_000;
const ROLES = ['unit_worker', 'contact_point', 'finance', 'admin'] as const;
type Who = Role | 'anonymous';

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  nullable?: boolean;
  example?: unknown;
}

interface Operation {
  method: 'get' | 'post' | 'put' | 'delete' | 'patch';
  path: string;
  body?: Schema;
  multipart: boolean;
  query: { name: string; schema: Schema }[];
}

interface FuzzRequest {
  who: Who;
  path: string;
  query: string;
  contentType?: string;
  body?: string;
  multipart?: { fields: [string, string][]; file?: { bytes: readonly number[]; name: string; type: string } };
  idempotencyKey?: string;
}

/** The error shape of the contract, or what is wrong with a body. */
function shapeProblem(status: number, body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return 'the body is not a JSON object';
  const b = body as Record<string, unknown>;
  if (b.statusCode !== status) return `statusCode ${String(b.statusCode)} is not the HTTP status`;
  if (typeof b.error !== 'string') return '`error` is not a string';
  const okMessage =
    typeof b.message === 'string' || (Array.isArray(b.message) && b.message.every((m) => typeof m === 'string'));
  if (!okMessage) return '`message` is neither a string nor a list of strings';
  if (b.errors !== undefined) {
    if (typeof b.errors !== 'object' || b.errors === null || Array.isArray(b.errors)) return '`errors` is no object';
    if (!Object.values(b.errors).every((v) => typeof v === 'string')) return '`errors` holds a value that is no string';
  }
  return undefined;
}

const nested = (depth: number) => '['.repeat(depth) + '1' + ']'.repeat(depth);

/** Percent-encodes what encodeURIComponent can; a lone surrogate goes as its (malformed) UTF-8 bytes. */
const encode = (text: string): string => {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
};

/** Text that has broken something somewhere: NUL, escapes, lone surrogates, SQL, huge, numeric-looking. */
const nastyString = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\u001b[2J',
    '\ud800',
    'x\udfff',
    '',
    ' ',
    "'; DROP TABLE users; --",
    '%',
    '%00',
    '\\',
    '1e309',
    '-0',
    'NaN',
    'null',
    '2026-02-30',
    '0000-00-00',
    '99999-01-01',
    '1900-01-01',
    '2026-01-01T25:00:00Z',
    '00000000-0000-0000-0000-000000000000',
    '𝟎𝟏𝟎𝟏𝟗𝟎-𝟏𝟐𝟑𝟒',
    '010190-1234',
    'ﬀ'.repeat(300),
    'x'.repeat(6000),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.constant([[]]),
  fc.constant([null]),
  fc.constant({ a: { b: { c: [1] } } }),
  fc.constantFrom(
    -1,
    0,
    1.5,
    -(2 ** 31),
    2 ** 31,
    2 ** 53,
    -(2 ** 63),
    2 ** 64,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
    true,
    false,
  ),
  nastyString,
  fc.jsonValue({ maxDepth: 3 }),
);

/** Raw JSON texts that JSON.stringify cannot produce. */
const rawBody = fc.oneof(
  fc.constantFrom(
    nested(40),
    nested(3_000),
    `{"name":${nested(500)}}`,
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '{"prototype":1}',
    '{"lines":[{"__proto__":{}}]}',
    '{"a":1,"a":2}',
    '{"name":"\\ud800"}',
    '{"\\u0000":1}',
    '{"name":"a\\u0000b"}',
    '{',
    '[1,2',
    'null',
    '"text"',
    '12',
    'true',
    '[]',
    '',
  ),
  fc.string({ maxLength: 30 }),
);

describe('Fuzzing every route of the API', () => {
  let t: TestApp & { dataDir: string };
  let operations: Operation[];
  let schemas: Record<string, Schema>;
  const auth = new Map<Who, Auth>();
  const ids: string[] = [];
  /** Real ids by the collection that holds them. */
  const idsOf = new Map<string, string[]>();
  let sent = 0;
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    t = await createTestAppWithDataDir('fuzz');
    await seedCatalog(t);
    for (const role of ROLES) auth.set(role, (await t.signedIn(role)).auth);
    const worker = auth.get('unit_worker')!;
    const cp = auth.get('contact_point')!;
    // some real data in several states, so that valid ids reach deep into the services
    for (const nights of [2, 4]) {
      const c = await newCase(t, worker);
      const g = await grant(t, worker, cp, c.id, nights);
      await pay(t, auth.get('finance')!, g.id, 100_000).expect(201);
      await attachInvoice(t, worker, g.id).expect(201);
      await newApplication(t, worker, c.id);
      const asked = await newApplication(t, worker, c.id);
      await t.http.post(`/api/applications/${asked.id}/submit`).set(worker).expect(200);
      await t.http.post(`/api/applications/${asked.id}/request-info`).set(cp).send({ message: 'Which nights?' });
    }
    await newCase(t, worker, { status: 'assessment', programmeStart: daysAgo(3) });
    for (const role of ROLES) await t.newUser(role, { email: `${role}@target.example` });
    // every record of every table the API shows; the signed-in users themselves stay out of reach
    const tables = {
      units: 'units',
      categories: 'categories',
      cases: 'cases',
      guidelines: 'guidelines',
      'budget-years': 'budget_years',
      applications: 'applications',
      attachments: 'attachments',
      disbursements: 'disbursements',
      'audit-events': 'audit_events',
      users: `users WHERE email LIKE '%@target.example'`,
    };
    for (const [resource, from] of Object.entries(tables)) {
      const rows: { id: string }[] = await t.db.query(`SELECT id::text FROM ${from}`);
      idsOf.set(
        resource,
        rows.map((r) => r.id),
      );
      ids.push(...rows.map((r) => r.id));
    }

    const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, OpenApiOperation>>;
      components: { schemas: Record<string, Schema> };
    };
    schemas = doc.components.schemas;
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => ['get', 'post', 'put', 'delete', 'patch'].includes(method))
        .filter(([method]) => !(method === 'post' && path === '/api/auth/logout'))
        .map(([method, op]) => toOperation(method as Operation['method'], path, op)),
    );
  });

  afterAll(() => t.close());

  interface OpenApiOperation {
    parameters?: { name: string; in: string; schema?: Schema }[];
    requestBody?: { content: Record<string, { schema: Schema }> };
  }

  function toOperation(method: Operation['method'], path: string, op: OpenApiOperation): Operation {
    const content = op.requestBody?.content ?? {};
    return {
      method,
      path,
      body: content['application/json']?.schema ?? content['multipart/form-data']?.schema,
      multipart: 'multipart/form-data' in content,
      query: (op.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, schema: p.schema ?? {} })),
    };
  }

  const resolve = (schema: Schema): Schema => {
    if (schema.$ref) return resolve(schemas[schema.$ref.split('/').pop()!] ?? {});
    if (schema.allOf) {
      const parts = schema.allOf.map(resolve);
      return {
        type: 'object',
        properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
        required: parts.flatMap((p) => p.required ?? []),
      };
    }
    return schema;
  };

  /** A real id, mostly of the collection named (by a path or a field such as `caseId`). */
  const realId = (resource?: string) => {
    const own = resource ? idsOf.get(resource) : undefined;
    const any = fc.constantFrom(...ids);
    return own?.length
      ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...own) }, { weight: 1, arbitrary: any })
      : any;
  };
  const FIELD_RESOURCES: Record<string, string> = {
    caseId: 'cases',
    applicationId: 'applications',
    unitId: 'units',
    guidelineId: 'guidelines',
  };

  /** A value that fits the schema, as far as a schema can say (the real rules are in the DTOs). */
  function fromSchema(raw: Schema, depth = 0, name = ''): fc.Arbitrary<unknown> {
    const schema = resolve(raw);
    const generated = generate(schema, depth, name);
    // the DTOs' examples are valid values: they take the requests past validation into the services
    return schema.example === undefined
      ? generated
      : fc.oneof({ weight: 3, arbitrary: fc.constant(schema.example) }, { weight: 1, arbitrary: generated });
  }

  function generate(schema: Schema, depth: number, name: string): fc.Arbitrary<unknown> {
    if (schema.enum?.length) return fc.constantFrom(...schema.enum);
    // a `string | null` property has no type in the document, only its format
    const type = schema.format && ['uuid', 'date', 'email'].includes(schema.format) ? 'string' : schema.type;
    switch (type) {
      case 'string':
        if (schema.format === 'uuid') {
          return fc.oneof({ weight: 4, arbitrary: realId(FIELD_RESOURCES[name]) }, { weight: 1, arbitrary: fc.uuid() });
        }
        if (schema.format === 'date') return fc.constantFrom(daysAgo(0), daysAgo(10), daysAgo(400), '2027-01-01');
        if (schema.format === 'email') return fc.emailAddress();
        return fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom('relocation', 'KBH', 'ok'));
      case 'integer':
      case 'number':
        return fc.oneof(
          fc.integer({ min: 0, max: 3000 }),
          fc.constantFrom(100_000, 2_500_000, new Date().getFullYear()),
        );
      case 'boolean':
        return fc.boolean();
      case 'array':
        return depth > 3
          ? fc.constant([])
          : fc.array(fromSchema(schema.items ?? {}, depth + 1, name), { maxLength: 3 });
      default: {
        const properties = schema.properties ?? {};
        if (depth > 3 || Object.keys(properties).length === 0) return fc.constant({});
        const model = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, fromSchema(s, depth + 1, k)]));
        return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in model) });
      }
    }
  }

  /** Replaces one value somewhere in `value` (or adds a key) with something nasty. */
  function mutate(value: unknown): fc.Arbitrary<unknown> {
    return fc
      .tuple(fc.nat(), nastyValue, fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', ''), fc.boolean())
      .map(([pick, nasty, key, addKey]) => {
        const copy = structuredClone(value);
        const containers: Record<string, unknown>[] = [];
        const walk = (node: unknown) => {
          if (node && typeof node === 'object') {
            containers.push(node as Record<string, unknown>);
            Object.values(node).forEach(walk);
          }
        };
        walk(copy);
        if (containers.length === 0) return nasty;
        const target = containers[pick % containers.length];
        const keys = Object.keys(target);
        if (addKey || keys.length === 0) Object.defineProperty(target, key, { value: nasty, enumerable: true });
        else target[keys[pick % keys.length]] = nasty;
        return copy;
      });
  }

  function bodyFor(op: Operation): fc.Arbitrary<string | undefined> {
    const good = op.body ? fromSchema(op.body) : fc.constant({});
    return fc.oneof(
      { weight: 4, arbitrary: good.map((v) => JSON.stringify(v)) },
      { weight: 5, arbitrary: good.chain(mutate).map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
      { weight: 2, arbitrary: rawBody },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  }

  const listValue = () =>
    fc.oneof(
      fc
        .tuple(
          fc.constantFrom(
            'id',
            'createdAt',
            'name',
            'code',
            'status',
            'year',
            'reference',
            'paidOn',
            'at',
            'queue',
            'x',
          ),
          fc.constantFrom('ASC', 'DESC', 'asc', 'UP', ''),
        )
        .map(([f, o]) => ['sort', JSON.stringify([f, o])] as [string, string]),
      fc
        .tuple(fc.integer({ min: -5, max: 2000 }), fc.integer({ min: -5, max: 2000 }))
        .map((r) => ['range', JSON.stringify(r)] as [string, string]),
      fc
        .dictionary(
          fc.constantFrom(
            'q',
            'id',
            'status',
            'unitId',
            'caseId',
            'applicationId',
            'active',
            'amount_gte',
            'paidOn_lte',
            'createdAt_gte',
            'constructor',
            '__proto__',
            'toString',
            'role',
            'kind',
            'year',
          ),
          fc.oneof(nastyValue, realId(), fc.array(realId(), { maxLength: 3 })),
          { maxKeys: 3 },
        )
        .map((f) => ['filter', JSON.stringify(f)] as [string, string]),
      fc
        .tuple(fc.constantFrom('sort', 'range', 'filter'), fc.jsonValue({ maxDepth: 3 }))
        .map(([n, v]) => [n, JSON.stringify(v)] as [string, string]),
    );

  function queryFor(op: Operation): fc.Arbitrary<string> {
    const declared = op.query.map(({ name, schema }) =>
      fc
        .oneof(fromSchema(schema, 0, name), nastyValue)
        .map((v) => [name, typeof v === 'string' ? v : JSON.stringify(v)]),
    );
    const pair = fc.oneof(
      ...(declared.length ? [{ weight: 4, arbitrary: fc.oneof(...declared) }] : []),
      ...(op.method === 'get' ? [{ weight: 4, arbitrary: listValue() }] : []),
      { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), nastyString)) },
    );
    const encoded = fc
      .array(pair, { maxLength: 4 })
      .map((pairs) => pairs.map(([n, v]) => `${encode(String(n))}=${encode(String(v))}`).join('&'));
    // what a client that does not encode properly sends
    const malformed = fc.constantFrom(
      'year=%E0%A4%A',
      'filter=%7B%22q%22%3A%22%25%22',
      'x=%',
      'lang=%00',
      'a=%ED%A0%80',
    );
    return fc.oneof({ weight: 9, arbitrary: encoded }, { weight: 1, arbitrary: malformed });
  }

  function pathFor(op: Operation): fc.Arbitrary<string> {
    if (!op.path.includes('{')) return fc.constant(op.path);
    const segment = fc.oneof(
      { weight: 6, arbitrary: realId(op.path.split('/')[2]) },
      { weight: 2, arbitrary: fc.uuid() },
      {
        weight: 2,
        arbitrary: fc.oneof(
          fc.constantFrom('not-a-uuid', '%E0%A4%A', '%00', '..', 'null', '0', '%2F..%2F', 'a'.repeat(400)),
          nastyString.map(encode),
        ),
      },
    );
    return segment.map((id) => op.path.replace(/\{[^}]+\}/g, id));
  }

  function requestFor(op: Operation): fc.Arbitrary<FuzzRequest> {
    const who = fc.constantFrom<Who>(...ROLES, ...ROLES, 'anonymous');
    const multipart = fc.record({
      fields: fc.array(
        fc.tuple(
          fc.constantFrom('applicationId', 'applicationId', 'kind', 'kind', 'extra', '__proto__'),
          fc.oneof(realId('applications'), fc.constantFrom('quote', 'invoice', 'other'), nastyString),
        ),
        { maxLength: 3 },
      ),
      file: fc.option(
        fc.record({
          bytes: fc.oneof(fc.constant([...tinyPng()]), fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 })),
          name: fc.oneof(fc.constantFrom('a.png', 'x.pdf', '../../etc/passwd', 'a\u0000.png'), fc.string()),
          type: fc.constantFrom('image/png', 'application/pdf', 'text/html', ''),
        }),
        { nil: undefined },
      ),
    });
    const contentType = fc.constantFrom('application/json', 'application/json', 'application/json', 'text/plain');
    return fc
      .record({
        who,
        path: pathFor(op),
        query: queryFor(op),
        body: op.method === 'get' || op.method === 'delete' ? fc.constant(undefined) : bodyFor(op),
        contentType,
        multipart: op.multipart ? fc.option(multipart, { nil: undefined, freq: 2 }) : fc.constant(undefined),
        idempotencyKey: fc.option(fc.oneof(fc.uuid(), fc.constantFrom('short', 'x'.repeat(200), 'ü-key-1234')), {
          nil: undefined,
        }),
      })
      .map((r): FuzzRequest => (r.multipart ? { ...r, body: undefined } : { ...r, multipart: undefined }));
  }

  async function send(op: Operation, r: FuzzRequest): Promise<Response> {
    const url = r.query ? `${r.path}?${r.query}` : r.path;
    const req = t.http[op.method](url);
    if (r.who !== 'anonymous') req.set(auth.get(r.who)!);
    if (r.idempotencyKey) req.set('Idempotency-Key', r.idempotencyKey);
    sent++;
    if (r.multipart) {
      for (const [name, value] of r.multipart.fields) req.field(name, value);
      if (r.multipart.file) {
        const { bytes, name, type } = r.multipart.file;
        req.attach('file', Buffer.from(bytes), { filename: name, ...(type ? { contentType: type } : {}) });
      }
      return req;
    }
    if (r.body !== undefined) req.set('Content-Type', r.contentType ?? 'application/json').send(r.body);
    return req;
  }

  /** A random request may deactivate a signed-in user or end their session: sign them in again. */
  async function keepSignedIn(r: FuzzRequest, res: Response): Promise<void> {
    if (r.who === 'anonymous' || res.status !== 401) return;
    const probe = await t.http.get('/api/auth/me').set(auth.get(r.who)!);
    if (probe.status === 401) auth.set(r.who, (await t.signedIn(r.who)).auth);
  }

  it(`answers at least ${TOTAL_REQUESTS} generated requests to every route, in every role, without a 5xx`, async () => {
    expect(operations.length).toBeGreaterThan(50);
    const runs = Math.ceil(TOTAL_REQUESTS / operations.length);
    const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(requestFor(op), async (r) => {
          const res = await send(op, r);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          await keepSignedIn(r, res);
          const what = `${op.method.toUpperCase()} ${r.path}${r.query ? `?${r.query}` : ''} as ${r.who} answered ${res.status}`;
          const sentBody = r.multipart ? JSON.stringify(r.multipart) : (r.body ?? '').slice(0, 2000);
          if (res.status >= 500) throw new Error(`${what}: ${JSON.stringify(res.body)}; body sent: ${sentBody}`);
          if (res.status >= 400) {
            const problem = shapeProblem(res.status, res.body);
            if (problem) {
              throw new Error(
                `${what} not in the contract's shape (${problem}): ${JSON.stringify(res.body)}; body sent: ${sentBody}`,
              );
            }
          }
        }),
        { numRuns: runs, seed, endOnFailure: true },
      );
    }
    expect(sent).toBeGreaterThanOrEqual(TOTAL_REQUESTS);
    const answers = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
    process.stdout.write(
      `fuzz: ${sent} requests to ${operations.length} operations, none a 5xx: ${answers.join(' ')}\n`,
    );
  }, 900_000);
});
