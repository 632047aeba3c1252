// The second factor end to end in Chromium, in English and Danish, computing the
// codes with otplib (the API's own library):
//
//   DATA_DIR=$(mktemp -d) PORT=3111 MFA_REQUIRED_ROLES=contact_point node dist/api/src/main.js &
//   node admin/scripts/totp-tour.mjs http://localhost:3111
//
// A demo unit worker enrols on the account page (QR code, key, first code, the
// recovery codes downloaded and printed), signs out, is asked for the code at
// sign-in, is refused a wrong code, signs in with a fresh code and with a recovery
// code, and is refused a wrong password when turning it off; the administrator
// then resets it (the user's session ends). A contact point (their role requires a
// second factor) is sent straight to enrolment after signing in, without a single
// refused request, and continues to the dashboard once enrolled. Screenshots at
// 1366 and 390 px go to OUT_DIR (default: a new folder in /tmp). Any failed step
// makes the exit code 1. LANGS=en or da narrows it.
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import { apiClient, launchChromium } from './tour-kit.mjs';

const base = (process.argv[2] ?? process.env.BASE_URL ?? 'http://localhost:3111').replace(/\/$/, '');
const outDir = process.env.OUT_DIR ?? (await mkdtemp(join(tmpdir(), 'exitpool-totp-')));
await mkdir(outDir, { recursive: true });
const password = process.env.DEMO_PASSWORD ?? 'demo-password-1';
const langs = (process.env.LANGS ?? 'en,da').split(',');

// Who enrols in each language: a unit worker (optional second factor) and a contact point (required).
const PEOPLE = {
  en: { user: 'kbh@demo.test', gated: 'ncp@demo.test' },
  da: { user: 'fyn@demo.test', gated: 'ncp2@demo.test' },
};
const WIDE = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const PERIOD = 30;

// English and Danish wording of what the tour reads and clicks.
const T = {
  email: /^(Email|E-mail)/,
  password: /^(Password|Adgangskode)/,
  signIn: /^(Sign in|Log ind)$/,
  welcome: /Welcome|Velkommen/,
  profile: /^(Profile|Profil)$/,
  account: /^(Your account|Din konto)$/,
  logout: /^(Logout|Log ud)$/,
  setUp: /^(Set up the second factor|Opsæt totrinsbekræftelse)$/,
  appCode: /^(Code from the app|Kode fra appen)/,
  turnOn: /^(Turn on|Slå til)$/,
  codeRefused: /(The code was not accepted|Koden blev ikke godkendt)/,
  shownOnce: /(Shown only this once|Vises kun denne ene gang)/,
  download: /^(Download \(\.txt\))$/,
  print: /^(Print|Udskriv)$/,
  saved: /(I have saved the recovery codes|Jeg har gemt gendannelseskoderne)/,
  done: /^(Done|Færdig)$/,
  continue: /^(Continue to Exit Pool|Fortsæt til Exit Pool)$/,
  on: /^(On|Slået til)$/,
  off: /^(Off|Slået fra)$/,
  loginCode: /^(Code|Kode)(\s*\*)?$/,
  codePrompt: /(6-digit code your authenticator app shows|6-cifrede kode, som din godkendelsesapp viser)/,
  wrongCode: /(Wrong email, password or code|Forkert e-mail, adgangskode eller kode)/,
  useRecovery: /^(Use a recovery code|Brug en gendannelseskode)$/,
  recoveryCode: /^(Recovery code|Gendannelseskode)/,
  turnOff: /^(Turn off|Slå fra)$/,
  wrongPassword: /^(Wrong password|Forkert adgangskode)$/,
  cancel: /^(Cancel|Annullér)$/,
  reset: /^(Reset second factor|Nulstil totrinsbekræftelse)$/,
  resetDone: /(is reset and their sessions have ended|er nulstillet, og personens sessioner er afsluttet)/,
  gate: /(Your role requires a second factor|Din rolle kræver totrinsbekræftelse)/,
  secondFactorColumn: /^(Second factor|Totrinsbekræftelse)$/,
  codesLeft: /(Recovery codes left|Gendannelseskoder tilbage)/,
};

