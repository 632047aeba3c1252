import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { type Auth, newApplication, newCase, seedCatalog } from './support/fixtures.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from './support/test-app.js';

// A client as an integrator would write it: types generated from the live document by
// openapi-typescript, calls made with openapi-fetch, type-checked by the TypeScript compiler
// under `strict`, then run against the API. A response the document leaves undeclared is
// `never` in the types, and the client does not compile.
const CLIENT = `
import createClient from 'openapi-fetch';
import type { components, paths } from './schema.js';

type Application = components['schemas']['ApplicationView'];
type ErrorBody = components['schemas']['ErrorBodyView'];

export async function run(baseUrl: string, email: string, password: string, missingId: string) {
  const client = createClient<paths>({ baseUrl });

  const signIn = await client.POST('/api/auth/login', { body: { email, password } });
  if (!signIn.data) throw new Error('sign-in refused: ' + JSON.stringify(signIn.error));
  const token: string = signIn.data.accessToken;
  const role: 'unit_worker' | 'contact_point' | 'finance' | 'admin' = signIn.data.user.role;
  const headers = { Authorization: 'Bearer ' + token };

  const list = await client.GET('/api/applications', {
    headers,
    params: { query: { filter: JSON.stringify({ status: 'draft' }), sort: '["reference","ASC"]', range: '[0,9]' } },
  });
  if (!list.data) throw new Error('list refused: ' + JSON.stringify(list.error));
  const drafts: Application[] = list.data;
  const contentRange: string | null = list.response.headers.get('Content-Range');

  const read = await client.GET('/api/applications/{id}', { headers, params: { path: { id: drafts[0].id } } });
  if (!read.data) throw new Error('read refused: ' + JSON.stringify(read.error));
  const amountRequested: number = read.data.amountRequested;
  const status: Application['status'] = read.data.status;
  const lines: { quantity: number; unitAmount: number }[] = read.data.lines;

  const missing = await client.GET('/api/applications/{id}', { headers, params: { path: { id: missingId } } });
  if (!missing.error) throw new Error('a missing application was answered');
  const error: ErrorBody = missing.error;
  const message: string | string[] = error.message;

  return {
    role,
    references: drafts.map((a) => a.reference),
    contentRange,
    read: { reference: read.data.reference, amountRequested, status, lines: lines.length },
    error: { status: missing.response.status, statusCode: error.statusCode, error: error.error, message },
  };
}

const [baseUrl, email, password, missingId] = process.argv.slice(2);
run(baseUrl, email, password, missingId).then((result) => process.stdout.write(JSON.stringify(result)));
`;

const run = promisify(execFile);

describe('A client generated from the OpenAPI document', () => {
  let t: TestApp;
  let dir: string;
  let baseUrl: string;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    dir = await mkdtemp(join(tmpdir(), 'exit-pool-client-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await t.close();
  });

  it('types every operation: each answers a declared body, an error body, or nothing on purpose', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { summary?: string; tags?: string[]; responses: Record<string, Resp> }>>;
    };
    type Resp = { content?: Record<string, unknown> };
    const undeclared: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const ok = Object.entries(op.responses).filter(([code]) => code.startsWith('2'));
        // 204 (nothing) and 405-only routes answer no body on purpose
        const bodiless = ok.length > 0 && ok.every(([code]) => code === '204');
        const refusedOnly = ok.length === 0 && '405' in op.responses;
        if (!bodiless && !refusedOnly && !ok.some(([, r]) => r.content))
          undeclared.push(`${method} ${path}: no 2xx body (${Object.keys(op.responses).join(', ')})`);
        if (!op.summary || !op.tags?.length) undeclared.push(`${method} ${path}: no summary or tag`);
        if (!Object.keys(op.responses).some((code) => code.startsWith('4')))
          undeclared.push(`${method} ${path}: no 4xx`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('compiles a typed client under strict and runs it: sign in, list with a filter, read one, read an error', async () => {
    const unit = await t.newUnit();
    const worker = await t.newUser('unit_worker', { unitId: unit.id });
    await seedCatalog(t);
    const auth: Auth = { Authorization: `Bearer ${await t.login(worker.email)}` };
    const theCase = await newCase(t, auth);
    const draft = await newApplication(t, auth, theCase.id);
    const submitted = await newApplication(t, auth, theCase.id);
    await t.http.post(`/api/applications/${submitted.id}/submit`).set(auth).expect(200);

    const document = (await t.http.get('/api/docs-json').expect(200)).body as Record<string, unknown>;
    const schema = astToString(await openapiTS(document as unknown as Parameters<typeof openapiTS>[0]));
    await writeFile(join(dir, 'schema.ts'), schema);
    await writeFile(join(dir, 'client.ts'), CLIENT);

    const fetchTypes = resolve('node_modules/openapi-fetch/dist/index.d.mts');
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2023,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ['node'],
      typeRoots: [resolve('node_modules/@types')],
      paths: { 'openapi-fetch': [fetchTypes] },
    };
    await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    const program = ts.createProgram([join(dir, 'client.ts')], options);
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map(
        (d) =>
          `${d.file ? `${d.file.fileName.slice(dir.length + 1)}:` : ''} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
      );
    expect(problems).toEqual([]);

    // the same source, run: openapi-fetch found where this project installed it
    const js = ts
      .transpileModule(CLIENT, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023 } })
      .outputText.replace(
        "from 'openapi-fetch'",
        `from '${pathToFileURL(resolve('node_modules/openapi-fetch/dist/index.mjs')).href}'`,
      );
    await writeFile(join(dir, 'client.mjs'), js);
    const missingId = '00000000-0000-4000-8000-000000000000';
    const { stdout } = await run(process.execPath, [
      join(dir, 'client.mjs'),
      baseUrl,
      worker.email,
      TEST_PASSWORD,
      missingId,
    ]);
    expect(JSON.parse(stdout)).toEqual({
      role: 'unit_worker',
      references: [draft.reference],
      contentRange: 'applications 0-0/1',
      read: { reference: draft.reference, amountRequested: draft.amountRequested, status: 'draft', lines: 1 },
      error: { status: 404, statusCode: 404, error: 'Not Found', message: 'Application not found' },
    });
  });
});
