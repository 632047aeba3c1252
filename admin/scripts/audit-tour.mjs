// The integrity of the audit trail on the audit page, in Chromium, in English and Danish,
// at 1366 and 390 px:
//
//   DATA_DIR=$(mktemp -d) PORT=3177 node dist/api/src/main.js &
//   DATA_DIR=<the same> node admin/scripts/audit-tour.mjs http://localhost:3177
//
// The administrator and a contact point open the audit log: the chain is whole, with the
// number of events and the checkpoint to copy; the checkpoint is pasted back and compared;
// a checkpoint with another hash shows where the chain no longer matches. With DATA_DIR (the
// embedded database of that start), the tour then acts as a DBA with every right: it
// connects as the cluster's superuser, changes one event's details with the triggers off,
// shows the broken link, and puts the event back. Screenshots go to OUT_DIR (default: a
// new folder in /tmp). Any failed step makes the exit code 1. LANGS=en or da narrows it.
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { screens, signedIn, launchChromium } from './tour-kit.mjs';

const base = (process.argv[2] ?? process.env.BASE_URL ?? 'http://localhost:3177').replace(/\/$/, '');
const outDir = process.env.OUT_DIR ?? (await mkdtemp(join(tmpdir(), 'exitpool-audit-')));
await mkdir(outDir, { recursive: true });
const password = process.env.DEMO_PASSWORD ?? 'demo-password-1';
const langs = (process.env.LANGS ?? 'en,da').split(',');
const dataDir = process.env.DATA_DIR;

const WIDE = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const T = {
  whole: /(The audit trail is whole|Revisionsloggen er intakt)/,
  broken: /(The audit trail is broken at event|Revisionsloggen er brudt ved hændelse)/,
  matches: /(passes through the checkpoint|går også gennem det kontrolpunkt)/,
  compareField: /(Compare with a checkpoint|Sammenlign med et kontrolpunkt)/,
  compare: /^(Compare|Sammenlign)$/,
  again: /^(Verify again|Kontrollér igen)$/,
  copy: /^(Copy the checkpoint|Kopiér kontrolpunktet)$/,
};

let failures = 0;
const browser = await launchChromium();

/** The page as it stands on a phone too, and its verification card alone (the tour's own shot is at 1366 px). */
async function phoneToo(page, shot, name) {
  await page.setViewportSize(PHONE);
  await shot(page, `${name}-390`);
  const card = `${outDir}/${page.tourPrefix}-${name}-390-card.png`;
  await page.getByTestId('audit-verification').screenshot({ path: card });
  console.log(`wrote ${card}`);
  await page.setViewportSize(WIDE);
}

/** The cluster's superuser on the application's database, from the files of DATA_DIR. */
async function superuser() {
  const appUrl = new URL((await readFile(join(dataDir, 'postgres.url'), 'utf8')).trim());
  appUrl.username = 'postgres';
  appUrl.password = encodeURIComponent((await readFile(join(dataDir, 'postgres.secret'), 'utf8')).trim());
  const client = new pg.Client({ connectionString: appUrl.toString() });
  await client.connect();
  return client;
}

try {
  for (const lang of langs) {
    for (const who of ['admin', 'ncp']) {
      const { shot, screen } = screens({ outDir, prefix: `audit-${lang}-${who}` });
      const { context, page } = await signedIn({ browser, base, password, who, lang, tag: 'audit' });
      page.tourPrefix = `audit-${lang}-${who}`;
      const ok = async (name, steps) => (await screen(page, name, steps)) || failures++;
      let checkpoint = '';
      await ok('whole', async () => {
        await page.goto(`${base}/#/audit-events`);
        await page.getByText(T.whole).waitFor({ timeout: 15_000 });
        checkpoint = (await page.getByTestId('audit-head').textContent()).trim();
        if (!/^\d+:[0-9a-f]{64}$/.test(checkpoint)) throw new Error(`checkpoint shown as ${checkpoint}`);
        await phoneToo(page, shot, 'whole');
      });
      if (who !== 'admin') {
        await context.close();
        continue;
      }
      await ok('copied', async () => {
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
        await page.getByRole('button', { name: T.copy }).click();
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        if (copied !== checkpoint) throw new Error(`copied ${copied}, not ${checkpoint}`);
      });
      await ok('checkpoint-matches', async () => {
        await page.getByLabel(T.compareField).fill(checkpoint);
        await page.getByRole('button', { name: T.compare }).click();
        await page.getByText(T.matches).waitFor({ timeout: 15_000 });
        await phoneToo(page, shot, 'checkpoint-matches');
      });
      await ok('checkpoint-differs', async () => {
        const [seq, hash] = checkpoint.split(':');
        const other = [...hash].reverse().join('');
        await page.getByLabel(T.compareField).fill(`${seq}:${other}`);
        await page.getByRole('button', { name: T.compare }).click();
        await page.getByText(T.broken).waitFor({ timeout: 15_000 });
        await phoneToo(page, shot, 'checkpoint-differs');
      });
      if (dataDir) {
        await ok('changed-by-a-dba', async () => {
          await page.getByLabel(T.compareField).fill('');
          await page.getByRole('button', { name: T.compare }).click();
          await page.getByText(T.whole).waitFor({ timeout: 15_000 });
          const db = await superuser();
          try {
            const [{ seq, details }] = (
              await db.query(`SELECT seq::int AS seq, details FROM audit_events ORDER BY seq LIMIT 1 OFFSET 5`)
            ).rows;
            await db.query(`SET session_replication_role = replica`);
            await db.query(`UPDATE audit_events SET details = details || '{"edited":true}' WHERE seq = $1`, [seq]);
            try {
              await page.getByRole('button', { name: T.again }).click();
              await page.getByText(T.broken).waitFor({ timeout: 15_000 });
              await phoneToo(page, shot, 'changed-by-a-dba');
              // the step's own shot comes after the event is put back
              await shot(page, 'changed-by-a-dba-1366');
            } finally {
              await db.query(`UPDATE audit_events SET details = $2 WHERE seq = $1`, [seq, details]);
            }
          } finally {
            await db.end();
          }
          await page.getByRole('button', { name: T.again }).click();
          await page.getByText(T.whole).waitFor({ timeout: 15_000 });
        });
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
}
console.log(`screenshots in ${outDir}${failures ? `; ${failures} step(s) failed` : ''}`);
process.exit(failures ? 1 : 0);
