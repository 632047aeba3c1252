import type { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password.js';
import { Category } from '../categories/category.entity.js';
import { Unit } from '../units/unit.entity.js';
import { User } from '../auth/user.entity.js';
import { DEMO_PASSWORD, DEMO_PROFILES, type DemoProfile } from './demo-data.js';

/**
 * Fills an empty database with the demo installation of the contract (or of Finland). A
 * database that has any user already is left alone, so a restart never seeds twice.
 */
export async function seedDemo(dataSource: DataSource, profile: DemoProfile = DEMO_PROFILES.dk): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return dataSource.transaction(async (tx) => {
    // one seeder at a time, even if two processes start on the same database
    await tx.query('SELECT pg_advisory_xact_lock(7310001)');
    if ((await tx.count(User)) > 0) return false;
    const units = await tx.save(
      Unit,
      profile.units.map((u) => ({ ...u, active: true })),
    );
    await tx.save(
      Category,
      profile.categories.map((c) => ({ ...c, active: true })),
    );
    const unitId = (code?: string) => (code ? units.find((u) => u.code === code)!.id : null);
    await tx.save(
      User,
      profile.users.map((u) => ({
        email: u.email,
        displayName: u.displayName,
        role: u.role,
        unitId: unitId(u.unitCode),
        ...(u.party && { party: u.party }),
        active: true,
        passwordHash,
      })),
    );
    // the column is written by SQL only (notifications.service), as it is read
    await tx.query(`UPDATE users SET language = $1`, [profile.language]);
    return true;
  });
}
