import { AuthService } from '../../../api/src/auth/auth.service.js';
import { TotpService } from '../../../api/src/auth/totp.service.js';
import { UsersModule } from '../../../api/src/users/users.module.js';
import { UsersService } from '../../../api/src/users/users.service.js';
import { actorOf, auditOf, createMediumTest, type MediumTest, TEST_PASSWORD } from '../medium-db.js';
import type { Actor } from '../../../api/src/auth/auth.decorators.js';
import { generate } from 'otplib';

let t: MediumTest;
let users: UsersService;
let auth: AuthService;
let admin: Actor;

beforeAll(async () => {
  t = await createMediumTest({ imports: [UsersModule] });
  users = t.get(UsersService);
  auth = t.get(AuthService);
  admin = actorOf(await t.newUser('admin'));
});
afterAll(() => t.close());

const page = { sort: ['email', 'ASC'] as ['email', 'ASC'], range: [0, 99] as [number, number] };

describe('UsersService', () => {
  it('creates a unit worker of an existing unit, with the password hashed, and audits the role and unit', async () => {
    const unit = await t.newUnit();
    const created = await users.create(admin, {
      email: 'new.worker@test.example',
      displayName: 'New Worker',
      role: 'unit_worker',
      unitId: unit.id,
      password: 'a-long-enough-password',
    });
    expect(created).toMatchObject({
      email: 'new.worker@test.example',
      displayName: 'New Worker',
      role: 'unit_worker',
      unitId: unit.id,
      active: true,
      totpEnabled: false,
    });
    expect(created).not.toHaveProperty('passwordHash');
    const [{ hash }] = await t.db.query(`SELECT password_hash AS hash FROM users WHERE id = $1`, [created.id]);
    expect(hash).toMatch(/^\$argon2id\$/);
    await auth.login({ email: 'new.worker@test.example', password: 'a-long-enough-password' });
    expect(await auditOf(t.db, created.id)).toEqual([
      { action: 'user.create', actorId: admin.id, details: { role: 'unit_worker', unitId: unit.id, party: 'police' } },
    ]);
    expect(await users.get(created.id)).toEqual(created);
  });

  it('refuses a unit worker without a unit, a unit for another role, an unknown unit and a taken email', async () => {
    const unit = await t.newUnit();
    const base = { displayName: 'X', password: 'a-long-enough-password' };
    await expect(users.create(admin, { ...base, email: 'a@test.example', role: 'unit_worker' })).rejects.toMatchObject({
      status: 400,
      response: { errors: { unitId: 'a unit worker must belong to a unit' } },
    });
    await expect(
      users.create(admin, { ...base, email: 'b@test.example', role: 'finance', unitId: unit.id }),
    ).rejects.toMatchObject({ status: 400, response: { errors: { unitId: 'must be empty for the role finance' } } });
    await expect(
      users.create(admin, {
        ...base,
        email: 'c@test.example',
        role: 'unit_worker',
        unitId: '00000000-0000-4000-8000-000000000000',
      }),
    ).rejects.toMatchObject({ status: 400, response: { errors: { unitId: 'no unit has this id' } } });
    const taken = await t.newUser('finance');
    await expect(users.create(admin, { ...base, email: taken.email, role: 'finance' })).rejects.toMatchObject({
      status: 409,
      response: { errors: { email: 'is already in use' } },
    });
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM users WHERE email IN ('a@test.example', 'b@test.example', 'c@test.example')`,
    );
    expect(n).toBe(0);
    await expect(users.get('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404 });
  });

  it('ends the sessions of a user whose role changes, clears the unit, and audits what changed', async () => {
    const worker = await t.newUser('unit_worker');
    const { accessToken } = await auth.login({ email: worker.email, password: TEST_PASSWORD });
    const updated = await users.update(admin, worker.id, { role: 'finance' });
    expect(updated).toMatchObject({ role: 'finance', unitId: null });
    await expect(auth.authenticate(accessToken)).rejects.toMatchObject({ code: 'INVALID_SESSION' });
    expect((await auditOf(t.db, worker.id)).at(-1)).toEqual({
      action: 'user.update',
      actorId: admin.id,
      details: { changed: ['role', 'unitId', 'party'], sessionsRevoked: 1 },
    });
    const [{ reason }] = await t.db.query(`SELECT revoked_reason AS reason FROM sessions WHERE user_id = $1`, [
      worker.id,
    ]);
    expect(reason).toBe('user.role_changed');
  });

  it('keeps the sessions of a user whose display name alone changes; a new password ends them', async () => {
    const user = await t.newUser('contact_point');
    const { accessToken } = await auth.login({ email: user.email, password: TEST_PASSWORD });
    await users.update(admin, user.id, { displayName: 'Renamed' });
    await auth.authenticate(accessToken);
    expect((await auditOf(t.db, user.id)).at(-1)!.details).toEqual({ changed: ['displayName'], sessionsRevoked: 0 });

    await users.update(admin, user.id, { password: 'another-long-password' });
    await expect(auth.authenticate(accessToken)).rejects.toMatchObject({ code: 'INVALID_SESSION' });
    expect((await auditOf(t.db, user.id)).at(-1)!.details).toEqual({ changed: ['password'], sessionsRevoked: 1 });
    await auth.login({ email: user.email, password: 'another-long-password' });
  });

  it('refuses to let admins demote or deactivate themselves', async () => {
    const self = actorOf(await t.newUser('admin'));
    await expect(users.update(self, self.id, { role: 'finance' })).rejects.toMatchObject({ status: 409 });
    await expect(users.update(self, self.id, { active: false })).rejects.toMatchObject({ status: 409 });
    await expect(users.get(self.id)).resolves.toMatchObject({ role: 'admin', active: true });
    // another admin may
    await expect(users.update(admin, self.id, { active: false })).resolves.toMatchObject({ active: false });
    await expect(users.update(admin, '00000000-0000-4000-8000-000000000000', { active: true })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('resets a lost second factor: secret and recovery codes gone, sessions ended, audited', async () => {
    const user = await t.newUser('finance');
    const { accessToken } = await auth.login({ email: user.email, password: TEST_PASSWORD });
    const actor = (await auth.authenticate(accessToken)).actor;
    const totp = t.get(TotpService);
    const { secret } = await totp.setup(actor);
    await totp.confirm(actor, await generate({ secret }));
    expect((await users.get(user.id)).totpEnabled).toBe(true);

    const reset = await users.resetTotp(admin, user.id);
    expect(reset.totpEnabled).toBe(false);
    await expect(auth.authenticate(accessToken)).rejects.toMatchObject({ code: 'INVALID_SESSION' });
    expect((await auditOf(t.db, user.id)).at(-1)).toEqual({
      action: 'user.totp_reset',
      actorId: admin.id,
      details: { wasEnabled: true, recoveryCodesCleared: 10, sessionsRevoked: 1 },
    });
    await auth.login({ email: user.email, password: TEST_PASSWORD });
  });

  it('lists by filter and search, with the total', async () => {
    const unit = await t.newUnit();
    const a = await t.newUser('unit_worker', { unitId: unit.id, displayName: 'Zelda Listed' });
    const b = await t.newUser('unit_worker', { unitId: unit.id, displayName: 'Yannick Listed', active: false });
    const byUnit = await users.list({ ...page, filter: { unitId: unit.id } });
    expect(byUnit.total).toBe(2);
    expect(byUnit.rows.map((u) => u.id).sort()).toEqual([a.id, b.id].sort());
    const active = await users.list({ ...page, filter: { unitId: unit.id, active: true } });
    expect(active.rows.map((u) => u.displayName)).toEqual(['Zelda Listed']);
    const searched = await users.list({ ...page, filter: { q: 'yannick' } });
    expect(searched.rows.map((u) => u.id)).toEqual([b.id]);
  });

  it('gives a unit worker one of the unit’s parties (police unless asked), and the national roles `national`', async () => {
    const unit = await t.newUnit({ parties: ['police', 'municipality'] });
    const base = {
      displayName: 'Party Worker',
      role: 'unit_worker' as const,
      unitId: unit.id,
      password: TEST_PASSWORD,
    };
    await expect(users.create(admin, { ...base, email: 'p1@test.example' })).resolves.toMatchObject({
      party: 'police',
    });
    const m = await users.create(admin, { ...base, email: 'p2@test.example', party: 'municipality' });
    expect(m.party).toBe('municipality');
    await expect(users.create(admin, { ...base, email: 'p3@test.example', party: 'ngo' })).rejects.toMatchObject({
      status: 400,
      response: { errors: { party: 'must be one of the unit’s parties: police, municipality' } },
    });
    await expect(users.create(admin, { ...base, email: 'p4@test.example', party: 'national' })).rejects.toMatchObject({
      status: 400,
      response: { errors: { party: expect.stringContaining('not national') } },
    });
    const finance = await users.update(admin, m.id, { role: 'finance' });
    expect(finance).toMatchObject({ role: 'finance', unitId: null, party: 'national' });
    expect(await users.list({ ...page, filter: { party: 'municipality', unitId: unit.id } })).toMatchObject({
      total: 0,
    });
  });

  it('ends the sessions of a worker whose party changes, since what they may see changes with it', async () => {
    const unit = await t.newUnit({ parties: ['police', 'prison_probation'] });
    const user = await t.newUser('unit_worker', { unitId: unit.id });
    const { accessToken } = await auth.login({ email: user.email, password: TEST_PASSWORD });
    await users.update(admin, user.id, { party: 'prison_probation' });
    await expect(auth.authenticate(accessToken)).rejects.toMatchObject({ code: 'INVALID_SESSION' });
    expect((await auditOf(t.db, user.id)).at(-1)).toEqual({
      action: 'user.update',
      actorId: admin.id,
      details: { changed: ['party'], sessionsRevoked: 1 },
    });
  });
});
