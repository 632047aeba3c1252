import type { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import type { JobDefinition } from '../jobs/job-definition.js';
import { JobsService } from '../jobs/jobs.service.js';
import { EMAIL_DELIVERY_JOB, EmailOutboxService, smtpHost } from './email-outbox.service.js';

describe(EmailOutboxService.name, () => {
  /** The service on a configuration, with what it logs and the jobs it registers written down. */
  const make = (env: NodeJS.ProcessEnv) => {
    const jobs = new JobsService({ ...loadConfig({}), databaseUrl: undefined });
    const registered: JobDefinition[] = [];
    jobs.register = (definition) => void registered.push(definition as JobDefinition);
    const service = new EmailOutboxService({} as EntityManager, jobs, loadConfig(env));
    const logged: string[] = [];
    (service as unknown as { logger: Pick<Logger, 'log'> }).logger = { log: (message: string) => logged.push(message) };
    return { service, registered, logged };
  };

  it('says once at start that e-mail is off without SMTP_URL, and delivers nothing', async () => {
    const { service, registered, logged } = make({});
    service.onModuleInit();
    expect(logged).toEqual(['E-mail is off (SMTP_URL is not set): notifications stay in the product']);
    expect(registered).toEqual([]);
    expect(service.enabled).toBe(false);
    await expect(service.deliverDue()).resolves.toEqual({ sent: 0, retrying: 0, failed: 0 });
    await service.onApplicationShutdown();
  });

  it('names the SMTP server without its credentials, and registers the delivery job with its sweep', async () => {
    const { service, registered, logged } = make({
      SMTP_URL: 'smtp://mailer:s3cret-pass@mail.example.org:587',
      MAIL_FROM: 'noreply@example.org',
    });
    service.onModuleInit();
    expect(logged).toEqual(['E-mail notifications go out through smtp://mail.example.org:587']);
    expect(registered.map((j) => [j.name, j.cron])).toEqual([[EMAIL_DELIVERY_JOB, '* * * * *']]);
    expect(service.enabled).toBe(true);
    await service.onApplicationShutdown();
  });

  it('keeps only the scheme, host and port of an SMTP URL', () => {
    expect(smtpHost('smtps://user:pw@smtp.example.org:465/?pool=true')).toBe('smtps://smtp.example.org:465');
  });
});
