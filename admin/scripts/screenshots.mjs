// Screenshots of the admin UI for a quick visual check (PNGs go to /tmp, never into git).
//
//   npx vite build --config admin/vite.config.ts
//   npx vite preview --config admin/vite.config.ts --port 4173 &   # proxies /api to :3000
//   node admin/scripts/screenshots.mjs [baseUrl]                    # default http://localhost:4173
//
// Signs in as the demo admin when the API answers /api/health, then tours every
// role's screens (cases, guidelines, applications, review queue, workflow dialogs)
// in English and Danish, the Documents card end to end (documents), the pool's
// money screens (money: budget years, payments, payments due, the payment dialogs),
// then takes a new application through the workflow (submit, review, question,
// answer, approval) in each language, and the dashboards and the Reports page with
// their downloads (reports). SECTIONS=basics,roles,documents,money,workflow or
// reports runs some parts only (money and workflow add to the demo data);
// ROLES=kbh,ncp and LANGS=da narrow the tours.
import { launchChromium } from './tour-kit.mjs';

const base = (process.argv[2] ?? process.env.BASE_URL ?? 'http://localhost:4173').replace(/\/$/, '');
const outDir = process.env.OUT_DIR ?? '/tmp/exitpool-screenshots';
const email = process.env.DEMO_EMAIL ?? 'admin@demo.test';
const password = process.env.DEMO_PASSWORD ?? 'demo-password-1';

const { mkdir } = await import('node:fs/promises');
await mkdir(outDir, { recursive: true });

const apiUp = await fetch(`${base}/api/health`).then(
  (r) => r.ok,
  () => false,
);

const browser = await launchChromium();
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
  await page
    .getByRole('button', { name: /^(English|Dansk)$/ })
    .first()
    .click();
  await page.getByRole('menuitem', { name }).click();
  await page.waitForTimeout(300);
};

await page.goto(`${base}/#/login`);
await page.getByLabel(/Email|E-mail/).waitFor();
await shot('login-en');
await chooseLanguage('Dansk');
await shot('login-da');

const sections = (process.env.SECTIONS ?? 'basics,roles,documents,money,workflow,reports').split(',');

if (!apiUp) {
  console.log(`The API does not answer at ${base}/api/health: only the login page was taken.`);
} else if (sections.includes('basics')) {
  // A wrong password first: the API's refusal must be readable.
  await page.getByLabel(/E-mail/).fill(email);
  await page.getByLabel(/Adgangskode/).fill('not-the-password');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page
    .getByRole('alert')
    .first()
    .waitFor()
    .catch(() => undefined);
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

  // The API's field errors (400 with `errors`) must show beside the inputs. The
  // UI checks the same rules first, so the API's answer is faked here.
  const fieldError = JSON.stringify({
    statusCode: 400,
    error: 'Bad Request',
    message: ['name: name is already in use'],
    errors: { name: 'name is already in use' },
  });
  const refuse = (method) => (route) =>
    route.request().method() === method
      ? route.fulfill({ status: 400, contentType: 'application/json', body: fieldError })
      : route.fallback();
  await page.route('**/api/units', refuse('POST'));
  await page.goto(`${base}/#/units/create`);
  await page.getByLabel(/^Code/).fill('TST');
  await page.getByLabel(/^Name/).fill('Test unit');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('name is already in use').waitFor();
  await shot('unit-create-server-error-en');
  await page.unroute('**/api/units');

  await page.route('**/api/units/*', refuse('PUT'));
  await page.goto(`${base}/#/units`);
  await page.getByText('BOR', { exact: true }).click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel(/^Name/).fill('Bornholms Politi (test)');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('name is already in use').waitFor();
  await shot('unit-edit-server-error-en');
  await page.unroute('**/api/units/*');

  const logout = async () => {
    await page.getByRole('button', { name: /^Profil(e)?$/ }).click();
    await page.getByRole('menuitem', { name: /Logout|Log ud/ }).click();
    await page.getByLabel(/Email|E-mail/).waitFor();
  };
  const login = async (who) => {
    await page.getByLabel(/Email|E-mail/).fill(who);
    await page.getByLabel(/Password|Adgangskode/).fill(password);
    await page.getByRole('button', { name: /Sign in|Log ind/ }).click();
    await page.waitForURL((url) => !url.hash.startsWith('#/login'));
  };

  // A token revoked behind the UI's back: the next request answers 401 and the UI signs out.
  await page.goto(`${base}/#/`);
  await page.reload(); // drop the notifications of the tests above
  await page.getByText(/Welcome/).waitFor();
  await page.evaluate(() =>
    fetch('/api/auth/logout', {
      method: 'POST',
      headers: { Authorization: `Bearer ${sessionStorage.getItem('exitpool.token')}` },
    }),
  );
  await page.goto(`${base}/#/categories`);
  await page.getByLabel(/Email|E-mail/).waitFor();
  await shot('login-after-401-en');
  await login(email);

  // The language choice survives signing out and reloading.
  await chooseLanguage('Dansk');
  await logout();
  await page.reload();
  await page.getByRole('button', { name: 'Log ind' }).waitFor();
  await shot('login-after-logout-da');
  await chooseLanguage('English');

  await login('ncp@demo.test');
  await page.goto(`${base}/#/audit-events`);
  await page.getByText('auth.login').first().waitFor();
  await shot('audit-events-contact-point-en');
  await logout();

  await login('kbh@demo.test');
  await page.getByText(/Welcome/).waitFor();
  await shot('dashboard-unit-worker-en');
  await page.goto(`${base}/#/users`);
  await page.waitForTimeout(500);
  await shot('users-unit-worker-en');
  await page.goto(`${base}/#/units`);
  await page.getByText('KBH').first().waitFor();
  await shot('units-unit-worker-en');
}

// The tours, each a section of its own, in this order. SECTIONS=retention shows purged records
// (RETENTION_MONTHS=0 npm run purge on the demo first).
const TOURS = [
  ['roles', './role-tour.mjs', 'roleTour'],
  ['documents', './documents-tour.mjs', 'documentsTour'],
  ['money', './money-tour.mjs', 'moneyTour'],
  ['workflow', './workflow-tour.mjs', 'workflowTour'],
  ['reports', './reports-tour.mjs', 'reportsTour'],
  ['retention', './retention-tour.mjs', 'retentionTour'],
];
for (const [section, module, tour] of TOURS) {
  if (apiUp && sections.includes(section)) {
    const tours = await import(module);
    await tours[tour]({ browser, base, outDir, password });
  }
}

await browser.close();
