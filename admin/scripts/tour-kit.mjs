// Small helpers shared by the tours: API calls with a token, browser sessions per
// account and language, screenshots that log instead of stopping the tour.

/** The demo's accounts by role; the unit workers' are the Danish demo's (useFinnishDemoAccounts for INSTALLATION=fi). */
export const ACCOUNTS = {
  kbh: 'kbh@demo.test',
  fyn: 'fyn@demo.test',
  ncp: 'ncp@demo.test',
  ncp2: 'ncp2@demo.test',
  finance: 'finance@demo.test',
  admin: 'admin@demo.test',
};

/** On the Finnish demo (INSTALLATION=fi) the two unit workers are Helsinki's and Oulu's. */
export async function useFinnishDemoAccounts(base) {
  const settings = await (await fetch(`${base}/api/settings`)).json().catch(() => ({}));
  if (settings.installation !== 'fi') return;
  ACCOUNTS.kbh = 'hel@demo.test';
  ACCOUNTS.fyn = 'oul@demo.test';
}

export function apiClient(base, password) {
  const tokens = {};
  const tokenOf = async (who) => {
    if (!tokens[who]) {
      const response = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: ACCOUNTS[who] ?? who, password }),
      });
      tokens[who] = (await response.json()).accessToken;
    }
    return tokens[who];
  };
  const call = async (who, path, init = {}) => {
    const response = await fetch(`${base}/api/${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${await tokenOf(who)}`,
        ...(init.body && !(init.body instanceof FormData) ? { 'Content-Type': 'application/json' } : {}),
        ...init.headers,
      },
    });
    const body = await response.json().catch(() => null);
    return { status: response.status, body };
  };
  const api = async (who, path, init) => {
    const { status, body } = await call(who, path, init);
    if (status >= 400) throw new Error(`${init?.method ?? 'GET'} ${path}: ${status} ${JSON.stringify(body)}`);
    return body;
  };
  const list = (who, resource, filter = {}, sort = ['createdAt', 'DESC']) =>
    api(
      who,
      `${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent(JSON.stringify(sort))}&range=${encodeURIComponent('[0,99]')}`,
    );
  return { tokenOf, call, api, list };
}

/**
 * A signed-in browser page for one account in one language, with its failures logged; `quiet`
 * names a part of the API whose refusals the tour expects (they are not logged).
 */
export async function signedIn({ browser, base, password, who, lang, tag, quiet, width = 1366 }) {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: lang === 'da' ? 'da-DK' : 'en-GB',
    acceptDownloads: true,
  });
  await context.addInitScript((locale) => localStorage.setItem('exitpool.locale', locale), lang);
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') console.log(`[${tag} ${who}/${lang} browser error] ${msg.text()}`);
  });
  page.on('pageerror', (error) => console.log(`[${tag} ${who}/${lang} page error] ${error.message}`));
  page.on('response', (response) => {
    const url = response.url();
    if (url.includes('/api/') && !(quiet && url.includes(quiet)) && response.status() >= 400) {
      console.log(`[${tag} ${who}/${lang}] ${response.status()} ${response.request().method()} ${url}`);
    }
  });
  await page.goto(`${base}/#/login`);
  await page.getByLabel(/Email|E-mail|Sähköposti/).fill(ACCOUNTS[who] ?? who);
  await page.getByLabel(/Password|Adgangskode|Salasana/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|Log ind|Kirjaudu sisään)$/ }).click();
  await page.waitForURL((url) => !url.hash.startsWith('#/login'));
  await page.getByText(/Welcome|Velkommen|Tervetuloa/).waitFor();
  return { context, page };
}

/**
 * Runs the steps, then shoots the page as `<prefix>-<name><suffix>.png` once it has settled for
 * `settle` ms; a failure is logged and shot as it stands.
 */
export function screens({ outDir, prefix, suffix = '', settle = 500 }) {
  const shot = async (page, name) => {
    await page.waitForTimeout(settle);
    const path = `${outDir}/${prefix}-${name}${suffix}.png`;
    await page.screenshot({ path, fullPage: true });
    console.log(`wrote ${path}`);
  };
  const screen = async (page, name, steps) => {
    try {
      await steps();
      await shot(page, name);
      return true;
    } catch (error) {
      console.log(`[${prefix}${suffix}] ${name} failed: ${error.message.split('\n')[0]}`);
      await shot(page, `${name}-FAILED`).catch(() => undefined);
      return false;
    }
  };
  return { shot, screen };
}

export const go = async (page, base, hash, waitFor) => {
  await page.goto(`${base}/#${hash}`);
  if (waitFor) await page.getByText(waitFor).first().waitFor({ timeout: 10_000 });
  await page.waitForLoadState('networkidle').catch(() => undefined);
};

// The application form's labels in English and Danish, as the tours that write one fill it.
export const FORM = {
  signIn: /^(Sign in|Log ind)$/,
  save: /^(Save|Gem)$/,
  category: /^(Category|Kategori)/,
  description: /^(Description|Beskrivelse)/,
  quantity: /^(Quantity|Antal)/,
  unitPrice: /^(Unit price|Stykpris)/,
  justification: /^(Justification|Begrundelse)/,
  ordinaryFunding: /(Ordinary funding considered|Almindelig finansiering overvejet)/,
  add: /^(Add|Tilføj)$/,
  submit: /^(Submit|Indsend)$/,
};

/**
 * Fills the open application form: the psychologist category, ordinary funding considered, the
 * justification, and the cost lines (each `{ description, quantity, unitPrice }`, a line added
 * with "Add" after the first), all in the words of the page's language.
 */
export async function fillApplication(page, { justification, lines }) {
  await page.getByLabel(FORM.category).first().click();
  await page.getByRole('option', { name: /Psycholog|Psykolog/ }).click();
  await page.getByLabel(FORM.ordinaryFunding).check();
  await page.getByLabel(FORM.justification).first().fill(justification);
  for (const [index, line] of lines.entries()) {
    if (index > 0) await page.getByRole('button', { name: FORM.add }).click();
    await page.getByLabel(FORM.description).nth(index).fill(line.description);
    await page.getByLabel(FORM.quantity).nth(index).fill(line.quantity);
    await page.getByLabel(FORM.unitPrice).nth(index).fill(line.unitPrice);
  }
}

/**
 * Makes the API refuse the requests to `url` (of `method`, or all of them) with `status` and the
 * API's `body`, to show how the page says a refusal; other requests go through.
 */
export const refuse = (page, url, { method, status, body }) =>
  page.route(url, (route) =>
    !method || route.request().method() === method
      ? route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) })
      : route.fallback(),
  );

/** The headless Chromium the tours drive; CHROMIUM names another binary. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-sync', '--no-first-run'],
  });
}
