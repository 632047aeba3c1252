// One new application through the whole workflow, in each language, for
// screenshots.mjs: the unit submits, the contact point starts the review and
// asks a question, the unit answers, the contact point approves part of it with
// an override. Then the API's refusals, faked by intercepting a request: 400
// field errors beside the cost lines, and a 409 with the findings that stopped a submit.

import { FORM, apiClient, fillApplication, refuse, screens, signedIn } from './tour-kit.mjs';

const T = {
  ...FORM,
  startReview: /^(Start review|Påbegynd behandling)$/,
  requestInfo: /^(Request information|Bed om oplysninger)$/,
  send: /^(Send)$/,
  answer: /^(Answer|Besvar)$/,
  answerConfirm: /^(Answer and resubmit|Svar og indsend igen)$/,
  approve: /^(Approve|Bevilg)$/,
  approved: /^(Approved|Bevilget)/,
  reason: /^(Reason for the decision|Begrundelse for afgørelsen)/,
  override: /^(Justification: |Begrundelse: )/,
  edit: /^(Edit|Redigér)$/,
  newApplication: /^(New application|Ny ansøgning)$/,
  cancelGrant: /^(Cancel grant|Annullér bevilling)$/,
  keepGrant: /^(Keep the grant|Behold bevillingen)$/,
  confirmWithout: /(I agree with the first approver|Jeg er enig med første godkender)/,
  secondReason: /^(Second approver's reason|Anden godkenders begrundelse)$/,
  actedFirst: /(Someone else acted on this application first|En anden har allerede handlet på ansøgningen)/,
};

export async function workflowTour({ browser, base, outDir, password }) {
  const { api } = apiClient(base, password);
  const cases = await api('kbh', `cases?range=${encodeURIComponent('[0,99]')}`);
  // An active case with consent and agreement: nothing blocks a submit.
  const ready = cases.find((c) => c.status === 'active' && c.consentRecordedOn && c.agreementSignedOn);
  if (!ready) {
    console.log('workflow tour: no KBH case ready for an application');
    return;
  }

  for (const lang of (process.env.LANGS ?? 'en,da').split(',')) {
    const sessions = {};
    const as = async (email) => {
      sessions[email] ??= await signedIn({
        browser,
        base,
        password,
        who: email,
        lang,
        tag: 'workflow',
        // the application page asks for attachments the tour's new application does not have
        quiet: '/api/attachments',
      });
      return sessions[email].page;
    };
    const { screen: step } = screens({ outDir, prefix: 'workflow', suffix: `-${lang}`, settle: 600 });
    const dialog = (page) => page.getByRole('dialog');
    const confirmDialog = async (page, name) => {
      await dialog(page).getByRole('button', { name }).click();
      await dialog(page).waitFor({ state: 'hidden' });
      await page.waitForLoadState('networkidle');
    };

    // The unit writes and submits.
    const unit = await as('kbh@demo.test');
    // "New application" on a case page opens the create form with the case chosen.
    await step(unit, 'new-from-case', async () => {
      await unit.goto(`${base}/#/cases/${ready.id}/show`);
      await unit.getByRole('link', { name: T.newApplication }).click();
      await unit.waitForURL((url) => url.hash.startsWith('#/applications/create'));
      const source = new URLSearchParams(new URL(unit.url()).hash.split('?')[1]).get('source');
      if (JSON.parse(source ?? '{}').caseId !== ready.id)
        throw new Error(`create form opened without the case: ${source}`);
      await unit.getByText(ready.reference).first().waitFor();
    });
    let applicationUrl;
    const created = await step(unit, 'draft', async () => {
      const source = encodeURIComponent(JSON.stringify({ caseId: ready.id }));
      await unit.goto(`${base}/#/applications/create?source=${source}`);
      await fillApplication(unit, {
        justification:
          lang === 'da' ? 'Samtaleforløb hos psykolog efter udtræden.' : 'A course of talks with a psychologist.',
        lines: [
          {
            description: lang === 'da' ? 'Samtaler' : 'Sessions',
            quantity: '4',
            unitPrice: lang === 'da' ? '1.500,00' : '1500',
          },
        ],
      });
      await unit.getByRole('button', { name: T.save }).click();
      await unit.waitForURL((url) => url.hash.endsWith('/show'));
      applicationUrl = unit.url();
    });
    if (!created) continue;

    // A 400 with field errors from the API lands beside the cost line it names.
    await step(unit, 'edit-server-field-error', async () => {
      await unit.getByRole('link', { name: T.edit }).click();
      await unit.getByLabel(T.quantity).first().waitFor();
      await refuse(unit, '**/api/applications/*', {
        method: 'PUT',
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: ['lines.0.quantity: must be at most 90'],
          errors: { 'lines.0.quantity': 'must be at most 90' },
        },
      });
      await unit.getByLabel(T.quantity).first().fill('5');
      await unit.getByRole('button', { name: T.save }).click();
      await unit.getByText('must be at most 90').waitFor();
      await unit.unroute('**/api/applications/*');
    });

    // A 409 on submit keeps the dialog open with the findings that stopped it.
    await step(unit, 'submit-refused-409', async () => {
      await unit.goto(applicationUrl);
      await refuse(unit, '**/api/applications/*/submit', {
        status: 409,
        body: {
          statusCode: 409,
          error: 'Conflict',
          message: 'A block finding stops the submission',
          findings: [
            {
              rule: 'amount-per-case',
              severity: 'block',
              message: 'The case would receive more than DKK 36,000.00 for this category.',
              messageDa: 'Sagen ville få mere end 36.000,00 kr. i denne kategori.',
            },
          ],
        },
      });
      await unit.getByRole('button', { name: T.submit }).click();
      await dialog(unit).getByTestId('findings').first().waitFor();
      await dialog(unit).getByRole('button', { name: T.submit }).click();
      await dialog(unit)
        .getByText(/DKK 36,000.00|36.000,00 kr./)
        .waitFor();
      await unit.unroute('**/api/applications/*/submit');
    });
    await dialog(unit)
      .getByRole('button', { name: /^(Cancel|Annullér)$/ })
      .click()
      .catch(() => undefined);

    const submitted = await step(unit, 'submitted', async () => {
      await unit.goto(applicationUrl);
      await unit.reload();
      await unit.getByRole('button', { name: T.submit }).click();
      await dialog(unit).getByTestId('findings').first().waitFor();
      await confirmDialog(unit, T.submit);
      await unit
        .getByText(/^(Submitted|Indsendt)$/)
        .first()
        .waitFor();
    });
    if (!submitted) continue;
    const path = new URL(applicationUrl).hash;

    // The contact point reviews and asks.
    const ncp = await as('ncp@demo.test');
    await step(ncp, 'review-started', async () => {
      await ncp.goto(`${base}/${path}`);
      await ncp.getByRole('button', { name: T.startReview }).click();
      await confirmDialog(ncp, T.startReview);
      await ncp
        .getByText(/^(In review|Under behandling)$/)
        .first()
        .waitFor();
    });
    await step(ncp, 'info-requested', async () => {
      await ncp.getByRole('button', { name: T.requestInfo }).click();
      await dialog(ncp)
        .getByRole('textbox')
        .first()
        .fill(
          lang === 'da'
            ? 'Hvor mange samtaler er aftalt med psykologen?'
            : 'How many sessions has the psychologist agreed to?',
        );
      await confirmDialog(ncp, T.send);
      await ncp.getByTestId('thread').waitFor();
    });

    // The contact point's queue keeps what waits for the unit apart from what waits for them.
    await step(ncp, 'queue-apart', async () => {
      await ncp.goto(`${base}/#/review-queue`);
      const id = new URL(applicationUrl).hash.split('/')[2];
      await ncp.getByTestId('queue-waiting-for-unit').locator(`a[href*="${id}"]`).waitFor();
    });

    // The unit answers (and so resubmits): Answer is its one action, Submit is not offered.
    await step(unit, 'answered', async () => {
      await unit.goto(applicationUrl);
      await unit.reload();
      await unit.getByRole('button', { name: T.answer }).waitFor();
      if ((await unit.getByRole('button', { name: T.submit }).count()) > 0) {
        throw new Error('Submit offered beside Answer');
      }
      await unit.getByRole('button', { name: T.answer }).click();
      await dialog(unit)
        .getByRole('textbox')
        .first()
        .fill(lang === 'da' ? 'Fire samtaler, hver anden uge.' : 'Four sessions, every other week.');
      await confirmDialog(unit, T.answerConfirm);
      await unit
        .getByText(/^(Submitted|Indsendt)$/)
        .first()
        .waitFor();
    });

    // The contact point approves part of it, overriding the missing quote.
    await step(ncp, 'approve-dialog-filled', async () => {
      await ncp.goto(`${base}/${path}`);
      await ncp.reload();
      await ncp.getByRole('button', { name: T.approve }).click();
      await dialog(ncp).waitFor();
      await dialog(ncp)
        .getByLabel(T.approved)
        .fill(lang === 'da' ? '4.500,00' : '4500');
      await dialog(ncp)
        .getByLabel(T.reason)
        .fill(
          lang === 'da'
            ? 'Tre samtaler dækkes; den fjerde af kommunen.'
            : 'Three sessions are covered; the fourth by the municipality.',
        );
      const overrides = dialog(ncp).getByLabel(T.override);
      for (let i = 0; i < (await overrides.count()); i++) {
        await overrides.nth(i).fill(lang === 'da' ? 'Tilbuddet er modtaget på mail.' : 'The quote arrived by email.');
      }
    });
    // Another user acted first (faked 409): the dialog stays open with the text and says so.
    await step(ncp, 'approve-acted-first-409', async () => {
      await refuse(ncp, '**/api/applications/*/approve', {
        status: 409,
        body: {
          statusCode: 409,
          error: 'Conflict',
          message: 'An application that is approved cannot be approve',
          code: 'APPLICATION_WRONG_STATUS',
        },
      });
      await dialog(ncp).getByRole('button', { name: T.approve }).click();
      await dialog(ncp).getByText(T.actedFirst).waitFor();
      const kept = await dialog(ncp).getByLabel(T.reason).inputValue();
      if (!kept) throw new Error('the typed reason was lost');
      await ncp.unroute('**/api/applications/*/approve');
    });
    await step(ncp, 'approved', async () => {
      await confirmDialog(ncp, T.approve);
      await ncp
        .getByText(/^(Partially approved|Delvist bevilget)$/)
        .first()
        .waitFor();
    });

    // Cancelling a grant: the dialog offers "Keep the grant", not "Cancel" beside "Cancel grant".
    await step(ncp, 'cancel-grant-dialog', async () => {
      await ncp.getByRole('button', { name: T.cancelGrant }).click();
      await dialog(ncp).getByRole('button', { name: T.keepGrant }).waitFor();
      if (
        (await dialog(ncp)
          .getByRole('button', { name: /^(Cancel|Annullér)$/ })
          .count()) > 0
      ) {
        throw new Error('"Cancel" offered beside "Cancel grant"');
      }
    });
    await dialog(ncp)
      .getByRole('button', { name: T.keepGrant })
      .click()
      .catch(() => undefined);

    // A second approval: the colleague's dialog shows the first approver's justification but is not
    // filled with it; they write their own or tick that they confirm without.
    const waiting = await api(
      'ncp2',
      `applications?filter=${encodeURIComponent(JSON.stringify({ status: 'awaiting_second_approval' }))}`,
    );
    if (waiting[0]) {
      const ncp2 = await as('ncp2@demo.test');
      await step(ncp2, 'second-approval-dialog', async () => {
        await ncp2.goto(`${base}/#/applications/${waiting[0].id}/show`);
        await ncp2.getByRole('button', { name: /^(Second approval|Anden godkendelse)$/ }).click();
        await dialog(ncp2).waitFor();
        const overrides = dialog(ncp2).getByLabel(T.override);
        for (let i = 0; i < (await overrides.count()); i++) {
          if ((await overrides.nth(i).inputValue()) !== '')
            throw new Error("pre-filled with the first approver's words");
        }
      });
      // In the last language the colleague confirms without words of their own; the decision card then
      // shows both approvals and both reasons.
      const langs = (process.env.LANGS ?? 'en,da').split(',');
      if (lang === langs[langs.length - 1]) {
        await step(ncp2, 'second-approved', async () => {
          await dialog(ncp2)
            .getByLabel(T.reason)
            .fill(lang === 'da' ? 'Enig: sikkerheden går forud.' : 'Agreed: safety comes first.');
          const confirms = dialog(ncp2).getByLabel(T.confirmWithout);
          for (let i = 0; i < (await confirms.count()); i++) await confirms.nth(i).check();
          await confirmDialog(ncp2, T.approve);
          await ncp2.getByText(T.secondReason).waitFor();
        });
      }
    }

    for (const { context } of Object.values(sessions)) await context.close();
  }
}
