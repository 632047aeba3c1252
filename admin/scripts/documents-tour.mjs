// The Documents card end to end, in each language: the unit uploads a PDF and a
// PNG to a draft, downloads one, deletes one and is refused a file that is not
// what its name says; the contact point and finance download a unit's document;
// the administrator has no Documents card at all.
import { readFile, writeFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import { apiClient, go, screens, signedIn } from './tour-kit.mjs';

const crc32 = (bytes) => {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
};
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
};
/** A small red PNG, made here so the tour needs no fixture files. */
const png = () => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(16, 0);
  header.writeUInt32BE(16, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(16).fill([200, 30, 30]).flat())]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array(16).fill(row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};
const pdf = () => Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');

export async function documentsTour({ browser, base, outDir, password }) {
  const { api, list, call } = apiClient(base, password);
  const files = {
    pdf: { name: 'quote-clinic.pdf', mimeType: 'application/pdf', buffer: pdf() },
    png: { name: 'invoice-scan.png', mimeType: 'image/png', buffer: png() },
    fake: { name: 'not-really.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just text, not a PDF\n') },
  };

  // A FYN application the contact point and finance may read, with a document uploaded through the API.
  const fynOpen = (await list('ncp', 'applications')).find(
    (a) => a.reference.startsWith('FYN') && a.status === 'info_requested',
  );
  if (fynOpen) {
    const form = new FormData();
    form.append('applicationId', fynOpen.id);
    form.append('kind', 'invoice');
    form.append('file', new Blob([files.pdf.buffer], { type: 'application/pdf' }), 'fyn-invoice.pdf');
    const { status, body } = await call('fyn', 'attachments', { method: 'POST', body: form });
    console.log(
      `documents tour: upload to ${fynOpen.reference} as fyn: ${status}${status >= 400 ? ` ${JSON.stringify(body)}` : ''}`,
    );
  }

  for (const lang of (process.env.LANGS ?? 'en,da').split(',')) {
    const { screen } = screens({ outDir, prefix: `documents-${lang}` });

    // The unit on a draft of its own.
    const draft = (await list('kbh', 'applications', { status: 'draft' }))[0];
    if (!draft) {
      console.log('documents tour: no KBH draft');
    } else {
      const { context, page } = await signedIn({ browser, base, password, who: 'kbh', lang, tag: 'documents' });
      const card = () => page.getByTestId('attachments');
      await screen(page, 'kbh-draft-before', () => go(page, base, `/applications/${draft.id}/show`, draft.reference));
      await screen(page, 'kbh-uploaded-pdf-png', async () => {
        await page.getByTestId('attachment-file').setInputFiles(files.pdf);
        await card().getByText(files.pdf.name).waitFor();
        await page.getByLabel(/^(Kind|Type)/).click();
        await page.getByRole('option', { name: /^(Invoice|Faktura)$/ }).click();
        await page.getByTestId('attachment-file').setInputFiles(files.png);
        await card().getByText(files.png.name).waitFor();
      });
      await screen(page, 'kbh-downloaded', async () => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          card().getByRole('button', { name: files.png.name }).click(),
        ]);
        const got = await readFile(await download.path());
        if (download.suggestedFilename() !== files.png.name)
          throw new Error(`download named ${download.suggestedFilename()}`);
        if (!got.equals(files.png.buffer))
          throw new Error(`downloaded ${got.length} bytes, uploaded ${files.png.buffer.length}`);
        console.log(`documents tour: kbh downloaded ${download.suggestedFilename()} (${got.length} bytes, identical)`);
      });
      await screen(page, 'kbh-refused-fake-pdf', async () => {
        await page.getByTestId('attachment-file').setInputFiles(files.fake);
        await page.getByRole('alert').filter({ hasText: /PDF/ }).first().waitFor();
      });
      await screen(page, 'kbh-delete-confirm', async () => {
        await card()
          .getByRole('listitem')
          .filter({ hasText: files.pdf.name })
          .getByRole('button', { name: /^(Delete|Slet)$/ })
          .click();
        await page.getByRole('dialog').waitFor();
      });
      await screen(page, 'kbh-deleted', async () => {
        await page
          .getByRole('dialog')
          .getByRole('button', { name: /^(Confirm|Bekræft)$/ })
          .click();
        await page.getByRole('dialog').waitFor({ state: 'hidden' });
        await card().getByText(files.pdf.name).waitFor({ state: 'detached' });
      });
      // Leave the draft as it was for the next language.
      for (const attachment of await list('kbh', 'attachments', { applicationId: draft.id })) {
        await api('kbh', `attachments/${attachment.id}`, { method: 'DELETE' }).catch((e) => console.log(e.message));
      }
      await context.close();
    }

    // The contact point and finance download what the unit uploaded; the administrator sees no documents.
    if (fynOpen) {
      for (const who of ['ncp', 'finance', 'admin']) {
        const { context, page } = await signedIn({ browser, base, password, who, lang, tag: 'documents' });
        await screen(page, `${who}-application-documents`, async () => {
          await go(page, base, `/applications/${fynOpen.id}/show`, fynOpen.reference);
          if (who === 'admin') {
            if (await page.getByTestId('attachments').count()) throw new Error('the administrator sees documents');
            return;
          }
          const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.getByRole('button', { name: 'fyn-invoice.pdf' }).first().click(),
          ]);
          const got = await readFile(await download.path());
          if (!got.equals(files.pdf.buffer)) throw new Error(`downloaded ${got.length} bytes`);
          console.log(
            `documents tour: ${who} downloaded ${download.suggestedFilename()} (${got.length} bytes, identical)`,
          );
        });
        await context.close();
      }
    }
  }
  await writeFile(`${outDir}/documents-tour.done`, new Date().toISOString());
}
