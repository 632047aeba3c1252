import pg from 'pg';
import { loadConfig } from '../api/src/config/app-config.js';
import { migrate } from '../api/src/database/data-source.js';
import { JobsService } from '../api/src/jobs/jobs.service.js';
import { createTestDatabase } from './support/database.js';

/**
 * Replicas that start together on a database the job queue has never seen:
 * each creates pg-boss's schema, the queues and their schedules, and none may
 * fail (pg-boss alone deadlocks when two processes install at once).
 */
describe('The job queue starting in several processes at once', () => {
  it('starts everywhere, with one queue and one schedule', async () => {
    const database = await createTestDatabase(migrate);
    const services = Array.from({ length: 4 }, () => {
      const jobs = new JobsService({ ...loadConfig({}), databaseUrl: database.url });
      jobs.register({ name: 'probe', cron: '0 3 * * *', run: async () => undefined });
      jobs.register({ name: 'probe-queue', run: async () => undefined });
      return jobs;
    });
    try {
      const started = await Promise.allSettled(services.map((s) => s.start({ pollingIntervalSeconds: 1 })));
      expect(started.filter((s) => s.status === 'rejected')).toEqual([]);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const queues = await client.query(
          `SELECT name FROM pgboss.queue WHERE NOT starts_with(name, '__pgboss') ORDER BY name`,
        );
        expect(queues.rows.map((r) => r.name)).toEqual(['probe', 'probe-queue']);
        const schedules = await client.query(`SELECT name, cron FROM pgboss.schedule`);
        expect(schedules.rows).toEqual([{ name: 'probe', cron: '0 3 * * *' }]);
      } finally {
        await client.end();
      }
    } finally {
      await Promise.all(services.map((s) => s.beforeApplicationShutdown()));
      await database.drop();
    }
  }, 60_000);
});
