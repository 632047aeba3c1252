// `node scripts/bench-at-rest.mjs [app directory]`: the cost of encryption at rest
// (issue 9), measured the same way before and after. Starts the app directory's
// built application on a throw-away embedded PostgreSQL with the demo data and
// times (a) the contact point's review-queue list, exactly as the admin UI asks
// for it, and (b) the download of a ~10 MB PDF, with the server's peak RSS.
// Prints a table, then one JSON line.
import { execFileSync, spawn } from 'node:child_process';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PDFDocument, PDFName } from 'pdf-lib';

const USAGE = `usage: node scripts/bench-at-rest.mjs [app directory] [options]

  app directory     a checkout with a build (npm run build); default: the current directory
  --sequential N    timed sequential review-queue requests (default 300)
  --warmup N        untimed review-queue requests first (default 30)
  --seconds S       length of the concurrent review-queue phase (default 20)
  --concurrency C   requests in flight in that phase (default 8)
  --downloads N     timed downloads of the 10 MB PDF (default 30)`;

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    sequential: { type: 'string', default: '300' },
    warmup: { type: 'string', default: '30' },
    seconds: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '8' },
    downloads: { type: 'string', default: '30' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help || positionals.length > 1) {
  console.log(USAGE);
  process.exit(opts.help ? 0 : 64);
}
const count = (name) => {
  const n = Number(opts[name]);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a whole number above 0, not ${opts[name]}`);
    process.exit(64);
  }
  return n;
};
const SEQUENTIAL = count('sequential');
const WARMUP = count('warmup');
const SECONDS = count('seconds');
const CONCURRENCY = count('concurrency');
const DOWNLOADS = count('downloads');

const appDir = resolve(positionals[0] ?? '.');
const mainJs = join(appDir, 'dist/api/src/main.js');
if (!existsSync(mainJs)) {
  console.error(`${mainJs} does not exist: run npm run build in ${appDir} first`);
  process.exit(66);
}

const MiB = 1024 * 1024;
/** Below the API's limit of 10 MiB (10 485 760 bytes), with room for the PDF's own structure. */
const PDF_TARGET_BYTES = 10_000_000;
// The admin UI's review queue (admin/src/applications/ReviewQueue.tsx): the applications
// resource, QUEUE_STATUSES (= OPEN_STATUSES of libs/workflow) as the permanent filter, the
// virtual `queue` sort, 50 a page. ra-data-simple-rest writes the query keys in
// alphabetical order and sends a Range header beside them.
const QUEUE_STATUSES = ['submitted', 'in_review', 'info_requested', 'awaiting_second_approval'];
const QUEUE_PATH =
  '/api/applications?' +
  new URLSearchParams([
    ['filter', JSON.stringify({ status: QUEUE_STATUSES })],
    ['range', JSON.stringify([0, 49])],
    ['sort', JSON.stringify(['queue', 'ASC'])],
  ]).toString();
const QUEUE_HEADERS = { Accept: 'application/json', Range: 'applications=0-49' };
/** Statuses in which a unit worker may attach a quote (api/src/attachments/attachments.service.ts). */
const UPLOAD_STATUSES = ['draft', 'info_requested', 'submitted', 'in_review'];

const git = (...args) => {
  try {
    return execFileSync('git', ['-C', appDir, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
};
const commit = git('rev-parse', 'HEAD') ?? 'unknown';
// uncommitted changes to tracked files: the figures are of the work tree, not of the commit alone
const dirty = (git('status', '--porcelain', '--untracked-files=no') ?? '') !== '';

const port = await new Promise((done, fail) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => done(port));
  });
  s.on('error', fail);
});
const dataDir = mkdtempSync(join(tmpdir(), 'exitpool-bench-at-rest-'));
const base = `http://127.0.0.1:${port}`;
const { DATABASE_URL: _, ...env } = process.env;
// The build after issue 9 may refuse to start without a key ring, or make a key file of its
// own in demo mode; a throw-away key works with both, and a build before ignores it.
const keyFromScript = !env.ENCRYPTION_KEYS;
if (keyFromScript) env.ENCRYPTION_KEYS = `bench:${randomBytes(32).toString('base64')}`;

const app = spawn(process.execPath, ['dist/api/src/main.js'], {
  cwd: appDir,
  env: { ...env, PORT: String(port), DATA_DIR: dataDir, DEMO: 'true', LOG_LEVEL: 'warn' },
  // the app's own output goes to stderr, so that stdout holds only the table and the JSON line
  stdio: ['ignore', 2, 2],
});
let exited = null;
const exit = new Promise((done) =>
  app.on('exit', (code, signal) => {
    exited = { code, signal };
    done();
  }),
);
let stopping;
const stop = () => {
  stopping ??= (async () => {
    if (!exited) {
      app.kill('SIGTERM');
      const killed = setTimeout(() => app.kill('SIGKILL'), 30_000);
      await exit;
      clearTimeout(killed);
    }
    rmSync(dataDir, { recursive: true, force: true });
  })();
  return stopping;
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => stop().then(() => process.exit(130)));
}

