import { loadConfig } from '../config/app-config.js';
import { JobsService } from './jobs.service.js';

const job = (name: string) => ({ name, run: async () => undefined });

describe(JobsService.name, () => {
  const jobs = () => new JobsService({ ...loadConfig({}), databaseUrl: undefined });

  it('takes each job once, by a name pg-boss accepts', () => {
    const service = jobs();
    service.register(job('retention-purge'));
    expect(() => service.register(job('retention-purge'))).toThrow('The job retention-purge is registered twice');
    expect(() => service.register(job('notifications.send'))).toThrow('notifications.send is not a valid job name');
    expect(() => service.register(job(''))).toThrow('is not a valid job name');
    expect(() => service.register(job('x'.repeat(51)))).toThrow('is not a valid job name');
  });

  it('neither starts nor sends without a database, and is not started until asked', async () => {
    const service = jobs();
    service.register(job('retention-purge'));
    expect(service.started).toBe(false);
    await expect(service.start()).rejects.toThrow('The scheduler needs the database URL');
    await expect(service.send('retention-purge')).rejects.toThrow('The scheduler is not started');
    // shutting down an application whose scheduler never started is a no-op
    await expect(service.beforeApplicationShutdown()).resolves.toBeUndefined();
  });
});
