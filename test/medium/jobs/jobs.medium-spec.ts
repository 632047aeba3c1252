import { JOBS_SCHEMA, JobsService } from '../../../api/src/jobs/jobs.service.js';
import type { JobContext } from '../../../api/src/jobs/job-definition.js';
import { createMediumTest, type MediumTest } from '../medium-db.js';

let t: MediumTest;
let jobs: JobsService;
const seen: { data: object; attempt: number }[] = [];
let failuresLeft = 1;

beforeAll(async () => {
  t = await createMediumTest({ imports: [] });
  jobs = t.get(JobsService);
  jobs.register({ name: 'medium-echo', run: async (data: { n?: number }) => ({ doubled: (data.n ?? 0) * 2 }) });
  jobs.register({
    name: 'medium-flaky',
    run: async (data: object, context: JobContext) => {
      seen.push({ data, attempt: context.attempt });
      if (failuresLeft-- > 0) throw new Error('first attempt fails');
      return { ok: true };
    },
    retryLimit: 2,
  });
  jobs.register({ name: 'medium-nightly', cron: '15 3 * * *', run: async () => null });
  await jobs.start({ pollingIntervalSeconds: 0.5, retryDelaySeconds: 1 });
});
afterAll(() => t.close());

/** The job's row once it reached a final state (pg-boss works it in this process). */
async function settled(id: string): Promise<{ state: string; output: unknown; retry_count: number }> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [row] = await t.db.query(`SELECT state, output, retry_count FROM ${JOBS_SCHEMA}.job WHERE id = $1`, [id]);
    if (row && ['completed', 'failed', 'cancelled'].includes(row.state)) return row;
    if (Date.now() > deadline) throw new Error(`job ${id} is still ${row?.state}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('JobsService', () => {
  it('creates a queue for each job, and a schedule in the installation’s time zone for the one with a cron', async () => {
    expect(jobs.started).toBe(true);
    const queues: { name: string; retry_limit: number; retry_delay: number }[] = await t.db.query(
      `SELECT name, retry_limit, retry_delay FROM ${JOBS_SCHEMA}.queue WHERE name LIKE 'medium-%' ORDER BY name`,
    );
    // the test's retry delay overrides every queue's
    expect(queues).toEqual([
      { name: 'medium-echo', retry_limit: 4, retry_delay: 1 },
      { name: 'medium-flaky', retry_limit: 2, retry_delay: 1 },
      { name: 'medium-nightly', retry_limit: 4, retry_delay: 1 },
    ]);
    const schedules = await t.db.query(`SELECT name, cron, timezone FROM ${JOBS_SCHEMA}.schedule ORDER BY name`);
    expect(schedules).toEqual([
      { name: 'medium-nightly', cron: '15 3 * * *', timezone: Intl.DateTimeFormat().resolvedOptions().timeZone },
    ]);
  });

  it('runs a job sent to its queue, with its data, and stores what it answers', async () => {
    const id = await jobs.send('medium-echo', { n: 21 });
    expect(await settled(id)).toEqual({ state: 'completed', output: { doubled: 42 }, retry_count: 0 });
  });

  it('retries a job whose attempt threw, telling the handler which attempt it is', async () => {
    const id = await jobs.send('medium-flaky', { k: 'v' });
    expect(await settled(id)).toMatchObject({ state: 'completed', output: { ok: true }, retry_count: 1 });
    expect(seen).toEqual([
      { data: { k: 'v' }, attempt: 1 },
      { data: { k: 'v' }, attempt: 2 },
    ]);
  });

  it('refuses a job it does not know, and a registration once started', async () => {
    await expect(jobs.send('medium-unknown')).rejects.toThrow('No job medium-unknown is registered');
    expect(() => jobs.register({ name: 'medium-late', run: async () => null })).toThrow(
      'The job medium-late must be registered before the scheduler starts',
    );
  });

  it('drops the schedule of a job gone from the code when another process starts', async () => {
    const next = new JobsService(t.config);
    next.register({ name: 'medium-echo', run: async () => null });
    await next.start({ pollingIntervalSeconds: 0.5 });
    try {
      expect(await t.db.query(`SELECT name FROM ${JOBS_SCHEMA}.schedule`)).toEqual([]);
    } finally {
      await next.beforeApplicationShutdown();
    }
  });
});
