import { type Auth, newCase, seedCatalog } from './fixtures.js';
import { setPool } from './money.js';
import { createTestApp, type TestApp } from './test-app.js';

/** The people an application passes through, signed in, and a case to apply for. */
export interface Team {
  t: TestApp;
  worker: Auth;
  /** The unit worker's unit. */
  workerUnit: string;
  cp: Auth;
  finance: Auth;
  /** An active case of the worker's unit. */
  caseId: string;
}

/**
 * The whole application with the catalogue seeded and this year's pool set (DKK 1 billion
 * unless told), a unit worker, a contact point and finance signed in, and a case of the worker's.
 */
export async function createTeamApp(pool: bigint | number = 100_000_000_000): Promise<Team> {
  const t = await createTestApp();
  await seedCatalog(t);
  await setPool(t, pool);
  const w = await t.signedIn('unit_worker');
  const cp = (await t.signedIn('contact_point')).auth;
  const finance = (await t.signedIn('finance')).auth;
  const caseId = (await newCase(t, w.auth)).id;
  return { t, worker: w.auth, workerUnit: w.user.unitId!, cp, finance, caseId };
}
