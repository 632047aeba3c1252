import type { Role } from '@app/contract';
import type { ModuleMetadata, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Test, type TestingModule, type TestingModuleBuilder } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditModule } from '../../api/src/audit/audit.module.js';
import type { Actor } from '../../api/src/auth/auth.decorators.js';
import { AuthModule } from '../../api/src/auth/auth.module.js';
import { Clock } from '../../api/src/common/clock.js';
import { type AppConfig, loadConfig } from '../../api/src/config/app-config.js';
import { installKeyRing } from '../../api/src/crypto/key-ring.js';
import { ConfigModule } from '../../api/src/config/config.module.js';
import { dataSourceOptions, migrate } from '../../api/src/database/data-source.js';
import { JobsModule } from '../../api/src/jobs/jobs.module.js';
import type { Unit } from '../../api/src/units/unit.entity.js';
import type { User } from '../../api/src/users/user.entity.js';
import { createTestDatabase } from '../support/database.js';
import { testKeyRing } from '../support/encryption.js';
import { newUnit, newUser, TEST_PASSWORD } from '../support/factories.js';
import { seedCatalog } from '../support/fixtures.js';

// as main.ts does at start: the narrative columns' transformers read the process's key ring
installKeyRing(testKeyRing());

export { TEST_PASSWORD };

/**
 * The middle tier (immich's `test/medium`): a service as the application
 * builds it, with its real repositories, transactions and triggers on a real
 * PostgreSQL, and no HTTP in between. Each test file gets a database of its
 * own, cloned from this run's template, which the first file of the run
 * migrates (test/support/database.ts, shared with the e2e tests).
 */
export interface MediumTest {
  /** The Nest module graph of the application on this file's database. */
  module: TestingModule;
  db: DataSource;
  databaseUrl: string;
  config: AppConfig & { databaseUrl: string };
  /** A provider (a service, a repository) as the application injects it. */
  get<T>(type: (abstract new (...args: never[]) => T) | string | symbol): T;
  /** A unit with a fresh code (test/support's factory). */
  newUnit(fields?: Partial<Unit>): Promise<Unit>;
  /** A user with TEST_PASSWORD; a unit worker gets a new unit unless one is given (test/support's factory). */
  newUser(role: Role, fields?: Partial<User>): Promise<User>;
  /** The three categories, the demo guideline in force and this year's ample pool (test/support's fixture). */
  seedCatalog(): Promise<{ guidelineId: string }>;
  close(): Promise<void>;
}

export interface MediumOptions {
  /**
   * The feature modules under test, on the global ones every feature relies on
   * (configuration, TypeORM, scheduler, audit, auth). Without it, the whole
   * application's graph, as AppModule builds it.
   */
  imports?: ModuleMetadata['imports'];
  /** Settings over the defaults of an empty environment (demo off). */
  config?: Partial<AppConfig>;
  /** Replaces providers before the graph is built, e.g. `.overrideProvider(Clock).useValue(fixedClock)`. */
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
}

/**
 * The application's modules (all, or the ones named) on a migrated database of this file's own,
 * initialised (lifecycle hooks run) but serving nothing; the scheduler is not
 * started unless a test calls `JobsService.start`.
 */
export async function createMediumTest(options: MediumOptions = {}): Promise<MediumTest> {
  const database = await createTestDatabase(migrate);
  const config = { ...loadConfig({}), demo: false, ...options.config, databaseUrl: database.url };
  let module: TestingModule;
  try {
    const imports = options.imports
      ? [
          ConfigModule.forRoot(config),
          TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
          JobsModule,
          AuditModule,
          AuthModule,
          ...options.imports,
        ]
      : // loaded only when asked for: a narrow test does not load, or depend on, every feature
        [(await import('../../api/src/app.module.js')).AppModule.forRoot(config)];
    const builder = Test.createTestingModule({ imports });
    module = await (options.override ? options.override(builder) : builder).compile();
    await module.init();
  } catch (error) {
    await database.drop();
    throw error;
  }
  const db = module.get(DataSource);
  return {
    module,
    db,
    databaseUrl: database.url,
    config,
    get: <T>(type: (abstract new (...args: never[]) => T) | string | symbol) =>
      module.get<T>(type as Type<T> | string | symbol, { strict: false }),
    newUnit: (fields) => newUnit(db, fields),
    newUser: (role, fields) => newUser(db, role, fields),
    seedCatalog: () => seedCatalog({ db }),
    async close() {
      await module.close();
      await database.drop();
    },
  };
}

/** The installation's clock at a time the test sets: work that reads "today" sees that day. */
export class FixedClock extends Clock {
  constructor(private time: Date) {
    super();
  }

  override now(): Date {
    return new Date(this.time);
  }

  set(time: Date): void {
    this.time = time;
  }
}

/** The actor a guard would hand a service for this user (the session itself is not needed below the controller). */
export const actorOf = (user: User): Actor => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  role: user.role,
  unitId: user.unitId,
  party: user.party,
  sessionId: randomUUID(),
});

/** What the audit trail holds of one record, oldest first. */
export async function auditOf(
  db: DataSource,
  entityId: string,
): Promise<{ action: string; actorId: string | null; details: Record<string, unknown> }[]> {
  return db.query(`SELECT action, actor_id AS "actorId", details FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [
    entityId,
  ]);
}

/** The error code (or HTTP status when it has none) a refused call threw. */
export async function refusal(work: Promise<unknown>): Promise<string | number> {
  try {
    await work;
  } catch (error) {
    const e = error as { code?: string; getStatus?: () => number };
    if (e.code) return e.code;
    if (e.getStatus) return e.getStatus();
    throw error;
  }
  throw new Error('expected a refusal, and the call succeeded');
}
