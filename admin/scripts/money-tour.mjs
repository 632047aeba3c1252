// The pool's money in each language and for each role: budget years (gauge,
// per-unit table, allocations, the 409s of a shrinking pool and of closing a
// year with open commitments), payments due, the Payments card, recording a
// payment and a refund (with a lost answer retried under the same idempotency
// key: one payment), the payments list with its filters, and the contact
// point's carry-over. Adds to the demo data.
import { apiClient, go, refuse, screens, signedIn } from './tour-kit.mjs';

const T = {
  save: /^(Save|Gem)$/,
  cancel: /^(Cancel|Annullér)$/,
  edit: /^(Edit|Redigér)$/,
  create: /^(Create|Opret)$/,
  add: /^(Add|Tilføj)$/,
  closeYear: /^(Close year|Luk året)$/,
  recordPayment: /^(Record payment|Registrér udbetaling)$/,
  recordRefund: /^(Record refund|Registrér tilbagebetaling)$/,
  carryOver: /^(Carry over to next year|Overfør til næste år)$/,
  cancelGrant: /^(Cancel grant|Annullér bevilling)$/,
  pool: /^(Pool|Pulje)/,
  amount: /^(Amount|Beløb|Amount refunded|Tilbagebetalt beløb)/,
  payeeReference: /^(Payee reference|Modtagerreference)/,
  accountCode: /^(Account|Konto)/,
  allocation: /^(Indicative allocation|Vejledende ramme)/,
  unit: /^(Exit unit|Exitenhed)/,
  year: /^(Year|År)/,
};

