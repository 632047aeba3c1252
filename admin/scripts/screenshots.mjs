// Screenshots of the admin UI for a quick visual check (PNGs go to /tmp, never into git).
//
//   npx vite build --config admin/vite.config.ts
//   npx vite preview --config admin/vite.config.ts --port 4173 &   # proxies /api to :3000
//   node admin/scripts/screenshots.mjs [baseUrl]                    # default http://localhost:4173
//
// Signs in as the demo admin when the API answers /api/health.
import { chromium } from 'playwright-core';

const base = (process.argv[2] ?? process.env.BASE_URL ?? 'http://localhost:4173').replace(/\/$/, '');
const outDir = process.env.OUT_DIR ?? '/tmp/exitpool-screenshots';
const email = process.env.DEMO_EMAIL ?? 'admin@demo.test';
const password = process.env.DEMO_PASSWORD ?? 'demo-password-1';

const { mkdir } = await import('node:fs/promises');
await mkdir(outDir, { recursive: true });

const apiUp = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
const page = await context.newPage();
page.on('console', (msg) => {
  if (msg.type() === 'error' || msg.type() === 'warning') console.log(`[browser ${msg.type()}] ${msg.text()}`);
});
page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));

const shot = async (name) => {
  await page.waitForTimeout(400); // let notifications and transitions settle
  const path = `${outDir}/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  console.log(`wrote ${path}`);
};

const chooseLanguage = async (name) => {
  await page.getByRole('button', { name: /^(English|Dansk)$/ }).first().click();
  await page.getByRole('menuitem', { name }).click();
  await page.waitForTimeout(300);
};

await page.goto(`${base}/#/login`);
await page.getByLabel(/Email|E-mail/).waitFor();
await shot('login-en');
await chooseLanguage('Dansk');
await shot('login-da');

if (!apiUp) {
  console.log(`The API does not answer at ${base}/api/health: only the login page was taken.`);
} else {
  // A wrong password first: the API's refusal must be readable.
  await page.getByLabel(/E-mail/).fill(email);
  await page.getByLabel(/Adgangskode/).fill('not-the-password');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('alert').first().waitFor().catch(() => undefined);
  await shot('login-da-refused');

  await page.getByLabel(/Adgangskode/).fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL((url) => !url.hash.startsWith('#/login'));
  await page.getByText(/Velkommen/).waitFor();
  await shot('dashboard-da');

  await page.goto(`${base}/#/units`);
  await page.getByText('KBH').first().waitFor();
  await shot('units-da');

  await chooseLanguage('English');
  await page.getByText('Exit units').first().waitFor();
  await shot('units-en');

  await page.goto(`${base}/#/users`);
  await page.getByText('admin@demo.test').waitFor();
  await shot('users-en');

  await page.goto(`${base}/#/users/create`);
  await page.getByLabel(/^Role/).click();
  await page.getByRole('option', { name: 'Unit worker' }).click();
  await page.getByLabel(/^Exit unit/).waitFor();
  await shot('user-create-unit-worker-en');

  await page.goto(`${base}/#/audit-events`);
  await page.getByText('auth.login').first().waitFor();
  await shot('audit-events-en');
}

await browser.close();
