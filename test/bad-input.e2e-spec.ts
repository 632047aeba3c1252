import type { Response } from 'supertest';
import { type Auth, newApplication, newCase, seedCatalog } from './support/fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** The contract's error body, naming `field` in `errors` (and the message, when given). */
function expectRefusal(res: Response, field: string, message?: string | RegExp, status = 400): void {
  expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { statusCode: status } });
  expect(typeof res.body.error).toBe('string');
  expect(typeof res.body.message === 'string' || Array.isArray(res.body.message)).toBe(true);
  expect(res.body.errors).toHaveProperty([field]);
  if (message !== undefined) expect(res.body.errors[field]).toMatch(message);
}

const q = (params: Record<string, unknown>) =>
  Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`)
    .join('&');

const nested = (depth: number, inner = '1') => '['.repeat(depth) + inner + ']'.repeat(depth);

describe('Bad input never reaches a 500', () => {
  let t: TestApp;
  let admin: Auth;
  let worker: Auth;
  let cp: Auth;
  let workerUnitId: string;
  let unitId: string;
  let categoryId: string;
  let userId: string;
  let caseId: string;
  let applicationId: string;
  let budgetYearId: string;

  const json = (method: 'post' | 'put', path: string, auth: Auth, raw: string) =>
    t.http[method](path).set(auth).set('Content-Type', 'application/json').send(raw);

  beforeAll(async () => {
    t = await createTestApp();
    await seedCatalog(t);
    ({ auth: admin } = await t.signedIn('admin'));
    ({ auth: cp } = await t.signedIn('contact_point'));
    const w = await t.signedIn('unit_worker');
    worker = w.auth;
    workerUnitId = w.user.unitId!;
    unitId = (await t.newUnit()).id;
    categoryId = (await t.db.query(`SELECT id FROM categories WHERE code = 'relocation'`))[0].id;
    userId = (await t.newUser('unit_worker')).id;
    caseId = (await newCase(t, worker)).id;
    applicationId = (await newApplication(t, worker, caseId)).id;
    budgetYearId = (await t.db.query(`SELECT id FROM budget_years LIMIT 1`))[0].id;
  });
  afterAll(() => t.close());

  describe('codes for clients that translate', () => {
    it('names each field’s failing rule and its limits beside the English text', async () => {
      const res = await t.http
        .put(`/api/units/${unitId}`)
        .set(admin)
        .send({ name: 'x'.repeat(201), active: null, colour: 'red' });
      expectRefusal(res, 'name', 'name must be at most 200 characters');
      expect(res.body.codes).toEqual({
        name: { code: 'maxLength', args: [200] },
        active: { code: 'notNull' },
        colour: { code: 'unknownField' },
      });
    });
  });

  describe('null', () => {
    it.each([
      ['units', () => `/api/units/${unitId}`, { name: null }, 'name'],
      ['units', () => `/api/units/${unitId}`, { active: null }, 'active'],
      ['categories', () => `/api/categories/${categoryId}`, { name: null }, 'name'],
      ['users', () => `/api/users/${userId}`, { displayName: null }, 'displayName'],
      ['users', () => `/api/users/${userId}`, { email: null }, 'email'],
      ['budget-years', () => `/api/budget-years/${budgetYearId}`, { poolAmount: null }, 'poolAmount'],
    ])('refuses null for a field of %s on update, naming it', async (resource, path, body, field) => {
      const res = await t.http
        .put(path())
        .set(resource === 'budget-years' ? cp : admin)
        .send(body);
      expectRefusal(res, field, `${field} may not be null`);
    });

    it.each([
      [{ justification: null }, 'justification'],
      [{ urgent: null }, 'urgent'],
      [{ lines: null }, 'lines'],
      [{ lines: [null] }, 'lines.0'],
      [{ lines: [{ description: null, quantity: 1, unitAmount: 100 }] }, 'lines.0.description'],
      [{ plannedSessionDates: null }, 'plannedSessionDates'],
    ])('refuses %j on an application, naming the field at its depth', async (body, field) => {
      const res = await t.http.put(`/api/applications/${applicationId}`).set(worker).send(body);
      expectRefusal(res, field, `${field} may not be null`);
    });

    it('refuses null in an action body and in sign-in', async () => {
      expectRefusal(
        await t.http.post(`/api/applications/${applicationId}/withdraw`).set(worker).send({ reason: null }),
        'reason',
        'reason may not be null',
      );
      expectRefusal(
        await t.http.post('/api/auth/login').send({ email: 'a@b.example', password: 'x', totp: null }),
        'totp',
        'totp may not be null',
      );
    });

    it('still lets null clear a field declared nullable', async () => {
      const c = await newCase(t, worker, { status: 'assessment' });
      const res = await t.http
        .put(`/api/cases/${c.id}`)
        .set(worker)
        .send({ birthYear: null, consentRecordedOn: null, agreementSignedOn: null, programmeStart: null });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        birthYear: null,
        consentRecordedOn: null,
        agreementSignedOn: null,
        programmeStart: null,
      });
      const contactPoint = await t.newUser('unit_worker', { unitId: workerUnitId });
      const moved = await t.http
        .put(`/api/users/${contactPoint.id}`)
        .set(admin)
        .send({ role: 'contact_point', unitId: null });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ role: 'contact_point', unitId: null });
    });

    it('refuses null for a case field that is not nullable', async () => {
      expectRefusal(await t.http.put(`/api/cases/${caseId}`).set(worker).send({ status: null }), 'status');
    });
  });

  describe('control characters', () => {
    it.each([
      ['a NUL in a field', { code: 'NULA', name: 'Unit\u0000name' }, 'name'],
      ['an escape character', { code: 'NULB', name: 'Unit\u001bname' }, 'name'],
      ['a NUL in a key', { code: 'NULC', name: 'x', 'na\u0000me': 'y' }, 'na\u0000me'],
    ])('refuses %s of a body, naming it', async (_, body, field) => {
      expectRefusal(await t.http.post('/api/units').set(admin).send(body), field, /control character/);
    });

    it('refuses a NUL deep in a body', async () => {
      const res = await t.http
        .put(`/api/applications/${applicationId}`)
        .set(worker)
        .send({ lines: [{ description: 'Room\u0000', quantity: 1, unitAmount: 100_000 }], amountRequested: 100_000 });
      expectRefusal(res, 'lines.0.description', /control character/);
    });

    it('keeps line breaks and tabs in narrative text', async () => {
      const res = await t.http
        .put(`/api/applications/${applicationId}`)
        .set(worker)
        .send({ justification: 'First line.\r\nSecond\tline.' });
      expect(res.status).toBe(200);
    });

    it('refuses a NUL in a sign-in', async () => {
      const res = await t.http.post('/api/auth/login').send({ email: 'a@b.example', password: 'pass\u0000word' });
      expectRefusal(res, 'password', /control character/);
    });

    it.each([
      ['a list filter', () => `/api/units?${q({ filter: { q: 'a\u0000b' } })}`, 'filter.q'],
      ['a list filter value', () => `/api/cases?${q({ filter: { reference: 'a\u0000' } })}`, 'filter.reference'],
      ['a report parameter', () => '/api/reports/spending?year=2026&categoryCode=a%00b', 'categoryCode'],
      ['a CSV export filter', () => `/api/disbursements.csv?${q({ filter: { q: '\u0000' } })}`, 'filter.q'],
    ])('refuses a NUL in %s, naming it', async (_, path, field) => {
      expectRefusal(await t.http.get(path()).set(worker), field, /control character/);
    });
  });

  describe('arrays and objects where the other belongs', () => {
    it.each([
      [{ name: ['x'] }, 'name'],
      [{ name: { text: 'x' } }, 'name'],
      [{ active: [] }, 'active'],
    ])('refuses %j for a unit', async (body, field) => {
      expectRefusal(await t.http.put(`/api/units/${unitId}`).set(admin).send(body), field);
    });

    it.each([
      [{ lines: { description: 'x', quantity: 1, unitAmount: 1 } }, 'lines'],
      [{ lines: [[{ description: 'x', quantity: 1, unitAmount: 1 }]] }, 'lines.0'],
      [{ lines: [{ description: ['x'], quantity: {}, unitAmount: [1] }] }, 'lines.0.description'],
      [{ lines: [{ description: { a: 1 }, quantity: [[1]], unitAmount: { n: 1 } }] }, 'lines.0.quantity'],
      [{ plannedSessionDates: { a: '2026-01-01' } }, 'plannedSessionDates'],
      [{ plannedSessionDates: [['2026-01-01']] }, 'plannedSessionDates'],
      [{ justification: [['deep']] }, 'justification'],
    ])('refuses %j on an application, naming the field', async (body, field) => {
      expectRefusal(await t.http.put(`/api/applications/${applicationId}`).set(worker).send(body), field);
    });

    it.each([
      [{ amountApproved: 100, reason: 'ok', overrides: { rule: 'x', justification: 'y' } }, 'overrides'],
      [{ amountApproved: 100, reason: 'ok', overrides: [[{ rule: 'x', justification: 'y' }]] }, 'overrides.0'],
      [{ amountApproved: [100], reason: { a: 'ok' } }, 'amountApproved'],
    ])('refuses %j in an approval', async (body, field) => {
      expectRefusal(await t.http.post(`/api/applications/${applicationId}/approve`).set(cp).send(body), field);
    });

    it.each([
      ['sort as an object', q({ sort: { id: 'ASC' } }), 'sort'],
      ['sort field as a list', q({ sort: [['code'], 'ASC'] }), 'sort'],
      ['range as an object', q({ range: { 0: 1 } }), 'range'],
      ['range of lists', q({ range: [[0], [1]] }), 'range'],
      ['filter as a list', q({ filter: [{ code: 'KBH' }] }), 'filter'],
      ['a filter value as an object', q({ filter: { code: { $ne: 'KBH' } } }), 'filter.code'],
      ['ids as nested lists', q({ filter: { id: [[unitIdPlaceholder()]] } }), 'filter.id'],
      ['q as a list', q({ filter: { q: ['x'] } }), 'filter.q'],
      ['sort given twice', 'sort=%5B%22code%22%2C%22ASC%22%5D&sort=%5B%22code%22%2C%22ASC%22%5D', 'sort'],
      ['filter given twice', 'filter=%7B%7D&filter=%7B%7D', 'filter'],
      ['a filter named after Object.prototype', q({ filter: { constructor: null } }), 'filter.constructor'],
      ['a filter named __proto__', 'filter=' + encodeURIComponent('{"__proto__":null}'), 'filter.__proto__'],
      ['a filter named toString_gte', q({ filter: { toString_gte: 1 } }), 'filter.toString_gte'],
      ['a sort named constructor', q({ sort: ['constructor', 'ASC'] }), 'sort'],
    ])('refuses %s in a list query', async (_, query, field) => {
      expectRefusal(await t.http.get(`/api/units?${query}`).set(admin), field);
    });

    it.each([
      ['/api/reports/pool?year=2026&year=2027', 'year'],
      ['/api/reports/spending?year=2026&lang=da&lang=en', 'lang'],
      ['/api/reports/spending?year=2026&unitId=a&unitId=b', 'unitId'],
      ['/api/reports/spending?year=2026&categoryCode=a&categoryCode=b', 'categoryCode'],
      ['/api/reports/spending.csv?year=2026&delimiter=%3B&delimiter=%2C', 'delimiter'],
      ['/api/reports/statistics?year=2026&byUnit=true&byUnit=false', 'byUnit'],
      ['/api/disbursements.csv?filter=%7B%7D&filter=%7B%7D', 'filter'],
    ])('refuses a report parameter given twice: %s', async (path, field) => {
      expectRefusal(await t.http.get(path).set(worker), field);
    });
  });

  describe('invalid Unicode', () => {
    it('refuses a lone surrogate in a body field and in a key', async () => {
      expectRefusal(await json('post', '/api/units', admin, '{"code":"SURA","name":"A \\ud800 B"}'), 'name', /Unicode/);
      expectRefusal(await json('post', '/api/units', admin, '{"code":"SURB","name":"x","\\udc00":1}'), '\udc00');
      const res = await json(
        'put',
        `/api/applications/${applicationId}`,
        worker,
        '{"lines":[{"description":"\\udfff","quantity":1,"unitAmount":100000}],"amountRequested":100000}',
      );
      expectRefusal(res, 'lines.0.description', /Unicode/);
    });

    it('refuses a lone surrogate in a JSON query value', async () => {
      const res = await t.http.get(`/api/units?filter=${encodeURIComponent('{"q":"\\ud83d"}')}`).set(admin);
      expectRefusal(res, 'filter.q', /Unicode/);
    });

    it.each([
      ['a truncated sequence in a list filter', '/api/units?filter=%7B%22q%22%3A%22%E0%A4%A%22%7D', 'filter'],
      ['an invalid byte in a report parameter', '/api/reports/spending?year=2026&categoryCode=%FF', 'categoryCode'],
      ['an encoded surrogate', '/api/reports/spending?year=2026&categoryCode=%ED%A0%80', 'categoryCode'],
      ['a bare percent sign', '/api/units?filter=%7B%22q%22%3A%22100%%22%7D', 'filter'],
      ['a malformed parameter name', '/api/units?fil%ZZter=1', 'fil%ZZter'],
    ])('refuses malformed percent-encoding: %s', async (_, path, field) => {
      expectRefusal(await t.http.get(path).set(worker), field, /percent-encoded UTF-8/);
    });

    it('refuses a malformed percent-encoding in a path with a 400', async () => {
      const res = await t.http.get('/api/units/%E0%A4%A').set(admin);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });
  });

  describe('deep nesting', () => {
    it('refuses 100,000 levels of [ with a 400', async () => {
      const res = await json('post', '/api/units', admin, nested(100_000));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.stringMatching(/nested/),
      });
    });

    it.each([
      ['a field', (deep: string) => `{"code":"DEEP","name":${deep}}`, '/api/units', 'name'],
      ['a cost line', (deep: string) => `{"lines":[${deep}]}`, 'applications', 'lines'],
      ['a cost line field', (deep: string) => `{"lines":[{"description":${deep}}]}`, 'applications', 'lines'],
    ])('refuses deep nesting in %s, naming the field it is in', async (_, body, target, field) => {
      const deep = `{"a":${nested(50_000)}}`;
      const res =
        target === 'applications'
          ? await json('put', `/api/applications/${applicationId}`, worker, body(deep))
          : await json('post', target, admin, body(deep));
      expectRefusal(res, field, /nested/);
    });

    it('refuses deep nesting in a list filter', async () => {
      const res = await t.http.get(`/api/units?filter=${encodeURIComponent(`{"q":${nested(1000)}}`)}`).set(admin);
      expectRefusal(res, 'filter.q');
    });
  });

  describe('prototype keys', () => {
    it.each(['__proto__', 'constructor', 'prototype'])(
      'refuses %s at the top of a body like any unknown field',
      async (key) => {
        const res = await json('post', '/api/units', admin, `{"code":"PRO","name":"Proto","${key}":{"active":false}}`);
        expectRefusal(res, key, `${key} is not a known field`);
        expect(res.body.message).toEqual([`${key} is not a known field`]);
      },
    );

    it.each(['__proto__', 'constructor', 'prototype'])('refuses %s deep in a body, naming its path', async (key) => {
      const res = await json(
        'put',
        `/api/applications/${applicationId}`,
        worker,
        `{"lines":[{"description":"Room","quantity":1,"unitAmount":100000,"${key}":{"x":1}}],"amountRequested":100000}`,
      );
      expectRefusal(res, `lines.0.${key}`, `lines.0.${key} is not a known field`);
    });

    it('refuses a prototype key in a body without fields and in a query', async () => {
      const res = await json('post', `/api/applications/${applicationId}/check`, worker, '{"__proto__":{}}');
      expectRefusal(res, '__proto__', '__proto__ is not a known field');
      const query = await t.http.get('/api/reports/pool?year=2026&__proto__=1').set(worker);
      expectRefusal(query, '__proto__', '__proto__ is not a known query parameter');
    });

    it('leaves the prototype of every object alone', async () => {
      await json('post', '/api/units', admin, '{"__proto__":{"polluted":true}}');
      expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    });
  });
});

function unitIdPlaceholder(): string {
  return '00000000-0000-4000-8000-000000000000';
}