const { api, call } = apiClient(base, password);
const failures = [];
const stepOf = (epochSeconds) => Math.floor(epochSeconds / PERIOD);
const nowSeconds = () => Math.floor(Date.now() / 1000);
const codeAt = (secret, epoch) => generate({ secret, epoch });
const check = (condition, message) => {
  if (!condition) throw new Error(message);
};

/** A code of a step after `usedStep` that is valid now: waits for the next 30-second step when needed. */
const freshCode = async (secret, usedStep) => {
  while (stepOf(nowSeconds()) <= usedStep) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const epoch = nowSeconds();
  return { code: await codeAt(secret, epoch), step: stepOf(epoch) };
};

/** Six digits that are no valid code around now (the API allows one step of drift either way). */
const wrongCode = async (secret) => {
  const epoch = nowSeconds();
  const valid = new Set(await Promise.all([-PERIOD, 0, PERIOD].map((d) => codeAt(secret, epoch + d))));
  let n = 0;
  while (valid.has(String(n).padStart(6, '0'))) n += 1;
  return String(n).padStart(6, '0');
};

/** Leaves an account without a second factor, so the tour can run again on the same server. */
const resetThroughApi = async (email) => {
  const users = await api('admin', `users?filter=${encodeURIComponent(JSON.stringify({ q: email }))}`);
  const user = users.find((u) => u.email === email);
  check(user, `no demo user ${email}`);
  if (user.totpEnabled) await api('admin', `users/${user.id}/reset-totp`, { method: 'POST' });
  return user;
};

const browser = await launchChromium();

/** A fresh browser context in one language, with every refused API call and page error recorded. */
const openPage = async (lang, tag) => {
  const context = await browser.newContext({
    viewport: WIDE,
    locale: lang === 'da' ? 'da-DK' : 'en-GB',
    acceptDownloads: true,
  });
  await context.addInitScript((locale) => localStorage.setItem('exitpool.locale', locale), lang);
  const page = await context.newPage();
  const refused = [];
  page.on('pageerror', (error) => failures.push(`${tag}/${lang}: page error ${error.message}`));
  page.on('response', (response) => {
    if (response.url().includes('/api/') && response.status() >= 400) {
      const line = `${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`;
      refused.push(line);
      console.log(`[${tag}/${lang}] ${line}`);
    }
  });
  return { context, page, refused };
};

/** Shoots the page at 1366 px, then at 390 px (a phone), and back. */
const shots = async (page, name) => {
  for (const [size, viewport] of [
    ['1366', WIDE],
    ['390', PHONE],
  ]) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(400);
    const path = `${outDir}/${name}-${size}.png`;
    await page.screenshot({ path, fullPage: true });
    console.log(`wrote ${path}`);
  }
  await page.setViewportSize(WIDE);
};

/** Runs one step; a failure is shot as it stands and stops the flow it belongs to. */
const step = async (page, flow, name, action) => {
  try {
    await action();
    console.log(`ok   ${flow}: ${name}`);
  } catch (error) {
    const message = `${flow}: ${name}: ${error.message.split('\n')[0]}`;
    failures.push(message);
    console.log(`FAIL ${message}`);
    await page.screenshot({ path: `${outDir}/${flow}-FAILED.png`, fullPage: true }).catch(() => undefined);
    throw error;
  }
};

const typePassword = async (page, email) => {
  await page.getByLabel(T.email).fill(email);
  await page.getByLabel(T.password).fill(password);
  await page.getByRole('button', { name: T.signIn }).click();
};

const signOut = async (page) => {
  await page.getByRole('button', { name: T.profile }).click();
  await page.getByRole('menuitem', { name: T.logout }).click();
  await page.getByLabel(T.email).waitFor();
};

const openAccountFromUserMenu = async (page, shotName) => {
  await page.getByRole('button', { name: T.profile }).click();
  if (shotName) {
    await page.getByRole('menuitem', { name: T.account }).waitFor();
    const path = `${outDir}/${shotName}.png`;
    await page.screenshot({ path });
    console.log(`wrote ${path}`);
  }
  await page.getByRole('menuitem', { name: T.account }).click();
  await page.waitForURL((url) => url.hash === '#/account');
};

const statusRow = (page, label) => page.getByTestId('totp-status').locator('div', { hasText: label }).last();

