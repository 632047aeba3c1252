// What finance sees of a grant it is to pay, in English and Danish at 1366 and 390 px:
// the lines with their descriptions, the decision's payment instructions, the payments
// in the order paid, fitting the card; and the category names in the page's language.
// Fails when the payments table is wider than its card or the payment instructions are missing.
// Usage: node admin/scripts/finance-grant-tour.mjs http://localhost:3000 (a demo app)
import { mkdir } from 'node:fs/promises';
import { apiClient, go, screens, signedIn, launchChromium } from './tour-kit.mjs';

const base = (process.argv[2] ?? process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const outDir = process.env.OUT_DIR ?? '/tmp/exitpool-screenshots';
const password = process.env.DEMO_PASSWORD ?? 'demo-password-1';
await mkdir(outDir, { recursive: true });

const browser = await launchChromium();
const { list } = apiClient(base, password);
const grants = await list('finance', 'applications', { status: ['approved', 'partially_approved', 'paid'] });
// the demo's grant paid in part, with payment instructions written at its decision
const grant = grants.find((g) => g.status === 'approved' && g.paidAmount > 0) ?? grants[0];
const failures = [];
try {
  for (const lang of ['en', 'da']) {
    const { context, page } = await signedIn({ browser, base, password, who: 'finance', lang, tag: 'finance-grant' });
    const { screen } = screens({ outDir, prefix: `finance-grant-${lang}` });
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await screen(page, `grant-${width}`, async () => {
        await go(page, base, `/applications/${grant.id}/show`, grant.reference);
        await page.getByTestId('payments-card').waitFor();
        const instructions = page.getByTestId('payment-instructions');
        if (!(await instructions.count())) failures.push(`${lang} ${width}: no payment instructions`);
        // the page's own width at 390 px is the phone-width tour's to check (ui-small-tour.mjs)
        const wide = await page.evaluate('document.documentElement.scrollWidth');
        if (wide > width) console.log(`${lang} ${width}: the grant page is ${wide} px wide`);
        const card = await page.getByTestId('payments-card').evaluate((el) => [el.scrollWidth, el.clientWidth]);
        if (card[0] > card[1]) failures.push(`${lang} ${width}: the payments table is wider than its card`);
      });
      await screen(page, `categories-${width}`, async () => {
        await go(page, base, '/categories', lang === 'da' ? 'Psykologbehandling' : 'Psychological treatment');
      });
    }
    await context.close();
  }
} finally {
  await browser.close();
}
if (failures.length) {
  console.log(failures.join('\n'));
  process.exit(1);
}
console.log('finance grant tour: payment instructions shown, payments fit their card');
