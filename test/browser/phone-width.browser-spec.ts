import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../api/src/database/data-source.js';
import { freePort } from '../../api/src/database/embedded-postgres.js';
import { run, type Run, started } from '../support/built-process.js';
import { asAppRole, createTestDatabase } from '../support/database.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * Every role's main pages in Chromium at a phone's width and a desktop's, in both languages:
 * admin/scripts/phone-width.mjs against the built application with the demo data. The script
 * fails on a page wider than its viewport, on something cut off at its right edge, and on the
 * language switch, the user menu, the menu or finance's "Record payment" off a phone's screen.
 */
describe('Every role’s pages in Chromium at 390 and 1366 px', () => {
  let app: Run;
  let base: string;
  let drop: () => Promise<void>;
  let outDir: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does)`);
    if (!existsSync('admin/dist/index.html')) throw new Error('Build first: npm run build (npm test does)');
    const database = await createTestDatabase(migrate);
    drop = database.drop;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = run({ DATABASE_URL: asAppRole(database.url), DEMO: 'true', PORT: String(port) });
    await started('the demo application', app);
    outDir = await mkdtemp(join(tmpdir(), 'exitpool-phone-width-'));
  }, 180_000);
  afterAll(async () => {
    app?.child.kill('SIGTERM');
    await app?.exited;
    await drop?.();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('fits each page in its viewport, with the controls a phone needs on the screen', async () => {
    const child = spawn(process.execPath, ['admin/scripts/phone-width.mjs', base], {
      env: { ...process.env, OUT_DIR: outDir, CHROMIUM },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    // the failing pages with what sticks out, as the script prints them
    expect(output.split('\n').filter((line) => /^(FAIL| {2})/.test(line))).toEqual([]);
    expect(code).toBe(0);
    // every role's pages were seen, at both widths and in both languages
    const shots = await readdir(outDir);
    for (const prefix of ['390-en-', '390-da-', '1366-en-', '1366-da-']) {
      for (const role of ['kbh', 'ncp', 'finance', 'admin']) {
        expect(shots.filter((s) => s.startsWith(`${prefix}${role}-`)).length).toBeGreaterThanOrEqual(8);
      }
    }
    expect(output).toMatch(/^(\d+) of \1 pages fit/m);
  }, 900_000);
});
