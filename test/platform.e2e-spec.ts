import { createTestApp, type TestApp } from './support/test-app.js';

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

  it('tells any client the installation’s currency', async () => {
    const res = await t.http.get('/api/settings');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ currency: 'DKK', demo: false });
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