export async function moneyTour({ browser, base, outDir, password }) {
  const { api, call, list } = apiClient(base, password);
  const years = await list('ncp', 'budget-years', {}, ['year', 'DESC']);
  const current = years.find((y) => y.status === 'open') ?? years[0];
  if (!current) {
    console.log('money tour: no budget year');
    return;
  }
  const units = await list('admin', 'units', {}, ['code', 'ASC']);
  const unitByCode = Object.fromEntries(units.map((u) => [u.code, u]));
  const grants = () =>
    list('ncp', 'applications', { status: ['approved', 'partially_approved'] }, ['decidedAt', 'ASC']);
  const langs = (process.env.LANGS ?? 'en,da').split(',');
  // Payments due filters on `unpaid`; while the API does not know that filter, the tour drops it
  // (approved and partially approved grants are unpaid by definition) and says so.
  const dueQuery = encodeURIComponent(JSON.stringify({ status: ['approved', 'partially_approved'], unpaid: true }));
  const unpaidFilter = (await call('finance', `applications?filter=${dueQuery}`)).status < 400;
  if (!unpaidFilter) console.log('money tour: the API refuses filter.unpaid; Payments due is shown without it');
  const paymentsDue = async (page) => {
    if (!unpaidFilter) {
      await page.route(/\/api\/applications\?/, (route) => {
        const url = new URL(route.request().url());
        const filter = JSON.parse(url.searchParams.get('filter') ?? '{}');
        if (!('unpaid' in filter)) return route.fallback();
        delete filter.unpaid;
        url.searchParams.set('filter', JSON.stringify(filter));
        return route.fallback({ url: url.toString() });
      });
    }
    await go(page, base, '/payments-due', /-20\d\d-/);
  };

  for (const [index, lang] of langs.entries()) {
    const { screen } = screens({ outDir, prefix: `money-${lang}` });
    const open = [];
    const as = async (who) => {
      const session = await signedIn({ browser, base, password, who, lang, tag: 'money' });
      open.push(session.context);
      return session.page;
    };
    const dialog = (page) => page.getByRole('dialog');

    // ---- The contact point: the year's pool, allocations, a new year, closing.
    const ncp = await as('ncp');
    await screen(ncp, 'ncp-budget-years', () => go(ncp, base, '/budget-years', String(current.year)));
    await screen(ncp, 'ncp-budget-year-show', () =>
      go(ncp, base, `/budget-years/${current.id}/show`, new RegExp(`(Budget year|Budgetår) ${current.year}`)),
    );
    if (index === 0) {
      // Allocations: KBH gets less than it already uses (highlighted), FYN and NJY more.
      await screen(ncp, 'ncp-budget-year-edit-allocations', async () => {
        await ncp.getByRole('link', { name: T.edit }).click();
        await ncp.locator('input[name="poolAmount"]').waitFor();
        const rows = [
          ['KBH', '40000'],
          ['FYN', '300000'],
          ['NJY', '150000'],
        ];
        for (const [i, [code, amount]] of rows.entries()) {
          await ncp.getByRole('button', { name: T.add }).click();
          await ncp.getByLabel(T.unit).nth(i).click();
          await ncp.getByRole('option', { name: new RegExp(`^${code} `) }).click();
          await ncp.getByLabel(T.allocation).nth(i).fill(amount);
        }
        await ncp.getByTestId('allocation-total').waitFor();
      });
      await screen(ncp, 'ncp-budget-year-pool-below-used', async () => {
        await ncp.locator('input[name="poolAmount"]').fill('100');
        await ncp.locator('input[name="poolAmount"]').blur();
        await ncp
          .getByText(/already committed and paid|allerede disponeret og udbetalt/)
          .first()
          .waitFor();
      });
      await screen(ncp, 'ncp-budget-year-saved', async () => {
        await ncp.locator('input[name="poolAmount"]').fill(lang === 'da' ? '2.000.000,00' : '2,000,000.00');
        await ncp.getByRole('button', { name: T.save }).click();
        await ncp.waitForURL((url) => url.hash.endsWith('/show'));
        await ncp.getByTestId('unit-usage').waitFor();
      });
      // The API's 409 for a pool below what is used (grants approved meanwhile), faked with the API's body: the form checks the same first.
      await screen(ncp, 'ncp-budget-year-409-on-save', async () => {
        await refuse(ncp, '**/api/budget-years/*', {
          method: 'PUT',
          status: 409,
          body: {
            statusCode: 409,
            error: 'Conflict',
            message: 'poolAmount cannot be below what is committed and disbursed (9500000)',
            code: 'LEDGER_POOL_BELOW_USE',
          },
        });
        await ncp.getByRole('link', { name: T.edit }).click();
        await ncp.waitForURL((url) => !url.hash.endsWith('/show'));
        await ncp.locator('input[name="poolAmount"]').fill(lang === 'da' ? '1.999.999' : '1,999,999');
        await ncp.getByRole('button', { name: T.save }).click();
        await ncp
          .getByText(/(cannot be less than what is already committed|kan ikke være mindre end)/)
          .first()
          .waitFor();
        await ncp.unroute('**/api/budget-years/*');
      });
    }
    await screen(ncp, 'ncp-budget-year-show-allocated', () =>
      go(ncp, base, `/budget-years/${current.id}/show`, new RegExp(`(Budget year|Budgetår) ${current.year}`)),
    );
    await screen(ncp, 'ncp-close-year-409', async () => {
      await ncp.getByRole('button', { name: T.closeYear }).click();
      await dialog(ncp).waitFor();
      await dialog(ncp).getByRole('button', { name: T.closeYear }).click();
      await dialog(ncp).getByRole('alert').waitFor();
    });
    await ncp.keyboard.press('Escape');
    // A new (empty) year: created, shown, then closed for good.
    const newYear = current.year + 1 + index;
    const existing = (await list('ncp', 'budget-years', { year: newYear }, ['year', 'DESC']))[0];
    if (!existing) {
      await screen(ncp, 'ncp-budget-year-create', async () => {
        await go(ncp, base, '/budget-years/create', T.pool);
        await ncp.getByLabel(T.year).first().fill(String(newYear));
        await ncp.locator('input[name="poolAmount"]').fill(lang === 'da' ? '2.100.000,00' : '2,100,000.00');
        await ncp.getByRole('button', { name: T.add }).click();
        await ncp.getByLabel(T.unit).first().click();
        await ncp.getByRole('option', { name: /^KBH / }).click();
        await ncp
          .getByLabel(T.allocation)
          .first()
          .fill(lang === 'da' ? '250.000' : '250,000');
        await ncp.getByTestId('allocation-total').waitFor();
      });
      await screen(ncp, 'ncp-budget-year-created', async () => {
        await ncp.getByRole('button', { name: T.save }).click();
        await ncp.waitForURL((url) => url.hash.endsWith('/show'));
        await ncp
          .getByText(new RegExp(`(Budget year|Budgetår) ${newYear}`))
          .first()
          .waitFor();
      });
      if (index > 0) {
        await screen(ncp, 'ncp-budget-year-closed', async () => {
          await ncp.getByRole('button', { name: T.closeYear }).click();
          await dialog(ncp).getByRole('button', { name: T.closeYear }).click();
          await dialog(ncp).waitFor({ state: 'hidden' });
          await ncp
            .getByText(/^(Closed|Lukket)$/)
            .first()
            .waitFor();
        });
      }
    }

    // ---- Finance: what is due, a payment whose answer is lost and retried, a refund, the list.
    const finance = await as('finance');
    await screen(finance, 'finance-payments-due', () => paymentsDue(finance));
    const unpaid = (await grants()).filter((g) => BigInt(g.unpaidAmount ?? 0) > 0n);
    // Finance pays on the first grant with money due; the contact point looks at another one's year end.
    // (one with enough left for the tour's 4,000.00 payment, 1,000.00 more and a refund)
    const grant = unpaid.find((g) => BigInt(g.unpaidAmount) >= 1_000_000n) ?? unpaid[0];
    const kbhGrant = (await list('kbh', 'applications', { status: ['approved', 'partially_approved', 'paid'] }))[0];
    if (grant) {
      const show = () => go(finance, base, `/applications/${grant.id}/show`, grant.reference);
      await screen(finance, 'finance-grant-payments-card', show);
      await screen(finance, 'finance-record-payment-dialog', async () => {
        await finance.getByRole('button', { name: T.recordPayment }).click();
        await dialog(finance).waitFor();
      });
      // The first answer is lost after the API recorded the payment; the retry sends the same key.
      const keys = [];
      let lost = false;
      await finance.route('**/api/disbursements', async (route) => {
        if (route.request().method() !== 'POST') return route.fallback();
        keys.push(route.request().headers()['idempotency-key']);
        if (!lost) {
          lost = true;
          await route.fetch(); // reaches the API, which records the payment
          return route.abort('connectionreset');
        }
        return route.fallback();
      });
      const partial = 400000; // 4,000.00 of the grant
      await screen(finance, 'finance-payment-answer-lost', async () => {
        await dialog(finance)
          .getByLabel(T.amount)
          .first()
          .fill(lang === 'da' ? '4.000,00' : '4,000.00');
        await dialog(finance).getByLabel(T.payeeReference).fill(`INV-${lang}-0042`);
        await dialog(finance).getByLabel(T.accountCode).fill('4410');
        await dialog(finance).getByRole('button', { name: T.recordPayment }).click();
        await dialog(finance).getByRole('alert').waitFor();
      });
      await screen(finance, 'finance-payment-recorded-once', async () => {
        await dialog(finance).getByRole('button', { name: T.recordPayment }).click();
        await dialog(finance).waitFor({ state: 'hidden' });
        await finance.getByText(`INV-${lang}-0042`).first().waitFor();
      });
      await finance.unroute('**/api/disbursements');
      const recorded = (await list('finance', 'disbursements', { applicationId: grant.id })).filter(
        (d) => d.payeeReference === `INV-${lang}-0042`,
      );
      console.log(
        `money tour: keys sent ${JSON.stringify(keys)}; same key: ${keys.length === 2 && keys[0] === keys[1]}; payments recorded: ${recorded.length} (${recorded.map((d) => d.amount).join(', ')}; expected one of ${partial})`,
      );
      // A stale dialog: someone else paid meanwhile, so the API refuses the over-payment (409).
      await screen(finance, 'finance-payment-409-stale', async () => {
        await show();
        await finance.getByRole('button', { name: T.recordPayment }).click();
        await dialog(finance).waitFor();
        await api('finance', 'disbursements', {
          method: 'POST',
          headers: { 'Idempotency-Key': crypto.randomUUID() },
          body: JSON.stringify({
            applicationId: grant.id,
            amount: 100000,
            paidOn: new Date().toISOString().slice(0, 10),
            payeeType: 'clinic',
            payeeReference: `OTHER-${lang}`,
          }),
        });
        await dialog(finance).getByRole('button', { name: T.recordPayment }).click();
        await dialog(finance).getByRole('alert').waitFor();
      });
      await finance.keyboard.press('Escape');
      await screen(finance, 'finance-record-refund-dialog', async () => {
        await show();
        await finance.getByRole('button', { name: T.recordRefund }).click();
        await dialog(finance).waitFor();
        await dialog(finance)
          .getByLabel(T.amount)
          .first()
          .fill(lang === 'da' ? '999.999' : '999,999');
        await dialog(finance).getByLabel(T.amount).first().blur();
      });
      await screen(finance, 'finance-refund-recorded', async () => {
        await dialog(finance)
          .getByLabel(T.amount)
          .first()
          .fill(lang === 'da' ? '500,00' : '500.00');
        await dialog(finance).getByLabel(T.payeeReference).fill(`CN-${lang}-7`);
        await dialog(finance).getByRole('button', { name: T.recordRefund }).click();
        await dialog(finance).waitFor({ state: 'hidden' });
        await finance.getByText(`CN-${lang}-7`).first().waitFor();
      });
    }
    await screen(finance, 'finance-disbursements', () => go(finance, base, '/disbursements', /-20\d\d-/));
    await screen(finance, 'finance-disbursements-refunds-filtered', async () => {
      const filter = encodeURIComponent(
        JSON.stringify({ unitId: grant?.unitId ?? unitByCode.KBH?.id, year: current.year }),
      );
      await go(finance, base, `/disbursements?filter=${filter}`);
      await finance.getByRole('row').nth(1).waitFor();
    });
    const one = (await list('finance', 'disbursements', {}, ['paidOn', 'DESC']))[0];
    if (one)
      await screen(finance, 'finance-disbursement-show', () =>
        go(finance, base, `/disbursements/${one.id}/show`, one.applicationReference),
      );
    await screen(finance, 'finance-budget-year-show', () =>
      go(finance, base, `/budget-years/${current.id}/show`, new RegExp(`(Budget year|Budgetår) ${current.year}`)),
    );

    // ---- The contact point on a grant: payments, the year-end choice, carry-over.
    const carry = unpaid.find((g) => g.id !== grant?.id) ?? grant;
    if (carry) {
      await screen(ncp, 'ncp-grant-year-end', () => go(ncp, base, `/applications/${carry.id}/show`, carry.reference));
      await screen(ncp, 'ncp-carry-over-dialog', async () => {
        await ncp.getByRole('button', { name: T.carryOver }).click();
        await dialog(ncp).waitFor();
      });
      await ncp.keyboard.press('Escape');
    }
    if (grant)
      await screen(ncp, 'ncp-grant-paid-in-part', () =>
        go(ncp, base, `/applications/${grant.id}/show`, grant.reference),
      );
    await screen(ncp, 'ncp-payments-due', () => paymentsDue(ncp));
    await screen(ncp, 'ncp-disbursements', () => go(ncp, base, '/disbursements', /-20\d\d-/));

    // ---- The unit: its own unit's row, payments and grant.
    const kbh = await as('kbh');
    await screen(kbh, 'kbh-budget-years', () => go(kbh, base, '/budget-years', String(current.year)));
    await screen(kbh, 'kbh-budget-year-show', () =>
      go(kbh, base, `/budget-years/${current.id}/show`, /(Your unit|Din enhed)/),
    );
    await screen(kbh, 'kbh-disbursements', async () => {
      await go(kbh, base, '/disbursements');
      if (await kbh.getByText(/FYN-20/).count()) throw new Error("a unit worker sees another unit's payments");
    });
    if (kbhGrant)
      await screen(kbh, 'kbh-grant', () => go(kbh, base, `/applications/${kbhGrant.id}/show`, kbhGrant.reference));

    // ---- The administrator: reads the pool, has no payments.
    const admin = await as('admin');
    await screen(admin, 'admin-budget-year-show', () =>
      go(admin, base, `/budget-years/${current.id}/show`, new RegExp(`(Budget year|Budgetår) ${current.year}`)),
    );
    if (grant)
      await screen(admin, 'admin-grant', () => go(admin, base, `/applications/${grant.id}/show`, grant.reference));
    await screen(admin, 'admin-disbursements-denied', () => go(admin, base, '/disbursements'));

    // Another installation's currency (GET /api/settings), faked: every amount follows it.
    const eur = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    open.push(eur);
    await eur.route('**/api/settings', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ currency: 'EUR', demo: true }) }),
    );
    await eur.addInitScript((locale) => localStorage.setItem('exitpool.locale', locale), lang);
    const eurPage = await eur.newPage();
    await screen(eurPage, 'finance-eur-budget-year', async () => {
      await eurPage.goto(`${base}/#/login`);
      await eurPage.getByLabel(/Email|E-mail/).fill('finance@demo.test');
      await eurPage.getByLabel(/Password|Adgangskode/).fill(password);
      await eurPage.getByRole('button', { name: /^(Sign in|Log ind)$/ }).click();
      await eurPage.waitForURL((url) => !url.hash.startsWith('#/login'));
      await go(eurPage, base, `/budget-years/${current.id}/show`, /EUR/);
    });

    for (const context of open) await context.close();
  }

  // The last language carries one grant over (it needs the next year, made above).
  if (process.env.CARRY_OVER !== 'no') {
    const carry = (await grants()).reverse().find((g) => g.actions?.includes('carry-over'));
    if (carry) {
      const { status, body } = await call('ncp', `applications/${carry.id}/carry-over`, {
        method: 'POST',
        body: JSON.stringify({ reason: 'Treatment continues into the new year.' }),
      });
      console.log(
        `money tour: carry-over of ${carry.reference}: ${status} ${status >= 400 ? JSON.stringify(body) : `budgetYearId ${body.budgetYearId}`}`,
      );
    }
  }
}