/** Enrols on the account page; answers the secret, the step of the code used and the recovery codes. */
const enrol = async (page, flow, lang, { shoot }) => {
  let secret;
  await step(page, flow, 'setup shows the QR code and the key', async () => {
    await page.getByRole('button', { name: T.setUp }).click();
    const qr = page.getByTestId('totp-qr');
    await qr.waitFor();
    check((await qr.getAttribute('src')).startsWith('data:image/png;base64,'), 'the QR code is no PNG data URL');
    const shown = await page.getByTestId('totp-secret').textContent();
    check(/^([A-Z2-7]{4} )*[A-Z2-7]{1,4}$/.test(shown), `the key is not in groups of four: ${shown}`);
    secret = shown.replace(/\s/g, '');
    if (shoot) await shots(page, `${flow}-setup-${lang}`);
  });
  if (shoot) {
    await step(page, flow, 'the copy button copies the key without spaces', async () => {
      await page.getByRole('button', { name: /^(Copy the key|Kopiér nøglen)$/ }).click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      check(copied === secret, `copied ${copied}`);
    });
    await step(page, flow, 'a wrong code is refused beside the field', async () => {
      await page.getByLabel(T.appCode).fill(await wrongCode(secret));
      await page.getByRole('button', { name: T.turnOn }).click();
      await page.getByText(T.codeRefused).waitFor();
      await shots(page, `${flow}-setup-wrong-code-${lang}`);
    });
  }
  let usedStep;
  let codes;
  await step(page, flow, 'the right code turns it on and shows ten recovery codes once', async () => {
    const epoch = nowSeconds();
    usedStep = stepOf(epoch);
    await page.getByLabel(T.appCode).fill(await codeAt(secret, epoch));
    await page.getByRole('button', { name: T.turnOn }).click();
    await page.getByText(T.shownOnce).waitFor();
    codes = (await page.getByTestId('recovery-codes').locator('li code').allTextContents()).map((c) => c.trim());
    check(codes.length === 10, `${codes.length} recovery codes`);
    check(
      codes.every((c) => /^[a-z2-7]{5}-[a-z2-7]{5}$/.test(c)),
      `recovery codes not as xxxxx-xxxxx: ${codes.join(' ')}`,
    );
    await shots(page, `${flow}-recovery-codes-${lang}`);
  });
  return { secret, usedStep, codes };
};

