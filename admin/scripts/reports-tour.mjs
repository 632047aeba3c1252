// The dashboards and the Reports page for each role and language: the unit
// worker's (kbh), the contact point's (ncp), finance's and the administrator's
// home; the Reports page by budget year and by dates, grouped and filtered; and
// the downloads: spending CSV and XLSX, statistics, payments — each file checked
// (not empty, CSV with a UTF-8 byte-order mark, XLSX a zip) and each request
// checked to carry the token in its header, never in its URL. Reads only.
//
//   node admin/scripts/reports-tour.mjs [baseUrl]      # default http://localhost:3000
//   LANGS=da ROLES=finance OUT_DIR=/tmp/ui6-shots node admin/scripts/reports-tour.mjs
import { mkdir, readFile } from 'node:fs/promises';
import { apiClient, go, screens, signedIn, launchChromium } from './tour-kit.mjs';

const T = {
  reportsMenu: /^(Reports|Rapporter)$/,
  dates: /^(Dates|Datoer)$/,
  from: /^(From|Fra)$/,
  to: /^(To|Til)$/,
  csv: /^CSV$/,
  xlsx: /^XLSX$/,
  statisticsCsv: /^(Statistics CSV|Statistik CSV)$/,
  statisticsXlsx: /^(Statistics XLSX|Statistik XLSX)$/,
  paymentsCsv: /^(Payments CSV|Udbetalinger CSV)$/,
  spendingCsv: /^(Spending CSV|Forbrug CSV)$/,
  spendingXlsx: /^(Spending XLSX|Forbrug XLSX)$/,
  byUnit: /^(By exit unit as well|Også pr\. exitenhed)$/,
  total: /^(Total|I alt)$/,
};

const BOM = [0xef, 0xbb, 0xbf];

/** Clicks a download button, saves the file and says what came: name, size, and the checks of its kind. */
async function download(page, button, downloadDir, tag) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), button.click()]);
  const name = file.suggestedFilename();
  const path = `${downloadDir}/${tag}-${name}`;
  await file.saveAs(path);
  const bytes = await readFile(path);
  const checks = [`${bytes.length} bytes`];
  let ok = bytes.length > 0;
  if (name.endsWith('.csv')) {
    const bom = BOM.every((b, i) => bytes[i] === b);
    ok &&= bom;
    const firstLine = bytes.subarray(3).toString('utf8').split(/\r?\n/)[0];
    checks.push(bom ? 'UTF-8 BOM' : 'NO BOM', `header: ${firstLine}`);
  } else if (name.endsWith('.xlsx')) {
    const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    ok &&= zip;
    checks.push(zip ? 'zip (PK)' : 'NOT A ZIP');
  }
  console.log(`reports tour: ${ok ? 'OK' : 'BAD'} download ${tag} → ${name}: ${checks.join('; ')}`);
  if (!ok) throw new Error(`download ${name} failed its checks`);
  return { name, bytes };
}

/** Waits until a chart has drawn its bars. */
const barsDrawn = (page, testId) =>
  page.getByTestId(testId).locator('.recharts-bar-rectangle').first().waitFor({ timeout: 15_000 });