async function waitForHealth() {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the application exited during start (code ${exited.code}, signal ${exited.signal})`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the application did not answer /api/health within 180 s');
}

async function expectOk(res, what) {
  if (res.ok) return res;
  const body = await res.text().catch(() => '');
  throw new Error(`${what}: HTTP ${res.status} ${body.slice(0, 300)}`);
}

async function signIn(email) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password-1' }),
  });
  const { accessToken } = await (await expectOk(res, `sign-in of ${email}`)).json();
  return { Authorization: `Bearer ${accessToken}` };
}

const round = (ms) => Math.round(ms * 10) / 10;
/** Nearest-rank percentile of sorted values. */
const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    mean: round(sorted.reduce((s, t) => s + t, 0) / sorted.length),
  };
}

/** One review-queue request, body read in full; answers its time in ms. */
async function queueRequest(auth) {
  const t0 = performance.now();
  const res = await fetch(base + QUEUE_PATH, { headers: { ...QUEUE_HEADERS, ...auth } });
  await expectOk(res, 'review queue');
  await res.arrayBuffer();
  return performance.now() - t0;
}

/**
 * A valid PDF of one page showing a noise image: 8-bit RGB samples stored unfiltered, so the
 * file is as large as its pixels and cannot be compressed. The noise is an AES-CTR keystream
 * under a fixed key, so every run (before and after) uploads the very same bytes. No actions,
 * scripts, forms or embedded files.
 */
async function noisePdf() {
  const width = 2000;
  const height = Math.floor((PDF_TARGET_BYTES - 4096) / (width * 3));
  const stream = createCipheriv('aes-128-ctr', Buffer.alloc(16, 7), Buffer.alloc(16, 0));
  const samples = Buffer.concat([stream.update(Buffer.alloc(width * height * 3)), stream.final()]);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([595, 842]);
  const image = doc.context.register(
    doc.context.stream(samples, {
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      ColorSpace: 'DeviceRGB',
      BitsPerComponent: 8,
    }),
  );
  const name = page.node.newXObject('Noise', image);
  const drawn = (595 - 40) * (height / width);
  const content = doc.context.register(
    doc.context.stream(`q ${595 - 40} 0 0 ${drawn.toFixed(2)} 20 ${(842 - 20 - drawn).toFixed(2)} cm ${name} Do Q`),
  );
  page.node.set(PDFName.of('Contents'), content);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** An application of the worker's unit that takes a quote: the first by reference in the demo data, or a new draft. */
async function uploadTarget(worker) {
  const filter = JSON.stringify({ status: UPLOAD_STATUSES });
  const res = await fetch(
    `${base}/api/applications?filter=${encodeURIComponent(filter)}&range=[0,49]&sort=["reference","ASC"]`,
    { headers: worker },
  );
  const found = await (await expectOk(res, 'applications of the unit worker')).json();
  if (found.length > 0) return { id: found[0].id, reference: found[0].reference, status: found[0].status };

  const kase = await fetch(`${base}/api/cases`, {
    method: 'POST',
    headers: { ...worker, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      status: 'active',
      birthYear: 1990,
      consentRecordedOn: '2026-01-02',
      agreementSignedOn: '2026-01-03',
      programmeStart: '2026-01-05',
    }),
  });
  const { id: caseId } = await (await expectOk(kase, 'a new case')).json();
  const categories = await (
    await expectOk(await fetch(`${base}/api/categories`, { headers: worker }), 'categories')
  ).json();
  const created = await fetch(`${base}/api/applications`, {
    method: 'POST',
    headers: { ...worker, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      caseId,
      categoryCode: categories[0].code,
      amountRequested: 100000,
      justification: 'Benchmark draft',
      ordinaryFundingConsidered: true,
      lines: [{ description: 'Benchmark', quantity: 1, unitAmount: 100000 }],
    }),
  });
  const application = await (await expectOk(created, 'a new draft application')).json();
  return { id: application.id, reference: application.reference, status: application.status };
}

const status = (pid) => readFileSync(`/proc/${pid}/status`, 'utf8');
const kib = (text, field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
/** Resets the process's VmHWM to its current RSS (Linux 4.0+, own processes); false where not allowed. */
function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

let result;
try {
  await waitForHealth();
  const cp = await signIn('ncp@demo.test');

  // (a) the review queue
  const first = await expectOk(
    await fetch(base + QUEUE_PATH, { headers: { ...QUEUE_HEADERS, ...cp } }),
    'review queue',
  );
  const queueTotal = first.headers.get('content-range');
  const firstBody = Buffer.from(await first.arrayBuffer());
  const queueRows = JSON.parse(firstBody.toString('utf8')).length;
  const queueBytes = firstBody.length;
  for (let i = 0; i < WARMUP; i++) await queueRequest(cp);
  const sequential = [];
  for (let i = 0; i < SEQUENTIAL; i++) sequential.push(await queueRequest(cp));

  const loaded = [];
  const loadStart = performance.now();
  const deadline = loadStart + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) loaded.push(await queueRequest(cp));
    }),
  );
  const loadSeconds = (performance.now() - loadStart) / 1000;

  // (b) a 10 MB download
  const worker = await signIn('kbh@demo.test');
  const target = await uploadTarget(worker);
  const pdf = await noisePdf();
  if (pdf.length >= 10 * MiB) throw new Error(`the PDF is ${pdf.length} bytes, not below 10 MiB`);
  const pdfSha256 = createHash('sha256').update(pdf).digest('hex');
  const form = new FormData();
  form.append('applicationId', target.id);
  form.append('kind', 'quote');
  form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'bench-quote.pdf');
  const uploadStart = performance.now();
  const uploaded = await expectOk(
    await fetch(`${base}/api/attachments`, { method: 'POST', headers: worker, body: form }),
    'upload of the 10 MB PDF',
  );
  const uploadMs = performance.now() - uploadStart;
  const attachment = await uploaded.json();
  const contentUrl = `${base}/api/attachments/${attachment.id}/content`;

  // checks that the bytes come back unchanged, and warms the path up
  for (let i = 0; i < 2; i++) {
    const got = Buffer.from(
      await (await expectOk(await fetch(contentUrl, { headers: worker }), 'download')).arrayBuffer(),
    );
    if (!got.equals(pdf))
      throw new Error(`the download differs from the upload (${got.length} of ${pdf.length} bytes)`);
  }

  const rssBefore = kib(status(app.pid), 'VmRSS');
  const peakReset = resetPeak(app.pid);
  let rssSampled = rssBefore;
  const sampler = setInterval(() => {
    try {
      rssSampled = Math.max(rssSampled, kib(status(app.pid), 'VmRSS'));
    } catch {
      /* the process is gone; the download will fail and say so */
    }
  }, 5);
  const downloads = [];
  try {
    for (let i = 0; i < DOWNLOADS; i++) {
      const t0 = performance.now();
      const res = await expectOk(await fetch(contentUrl, { headers: worker }), 'download');
      const size = (await res.arrayBuffer()).byteLength;
      downloads.push(performance.now() - t0);
      if (size !== pdf.length) throw new Error(`a download was ${size} bytes, not ${pdf.length}`);
    }
  } finally {
    clearInterval(sampler);
  }
  const after = status(app.pid);
  const hwm = kib(after, 'VmHWM');
  const downloadSummary = summary(downloads);

  result = {
    bench: 'at-rest',
    at: new Date().toISOString(),
    appDir,
    commit,
    dirty,
    node: process.version,
    nproc: cpus().length,
    keyFromScript,
    queue: {
      request: `GET ${QUEUE_PATH}`,
      rows: queueRows,
      contentRange: queueTotal,
      bytes: queueBytes,
      sequential: { warmup: WARMUP, ...summary(sequential) },
      concurrent: {
        concurrency: CONCURRENCY,
        seconds: round(loadSeconds),
        requests: loaded.length,
        rps: round(loaded.length / loadSeconds),
        ...summary(loaded),
      },
    },
    download: {
      application: target,
      bytes: pdf.length,
      sha256: pdfSha256,
      uploadMs: round(uploadMs),
      ...downloadSummary,
      mbPerSecond: round(pdf.length / 1e6 / (downloadSummary.p50 / 1000)),
      rssBeforeMiB: round(rssBefore / 1024),
      rssPeakSampledMiB: round(rssSampled / 1024),
      // with the reset, VmHWM is the peak of the downloads alone; without it, of the whole run
      peakRssMiB: round(Math.max(hwm, rssSampled) / 1024),
      peakFromHwm: peakReset,
    },
  };
} catch (error) {
  console.error(`bench-at-rest: ${error.message}`);
  process.exitCode = 1;
} finally {
  await stop();
}

if (result) {
  const { queue: q, download: d } = result;
  const row = (what, n, p50, p95, mean, extra) =>
    `${what.padEnd(40)} ${String(n).padStart(5)} ${p50.toFixed(1).padStart(9)} ${p95.toFixed(1).padStart(9)} ` +
    `${mean.toFixed(1).padStart(9)}  ${extra}`;
  console.log(
    `Exit Pool, cost of encryption at rest: ${appDir} @ ${commit.slice(0, 12)}${dirty ? ' (with uncommitted changes)' : ''}, ` +
      `${result.nproc} CPUs, Node ${result.node}`,
  );
  console.log(
    `${'measure'.padEnd(40)} ${'n'.padStart(5)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'mean ms'.padStart(9)}`,
  );
  console.log(
    row(
      'review queue, sequential',
      q.sequential.n,
      q.sequential.p50,
      q.sequential.p95,
      q.sequential.mean,
      `${q.rows} rows (${q.contentRange}), ${q.bytes} bytes`,
    ),
  );
  console.log(
    row(
      `review queue, ${q.concurrent.concurrency} in flight for ${q.concurrent.seconds} s`,
      q.concurrent.n,
      q.concurrent.p50,
      q.concurrent.p95,
      q.concurrent.mean,
      `${q.concurrent.rps} requests/s`,
    ),
  );
  console.log(
    row(
      `download of ${(d.bytes / 1e6).toFixed(2)} MB PDF`,
      d.n,
      d.p50,
      d.p95,
      d.mean,
      `${d.mbPerSecond} MB/s at p50; server RSS ${d.rssBeforeMiB} MiB before, peak ${d.peakRssMiB} MiB`,
    ),
  );
  console.log(
    `upload of the same PDF (once): ${d.uploadMs} ms, to ${d.application.reference} (${d.application.status})`,
  );
  console.log(JSON.stringify(result));
}
