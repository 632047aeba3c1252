// `npm run bench:scale`: generates the 1,000× data set (or reuses it) and measures the product
// beside raw PostgreSQL on it. Options:
//   --scale <n>      size, 1 = 100,000 applications and about 1,000,000 payments (default 1)
//   --db <name>      the data set's database on DATABASE_URL's server (default exitpool_scale)
//   --reuse          keep an existing data set of that name and scale instead of generating it again
//   --keep           leave the generated data set (and the measuring copy) in place at the end
//   --generate-only  stop after generating; --measure-only: measure an existing data set
//   --batch <n>      rows per ledger COPY statement (one statement each; default 100000)
import { parseArgs } from 'node:util';
import { adminQuery, createDatabase, databaseExists, openServer, withDatabase } from './processes.mjs';
import { generate } from './generate.mjs';

const { values: opts } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    db: { type: 'string', default: 'exitpool_scale' },
    reuse: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'generate-only': { type: 'boolean', default: false },
    'measure-only': { type: 'boolean', default: false },
    batch: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '10' },
  },
});
const scale = Number(opts.scale);
if (!(scale > 0 && scale <= 10)) throw new Error('--scale must be a number in (0, 10]');
const marker = `exitpool bench:scale data set, scale ${scale}`;

const started = performance.now();
const timings = {};
const server = await openServer();
try {
  const dataSet = opts.db;
  const dataUrl = withDatabase(server.adminUrl, dataSet);
  const comment = async () =>
    (await databaseExists(server.adminUrl, dataSet))
      ? (
          await adminQuery(
            server.adminUrl,
            `SELECT shobj_description(oid, 'pg_database') AS c FROM pg_database WHERE datname = $1`,
            [dataSet],
          )
        )[0].c
      : null;
  const reusable = (opts.reuse || opts['measure-only']) && (await comment())?.startsWith(marker);
  if (opts['measure-only'] && !reusable)
    throw new Error(`no data set of scale ${scale} in ${dataSet}: generate it first`);
  if (!reusable) {
    console.log(
      `Generating the data set at scale ${scale} into ${dataSet}${server.embedded ? ' (embedded PostgreSQL)' : ''}`,
    );
    const t0 = performance.now();
    await createDatabase(server.adminUrl, dataSet);
    const result = await generate(dataUrl, { scale, batch: Number(opts.batch) });
    timings.generate = (performance.now() - t0) / 1000;
    await adminQuery(
      server.adminUrl,
      `COMMENT ON DATABASE "${dataSet}" IS '${marker}, ${new Date().toISOString()}, ${result.head}'`,
    );
    console.log(`Data set: ${JSON.stringify(result.counts)} (head ${result.head}) in ${timings.generate.toFixed(0)} s`);
    console.log(`Added: ${JSON.stringify(result.added)}; planned: ${JSON.stringify(result.planned)}`);
  } else {
    console.log(`Reusing ${dataSet}: ${await comment()}`);
  }
  if (!opts['generate-only']) {
    const { measureAll } = await import('./measure.mjs');
    const t0 = performance.now();
    await measureAll({ adminUrl: server.adminUrl, dataSet, seconds: Number(opts.seconds), keep: opts.keep });
    timings.measure = (performance.now() - t0) / 1000;
  }
  // a data set this run generated goes unless --keep (or --generate-only) asks to keep it; one reused stays
  if (!reusable && !opts.keep && !server.embedded && !opts['generate-only']) {
    await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS "${dataSet}" WITH (FORCE)`);
  }
} finally {
  await server.stop();
}
console.log(
  `bench:scale took ${((performance.now() - started) / 1000).toFixed(0)} s` +
    Object.entries(timings)
      .map(([k, v]) => `, ${k} ${v.toFixed(0)} s`)
      .join(''),
);