export async function reportsTour({ browser, base, outDir, password }) {
  const { api } = apiClient(base, password);
  const downloadDir = `${outDir}/downloads`;
  await mkdir(downloadDir, { recursive: true });
  const years = await api('ncp', 'budget-years?sort=%5B%22year%22%2C%22DESC%22%5D');
  const thisYear = new Date().getFullYear();
  const current = years.find((y) => y.year === thisYear) ?? years[0];
  const previous = years.find((y) => y.year === (current?.year ?? thisYear) - 1);
  console.log(
    `reports tour: budget years ${years.map((y) => `${y.year} (${y.status})`).join(', ')}; history ${previous ? 'present' : 'ABSENT: only this year'}`,
  );
  const units = await api('admin', 'units?range=%5B0%2C99%5D&sort=%5B%22code%22%2C%22ASC%22%5D');
  const fyn = units.find((u) => u.code === 'FYN');
  const langs = (process.env.LANGS ?? 'en,da').split(',');
  const roles = (process.env.ROLES ?? 'kbh,ncp,finance,admin').split(',');

  for (const lang of langs) {
    const { screen } = screens({ outDir, prefix: `reports-${lang}` });
    for (const who of roles) {
      const { context, page } = await signedIn({ browser, base, password, who, lang, tag: 'reports' });
      // The token must travel in the Authorization header, never in a URL.
      page.on('request', (request) => {
        const url = request.url();
        if (!url.includes('/api/') || url.includes('/api/auth/')) return;
        const token = request.headers().authorization?.replace(/^Bearer /, '');
        if (token && url.includes(token)) console.log(`reports tour: BAD token in URL ${url}`);
        if (/\.(csv|xlsx)\b/.test(url) && !token) console.log(`reports tour: BAD file request without token ${url}`);
      });
      const reports = (query = '') => go(page, base, `/reports${query}`);

      if (who === 'kbh') {
        await screen(page, 'kbh-dashboard', async () => {
          await barsDrawn(page, 'dashboard-status');
          await barsDrawn(page, 'dashboard-unit-money');
          await page.getByTestId('dashboard-waiting').waitFor();
          if (await page.getByText(/\bFYN-20/).count())
            throw new Error("a unit worker sees another unit's application");
        });
        await screen(page, 'kbh-reports', async () => {
          await page.getByRole('menuitem', { name: T.reportsMenu }).click();
          await page.getByTestId('spending-totals').waitFor();
          if (await page.getByLabel(/^(Exit unit|Exitenhed)$/).count())
            throw new Error('a unit worker has a unit filter');
        });
        await screen(page, 'kbh-reports-category-quarter', async () => {
          await reports('?period=year&groupBy=category,quarter');
          await page.getByTestId('spending-totals').waitFor();
          await page.locator('.recharts-bar-rectangle').first().waitFor();
          if (await page.getByTestId('spending-table').getByText(/^FYN/).count()) throw new Error('FYN rows for kbh');
        });
        // A shared link naming another unit: a unit worker's report stays their own unit's (the API would answer 404).
        if (fyn) {
          await screen(page, 'kbh-reports-other-unit-ignored', async () => {
            await reports(`?period=year&groupBy=unit&unitId=${fyn.id}`);
            await page.getByTestId('spending-totals').waitFor();
            if (await page.getByTestId('spending-table').getByText(/^FYN$/).count())
              throw new Error('FYN rows for kbh');
            await page.getByTestId('spending-table').getByText(/^KBH$/).first().waitFor();
          });
        }
        await screen(page, 'kbh-download-csv', async () => {
          await reports('?period=year&groupBy=category,month');
          await page.getByTestId('spending-totals').waitFor();
          await download(page, page.getByTestId('download-spending-csv'), downloadDir, `kbh-${lang}`);
        });
      }

      if (who === 'ncp') {
        await screen(page, 'ncp-dashboard', async () => {
          await page.getByTestId('dashboard-review-queue').getByRole('row').nth(1).waitFor();
          await page.getByTestId('dashboard-pool').getByTestId('pool-gauge').waitFor();
          await barsDrawn(page, 'dashboard-spending-by-unit');
          await barsDrawn(page, 'dashboard-spending-by-category');
          await barsDrawn(page, 'dashboard-processing');
        });
        await screen(page, 'ncp-reports-unit', async () => {
          await page.getByRole('menuitem', { name: T.reportsMenu }).click();
          await page.getByTestId('spending-totals').waitFor();
          await page.locator('.recharts-bar-rectangle').first().waitFor();
        });
        await screen(page, 'ncp-reports-unit-category-month', async () => {
          await reports(`?period=year&year=${current.year}&groupBy=unit,category,month`);
          await page.getByTestId('spending-totals').waitFor();
        });
        await screen(page, 'ncp-reports-dates-quarter', async () => {
          const from = `${previous?.year ?? current.year}-07-01`;
          await reports(`?period=dates&from=${from}&to=${current.year}-06-30&groupBy=quarter,category`);
          await page.getByTestId('spending-totals').waitFor();
        });
        await screen(page, 'ncp-reports-dates-inverted', async () => {
          await reports(`?period=dates&from=${current.year}-06-30&to=${current.year}-01-01&groupBy=month`);
          await page
            .getByText(/(end date cannot be before|Slutdatoen kan ikke ligge før)/)
            .first()
            .waitFor();
        });
        await screen(page, 'ncp-reports-year-without-pool', async () => {
          await reports('?period=year&year=2019&groupBy=unit');
          await page.getByText(/(no budget year of that year|intet budgetår for det år)/).waitFor();
        });
        if (previous) {
          await screen(page, 'ncp-reports-previous-year-fyn', async () => {
            await reports(`?period=year&year=${previous.year}&groupBy=month&unitId=${fyn?.id ?? ''}`);
            await page.getByTestId('spending-totals').waitFor();
          });
        }
        await screen(page, 'ncp-download-statistics', async () => {
          await reports(`?period=year&year=${current.year}&groupBy=unit`);
          await page.getByTestId('spending-totals').waitFor();
          await page.getByLabel(T.byUnit).check();
          await download(page, page.getByTestId('download-statistics-csv'), downloadDir, `ncp-${lang}`);
          await download(page, page.getByTestId('download-statistics-xlsx'), downloadDir, `ncp-${lang}`);
        });
      }

      if (who === 'finance') {
        await screen(page, 'finance-dashboard', async () => {
          await page.getByTestId('dashboard-payments-due').getByRole('row').nth(1).waitFor();
          await barsDrawn(page, 'dashboard-payments-by-month');
          await page.getByTestId('dashboard-pool').getByTestId('pool-gauge').waitFor();
          await page.getByTestId('dashboard-exports').waitFor();
        });
        await screen(page, 'finance-dashboard-exports', async () => {
          await download(page, page.getByTestId('export-spending-csv'), downloadDir, `finance-dash-${lang}`);
          await download(page, page.getByTestId('export-spending-xlsx'), downloadDir, `finance-dash-${lang}`);
          await download(page, page.getByTestId('export-payments-csv'), downloadDir, `finance-dash-${lang}`);
        });
        await screen(page, 'finance-reports-month', async () => {
          await page.getByRole('menuitem', { name: T.reportsMenu }).click();
          await page.getByTestId('spending-totals').waitFor();
          await reports(`?period=year&year=${current.year}&groupBy=month,unit`);
          await page.getByTestId('spending-totals').waitFor();
          await page.locator('.recharts-bar-rectangle').first().waitFor();
        });
        await screen(page, 'finance-reports-downloads', async () => {
          await reports(`?period=year&year=${current.year}&groupBy=unit,category`);
          await page.getByTestId('spending-totals').waitFor();
          const csv = await download(page, page.getByTestId('download-spending-csv'), downloadDir, `finance-${lang}`);
          const text = csv.bytes.subarray(3).toString('utf8');
          const separator = lang === 'da' ? ';' : ',';
          console.log(
            `reports tour: spending CSV in ${lang} uses ${text.split('\n')[0].includes(separator) ? `"${separator}" as expected` : `NOT "${separator}"`}`,
          );
          // The other separator, chosen by hand.
          await page.getByTestId('csv-delimiter').locator('..').click();
          await page.getByRole('option', { name: lang === 'da' ? /^Komma/ : /^Semicolon/ }).click();
          const other = await download(
            page,
            page.getByTestId('download-spending-csv'),
            downloadDir,
            `finance-${lang}-other`,
          );
          const otherSeparator = lang === 'da' ? ',' : ';';
          console.log(
            `reports tour: spending CSV with the other separator: ${other.bytes.subarray(3).toString('utf8').split('\n')[0].includes(otherSeparator) ? `"${otherSeparator}" as chosen` : 'NOT as chosen'}`,
          );
          await download(page, page.getByTestId('download-spending-xlsx'), downloadDir, `finance-${lang}`);
          await download(page, page.getByTestId('download-payments-csv'), downloadDir, `finance-${lang}`);
          await page
            .getByText(/(downloaded|er hentet)/)
            .first()
            .waitFor();
        });
      }

      if (who === 'admin') {
        await screen(page, 'admin-dashboard', async () => {
          await page.getByTestId('dashboard-count-users').getByText(/^\d+$/).waitFor();
          await page.getByTestId('dashboard-count-categories').getByText(/^\d+$/).waitFor();
          if (await page.getByRole('menuitem', { name: T.reportsMenu }).count())
            throw new Error('admin has a Reports menu entry');
        });
        await screen(page, 'admin-reports-denied', () => reports());
      }
      await context.close();
    }
  }
}

// Run on its own: node admin/scripts/reports-tour.mjs [baseUrl]
if (import.meta.url === `file://${process.argv[1]}`) {
  const base = (process.argv[2] ?? process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  const outDir = process.env.OUT_DIR ?? '/tmp/ui6-shots';
  const password = process.env.DEMO_PASSWORD ?? 'demo-password-1';
  await mkdir(outDir, { recursive: true });
  const browser = await launchChromium();
  try {
    await reportsTour({ browser, base, outDir, password });
  } finally {
    await browser.close();
  }
}
