// Imports nothing of the project: the test suite's set-up loads this file as CommonJS.
import pg from 'pg';

/** What the application's own role may do: sign in, and nothing a superuser could. */
export const APP_ROLE_ATTRIBUTES = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT';

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'exit-pool-bootstrap' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates the role, or brings an existing one back to APP_ROLE_ATTRIBUTES and
 * the given password. Run by a superuser.
 */
export async function ensureAppRole(admin: pg.Client, role: string, password: string): Promise<void> {
  // a failing statement must not carry the password into the server's log
  await admin.query(`SET log_statement = 'none'`);
  await admin.query(`SET log_min_error_statement = 'panic'`);
  const { rowCount } = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  const verb = rowCount ? 'ALTER' : 'CREATE';
  await admin.query(
    `${verb} ROLE ${admin.escapeIdentifier(role)} WITH ${APP_ROLE_ATTRIBUTES} PASSWORD ${admin.escapeLiteral(password)}`,
  );
  await admin.query('RESET log_min_error_statement');
  await admin.query('RESET log_statement');
}

/**
 * At start-up, as the superuser: the application's role and its database,
 * owned by that role. A database from before the role existed (its objects
 * owned by the superuser) is handed over object by object; REASSIGN OWNED
 * cannot take from the bootstrap superuser, which owns the system catalogs.
 */
export async function ensureAppDatabase(
  adminUrl: string,
  app: { role: string; password: string; database: string },
): Promise<void> {
  await withClient(adminUrl, async (admin) => {
    await ensureAppRole(admin, app.role, app.password);
    const { rows } = await admin.query<{ owner: string }>(
      'SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1',
      [app.database],
    );
    const database = admin.escapeIdentifier(app.database);
    if (!rows.length) await admin.query(`CREATE DATABASE ${database} OWNER ${admin.escapeIdentifier(app.role)}`);
    else if (rows[0].owner !== app.role) {
      await admin.query(`ALTER DATABASE ${database} OWNER TO ${admin.escapeIdentifier(app.role)}`);
    }
  });
  const url = new URL(adminUrl);
  url.pathname = `/${app.database}`;
  await withClient(url.toString(), (admin) => handOver(admin, app.role));
}

// objects of the database's own schemas, leaving out what an extension owns
const USER_SCHEMA = `n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'`;
const notOfExtension = (catalog: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '${catalog}'::regclass AND e.objid = ${oid} AND e.deptype = 'e')`;

/** ALTER ... OWNER TO statements for every object of the database that the role does not own yet. */
const STATEMENTS = `
  SELECT format('ALTER SCHEMA %I OWNER TO %I', n.nspname, $1::text) AS sql, 1 AS step
    FROM pg_namespace n
   WHERE ${USER_SCHEMA} AND n.nspowner NOT IN ($1::text::regrole, 'pg_database_owner'::regrole)
     AND ${notOfExtension('pg_namespace', 'n.oid')}
  UNION ALL
  -- tables take their indexes and their serial and identity sequences with them
  SELECT format('ALTER %s %s OWNER TO %I',
           CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE'
                          WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, c.oid::regclass, $1::text),
         CASE c.relkind WHEN 'S' THEN 3 ELSE 2 END
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE ${USER_SCHEMA} AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND c.relowner <> $1::text::regrole
     AND ${notOfExtension('pg_class', 'c.oid')}
     AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                        AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') AND c.relkind = 'S')
  UNION ALL
  SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, $1::text), 4
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
   WHERE ${USER_SCHEMA} AND p.proowner <> $1::text::regrole AND ${notOfExtension('pg_proc', 'p.oid')}
  UNION ALL
  -- a table's row type and every array type follow their owner
  SELECT format('ALTER %s %s OWNER TO %I', CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.oid::regtype, $1::text), 5
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
   WHERE ${USER_SCHEMA} AND t.typowner <> $1::text::regrole AND t.typtype IN ('e', 'd', 'r', 'c')
     AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
     AND ${notOfExtension('pg_type', 't.oid')}
  ORDER BY step`;

async function handOver(admin: pg.Client, role: string): Promise<void> {
  await admin.query('BEGIN');
  try {
    for (let round = 0; round < 3; round++) {
      const { rows } = await admin.query<{ sql: string }>(STATEMENTS, [role]);
      if (!rows.length) break;
      for (const { sql } of rows) await admin.query(sql);
    }
    const { rows: left } = await admin.query<{ sql: string }>(STATEMENTS, [role]);
    if (left.length) {
      throw new Error(`could not give the database's objects to the role ${role}: still to do ${left[0].sql}`);
    }
    await admin.query('COMMIT');
  } catch (error) {
    await admin.query('ROLLBACK');
    throw error;
  }
}
