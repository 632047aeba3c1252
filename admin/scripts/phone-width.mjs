// Every role's main pages at a phone's width (390 px) and a desktop's (1366 px), in English and
// Danish (LANGS=en,da,fi adds Finnish): a screenshot of each, and a failure when a page is wider than its viewport.
// On the Finnish demo (INSTALLATION=fi) the unit worker "kbh" is Helsinki's, hel@demo.test.
//
//   npm run build && npm start &                       # or any running Exit Pool with the demo data
//   node admin/scripts/phone-width.mjs [baseUrl]       # default http://localhost:3000
//
// A page is too wide when the document scrolls sideways, or when something visible reaches past
// the viewport's right edge without a scrolling box of its own around it (cut off, so unreachable).
// At 390 px the language switch, the notifications bell, the user menu (sign-out) and the menu must be on the screen, and
// on a grant with money to pay finance's "Record payment" too. The exit code is the number of
// pages that fail (0: all fit). CONCURRENCY (default 4) tours of an account in a language at a
// width run at once. WIDTHS=390 and LANGS=da narrow the run, as do ROLES=kbh,ncp and ONLY=<regex
// on the screenshot's name, e.g. 390-en-ncp-review>; OUT_DIR names where the PNGs go (default
// /tmp/exitpool-phone-width; never into git). test/browser/phone-width.browser-spec.ts runs this
// script against the built application in `npm test`.
/* global document, getComputedStyle -- overflowIn and the wait run inside the page */
import { ACCOUNTS, apiClient, launchChromium, useFinnishDemoAccounts } from './tour-kit.mjs';

