import 'reflect-metadata';
import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { createRootLogger, PinoNestLogger } from '../common/logging.js';
import { type AppConfig, loadConfig } from '../config/app-config.js';
import { ConfigModule } from '../config/config.module.js';
import { loadKeyRing } from '../crypto/key-file.js';
import { installKeyRing } from '../crypto/key-ring.js';
import { dataSourceOptions } from '../database/data-source.js';
import { operatorDatabaseUrl } from '../database/operator-database.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { RetentionModule } from './retention.module.js';
import { type PurgeRun, RetentionService } from './retention.service.js';
import { runCommand } from '../common/command.js';

/** What the purge needs of the application, and nothing that serves or starts work. */
@Module({})
class PurgeCommandModule {
  static forRoot(config: AppConfig & { databaseUrl: string }): DynamicModule {
    return {
      module: PurgeCommandModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        AuditModule,
        JobsModule,
        RetentionModule,
      ],
    };
  }
}

/**
 * `npm run purge`: the daily retention purge, once, now, with the same
 * RETENTION_MONTHS; prints its counts (exit 1 when some application could not
 * be purged). It uses DATABASE_URL, the embedded database of a running
 * `npm start` (through DATA_DIR), or starts the embedded database itself.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  installKeyRing((await loadKeyRing(config)).ring);
  const { url, stop } = await operatorDatabaseUrl(config);
  try {
    // the counts are the output; the framework's start-up lines only when LOG_LEVEL asks for them
    const logger = createRootLogger(process.env.LOG_LEVEL ? config.logLevel : 'warn');
    const context = await NestFactory.createApplicationContext(
      PurgeCommandModule.forRoot({ ...config, databaseUrl: url }),
      { logger: new PinoNestLogger(logger) },
    );
    try {
      const run = await context.get(RetentionService).purge('command');
      console.error(report(run));
      return run.outcome === 'completed' ? 0 : 1;
    } finally {
      await context.close();
    }
  } finally {
    await stop?.();
  }
}

function report(run: PurgeRun): string {
  const lines = [
    `Purge ${run.outcome} as of ${run.asOf} (RETENTION_MONTHS=${run.retentionMonths}: ` +
      `applications final, with their budget year closed, on or before ${run.dueThrough})`,
    `  applications purged: ${run.applications}`,
    `  thread messages deleted: ${run.messages}`,
    `  attachments deleted: ${run.attachments}`,
    `  cases purged: ${run.cases}`,
  ];
  if (run.failed) lines.push(`  applications that could not be purged: ${run.failed} (see the log; run it again)`);
  return lines.join('\n');
}

runCommand('The purge', main);
