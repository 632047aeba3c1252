import type { Role } from '@app/contract';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../api/src/auth/password.js';
import { Unit } from '../../api/src/units/unit.entity.js';
import { User } from '../../api/src/users/user.entity.js';

// Rows written straight to a test's database, shared by the e2e (test-app.ts) and the medium
// (test/medium/medium-db.ts) tiers. Nothing here loads the application's module graph.

export const TEST_PASSWORD = 'correct-horse-battery';
let testHash: Promise<string> | undefined;

let seq = 0;
const code = () => {
  const n = (Date.now() % 100000) * 100 + (seq++ % 100);
  return Array.from({ length: 4 }, (_, i) => String.fromCharCode(65 + (Math.floor(n / 26 ** i) % 26))).join('') + 'X';
};

/** A unit with a fresh code, written straight to the database. */
export function newUnit(db: DataSource, fields: Partial<Unit> = {}): Promise<Unit> {
  return db.getRepository(Unit).save({ code: code(), name: `Test unit ${seq}`, active: true, ...fields });
}

/** A user with TEST_PASSWORD, written straight to the database; a unit worker gets a new unit unless one is given. */
export async function newUser(db: DataSource, role: Role, fields: Partial<User> = {}): Promise<User> {
  testHash ??= hashPassword(TEST_PASSWORD);
  const unitId = role === 'unit_worker' ? (fields.unitId ?? (await newUnit(db)).id) : null;
  const id = randomBytes(4).toString('hex');
  const saved = await db.getRepository(User).save({
    email: `${role}.${id}@test.example`,
    displayName: `Test ${role} ${id}`,
    role,
    active: true,
    passwordHash: await testHash,
    ...fields,
    unitId,
  });
  return db.getRepository(User).findOneByOrFail({ id: saved.id });
}
