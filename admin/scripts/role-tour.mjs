// Every role's screens in English and Danish, for screenshots.mjs. Each role signs
// in in a browser context of its own with the language preset; the records to
// open are looked up through the API first. A screen that fails is logged and
// shot as it stands, and the tour goes on.

const ACCOUNTS = {
  kbh: 'kbh@demo.test',
  fyn: 'fyn@demo.test',
  ncp: 'ncp@demo.test',
  ncp2: 'ncp2@demo.test',
  finance: 'finance@demo.test',
  admin: 'admin@demo.test',
};

// English and Danish wording of what the tour clicks.
const T = {
  signIn: /^(Sign in|Log ind)$/,
  save: /^(Save|Gem)$/,
  cancel: /^(Cancel|Annullér)$/,
  drafts: /^(Drafts|Kladder)$/,
  open: /^(Open|Åbne)$/,
  category: /^(Category|Kategori)/,
  description: /^(Description|Beskrivelse)/,
  quantity: /^(Quantity|Antal)/,
  unitPrice: /^(Unit price|Stykpris)/,
  justification: /^(Justification|Begrundelse)/,
  ordinaryFunding: /(Ordinary funding considered|Almindelig finansiering overvejet)/,
  add: /^(Add|Tilføj)$/,
  check: /(Check against guidelines|Tjek mod retningslinjerne)/,
  submit: /^(Submit|Indsend)$/,
  answer: /^(Answer|Besvar)$/,
  approve: /^(Approve|Bevilg)$/,
  secondApproval: /^(Second approval|Anden godkendelse)$/,
  requestInfo: /^(Request information|Bed om oplysninger)$/,
  reject: /^(Reject|Afslå)$/,
  withdraw: /^(Withdraw|Træk tilbage)$/,
  newDraft: /(New draft from this|Ny kladde ud fra denne)/,
  publish: /^(Publish|Offentliggør)$/,
  version: /^(Version)/,
  edit: /^(Edit|Redigér)$/,
  delete: /^(Delete|Slet)$/,
};

