import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../api/src/app.factory.js';
import { createRootLogger } from '../api/src/common/logging.js';
import { loadConfig } from '../api/src/config/app-config.js';
import { migrate } from '../api/src/database/data-source.js';
import { createTestDatabase } from './support/database.js';
import { attachInvoice, type Auth, newCase, seedCatalog } from './support/fixtures.js';
import { grant, pay } from './support/money.js';
import { createTestApp, createTestAppWithDataDir, TEST_PASSWORD, type TestApp } from './support/test-app.js';

describe('The HTTP platform', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  beforeAll(async () => {
    t = await createTestApp();
    ({ auth: admin } = await t.signedIn('admin'));
  });
  afterAll(() => t.close());

  it('answers health with 200 while the database is reachable', async () => {
    const res = await t.http.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('publishes an OpenAPI document generated from the DTOs, and Swagger UI', async () => {
    const res = await t.http.get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.paths['/api/auth/login'].post).toBeDefined();
    expect(res.body.paths['/api/users/{id}'].put).toBeDefined();
    expect(Object.keys(res.body.components.schemas.CreateUserDto.properties)).toEqual(
      expect.arrayContaining(['email', 'displayName', 'role', 'unitId', 'active', 'password']),
    );
    const ui = await t.http.get('/api/docs/');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('tells any client the installation’s profile, currency, locale and language', async () => {
    const res = await t.http.get('/api/settings');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ installation: 'dk', currency: 'DKK', locale: 'da-DK', language: 'da', demo: false });
  });

  it('sends security headers with a content security policy', async () => {
    const res = await t.http.get('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('tags every response with a request id, keeping a well-formed one from the client', async () => {
    const mine = await t.http.get('/api/health').set('X-Request-Id', 'client-chosen-1234');
    expect(mine.headers['x-request-id']).toBe('client-chosen-1234');
    const odd = await t.http.get('/api/health').set('X-Request-Id', 'bad id with spaces');
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  describe('bad input', () => {
    const expectClean = (body: Record<string, unknown>) => {
      expect(JSON.stringify(body)).not.toMatch(/at .+\.(ts|js):\d+|QueryFailedError|node_modules/);
      expect(body).toHaveProperty('statusCode');
      expect(body).toHaveProperty('error');
      expect(body).toHaveProperty('message');
    };

    it('answers malformed JSON with 400', async () => {
      const res = await t.http
        .post('/api/units')
        .set(admin)
        .set('Content-Type', 'application/json')
        .send('{"code": "AB",');
      expect(res.status).toBe(400);
      expectClean(res.body);
    });

    it('answers a body over 1 MB with 413', async () => {
      const res = await t.http
        .post('/api/units')
        .set(admin)
        .send({ code: 'BIG', name: 'x'.repeat(1_100_000) });
      expect(res.status).toBe(413);
      expectClean(res.body);
    });

    it('answers a body that is not an object with 400', async () => {
      const res = await t.http.post('/api/units').set(admin).set('Content-Type', 'application/json').send('[1,2]');
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('The request body must be a JSON object (Content-Type: application/json)');
    });

    it('answers a missing body with 400', async () => {
      const res = await t.http.post('/api/units').set(admin);
      expect(res.status).toBe(400);
    });

    it('refuses unknown fields and names each bad field in errors', async () => {
      const res = await t.http.post('/api/units').set(admin).send({ code: 'lower', name: 42, colour: 'red' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual({
        code: 'code must be two to five capital letters, e.g. KBH',
        name: 'name must be a text',
        colour: 'colour is not a known field',
      });
      expect(res.body.message).toEqual(expect.arrayContaining(['name must be a text']));
    });

    it('names missing required fields', async () => {
      const res = await t.http.post('/api/units').set(admin).send({});
      expect(res.body.errors).toEqual({ code: 'code is required', name: 'name is required' });
    });

    it('answers an invalid UUID in a path with 400', async () => {
      const res = await t.http.get('/api/users/not-a-uuid').set(admin);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual({ id: 'must be a UUID' });
    });

    it('answers an unknown route with 404 in the contract shape', async () => {
      const res = await t.http.get('/api/nothing-here').set(admin);
      expect(res.status).toBe(404);
      expectClean(res.body);
    });
  });
});

const NO_STORE = /^(.*,\s*)?no-store(\s*,.*)?$/;

describe('Nothing of the API is kept in a cache', () => {
  let t: TestApp & { dataDir: string };
  let finance: Auth;
  let worker: Auth;
  let attachmentId: string;

  beforeAll(async () => {
    t = await createTestAppWithDataDir('cache');
    await seedCatalog(t);
    ({ auth: finance } = await t.signedIn('finance'));
    const w = await t.signedIn('unit_worker');
    worker = w.auth;
    const { auth: cp } = await t.signedIn('contact_point');
    const g = await grant(t, worker, cp, (await newCase(t, worker)).id);
    await pay(t, finance, g.id, 100_000).expect(201);
    const uploaded = await attachInvoice(t, worker, g.id).expect(201);
    attachmentId = uploaded.body.id;
  });
  afterAll(() => t.close());

  const year = new Date().getFullYear();
  it.each([
    ['a failed sign-in', 401, () => t.http.post('/api/auth/login').send({ email: 'x@y.example', password: 'nope' })],
    [
      'the sign-in answer with its token',
      200,
      async () =>
        t.http.post('/api/auth/login').send({ email: (await t.newUser('admin')).email, password: TEST_PASSWORD }),
    ],
    ['the signed-in user', 200, () => t.http.get('/api/auth/me').set(worker)],
    ['a collection', 200, () => t.http.get('/api/applications').set(worker)],
    ['a 400', 400, () => t.http.get('/api/applications?sort=oops').set(worker)],
    ['a 401', 401, () => t.http.get('/api/applications')],
    ['a 404 of a record', 404, () => t.http.get('/api/units/00000000-0000-4000-8000-000000000000').set(worker)],
    ['a 404 of a route', 404, () => t.http.get('/api/nothing-here')],
    ['a refused body', 400, () => t.http.post('/api/units').set('Content-Type', 'application/json').send('{"x":')],
    ['the health check', 200, () => t.http.get('/api/health')],
    ['the OpenAPI document', 200, () => t.http.get('/api/docs-json')],
    ['a file download', 200, () => t.http.get(`/api/attachments/${attachmentId}/content`).set(worker)],
    ['a CSV export', 200, () => t.http.get(`/api/reports/spending.csv?year=${year}`).set(finance)],
    ['an XLSX export', 200, () => t.http.get(`/api/reports/spending.xlsx?year=${year}`).set(finance)],
    ['the payments export', 200, () => t.http.get('/api/disbursements.csv').set(finance)],
    ['the statistics export', 200, () => t.http.get(`/api/reports/statistics.csv?year=${year}`).set(finance)],
  ])('sends Cache-Control: no-store with %s, and no ETag', async (_, status, send) => {
    const res = await send();
    expect(res.status).toBe(status);
    // the health check's own header (terminus) says more, and no-store among it
    expect(res.headers['cache-control']).toMatch(NO_STORE);
    // a hash of the body that nobody may keep to compare it with
    expect(res.headers.etag).toBeUndefined();
  });
});

describe('The admin UI’s files keep their own caching', () => {
  let app: NestExpressApplication;
  let dir: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'exitpool-admin-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Exit Pool</title>');
    await writeFile(join(dir, 'app.js'), 'console.log(1)');
    const database = await createTestDatabase(migrate);
    drop = database.drop;
    app = await createApp({ ...loadConfig({}), demo: false, databaseUrl: database.url }, createRootLogger('silent'), {
      adminDir: dir,
    });
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    await drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('caches a built asset for an hour and revalidates the index, while the API says no-store', async () => {
    const http = request(app.getHttpServer());
    expect((await http.get('/app.js')).headers['cache-control']).toBe('public, max-age=3600');
    expect((await http.get('/applications/1/show')).headers['cache-control']).toBe('no-cache');
    expect((await http.get('/api/settings')).headers['cache-control']).toBe('no-store');
  });
});
