import { User } from '../api/src/users/user.entity.js';
import { createTestApp, type TestApp, TEST_PASSWORD } from './support/test-app.js';

describe('Units, categories and users, by role', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let adminId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const signed = await t.signedIn('admin');
    admin = signed.auth;
    adminId = signed.user.id;
  });
  afterAll(() => t.close());

  describe('role guards', () => {
    it.each(['unit_worker', 'contact_point', 'finance', 'admin'] as const)(
      'lets a %s read units and categories',
      async (role) => {
        const { auth } = await t.signedIn(role);
        expect((await t.http.get('/api/units').set(auth)).status).toBe(200);
        expect((await t.http.get('/api/categories').set(auth)).status).toBe(200);
      },
    );

    it.each(['unit_worker', 'contact_point', 'finance'] as const)(
      'refuses a %s writing units or categories, or reading users',
      async (role) => {
        const { auth } = await t.signedIn(role);
        const unit = await t.http.post('/api/units').set(auth).send({ code: 'ZZQ', name: 'No' });
        expect(unit.status).toBe(403);
        expect(unit.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
        expect((await t.http.post('/api/categories').set(auth).send({ code: 'nope', name: 'No' })).status).toBe(403);
        expect((await t.http.get('/api/users').set(auth)).status).toBe(403);
      },
    );

    it.each(['unit_worker', 'finance'] as const)('refuses a %s reading the audit trail', async (role) => {
      const { auth } = await t.signedIn(role);
      expect((await t.http.get('/api/audit-events').set(auth)).status).toBe(403);
    });
  });

  describe('units and categories', () => {
    it('creates, edits partially and never deletes a unit', async () => {
      const created = await t.http.post('/api/units').set(admin).send({ code: 'TSTU', name: 'Testenhed Ærø' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ code: 'TSTU', name: 'Testenhed Ærø', active: true });
      const edited = await t.http.put(`/api/units/${created.body.id}`).set(admin).send({ active: false });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ code: 'TSTU', name: 'Testenhed Ærø', active: false });
      const removed = await t.http.delete(`/api/units/${created.body.id}`).set(admin);
      expect(removed.status).toBe(405);
      expect((await t.http.get(`/api/units/${created.body.id}`).set(admin)).status).toBe(200);
    });

    it('refuses a duplicate unit code with 409 naming the field', async () => {
      await t.newUnit({ code: 'DUPQ' });
      const res = await t.http.post('/api/units').set(admin).send({ code: 'DUPQ', name: 'Again' });
      expect(res.status).toBe(409);
      expect(res.body.errors).toEqual({ code: 'is already in use' });
    });

    it('creates and edits a category', async () => {
      const created = await t.http
        .post('/api/categories')
        .set(admin)
        .send({ code: 'mentor_support', name: 'Mentorstøtte' });
      expect(created.status).toBe(201);
      const edited = await t.http.put(`/api/categories/${created.body.id}`).set(admin).send({ name: 'Mentor support' });
      expect(edited.body).toMatchObject({ code: 'mentor_support', name: 'Mentor support', active: true });
    });

    it('refuses a badly formed category code', async () => {
      const res = await t.http.post('/api/categories').set(admin).send({ code: 'Tattoo Removal', name: 'x' });
      expect(res.status).toBe(400);
      expect(res.body.errors.code).toContain('lower-case');
    });
  });

  describe('users', () => {
    it('creates a unit worker with an argon2id hash and never returns the password or hash', async () => {
      const unit = await t.newUnit();
      const res = await t.http.post('/api/users').set(admin).send({
        email: 'New.Worker@Test.Example',
        displayName: 'New worker',
        role: 'unit_worker',
        unitId: unit.id,
        password: 'a-long-enough-password',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        email: 'new.worker@test.example',
        role: 'unit_worker',
        unitId: unit.id,
        active: true,
      });
      expect(res.body).not.toHaveProperty('password');
      expect(res.body).not.toHaveProperty('passwordHash');
      const [{ password_hash }] = await t.db.query('SELECT password_hash FROM users WHERE id = $1', [res.body.id]);
      expect(password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
      expect(
        (
          await t.http
            .post('/api/auth/login')
            .send({ email: 'new.worker@test.example', password: 'a-long-enough-password' })
        ).status,
      ).toBe(200);
      const list = await t.http.get('/api/users').set(admin);
      expect(JSON.stringify(list.body)).not.toMatch(/argon2|password/i);
    });

    it.each([
      [{ role: 'superuser' }, 'role', 'role must be one of unit_worker, contact_point, finance, admin'],
      [{ role: 'unit_worker' }, 'unitId', 'a unit worker must belong to a unit'],
      [{ role: 'finance', unitId: 'UNIT' }, 'unitId', 'must be empty for the role finance'],
      [{ role: 'unit_worker', unitId: '00000000-0000-4000-8000-000000000000' }, 'unitId', 'no unit has this id'],
      [{ role: 'admin', password: 'short' }, 'password', 'password must be at least 12 characters'],
      [{ role: 'admin', email: 'not-an-email' }, 'email', 'email must be an email address'],
      [{ role: 'admin', displayName: '   ' }, 'displayName', 'displayName must not be empty'],
      [{ role: 'admin', id: '00000000-0000-4000-8000-000000000000' }, 'id', 'id is not a known field'],
    ])('refuses %j with a 400 naming %s, and writes nothing', async (override, field, message) => {
      const unit = await t.newUnit();
      const body: Record<string, unknown> = {
        email: `bad.${Math.random()}@test.example`,
        displayName: 'Bad',
        password: 'a-long-enough-password',
        ...override,
      };
      if (body.unitId === 'UNIT') body.unitId = unit.id;
      const before = await t.db.getRepository(User).count();
      const res = await t.http.post('/api/users').set(admin).send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors[field]).toBe(message);
      expect(await t.db.getRepository(User).count()).toBe(before);
    });

    it('refuses a second account with the same email, whatever its case', async () => {
      const user = await t.newUser('finance');
      const res = await t.http.post('/api/users').set(admin).send({
        email: user.email.toUpperCase(),
        displayName: 'Twin',
        role: 'finance',
        password: 'a-long-enough-password',
      });
      expect(res.status).toBe(409);
      expect(res.body.errors).toEqual({ email: 'is already in use' });
    });

    it('takes a partial update and keeps the other fields', async () => {
      const user = await t.newUser('finance');
      const res = await t.http.put(`/api/users/${user.id}`).set(admin).send({ displayName: 'Renamed' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: user.id,
        email: user.email,
        displayName: 'Renamed',
        role: 'finance',
        active: true,
      });
    });

    it('moves a user from a unit to a national role, clearing the unit', async () => {
      const user = await t.newUser('unit_worker');
      const res = await t.http.put(`/api/users/${user.id}`).set(admin).send({ role: 'contact_point' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ role: 'contact_point', unitId: null });
    });

    it.each([
      ['a role change', { role: 'contact_point' }],
      ['deactivation', { active: false }],
      ['a new password', { password: 'another-long-password' }],
    ])('ends the user’s sessions at once on %s', async (_, change) => {
      const { user, auth } = await t.signedIn('finance');
      expect((await t.http.get('/api/auth/me').set(auth)).status).toBe(200);
      expect((await t.http.put(`/api/users/${user.id}`).set(admin).send(change)).status).toBe(200);
      expect((await t.http.get('/api/auth/me').set(auth)).status).toBe(401);
    });

    it('keeps the sessions on a change of display name', async () => {
      const { user, auth } = await t.signedIn('finance');
      await t.http.put(`/api/users/${user.id}`).set(admin).send({ displayName: 'Still signed in' });
      expect((await t.http.get('/api/auth/me').set(auth)).status).toBe(200);
    });

    it('does not let an admin lock themselves out', async () => {
      const res = await t.http.put(`/api/users/${adminId}`).set(admin).send({ active: false });
      expect(res.status).toBe(409);
      expect((await t.http.get('/api/auth/me').set(admin)).status).toBe(200);
    });

    it('refuses to delete a user', async () => {
      const user = await t.newUser('finance');
      expect((await t.http.delete(`/api/users/${user.id}`).set(admin)).status).toBe(405);
    });

    it('stops a unit worker without a unit even if the code were wrong', async () => {
      await expect(t.db.query(`UPDATE users SET unit_id = NULL WHERE role = 'unit_worker'`)).rejects.toThrow(
        /users_unit_matches_role/,
      );
    });

    it('lets a new password replace the old one', async () => {
      const user = await t.newUser('finance');
      await t.http.put(`/api/users/${user.id}`).set(admin).send({ password: 'the-new-password-1' });
      expect((await t.http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD })).status).toBe(
        401,
      );
      expect(
        (await t.http.post('/api/auth/login').send({ email: user.email, password: 'the-new-password-1' })).status,
      ).toBe(200);
    });
  });
});