async function userFlow(lang) {
  const flow = `user-${lang}`;
  const email = PEOPLE[lang].user;
  const user = await resetThroughApi(email);
  const { context, page } = await openPage(lang, flow);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  try {
    await step(page, flow, 'signs in with the password alone and opens the account page', async () => {
      await page.goto(`${base}/#/login`);
      await typePassword(page, email);
      await page.getByText(T.welcome).waitFor();
      await openAccountFromUserMenu(page, `${flow}-user-menu-${lang}-1366`);
      await statusRow(page, /Status/)
        .getByText(T.off)
        .waitFor();
      await shots(page, `${flow}-account-off-${lang}`);
    });

    const { secret, usedStep, codes } = await enrol(page, flow, lang, { shoot: true });

    await step(page, flow, 'downloads the recovery codes as a text file', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: T.download }).click(),
      ]);
      check(/^exit-pool-recovery-codes-\d{4}-\d{2}-\d{2}\.txt$/.test(download.suggestedFilename()), 'file name');
      const text = await readFile(await download.path(), 'utf8');
      check(
        codes.every((code) => text.includes(code)),
        'the file lacks a code',
      );
      check(text.includes(email), 'the file does not name the account');
    });

    await step(page, flow, 'prints the codes alone', async () => {
      await page.evaluate(() => {
        globalThis.print = () => {
          globalThis.__printed = true;
        };
      });
      await page.getByRole('button', { name: T.print }).click();
      check(await page.evaluate(() => globalThis.__printed === true), 'window.print was not called');
      await page.emulateMedia({ media: 'print' });
      const path = `${outDir}/${flow}-recovery-codes-print-${lang}.png`;
      await page.screenshot({ path, fullPage: true });
      console.log(`wrote ${path}`);
      await page.emulateMedia({ media: 'screen' });
    });

    await step(page, flow, 'leaves the codes once they are saved: the second factor is on', async () => {
      check(await page.getByRole('button', { name: T.done }).isDisabled(), 'Done before the codes are saved');
      await page.getByLabel(T.saved).check();
      await page.getByRole('button', { name: T.done }).click();
      await statusRow(page, /Status/)
        .getByText(T.on)
        .waitFor();
      await statusRow(page, T.codesLeft).getByText('10').waitFor();
      await shots(page, `${flow}-account-on-${lang}`);
    });

    await step(page, flow, 'signing in again asks for the code', async () => {
      await signOut(page);
      await typePassword(page, email);
      await page.getByText(T.codePrompt).waitFor();
      await shots(page, `${flow}-login-code-${lang}`);
    });

    await step(page, flow, 'a wrong code is refused like a wrong password', async () => {
      await page.getByLabel(T.loginCode).fill(await wrongCode(secret));
      await page.getByRole('button', { name: T.signIn }).click();
      await page.getByText(T.wrongCode).waitFor();
      check(page.url().includes('#/login'), 'signed in with a wrong code');
      await shots(page, `${flow}-login-wrong-code-${lang}`);
    });

    await step(page, flow, 'the code of a fresh step signs in', async () => {
      const { code } = await freshCode(secret, usedStep);
      await page.getByLabel(T.loginCode).fill(code);
      await page.getByRole('button', { name: T.signIn }).click();
      await page.getByText(T.welcome).waitFor();
    });

    await step(page, flow, 'a recovery code signs in (capitals and a space are fine)', async () => {
      await signOut(page);
      await typePassword(page, email);
      await page.getByRole('button', { name: T.useRecovery }).click();
      await page.getByLabel(T.recoveryCode).fill(codes[0].toUpperCase().replace('-', ' '));
      await shots(page, `${flow}-login-recovery-${lang}`);
      await page.getByRole('button', { name: T.signIn }).click();
      await page.getByText(T.welcome).waitFor();
      await openAccountFromUserMenu(page, `${flow}-user-menu-${lang}-1366`);
      await statusRow(page, T.codesLeft).getByText('9').waitFor();
    });

    await step(page, flow, 'turning it off with a wrong password is refused beside the field', async () => {
      await page.getByRole('button', { name: T.turnOff }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(T.password).fill('not-the-password');
      await dialog.getByLabel(T.appCode).fill(await wrongCode(secret));
      await dialog.getByRole('button', { name: T.turnOff }).click();
      await dialog.getByText(T.wrongPassword).waitFor();
      await shots(page, `${flow}-turn-off-refused-${lang}`);
      await dialog.getByRole('button', { name: T.cancel }).click();
      await statusRow(page, /Status/)
        .getByText(T.on)
        .waitFor();
    });

    // The administrator resets it; the user's open session ends.
    const admin = await openPage(lang, `${flow}-admin`);
    try {
      await step(admin.page, flow, 'the administrator sees the second factor on the users list', async () => {
        await admin.page.goto(`${base}/#/login`);
        await typePassword(admin.page, 'admin@demo.test');
        await admin.page.getByText(T.welcome).waitFor();
        await admin.page.goto(`${base}/#/users`);
        await admin.page.getByRole('columnheader').filter({ hasText: T.secondFactorColumn }).waitFor();
        await admin.page.getByText(email).waitFor();
        await shots(admin.page, `${flow}-admin-users-${lang}`);
        await admin.page.goto(`${base}/#/users/${user.id}`);
        await admin.page.getByRole('button', { name: T.reset }).waitFor();
        await shots(admin.page, `${flow}-admin-user-edit-${lang}`);
      });
      await step(admin.page, flow, 'the administrator resets it after a confirmation', async () => {
        await admin.page.goto(`${base}/#/users/${user.id}/show`);
        await admin.page.getByRole('button', { name: T.reset }).click();
        await admin.page.getByRole('dialog').waitFor();
        await shots(admin.page, `${flow}-admin-reset-dialog-${lang}`);
        await admin.page.getByRole('dialog').getByRole('button', { name: T.reset }).click();
        await admin.page.getByText(T.resetDone).waitFor();
        await admin.page.getByRole('button', { name: T.reset }).waitFor({ state: 'detached' });
        await shots(admin.page, `${flow}-admin-user-reset-${lang}`);
      });
    } finally {
      await admin.context.close();
    }

    await step(page, flow, "the user's session has ended, and the password alone signs in again", async () => {
      await page.reload();
      await page.getByLabel(T.email).waitFor({ timeout: 10_000 });
      await typePassword(page, email);
      // back on the page the session ended on: the account page, now without a second factor
      await page.waitForURL((url) => url.hash === '#/account');
      await statusRow(page, /Status/)
        .getByText(T.off)
        .waitFor();
      const { status, body } = await call(email, 'auth/totp');
      check(status === 200 && body.enabled === false, `after the reset: ${status} ${JSON.stringify(body)}`);
    });
  } finally {
    await context.close();
  }
}

