import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { describeError } from '../database/start-failure.js';
import { JOB_NAME, type JobContext, type JobDefinition } from './job-definition.js';

/** pg-boss's tables live in a schema of their own in the application's database. */
export const JOBS_SCHEMA = 'pgboss';

/** Held while a process creates or updates pg-boss's schema and queues: replicas starting together take turns. */
const JOBS_INSTALL_LOCK = 0x4a4f4253; // 'JOBS'

export interface JobsOptions {
  /** How often an idle worker asks for work (default 5 s). */
  pollingIntervalSeconds?: number;
  /** Overrides every queue's first retry delay: for tests, which cannot wait a minute. */
  retryDelaySeconds?: number;
}

/**
 * Scheduled and queued work on pg-boss, in the same PostgreSQL. Feature
 * modules register their jobs while the application initialises; `start`
 * (called by main.ts once the database is migrated and seeded, and by a test
 * that wants the scheduler) creates the queues, their schedules and a worker
 * for each. pg-boss sends a scheduled job once per due time across every
 * process on the database, hands each job to one worker (SKIP LOCKED), and
 * retries a failed one with backoff. The app's shutdown stops the workers,
 * letting a running job finish or abort through its signal.
 */
@Injectable()
export class JobsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly definitions = new Map<string, JobDefinition>();
  private readonly stopping = new AbortController();
  private boss: PgBoss | undefined;
  private stopped: Promise<void> | undefined;
  private options: JobsOptions = {};

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig & { databaseUrl?: string }) {}

  /** Adds a queue (and its schedule); only before `start`. */
  register<T extends object>(definition: JobDefinition<T>): void {
    if (this.boss) throw new Error(`The job ${definition.name} must be registered before the scheduler starts`);
    if (!JOB_NAME.test(definition.name)) throw new Error(`${definition.name} is not a valid job name`);
    if (this.definitions.has(definition.name)) throw new Error(`The job ${definition.name} is registered twice`);
    this.definitions.set(definition.name, definition as JobDefinition);
  }

  get started(): boolean {
    return this.boss !== undefined;
  }

  /** The first retry delay of the started scheduler's test override, for work that retries on its own terms. */
  get retryDelaySeconds(): number | undefined {
    return this.options.retryDelaySeconds;
  }

  async start(options: JobsOptions = {}): Promise<void> {
    if (this.boss) return;
    if (!this.config.databaseUrl) throw new Error('The scheduler needs the database URL');
    const boss = new PgBoss({
      connectionString: this.config.databaseUrl,
      schema: JOBS_SCHEMA,
      application_name: 'exit-pool-jobs',
      max: 4,
      // a scheduled job is sent within 10 s of its time (one process per interval looks)
      cronMonitorIntervalSeconds: 10,
    });
    // without a listener an 'error' event would end the process; pg-boss retries what failed
    boss.on('error', (error) => {
      const message = `The job queue: ${describeError(error)}`;
      // on the way down the database may go first (the embedded one stops on the same signal)
      if (this.stopping.signal.aborted) this.logger.debug(message);
      else this.logger.error(message);
    });
    // pg-boss's own schema creation and its queue partitions deadlock when two processes start at once
    const lock = new pg.Client({
      connectionString: this.config.databaseUrl,
      application_name: 'exit-pool-jobs-install',
    });
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [JOBS_INSTALL_LOCK]);
      await boss.start();
      try {
        await this.install(boss, options);
      } catch (error) {
        await boss.stop({ graceful: false }).catch(() => undefined);
        throw error;
      }
    } finally {
      // the session's end releases the lock too
      await lock.end().catch(() => undefined);
    }
    this.boss = boss;
    this.options = options;
    this.logger.log(`The scheduler runs ${[...this.definitions.keys()].join(', ') || 'no job'}`);
  }

  /** Queues a job now, or from `startAfter` on (for a queue without a schedule, or to run a scheduled one at once). */
  async send(name: string, data: object = {}, options: { startAfter?: Date } = {}): Promise<string> {
    if (!this.boss) throw new Error('The scheduler is not started');
    if (!this.definitions.has(name)) throw new Error(`No job ${name} is registered`);
    const id = await this.boss.send(name, data, options.startAfter ? { startAfter: options.startAfter } : {});
    if (!id) throw new Error(`The job ${name} was not queued`);
    return id;
  }

  /** Every caller of app.close() (a signal may bring two) waits for the same stop. */
  beforeApplicationShutdown(): Promise<void> {
    this.stopped ??= this.stop();
    return this.stopped;
  }

  private async stop(): Promise<void> {
    const boss = this.boss;
    if (!boss) return;
    this.stopping.abort();
    // waits for running jobs; one still running after this is failed, and retried by another process
    await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
  }

  private async install(boss: PgBoss, options: JobsOptions): Promise<void> {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    for (const job of this.definitions.values()) {
      const queue = {
        name: job.name,
        retryLimit: job.retryLimit ?? 4,
        retryDelay: options.retryDelaySeconds ?? job.retryDelaySeconds ?? 60,
        retryBackoff: true,
        expireInSeconds: job.expireInSeconds ?? 3600,
      };
      await boss.createQueue(job.name, queue);
      // an existing queue keeps its options unless told: the code's are the truth
      await boss.updateQueue(job.name, queue);
      if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz });
      else await boss.unschedule(job.name);
      await boss.work(
        job.name,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5 },
        ([attempt]: PgBoss.JobWithMetadata<object>[]) => this.runOne(job, attempt),
      );
    }
    // a schedule whose job is gone from the code would send jobs that nobody works
    for (const schedule of await boss.getSchedules()) {
      if (!this.definitions.has(schedule.name)) await boss.unschedule(schedule.name);
    }
  }

  private async runOne(job: JobDefinition, attempt: PgBoss.JobWithMetadata<object>): Promise<unknown> {
    const context: JobContext = { jobId: attempt.id, attempt: attempt.retryCount + 1, signal: this.stopping.signal };
    const started = Date.now();
    this.logger.log(`${job.name} started (job ${attempt.id}, attempt ${context.attempt})`);
    try {
      const result = await job.run(attempt.data, context);
      this.logger.log(`${job.name} finished in ${Date.now() - started} ms (job ${attempt.id})`);
      return result;
    } catch (error) {
      const message = describeError(error);
      this.logger.error(`${job.name} failed (job ${attempt.id}, attempt ${context.attempt}): ${message}`);
      // pg-boss stores what is thrown with the job: the message only, never a failed query's parameters
      // eslint-disable-next-line preserve-caught-error -- the cause may hold narrative
      throw new Error(message);
    }
  }
}
