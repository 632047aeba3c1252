// What a purged record looks like, in each language: an application whose
// narrative, messages and documents the retention purge removed ("Purged on
// <date>" where the texts were, amounts and dates kept), for the unit, the
// contact point and finance, and a case whose birth year and dates went.
//
// Needs purged records: start the demo with RETENTION_MONTHS=0, then
// `RETENTION_MONTHS=0 npm run purge` purges last year's final applications.
//
//   node admin/scripts/retention-tour.mjs [baseUrl]   # default http://localhost:3000
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { apiClient, go, screens, signedIn, launchChromium } from './tour-kit.mjs';

export async function retentionTour({ browser, base, outDir, password }) {
  const { list } = apiClient(base, password);
  const applications = await list('kbh', 'applications');
  const purged = applications.find((a) => a.purgedAt && a.decidedAt) ?? applications.find((a) => a.purgedAt);
  if (!purged) {
    console.log('retention tour: no purged KBH application (start with RETENTION_MONTHS=0 and run npm run purge)');
    return;
  }
  const purgedCase = (await list('kbh', 'cases')).find((c) => c.purgedAt);
  const kept = applications.find((a) => !a.purgedAt && a.status === 'paid');

  for (const lang of (process.env.LANGS ?? 'en,da').split(',')) {
    const { screen } = screens({ outDir, prefix: `retention-${lang}` });
    for (const who of ['kbh', 'ncp', 'finance']) {
      const { context, page } = await signedIn({ browser, base, password, who, lang, tag: 'retention' });
      await screen(page, `${who}-application-purged`, async () => {
        await go(page, base, `/applications/${purged.id}/show`, purged.reference);
        if (who !== 'finance') await page.getByTestId('purged-banner').waitFor();
        const texts = await page.getByTestId('purged').count();
        console.log(`retention tour: ${who}/${lang} sees ${texts} "purged on" text(s) on ${purged.reference}`);
        if (who !== 'finance' && texts === 0) throw new Error('no "purged on" text');
      });
      if (who === 'kbh' && kept) {
        await screen(page, `${who}-application-kept`, () =>
          go(page, base, `/applications/${kept.id}/show`, kept.reference),
        );
      }
      if (who !== 'finance' && purgedCase) {
        await screen(page, `${who}-case-purged`, async () => {
          await go(page, base, `/cases/${purgedCase.id}/show`, purgedCase.reference);
          await page.getByTestId('purged-banner').waitFor();
        });
      }
      await context.close();
    }
  }
  await writeFile(`${outDir}/retention-tour.done`, new Date().toISOString());
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { mkdir } = await import('node:fs/promises');
  const base = (process.argv[2] ?? process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  const outDir = process.env.OUT_DIR ?? '/tmp/exitpool-screenshots';
  await mkdir(outDir, { recursive: true });
  const browser = await launchChromium();
  try {
    await retentionTour({ browser, base, outDir, password: process.env.DEMO_PASSWORD ?? 'demo-password-1' });
  } finally {
    await browser.close();
  }
}
