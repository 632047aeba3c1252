// Every role's screens in English and Danish, for screenshots.mjs. Each role signs
// in in a browser context of its own with the language preset; the records to
// open are looked up through the API first. A screen that fails is logged and
// shot as it stands, and the tour goes on.

import { ACCOUNTS, FORM, apiClient, fillApplication, go as goTo, screens, signedIn } from './tour-kit.mjs';

// English and Danish wording of what the tour clicks.
const T = {
  ...FORM,
  cancel: /^(Cancel|Annullér)$/,
  drafts: /^(Drafts|Kladder)$/,
  open: /^(Open|Åbne)$/,
  check: /(Check against guidelines|Tjek mod retningslinjerne)/,
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
  const { list } = apiClient(base, password);

  // The records the tour opens.
  const all = await list('ncp', 'applications');
  const byStatus = (status, unitPrefix) =>
    all.find((a) => a.status === status && (!unitPrefix || a.reference.startsWith(unitPrefix)));
  const kbhCases = await list('kbh', 'cases');
  const activeCase = kbhCases.find((c) => c.status === 'active') ?? kbhCases[0];
  const guidelines = await list('ncp', 'guidelines', {}, ['effectiveFrom', 'DESC']);
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
      const { context, page } = await signedIn({ browser, base, password, who: role, lang, tag: 'role' });
      const kit = screens({ outDir, prefix: role, suffix: `-${lang}` });
      const screen = (name, steps) => kit.screen(page, name, steps);
      const go = (hash, waitFor) => goTo(page, base, hash, waitFor);
      const dialog = () => page.getByRole('dialog');
      const closeDialog = async () => {
        await dialog().getByRole('button', { name: T.cancel }).click();
        await dialog().waitFor({ state: 'hidden' });
      };
      // Saves the form and waits for the draft's page.
      const saveDraft = async () => {
        await page.getByRole('button', { name: T.save }).click();
        await page.waitForURL((url) => url.hash.endsWith('/show'));
        await page
          .getByText(/Draft|Kladde/)
          .first()
          .waitFor();
      };
      // A dialog opened by its button, shot, and closed again without acting.
      const dialogScreen = async (name, button) => {
        await screen(name, async () => {
          await page.getByRole('button', { name: button }).click();
          await dialog().waitFor();
        });
        await closeDialog().catch(() => undefined);
      };
      const showApplication = (record) => go(`/applications/${record.id}/show`, record.reference);

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
          await fillApplication(page, {
            justification:
              lang === 'da'
                ? 'Kandidaten har brug for behandling for angst efter udtræden.'
                : 'The candidate needs treatment for anxiety after leaving.',
            lines: [
              {
                description: lang === 'da' ? 'Samtaler hos psykolog' : 'Sessions with a psychologist',
                quantity: '6',
                unitPrice: lang === 'da' ? '1.200,50' : '1,200.50',
              },
              { description: lang === 'da' ? 'Udredning' : 'Assessment', quantity: '1', unitPrice: '900' },
            ],
          });
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
          await saveDraft();
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
          await dialogScreen('application-withdraw-dialog', T.withdraw);
        }
        await screen('guidelines', () => go('/guidelines', /2026/));
      }

      if (role === 'fyn' && records.infoRequested) {
        await screen('application-info-requested', () => showApplication(records.infoRequested));
        await dialogScreen('application-answer-dialog', T.answer);
      }

      if (role === 'ncp') {
        await screen('review-queue', () => go('/review-queue', /-20\d\d-/));
        if (records.inReview) {
          await screen('application-in-review', () => showApplication(records.inReview));
          await dialogScreen('application-approve-dialog', T.approve);
          await dialogScreen('application-request-info-dialog', T.requestInfo);
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
            await saveDraft();
          });
          await dialogScreen('guideline-publish-confirm', T.publish);
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
        await dialogScreen('application-second-approval-dialog', T.secondApproval);
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
