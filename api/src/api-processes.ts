import type { NestExpressApplication } from '@nestjs/platform-express';
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import { createApp } from './app.factory.js';
import { createRootLogger } from './common/logging.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { loadKeyRing } from './crypto/key-file.js';
import { installKeyRing } from './crypto/key-ring.js';
import { describeError, listenProblem, StartupError } from './database/start-failure.js';
import { JOBS_SCHEMA, JobsService } from './jobs/jobs.service.js';

/** What the primary tells a new API process: where the (maybe embedded) database is. */
interface WorkerStart {
  databaseUrl: string;
}

type WorkerReport = { waiting: true } | { ready: true } | { failed: string };

/** More unexpected exits than this within RESTART_WINDOW_MS stop the whole installation. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;
/** How long the processes may take to finish their requests and jobs when stopped. */
const STOP_GRACE_MS = 30_000;

/**
 * `API_PROCESSES` > 1: the primary process (which migrated, prepared the keys
 * and seeded) forks that many API processes on the same port (node:cluster
 * hands each connection to one of them). They keep nothing of their own, as
 * replicas behind a load balancer do (deploy/README.md). One that dies is
 * replaced; more than MAX_RESTARTS deaths a minute stop everything. Answers
 * once every process listens, with the way to stop them all.
 */
export async function serveInProcesses(
  script: string,
  count: number,
  databaseUrl: string,
  logger: Logger,
  onGiveUp: () => void,
): Promise<() => Promise<void>> {
  cluster.setupPrimary({ exec: script, serialization: 'json' });
  let stopping = false;
  const exits: number[] = [];

  const fork = (): Promise<Worker> => {
    const worker = cluster.fork();
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null, signal: string | null) =>
        reject(new StartupError(`An API process stopped while starting (${signal ?? `exit code ${code}`})`));
      worker.once('exit', onExit);
      const onMessage = (report: WorkerReport) => {
        // a message sent before the process listens would be lost: it asks when it does
        if ('waiting' in report) {
          worker.send({ databaseUrl } satisfies WorkerStart);
          return;
        }
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        if ('failed' in report) {
          reject(new StartupError(report.failed));
          return;
        }
        worker.once('exit', (code, signal) => {
          if (stopping) return;
          logger.error({ pid: worker.process.pid, code, signal }, 'An API process stopped unexpectedly');
          const now = Date.now();
          exits.push(now);
          while (exits.length && exits[0] < now - RESTART_WINDOW_MS) exits.shift();
          if (exits.length > MAX_RESTARTS) {
            logger.error(`More than ${MAX_RESTARTS} API processes stopped within a minute: stopping`);
            onGiveUp();
            return;
          }
          fork().then(
            (replacement) => logger.info({ pid: replacement.process.pid }, 'An API process took its place'),
            (error: unknown) => logger.error(describeError(error)),
          );
        });
        resolve(worker);
      };
      worker.on('message', onMessage);
    });
  };

  const stopAll = async () => {
    stopping = true;
    const running = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    await Promise.all(
      running.map(
        (worker) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => worker.process.kill('SIGKILL'), STOP_GRACE_MS);
            worker.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            worker.process.kill('SIGTERM');
          }),
      ),
    );
  };

  try {
    const workers = await Promise.all(Array.from({ length: count }, fork));
    logger.info({ pids: workers.map((w) => w.process.pid) }, `${count} API processes serve the port`);
  } catch (error) {
    await stopAll();
    throw error;
  }
  return stopAll;
}

/**
 * An API process forked by `serveInProcesses`: the same configuration and keys
 * as the primary, the database it was told, the app on the shared port and the
 * job queue (pg-boss shares the work across processes). It stops on SIGTERM or
 * SIGINT once its requests and jobs are done.
 */
export async function runApiProcess(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    // the primary read the same environment: it would have stopped first
    console.error(error instanceof ConfigError ? error.message : describeError(error));
    process.exit(78);
  }
  const logger = createRootLogger(config.logLevel);
  const report = (message: WorkerReport) =>
    new Promise<void>((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
  const told = new Promise<WorkerStart>((resolve) => process.once('message', resolve));
  await report({ waiting: true });
  const { databaseUrl } = await told;
  let app: NestExpressApplication | undefined;
  try {
    installKeyRing((await loadKeyRing(config)).ring);
    app = await createApp({ ...config, databaseUrl }, logger);
    await app.init();
    await serve(app, config.port);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await report({ failed: describeError(error) });
    process.exit(1);
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await report({ ready: true });
}

/**
 * The app on its port, then its scheduled work (once the database is migrated and seeded; app.close()
 * stops it), each failure a StartupError that names what failed.
 */
export async function serve(app: NestExpressApplication, port: number): Promise<void> {
  try {
    await app.listen(port);
  } catch (error) {
    throw new StartupError(listenProblem(error, port), { cause: error });
  }
  try {
    await app.get(JobsService).start();
  } catch (error) {
    const problem = `The job queue (pg-boss, schema ${JOBS_SCHEMA}) could not start: ${describeError(error)}`;
    throw new StartupError(problem, { cause: error });
  }
}