export async function roleTour({ browser, base, outDir, password }) {
  const api = async (token, path, init = {}) => {
    const response = await fetch(`${base}/api/${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers },
    });
    const body = await response.json().catch(() => null);
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${JSON.stringify(body)}`);
    return body;
  };
  const tokenOf = async (email) => {
    const response = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    return (await response.json()).accessToken;
  };
  const list = (token, resource, filter = {}, sort = ['createdAt', 'DESC']) =>
    api(
      token,
      `${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent(JSON.stringify(sort))}&range=${encodeURIComponent('[0,99]')}`,
    );

  // The records the tour opens.
  const ncpToken = await tokenOf(ACCOUNTS.ncp);
  const kbhToken = await tokenOf(ACCOUNTS.kbh);
  const all = await list(ncpToken, 'applications');
  const byStatus = (status, unitPrefix) =>
    all.find((a) => a.status === status && (!unitPrefix || a.reference.startsWith(unitPrefix)));
  const kbhCases = await list(kbhToken, 'cases');
  const activeCase = kbhCases.find((c) => c.status === 'active') ?? kbhCases[0];
  const guidelines = await list(ncpToken, 'guidelines', {}, ['effectiveFrom', 'DESC']);
  const published = guidelines.find((g) => g.status === 'published');
  const records = {
    inReview: byStatus('in_review'),
    submitted: byStatus('submitted'),
    infoRequested: byStatus('info_requested'),
    awaitingSecond: byStatus('awaiting_second_approval'),
    approved: byStatus('approved') ?? byStatus('partially_approved'),
    kbhOpen: all.find((a) => a.reference.startsWith('KBH') && ['submitted', 'in_review'].includes(a.status)),
  };
  console.log(
    'tour records:',
    Object.fromEntries(Object.entries(records).map(([k, v]) => [k, v ? `${v.reference} (${v.status})` : 'none'])),
  );

  const roles = (process.env.ROLES ?? Object.keys(ACCOUNTS).join(',')).split(',');
  const langs = (process.env.LANGS ?? 'en,da').split(',');

  for (const lang of langs) {
    for (const role of roles) {
      const context = await browser.newContext({
        viewport: { width: 1366, height: 900 },
        locale: lang === 'da' ? 'da-DK' : 'en-GB',
      });
      await context.addInitScript((locale) => localStorage.setItem('exitpool.locale', locale), lang);
      const page = await context.newPage();
      page.on('console', (msg) => {
        if (msg.type() === 'error') console.log(`[${role}/${lang} browser error] ${msg.text()}`);
      });
      page.on('pageerror', (error) => console.log(`[${role}/${lang} page error] ${error.message}`));
      page.on('response', (response) => {
        if (response.url().includes('/api/') && response.status() >= 400) {
          console.log(`[${role}/${lang}] ${response.status()} ${response.request().method()} ${response.url()}`);
        }
      });

      const shot = async (name) => {
        await page.waitForTimeout(500);
        const path = `${outDir}/${role}-${name}-${lang}.png`;
        await page.screenshot({ path, fullPage: true });
        console.log(`wrote ${path}`);
      };
      const screen = async (name, steps) => {
        try {
          await steps();
          await shot(name);
        } catch (error) {
          console.log(`[${role}/${lang}] ${name} failed: ${error.message.split('\n')[0]}`);
          await shot(`${name}-FAILED`).catch(() => undefined);
        }
      };
      const go = async (hash, waitFor) => {
        await page.goto(`${base}/#${hash}`);
        if (waitFor) await page.getByText(waitFor).first().waitFor({ timeout: 10_000 });
        await page.waitForLoadState('networkidle').catch(() => undefined);
      };
      const dialog = () => page.getByRole('dialog');
      const closeDialog = async () => {
        await dialog().getByRole('button', { name: T.cancel }).click();
        await dialog().waitFor({ state: 'hidden' });
      };
      const showApplication = (record) => go(`/applications/${record.id}/show`, record.reference);

      await page.goto(`${base}/#/login`);
      await page.getByLabel(/Email|E-mail/).fill(ACCOUNTS[role]);
      await page.getByLabel(/Password|Adgangskode/).fill(password);
      await page.getByRole('button', { name: T.signIn }).click();
      await page.waitForURL((url) => !url.hash.startsWith('#/login'));
      await page.getByText(/Welcome|Velkommen/).waitFor();

      await screen('applications', () => go('/applications', /-20\d\d-/));

      if (role === 'kbh') {
        await screen('applications-drafts', async () => {
          await go('/applications', /KBH-20/);
          await page.getByRole('tab', { name: T.drafts }).click();
          await page.waitForLoadState('networkidle');
        });
        await screen('cases', () => go('/cases', /KBH-20/));
        await screen('case-show', () => go(`/cases/${activeCase.id}/show`, activeCase.reference));
        await screen('case-create', () => go('/cases/create', /pseudonym/i));
        await screen('case-edit', () => go(`/cases/${activeCase.id}`, activeCase.reference));

        // A new draft with two cost lines: the live total, then its page, the check and the submit dialog.
        const source = encodeURIComponent(JSON.stringify({ caseId: activeCase.id }));
        await screen('application-create', async () => {
          await go(`/applications/create?source=${source}`, T.category);
          await page.getByLabel(T.category).first().click();
          await page.getByRole('option', { name: /Psycholog|Psykolog/ }).click();
          await page.getByLabel(T.ordinaryFunding).check();
          await page
            .getByLabel(T.justification)
            .first()
            .fill(
              lang === 'da'
                ? 'Kandidaten har brug for behandling for angst efter udtræden.'
                : 'The candidate needs treatment for anxiety after leaving.',
            );
          await page
            .getByLabel(T.description)
            .first()
            .fill(lang === 'da' ? 'Samtaler hos psykolog' : 'Sessions with a psychologist');
          await page.getByLabel(T.quantity).first().fill('6');
          await page
            .getByLabel(T.unitPrice)
            .first()
            .fill(lang === 'da' ? '1.200,50' : '1,200.50');
          await page.getByRole('button', { name: T.add }).click();
          await page
            .getByLabel(T.description)
            .nth(1)
            .fill(lang === 'da' ? 'Udredning' : 'Assessment');
          await page.getByLabel(T.quantity).nth(1).fill('1');
          await page
            .getByLabel(T.unitPrice)
            .nth(1)
            .fill(lang === 'da' ? '900' : '900');
        });
        await screen('application-create-cpr-warning', async () => {
          await page.getByLabel(T.justification).first().fill('Født 010190-1234, flyttes nu.');
          await page.getByLabel(T.justification).first().blur();
        });
        let draftUrl;
        await screen('application-draft', async () => {
          await page
            .getByLabel(T.justification)
            .first()
            .fill(lang === 'da' ? 'Behandling for angst efter udtræden.' : 'Treatment for anxiety after leaving.');
          await page.getByRole('button', { name: T.save }).click();
          await page.waitForURL((url) => url.hash.endsWith('/show'));
          await page
            .getByText(/Draft|Kladde/)
            .first()
            .waitFor();
          draftUrl = page.url();
        });
        await screen('application-draft-checked', async () => {
          await page.getByRole('button', { name: T.check }).click();
          await page.getByText(/Checked just now|Tjekket netop nu/).waitFor();
        });
        await screen('application-draft-edit', async () => {
          await page.getByRole('link', { name: T.edit }).click();
          await page.getByLabel(T.unitPrice).first().waitFor();
        });
        await screen('application-submit-dialog', async () => {
          await page.goto(draftUrl);
          await page.getByRole('button', { name: T.submit }).click();
          await dialog().getByTestId('findings').waitFor();
        });
        await closeDialog().catch(() => undefined);
        if (records.kbhOpen) await screen('application-open', () => showApplication(records.kbhOpen));
        if (records.kbhOpen) {
          await screen('application-withdraw-dialog', async () => {
            await page.getByRole('button', { name: T.withdraw }).click();
            await dialog().waitFor();
          });
          await closeDialog().catch(() => undefined);
        }
        await screen('guidelines', () => go('/guidelines', /2026/));
      }

      if (role === 'fyn' && records.infoRequested) {
        await screen('application-info-requested', () => showApplication(records.infoRequested));
        await screen('application-answer-dialog', async () => {
          await page.getByRole('button', { name: T.answer }).click();
          await dialog().waitFor();
        });
        await closeDialog().catch(() => undefined);
      }

      if (role === 'ncp') {
        await screen('review-queue', () => go('/review-queue', /-20\d\d-/));
        if (records.inReview) {
          await screen('application-in-review', () => showApplication(records.inReview));
          await screen('application-approve-dialog', async () => {
            await page.getByRole('button', { name: T.approve }).click();
            await dialog().waitFor();
          });
          await closeDialog().catch(() => undefined);
          await screen('application-request-info-dialog', async () => {
            await page.getByRole('button', { name: T.requestInfo }).click();
            await dialog().waitFor();
          });
          await closeDialog().catch(() => undefined);
        }
        if (records.awaitingSecond)
          await screen('application-awaiting-second', () => showApplication(records.awaitingSecond));
        if (records.approved) await screen('application-approved', () => showApplication(records.approved));
        await screen('cases', () => go('/cases', /-20\d\d-/));
        await screen('guidelines', () => go('/guidelines', /2026/));
        if (published) {
          await screen('guideline-show', () => go(`/guidelines/${published.id}/show`, published.version));
          await screen('guideline-clone', async () => {
            await page.getByRole('link', { name: T.newDraft }).click();
            await page.getByLabel(T.version).first().waitFor();
          });
          await screen('guideline-draft-saved', async () => {
            await page
              .getByLabel(T.version)
              .first()
              .fill(`${new Date().getFullYear()}.${lang}-${Date.now() % 100000}`);
            await page.getByRole('button', { name: T.save }).click();
            await page.waitForURL((url) => url.hash.endsWith('/show'));
            await page
              .getByText(/Draft|Kladde/)
              .first()
              .waitFor();
          });
          await screen('guideline-publish-confirm', async () => {
            await page.getByRole('button', { name: T.publish }).click();
            await dialog().waitFor();
          });
          await closeDialog().catch(() => undefined);
          await screen('guideline-draft-edit', async () => {
            await page.getByRole('link', { name: T.edit }).click();
            await page.getByLabel(T.version).first().waitFor();
          });
          // The tour's draft goes again, so the demo keeps one guideline in force.
          await screen('guideline-draft-deleted', async () => {
            await page.goBack();
            await page.getByRole('button', { name: T.delete }).click();
            await dialog()
              .getByRole('button', { name: /^(Confirm|Bekræft)$/ })
              .click();
            await page.waitForURL((url) => url.hash.startsWith('#/guidelines') && !url.hash.includes('show'));
          });
        }
      }

      if (role === 'ncp2' && records.awaitingSecond) {
        await screen('application-awaiting-second', () => showApplication(records.awaitingSecond));
        await screen('application-second-approval-dialog', async () => {
          await page.getByRole('button', { name: T.secondApproval }).click();
          await dialog().waitFor();
        });
        await closeDialog().catch(() => undefined);
      }

      if (role === 'finance' || role === 'admin') {
        if (records.approved) await screen('application-approved', () => showApplication(records.approved));
        if (records.inReview) await screen('application-in-review', () => showApplication(records.inReview));
        await screen('guidelines', () => go('/guidelines', /2026/));
        await screen('cases-denied', () => go('/cases'));
      }

      await context.close();
    }
  }
}
