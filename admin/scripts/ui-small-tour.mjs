// The audit log as a person reads it, the case picker, payments due and empty charts, in Chromium,
// in English and Danish, at 1366 and 390 px:
//
//   DATA_DIR=$(mktemp -d) PORT=3391 node dist/api/src/main.js &
//   node admin/scripts/ui-small-tour.mjs http://localhost:3391
//
// Screenshots go to OUT_DIR (default: a new folder in /tmp). A failed step, or a page wider than
// its viewport, makes the exit code 1. LANGS=en or da narrows it.
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient, go, screens, signedIn, launchChromium } from './tour-kit.mjs';

const base = (process.argv[2] ?? process.env.BASE_URL ?? 'http://localhost:3391').replace(/\/$/, '');
const outDir = process.env.OUT_DIR ?? (await mkdtemp(join(tmpdir(), 'exitpool-ui-small-')));
await mkdir(outDir, { recursive: true });
const password = process.env.DEMO_PASSWORD ?? 'demo-password-1';
const langs = (process.env.LANGS ?? 'en,da').split(',');
const WIDE = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const NEW_UNIT_WORKER = 'nyenhed@demo.test';

let failures = 0;
const { api, call } = apiClient(base, password);

// A unit without any money yet, and its worker: its dashboard's charts have nothing to draw.
const units = await api('admin', `units?filter=${encodeURIComponent(JSON.stringify({ code: 'NYE' }))}`);
const unit =
  units[0] ??
  (await api('admin', 'units', { method: 'POST', body: JSON.stringify({ code: 'NYE', name: 'Ny enhed' }) }));
const created = await call('admin', 'users', {
  method: 'POST',
  body: JSON.stringify({
    email: NEW_UNIT_WORKER,
    displayName: 'Nina Nyenhed',
    role: 'unit_worker',
    unitId: unit.id,
    password,
  }),
});
if (created.status !== 201 && created.status !== 409)
  throw new Error(`user: ${created.status} ${JSON.stringify(created.body)}`);
// a case with applications written this year: its events and its applications' events
const [created1] = await api(
  'admin',
  `audit-events?filter=${encodeURIComponent(JSON.stringify({ action: 'application.create' }))}`,
);
const caseReference = created1.entityReference.replace(/-A\d+$/, '');

const browser = await launchChromium();

/** Fails the tour when the page scrolls sideways at this viewport. */
async function fits(page, name) {
  const scroll = await page.evaluate('document.documentElement.scrollWidth');
  const view = await page.evaluate('window.innerWidth');
  if (scroll > view) {
    failures++;
    console.log(`[${name}] ${scroll} px wide at a ${view} px viewport`);
  }
}

/** The page at 1366 px, then at 390 px, both shot and measured. */
async function both(page, shot, name) {
  await fits(page, name);
  await shot(page, name);
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(400);
  await fits(page, `${name}-390`);
  await shot(page, `${name}-390`);
  await page.setViewportSize(WIDE);
}

for (const lang of langs) {
  const as = async (who, tour) => {
    const { context, page } = await signedIn({ browser, base, password, who, lang, tag: 'ui-small' });
    const { screen, shot } = screens({ outDir, prefix: `${lang}-${who.split('@')[0]}` });
    try {
      await tour(page, screen, shot);
    } finally {
      await context.close();
    }
  };
  const step = async (ok) => {
    if (!(await ok)) failures++;
  };

  await as('admin', async (page, screen, shot) => {
    await step(
      screen(page, 'audit', async () => {
        await go(page, base, '/audit-events');
        await page.getByTestId('audit-record').first().waitFor();
      }),
    );
    await both(page, shot, 'audit-both');
    await step(
      screen(page, 'audit-by-record', async () => {
        const filter = encodeURIComponent(JSON.stringify({ record: caseReference }));
        await go(page, base, `/audit-events?filter=${filter}`);
        await page.getByTestId('audit-record').first().waitFor();
      }),
    );
    await both(page, shot, 'audit-by-record-both');
  });

  await as('ncp', async (page, screen, shot) => {
    await step(
      screen(page, 'audit-filtered', async () => {
        const today = new Date().toISOString().slice(0, 10);
        const filter = encodeURIComponent(
          JSON.stringify({
            action: 'application.approve',
            at_gte: new Date(`${today.slice(0, 4)}-01-01T00:00:00`).toISOString(),
          }),
        );
        await go(page, base, `/audit-events?filter=${filter}`);
        await page.getByTestId('audit-action').first().waitFor();
      }),
    );
    await both(page, shot, 'audit-filtered-both');
  });

  await as('kbh', async (page, screen) => {
    await step(
      screen(page, 'case-picker', async () => {
        await go(page, base, '/applications/create');
        await page.getByRole('combobox', { name: /^(Case|Sag)/ }).click();
        await page.getByTestId('case-option').first().waitFor();
      }),
    );
    await step(
      screen(page, 'case-picker-closed-too', async () => {
        await page.keyboard.press('Escape');
        await page.getByLabel(/Show closed cases|Vis afsluttede sager/).check();
        await page.getByRole('combobox', { name: /^(Case|Sag)/ }).click();
        await page.getByTestId('case-option').first().waitFor();
      }),
    );
    await page.setViewportSize(PHONE);
    await step(
      screen(page, 'case-picker-390', async () => {
        // loaded afresh at 390 px, as on a phone (the menu left open at 1366 px would cover the page)
        await page.reload();
        await page.getByRole('combobox', { name: /^(Case|Sag)/ }).waitFor();
        await page.getByRole('combobox', { name: /^(Case|Sag)/ }).click();
        await page.getByTestId('case-option').first().waitFor();
      }),
    );
    await fits(page, 'case-picker-390');
  });

  await as('finance', async (page, screen, shot) => {
    await step(
      screen(page, 'payments-due', async () => {
        await go(page, base, '/payments-due');
        await page.getByTestId('payments-due-total').waitFor();
      }),
    );
    await both(page, shot, 'payments-due-both');
    await step(
      screen(page, 'payments-due-kbh', async () => {
        const filter = encodeURIComponent(
          JSON.stringify({ unitId: (await api('kbh', 'auth/me').catch(() => null))?.unitId ?? undefined }),
        );
        await go(page, base, `/payments-due?filter=${filter}`);
        await page.getByTestId('payments-due-total').waitFor();
      }),
    );
  });

  await as(NEW_UNIT_WORKER, async (page, screen, shot) => {
    await step(
      screen(page, 'dashboard-empty', async () => {
        await go(page, base, '/');
        await page.getByTestId('chart-empty').first().waitFor();
      }),
    );
    await both(page, shot, 'dashboard-empty-both');
  });
}

await browser.close();
console.log(`screenshots in ${outDir}; ${failures} failure(s)`);
process.exit(failures ? 1 : 0);
