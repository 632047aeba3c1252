// The lists' Export buttons in English and Danish: applications and cases (contact
// point), payments (finance, the API's own file), units, categories, users and the
// audit log (administrator). Each file is saved and checked: a UTF-8 byte-order mark, the
// header in the user's language, no raw ids or `names.<uuid>` keys, amounts in
// kroner with the language's decimal sign, names rather than codes. Fails (exit 1)
// when a file fails a check; screenshots of each list go to OUT_DIR. Reads only.
//
//   node admin/scripts/exports-tour.mjs [baseUrl]      # default http://localhost:3000
//   LANGS=da OUT_DIR=/tmp/exports-shots node admin/scripts/exports-tour.mjs
import { mkdir, readFile } from 'node:fs/promises';
import { go, screens, signedIn, launchChromium } from './tour-kit.mjs';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Per list: who exports it, the first header in each language, what must (and must not) be in the file. */
const LISTS = [
  {
    resource: 'applications',
    who: 'ncp',
    first: { en: 'Reference', da: 'Reference' },
    has: {
      en: [/Requested \(DKK\)/, /Københavns Politi/, /Temporary relocation/],
      da: [/Ansøgt \(DKK\)|\(DKK\)/, /Københavns Politi/, /Midlertidig flytning/],
    },
    money: true,
  },
  {
    resource: 'cases',
    who: 'ncp',
    first: { en: 'Reference', da: 'Reference' },
    has: { en: [/Fyns Politi/], da: [/Fyns Politi/] },
  },
  {
    resource: 'disbursements',
    who: 'finance',
    first: { en: 'Paid on', da: 'Betalt den' },
    has: { en: [/Amount \(DKK\)/, /Landlord|Clinic|Psychologist/], da: [/Beløb \(DKK\)/, /Udlejer|Klinik|Psykolog/] },
    money: true,
    apiFile: true,
  },
  {
    resource: 'units',
    who: 'admin',
    first: { en: 'Code', da: 'Kode' },
    has: { en: [/Østjyllands Politi/], da: [/Østjyllands Politi/] },
  },
  {
    resource: 'categories',
    who: 'admin',
    first: { en: 'Code', da: 'Kode' },
    has: { en: [/Psychological treatment/], da: [/Psykologbehandling/] },
  },
  {
    resource: 'audit-events',
    who: 'admin',
    first: { en: 'No.', da: 'Nr.' },
    has: { en: [/Demo Administrator/, /KBH-\d{4}-\d{3}/], da: [/Demo Administrator/, /KBH-\d{4}-\d{3}/] },
  },
  {
    resource: 'users',
    who: 'admin',
    first: { en: 'Display name', da: 'Visningsnavn' },
    has: { en: [/Contact point|Finance/], da: [/Kontaktpunkt|Økonomi/] },
  },
];

function check(text, list, lang) {
  const problems = [];
  if (!text.startsWith('\uFEFF')) problems.push('no byte-order mark');
  const delimiter = lang === 'da' ? ';' : ',';
  const lines = text.slice(1).split('\r\n').filter(Boolean);
  const header = lines[0] ?? '';
  // the API's payment file keeps the payment's id as its last column, to match a bank statement
  if (!list.apiFile && UUID.test(text)) problems.push('an id in the file');
  if (/names\./.test(header)) problems.push('a names.<uuid> key');
  if (!header.startsWith(list.first[lang])) problems.push(`header starts "${header.slice(0, 30)}"`);
  for (const pattern of list.has[lang]) if (!pattern.test(text)) problems.push(`no ${pattern}`);
  if (list.money) {
    const decimals = lang === 'da' ? /(^|;)-?\d+,\d{2}(;|$)/m : /(^|,)-?\d+\.\d{2}(,|$)/m;
    if (!decimals.test(lines.slice(1).join('\n'))) problems.push('no amount in kroner with the decimal sign');
  }
  return { problems, lines: lines.length - 1, header: header.split(delimiter).length };
}

export async function exportsTour({ browser, base, outDir, password }) {
  const downloadDir = `${outDir}/downloads`;
  await mkdir(downloadDir, { recursive: true });
  let failed = 0;
  for (const lang of (process.env.LANGS ?? 'en,da').split(',')) {
    const { shot } = screens({ outDir, prefix: `exports-${lang}` });
    for (const who of [...new Set(LISTS.map((l) => l.who))]) {
      const { context, page } = await signedIn({ browser, base, password, who, lang, tag: 'exports' });
      for (const list of LISTS.filter((l) => l.who === who)) {
        try {
          await go(page, base, `/${list.resource}`);
          await page.locator('.RaList-main, .RaList-content').first().waitFor({ timeout: 10_000 });
          await shot(page, list.resource);
          const button = page.getByRole('button', { name: /^(Export|Eksportér)$/ });
          const [file] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), button.click()]);
          const path = `${downloadDir}/${lang}-${file.suggestedFilename()}`;
          await file.saveAs(path);
          const text = (await readFile(path)).toString('utf8');
          const { problems, lines, header } = check(text, list, lang);
          console.log(
            `exports tour: ${problems.length ? 'BAD' : 'OK'} ${lang} ${list.resource} → ${file.suggestedFilename()}: ` +
              `${header} columns, ${lines} rows${problems.length ? `; ${problems.join('; ')}` : ''}`,
          );
          console.log(`  ${text.slice(1).split('\r\n').slice(0, 2).join('\n  ')}`);
          if (problems.length) failed++;
        } catch (error) {
          failed++;
          console.log(`exports tour: FAILED ${lang} ${list.resource}: ${error.message.split('\n')[0]}`);
        }
      }
      await context.close();
    }
  }
  return failed;
}

// Run on its own: node admin/scripts/exports-tour.mjs [baseUrl]
if (import.meta.url === `file://${process.argv[1]}`) {
  const base = (process.argv[2] ?? process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  const outDir = process.env.OUT_DIR ?? '/tmp/exports-shots';
  const password = process.env.DEMO_PASSWORD ?? 'demo-password-1';
  await mkdir(outDir, { recursive: true });
  const browser = await launchChromium();
  const failed = await exportsTour({ browser, base, outDir, password }).finally(() => browser.close());
  if (failed) {
    console.log(`exports tour: ${failed} export(s) failed`);
    process.exit(1);
  }
}
