// Consent per party, as the users see it: the KBH case whose candidate consents to the police and
// the municipality only (its consent, who may see it, the withdrawal dialog), the case form's
// consent, the probation worker's case list without it, and the admin's party and parties inputs.
// Desktop and phone, in each language.
//
//   node admin/scripts/consent-tour.mjs [baseUrl]   # default http://localhost:3000
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { apiClient, go, screens, signedIn, launchChromium } from './tour-kit.mjs';

export async function consentTour({ browser, base, outDir, password }) {
  const { list, api } = apiClient(base, password);
  // the first unit's police worker: KBH in Denmark, HEL in Finland
  const settings = await fetch(`${base}/api/settings`).then((r) => r.json());
  const first = settings.installation === 'fi' ? 'hel@demo.test' : 'kbh';
  const probation = settings.installation === 'fi' ? 'hel-rise@demo.test' : 'kbh-kriminalforsorg@demo.test';
  const partial = (await list(first, 'cases')).find((c) => c.consent?.parties.join() === 'police,municipality');
  if (!partial) throw new Error('consent tour: no KBH case consenting to the police and the municipality only');
  const municipalityWorker = (await list('admin', 'users', {}, ['email', 'ASC'])).find(
    (u) => u.party === 'municipality',
  );
  const unit = await api('admin', `units/${partial.unitId}`);

  for (const lang of (process.env.LANGS ?? 'en,da').split(',')) {
    for (const width of [1366, 390]) {
      const { screen } = screens({ outDir, prefix: `consent-${lang}-${width}` });
      const open = async (who) => {
        return signedIn({ browser, base, password, who, lang, tag: 'consent', width });
      };
      {
        const { context, page } = await open(first);
        await screen(page, 'kbh-case', () => go(page, base, `/cases/${partial.id}/show`, partial.reference));
        await screen(page, 'kbh-withdraw-dialog', async () => {
          await page
            .getByRole('button', { name: /^(Withdraw consent|Træk samtykke tilbage|Peru suostumus)$/i })
            .click();
          await page.getByRole('dialog').waitFor();
        });
        await screen(page, 'kbh-case-edit', () => go(page, base, `/cases/${partial.id}`, partial.reference));
        await screen(page, 'kbh-case-create', () => go(page, base, '/cases/create', /Consent|Samtykke|Suostumus/));
        await context.close();
      }
      {
        const { context, page } = await open(probation);
        await screen(page, 'probation-cases', async () => {
          await go(page, base, '/cases', /(KBH|HEL)-/);
          if ((await page.getByText(partial.reference).count()) > 0) throw new Error(`${partial.reference} is shown`);
        });
        await context.close();
      }
      {
        const { context, page } = await open('admin');
        await screen(page, 'admin-user-edit', async () => {
          // through the user's page, as an administrator gets there (a reload straight into this form
          // waits forever: noted for the next stop)
          await go(page, base, `/users/${municipalityWorker.id}/show`, municipalityWorker.email);
          await go(page, base, `/users/${municipalityWorker.id}`, /^(Party|Part|Osapuoli)/);
        });
        await screen(page, 'admin-unit-edit', () => go(page, base, `/units/${unit.id}`, unit.name));
        await context.close();
      }
    }
  }
  await writeFile(`${outDir}/consent-tour.done`, new Date().toISOString());
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { mkdir } = await import('node:fs/promises');
  const base = (process.argv[2] ?? process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  const outDir = process.env.OUT_DIR ?? '/tmp/exitpool-screenshots';
  await mkdir(outDir, { recursive: true });
  const browser = await launchChromium();
  try {
    await consentTour({ browser, base, outDir, password: process.env.DEMO_PASSWORD ?? 'demo-password-1' });
  } finally {
    await browser.close();
  }
}
