/** What a job's handler is told about the attempt it runs. */
export interface JobContext {
  /** pg-boss's id of the job: the same across the attempts of one job. */
  jobId: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  /** Aborted when the process shuts down: a long job stops between two units of work and is retried elsewhere. */
  signal: AbortSignal;
}

/**
 * A queue of work in PostgreSQL, registered by a feature module in its
 * `onModuleInit` (before the scheduler starts):
 *
 * ```ts
 * jobs.register({ name: 'retention-purge', cron: config.retentionSchedule, run: (_data, ctx) => this.purge(ctx) });
 * ```
 *
 * With `cron`, the job is sent once per due time, whichever processes run;
 * without, it runs whenever something `send`s to the queue. Either way one
 * process runs each job, and a job whose `run` throws is retried.
 */
export interface JobDefinition<T extends object = object> {
  /** The queue's name: letters, digits, `-` and `_`. */
  name: string;
  /** Five-field cron expression in the installation's time zone (TZ). */
  cron?: string;
  /**
   * The work. What it answers is stored with the finished job in the pgboss schema (figures only,
   * never narrative); what it throws fails the attempt, by its message alone.
   */
  run(data: T, context: JobContext): Promise<unknown>;
  /** Retries after the first attempt fails (default 4). */
  retryLimit?: number;
  /** Seconds before the first retry, doubling (with jitter) for each further one (default 60). */
  retryDelaySeconds?: number;
  /** An attempt still running after this long is failed and retried (default one hour). */
  expireInSeconds?: number;
}

export const JOB_NAME = /^[A-Za-z0-9_-]{1,50}$/;