const base = (process.argv[2] ?? process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const password = process.env.DEMO_PASSWORD ?? 'demo-password-1';
const outDir = process.env.OUT_DIR ?? '/tmp/exitpool-phone-width';
const widths = (process.env.WIDTHS ?? '390,1366').split(',').map(Number);
const langs = (process.env.LANGS ?? 'en,da').split(',');
const roles = process.env.ROLES?.split(',');
const only = process.env.ONLY ? new RegExp(process.env.ONLY) : undefined;

await useFinnishDemoAccounts(base);

const { mkdir } = await import('node:fs/promises');
await mkdir(outDir, { recursive: true });

// ---- the records each role's pages open, found through the API as that role -----------------
const { list } = apiClient(base, password);
const first = async (who, resource, filter = {}) => (await list(who, resource, filter, ['id', 'ASC']))[0];
const withStatus = (who, status) => first(who, 'applications', { status });

const kbhGrant = await withStatus('kbh', 'approved');
const kbhAsking = (await withStatus('kbh', 'info_requested')) ?? (await withStatus('kbh', 'submitted'));
const kbhCase = await first('kbh', 'cases');
const kbhTransfer = await first('kbh', 'case-transfers', { status: 'proposed' });
const guideline = await first('kbh', 'guidelines', { status: 'published' });
const queued = (await withStatus('ncp', 'in_review')) ?? (await withStatus('ncp', 'submitted'));
const decided = await withStatus('ncp', 'approved');
const budgetYear = await first('ncp', 'budget-years');
const payment = await first('finance', 'disbursements');
const payable = await withStatus('finance', 'approved');
const unit = await first('admin', 'units');
const user = await first('admin', 'users');
const category = await first('admin', 'categories');
const auditEvent = await first('admin', 'audit-events');
const kbhAdvice = await first('kbh', 'advice-requests');
const openAdvice = await first('ncp', 'advice-requests', { status: 'open' });

const show = (resource, record) => (record ? [`${resource}/${record.id}/show`] : []);
const PAGES = {
  kbh: [
    '',
    'applications',
    ...show('applications', kbhGrant),
    ...show('applications', kbhAsking),
    'applications/create',
    ...(kbhAsking ? [`applications/${kbhAsking.id}`] : []),
    'cases',
    ...show('cases', kbhCase),
    'cases/create',
    'advice-requests',
    ...show('advice-requests', kbhAdvice),
    'advice-requests/create',
    'case-transfers',
    ...show('case-transfers', kbhTransfer),
    'disbursements',
    'budget-years',
    'reports',
    'guidelines',
    ...show('guidelines', guideline),
    'notifications',
    'account',
  ],
  ncp: [
    '',
    'review-queue',
    'payments-due',
    'applications',
    ...show('applications', queued),
    ...show('applications', decided),
    'cases',
    'advice-requests',
    ...show('advice-requests', openAdvice),
    'disbursements',
    'budget-years',
    ...show('budget-years', budgetYear),
    'budget-years/create',
    'reports',
    'guidelines',
    'guidelines/create',
    'audit-events',
    'notifications',
    'account',
  ],
  finance: [
    '',
    'payments-due',
    ...show('applications', payable),
    'applications',
    'disbursements',
    ...show('disbursements', payment),
    'budget-years',
    'reports',
    'notifications',
    'account',
  ],
  admin: [
    '',
    'users',
    // a form opened straight from its address, before its record's page has been seen
    ...(user ? [`users/${user.id}`] : []),
    ...show('users', user),
    'users/create',
    'units',
    ...show('units', unit),
    ...(unit ? [`units/${unit.id}`] : []),
    'categories',
    ...show('categories', category),
    'applications',
    'audit-events',
    ...show('audit-events', auditEvent),
    'guidelines',
    'notifications',
    'email-deliveries',
    'account',
  ],
};

// ---- the measurement, inside the page -------------------------------------------------------
/** What reaches past the viewport's right edge, outside any box that scrolls sideways or cuts it with an ellipsis. */
function overflowIn() {
  const width = document.documentElement.clientWidth;
  const scrollsSideways = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const { overflowX, textOverflow } = getComputedStyle(a);
      const contained = a.getBoundingClientRect().right <= width + 1;
      if ((overflowX === 'auto' || overflowX === 'scroll') && contained) return true;
      // a text cut on purpose with an ellipsis (a long title in the app bar)
      if (overflowX === 'hidden' && textOverflow === 'ellipsis' && contained) return true;
    }
    return false;
  };
  const describe = (el) => {
    const cls = typeof el.className === 'string' ? el.className.split(/\s+/).filter((c) => /^(Ra|Mui)/.test(c)) : [];
    const text = (el.innerText ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${el.tagName.toLowerCase()}${cls.length ? '.' + cls.slice(0, 2).join('.') : ''}${text ? ` "${text}"` : ''}`;
  };
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0 || rect.right <= width + 1) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    // off-canvas (the closed menu drawer) or hidden for screen readers only
    if (rect.left >= width || el.closest('[aria-hidden="true"]')) continue;
    if (scrollsSideways(el)) continue;
    out.push({ el, right: Math.round(rect.right) });
  }
  // the innermost offenders name the cause (the page around them only grows with them)
  const sticking = out.filter((o) => !out.some((p) => p !== o && o.el.contains(p.el)));
  return {
    scrollWidth: document.documentElement.scrollWidth,
    width,
    sticking: sticking.slice(0, 5).map((s) => `${describe(s.el)} to ${s.right} px`),
  };
}

/** Whether each named control is on the screen (inside the viewport, not covered). */
async function reachable(page, controls) {
  const missing = [];
  for (const [name, locator] of controls) {
    const box = await locator
      .first()
      .boundingBox()
      .catch(() => null);
    const viewport = page.viewportSize();
    if (!box || box.x < 0 || box.x + box.width > viewport.width + 1) missing.push(name);
  }
  return missing;
}

// ---- the run ---------------------------------------------------------------------------------
const browser = await launchChromium();

const failures = [];
let pages = 0;

/** One account in one language at one width: signs in, then visits and measures each of its pages. */
async function tour(width, lang, who) {
  const context = await browser.newContext({
    viewport: { width, height: width < 600 ? 844 : 900 },
    locale: { da: 'da-DK', fi: 'fi-FI' }[lang] ?? 'en-GB',
    // a narrow desktop window rather than mobile emulation: a phone's browser zooms out to fit a
    // page that is too wide, which would hide exactly what this script looks for
    hasTouch: width < 600,
  });
  await context.addInitScript((locale) => localStorage.setItem('exitpool.locale', locale), lang);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`[${who}/${lang}/${width} page error] ${error.message}`));
  await page.goto(`${base}/#/login`);
  await page.getByLabel(/Email|E-mail|Sähköposti/).fill(ACCOUNTS[who]);
  await page.getByLabel(/Password|Adgangskode|Salasana/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|Log ind|Kirjaudu sisään)$/ }).click();
  await page.waitForURL((url) => !url.hash.startsWith('#/login'));
  for (const path of PAGES[who]) {
    const name = `${width}-${lang}-${who}-${path.replace(/\/[0-9a-f-]{36}/g, '/id').replace(/\//g, '_') || 'dashboard'}`;
    if (only && !only.test(name)) continue;
    pages++;
    await page.goto(`${base}/#/${path}`);
    await page.waitForLoadState('networkidle');
    // a page loaded on first use (dashboard, reports, account) shows once its code has come
    await page.waitForFunction(() => document.querySelector('#main-content')?.innerText.trim().length > 0, null, {
      timeout: 10_000,
    });
    // lists and records settle after their queries; the skeletons are gone then
    await page
      .locator('.MuiSkeleton-root, [role="progressbar"]')
      .first()
      .waitFor({ state: 'detached', timeout: 5000 })
      .catch(() => {});
    await page.waitForTimeout(250);
    await page.screenshot({ path: `${outDir}/${name}.png`, fullPage: true });
    const measured = await page.evaluate(overflowIn);
    const problems = [];
    // react-admin's whole-page "Loading" still there: the page never came (a user's form once did this)
    if ((await page.locator('.RaLoading-root').count()) > 0) problems.push('still loading');
    if (measured.scrollWidth > measured.width + 1) problems.push(`page is ${measured.scrollWidth} px wide`);
    problems.push(...measured.sticking.map((s) => `sticks out: ${s}`));
    if (width < 600) {
      const controls = [
        [
          'the language switch',
          page.getByRole('button', { name: /^(English|Dansk|Suomi)$|^(Language|Sprog|Kieli): / }),
        ],
        ['the user menu', page.getByRole('button', { name: /^(Profile|Profil|Profiili)$/ })],
        [
          'the menu',
          page.getByRole('button', { name: /^(Open menu|Close menu|Åbn menu|Luk menu|Avaa valikko|Sulje valikko)$/ }),
        ],
        [
          'the notifications bell',
          page.getByRole('button', { name: /^(Notifications|Notifikationer|Ilmoitukset)(: |$)/ }),
        ],
      ];
      if (who === 'finance' && payable && path === `applications/${payable.id}/show`) {
        controls.push([
          'Record payment',
          page.getByRole('button', { name: /^(Record payment|Registrér udbetaling|Kirjaa maksu)/ }),
        ]);
      }
      const missing = await reachable(page, controls);
      problems.push(...missing.map((m) => `${m} is not on the screen`));
    }
    if (problems.length) {
      failures.push(name);
      console.log(`FAIL ${name}\n  ${problems.join('\n  ')}`);
    } else {
      console.log(`ok   ${name}`);
    }
  }
  await context.close();
}

// Sign-ins and page loads mostly wait on the network: a few tours at a time take a fraction of the time.
const tours = widths.flatMap((width) =>
  langs.flatMap((lang) =>
    Object.keys(PAGES)
      .filter((r) => !roles || roles.includes(r))
      .map((who) => () => tour(width, lang, who)),
  ),
);
const concurrency = Number(process.env.CONCURRENCY ?? 4);
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    for (let next = tours.shift(); next; next = tours.shift()) await next();
  }),
);
await browser.close();
console.log(`${pages - failures.length} of ${pages} pages fit; screenshots in ${outDir}`);
process.exitCode = Math.min(failures.length, 100);
