/** A start-up failure whose message already says, in plain words, what is wrong and what to do. */
export class StartupError extends Error {}

interface SystemError {
  code?: unknown;
  errors?: unknown[];
}

const codeOf = (error: unknown): string | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, errors } = error as SystemError;
  if (typeof code === 'string') return code;
  // a host name with several addresses fails as an AggregateError of one error per address
  return Array.isArray(errors) ? errors.map(codeOf).find(Boolean) : undefined;
};

/** The message of anything thrown; never "undefined" or empty. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    if (error.message) return error.message;
    if (error instanceof AggregateError && error.errors.length) {
      return [...new Set(error.errors.map(describeError))].join('; ');
    }
    const code = codeOf(error);
    return `${error.name}${code ? ` (${code})` : ''} without a message`;
  }
  if (error === undefined || error === null || error === '') return 'an unknown failure (nothing said why)';
  return String(error);
}

/**
 * Plain words for a database that cannot be reached or refuses to let the
 * application in, or undefined when the error is something else. `source` is
 * where the URL came from, e.g. "DATABASE_URL". Never repeats the password.
 */
export function databaseProblem(error: unknown, url: string, source: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const host = parsed.hostname || 'localhost';
  const server = `${host}:${parsed.port || 5432}`;
  const user = decodeURIComponent(parsed.username) || 'the default user';
  const database = decodeURIComponent(parsed.pathname.slice(1));
  switch (codeOf(error)) {
    case 'ECONNREFUSED':
      return `nothing answers at ${server} (${source}): is the database server running, and are the host and port right?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the database host ${host} (${source}) is not known: check the host name`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ECONNRESET':
      return `the database server at ${server} (${source}) cannot be reached (${codeOf(error)}): check the network and the host`;
    case '28P01':
      return `the database server at ${server} refused the password of user ${user} (${source}): check the password`;
    case '28000':
      return `the database server at ${server} refused user ${user} (${source}): ${describeError(error)}`;
    case '3D000':
      return `the database ${database} does not exist on ${server} (${source}): create it, owned by ${user}, or fix the URL`;
    case '42501':
      return `user ${user} lacks a privilege on ${server}/${database} (${source}): ${describeError(error)}; it should own the database and everything in it`;
    case '53300':
    case '57P03':
      return `the database server at ${server} (${source}) does not take the connection now: ${describeError(error)}`;
    default:
      return undefined;
  }
}

/** Plain words for an HTTP port that cannot be opened. */
export function listenProblem(error: unknown, port: number): string {
  switch (codeOf(error)) {
    case 'EADDRINUSE':
      return `port ${port} is in use: another program (perhaps another Exit Pool) listens on it; stop it, or set PORT to a free port`;
    case 'EACCES':
      return `port ${port} needs privileges this user does not have: set PORT to 1024 or above`;
    default:
      return `the HTTP port ${port} could not be opened: ${describeError(error)}`;
  }
}