async function gatedFlow(lang) {
  const flow = `gate-${lang}`;
  const email = PEOPLE[lang].gated;
  await resetThroughApi(email);
  const status = await api(email, 'auth/totp');
  check(
    status.required && !status.enabled,
    `${email} is not required to enrol (${JSON.stringify(status)}): start the server with MFA_REQUIRED_ROLES=contact_point`,
  );
  const { context, page, refused } = await openPage(lang, flow);
  try {
    await step(page, flow, 'signing in leads straight to enrolment, without a refused request', async () => {
      await page.goto(`${base}/#/login`);
      await typePassword(page, email);
      await page.waitForURL((url) => url.hash === '#/account');
      await page.getByText(T.gate).waitFor();
      await page.waitForLoadState('networkidle');
      check(refused.length === 0, `refused requests: ${refused.join(', ')}`);
      check((await page.getByRole('alert').filter({ hasText: /.+/ }).count()) <= 1, 'more than the one explanation');
      await shots(page, `${flow}-enrolment-required-${lang}`);
    });
    await step(page, flow, 'any other page sends back to enrolment', async () => {
      await page.goto(`${base}/#/applications`);
      await page.waitForURL((url) => url.hash === '#/account');
      await page.getByText(T.gate).waitFor();
      check(refused.length === 0, `refused requests: ${refused.join(', ')}`);
    });
    await step(page, flow, "the API's 403 also leads to enrolment, without an error on screen", async () => {
      // As if the check at sign-in had not happened: the refused requests themselves must lead there.
      await page.evaluate(() => sessionStorage.removeItem('exitpool.enrolmentRequired'));
      await page.goto(`${base}/#/applications`);
      await page.waitForURL((url) => url.hash === '#/account');
      await page.getByText(T.gate).waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      const denied = refused.splice(0);
      check(denied.length > 0, 'the API refused nothing: is the gate on?');
      check(
        denied.every((line) => line.startsWith('403 ')),
        `other refusals: ${denied.join(', ')}`,
      );
      check(denied.length <= 3, `a storm of refusals: ${denied.join(', ')}`);
      const toasts = await page.locator('.MuiSnackbarContent-root').allTextContents();
      check(toasts.length === 0, `notifications: ${toasts.join(' | ')}`);
    });
    await enrol(page, flow, lang, { shoot: false });
    await step(page, flow, 'after saving the codes, on to the dashboard', async () => {
      await page.getByLabel(T.saved).check();
      await page.getByRole('button', { name: T.continue }).click();
      await page.getByText(T.welcome).waitFor();
      await page.waitForLoadState('networkidle');
      check(refused.length === 0, `refused requests: ${refused.join(', ')}`);
      await shots(page, `${flow}-dashboard-${lang}`);
    });
  } finally {
    await context.close();
    // Leave the demo account as it was, openable with the password.
    await resetThroughApi(email).catch((error) => failures.push(`${flow}: reset afterwards: ${error.message}`));
  }
}

console.log(`totp tour of ${base}, screenshots in ${outDir}`);
for (const lang of langs) {
  for (const flow of [userFlow, gatedFlow]) {
    try {
      await flow(lang);
    } catch (error) {
      if (!failures.some((f) => f.includes(error.message.split('\n')[0]))) failures.push(error.message);
    }
  }
}
await browser.close();

if (failures.length > 0) {
  console.log(`\n${failures.length} failure(s):\n${failures.map((f) => `- ${f}`).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log(`\nall steps passed; screenshots in ${outDir}`);
}
