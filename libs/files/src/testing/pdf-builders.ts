// PDFs for the specs and the end-to-end tests: built with pdf-lib, or written by hand where a
// writer would tidy away the trick under test (#xx escapes, a missing cross-reference table).
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

const encoder = new TextEncoder();

/**
 * A small PDF written by hand: a catalog (with `catalog` added to its entries), an empty page
 * tree, the `objects` as 3 0 obj, 4 0 obj, …, an Info dictionary with the title, and no
 * cross-reference table (readers rebuild it; pdf-lib reads the objects in order).
 */
export function handMadePdf(title = 'quote', catalog = '', objects: string[] = []): Uint8Array {
  const info = 3 + objects.length;
  const parts = [
    '%PDF-1.7',
    `1 0 obj << /Type /Catalog /Pages 2 0 R ${catalog} >> endobj`,
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj',
    ...objects.map((o, i) => `${3 + i} 0 obj ${o} endobj`),
    `${info} 0 obj << /Title (${title}) >> endobj`,
    `trailer << /Root 1 0 R /Info ${info} 0 R >>`,
    '%%EOF',
    '',
  ];
  return encoder.encode(parts.join('\n'));
}

/** A one-page PDF made and saved by pdf-lib, changed by `edit` before saving. */
export async function pdfLibPdf(
  edit: (document: PDFDocument) => void | Promise<void> = () => undefined,
  options: { useObjectStreams?: boolean } = {},
): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: false });
  document.addPage([200, 200]);
  document.setTitle('Invoice');
  await edit(document);
  return document.save({ useObjectStreams: options.useObjectStreams ?? false });
}

/** A link annotation on the first page, the page's only one, that does `action` when clicked. */
function linkOnFirstPage(d: PDFDocument, action: Record<string, PDFString | string>): void {
  const link = d.context.register(d.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 100, 20], A: action }));
  d.getPage(0).node.set(PDFName.of('Annots'), d.context.obj([link]));
}

export const cleanPdf = () =>
  pdfLibPdf((d) => {
    // a link to a web page and opening at the first page are what ordinary invoices do
    linkOnFirstPage(d, { S: 'URI', URI: PDFString.of('https://clinic.example/') });
    d.catalog.set(PDFName.of('OpenAction'), d.context.obj([d.getPage(0).ref, 'Fit']));
  });

export const pdfOpeningWithGoTo = () =>
  pdfLibPdf((d) => d.catalog.set(PDFName.of('OpenAction'), d.context.obj({ S: 'GoTo', D: [d.getPage(0).ref, 'Fit'] })));

export const pdfWithJavaScriptOpenAction = (useObjectStreams = false) =>
  pdfLibPdf(
    (d) =>
      d.catalog.set(
        PDFName.of('OpenAction'),
        d.context.register(d.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert(1)') })),
      ),
    { useObjectStreams },
  );

/** A page that opens a web address by itself (/AA /O): no JavaScript, still automatic. */
export const pdfWithPageAdditionalAction = () =>
  pdfLibPdf((d) =>
    d
      .getPage(0)
      .node.set(PDFName.of('AA'), d.context.obj({ O: { S: 'URI', URI: PDFString.of('https://tracker.example/') } })),
  );

export const pdfWithEmbeddedFile = () =>
  pdfLibPdf((d) => d.attach(encoder.encode('MZ payload'), 'payload.exe', { mimeType: 'application/octet-stream' }));

export const pdfWithXfa = () =>
  pdfLibPdf((d) => {
    const xfa = d.context.register(d.context.stream('<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"/>'));
    d.catalog.set(PDFName.of('AcroForm'), d.context.obj({ Fields: [], XFA: xfa }));
  });

export const pdfWithLaunchAction = () =>
  pdfLibPdf((d) => {
    linkOnFirstPage(d, { S: 'Launch', F: PDFString.of('cmd.exe') });
  });

/** `/S /JavaScript` and `/JS` spelt with #xx escapes, upper- and lower-case hex. */
export const pdfWithEscapedJavaScript = () =>
  handMadePdf('escaped', '/OpenAction 3 0 R', ['<< /S /J#61v#61Script /#4a#53 (app.alert(1)) >>']);

export const pdfWithLowerCaseEscapedJavaScript = () =>
  handMadePdf('escaped', '/Names << /#4aavaScript 3 0 R >>', [
    '<< /Names [(x) 4 0 R] >>',
    '<< /S /GoTo /D [0 /Fit] >>',
  ]);

/** A PDF whose trailer names an encryption dictionary: its content cannot be inspected. */
export const encryptedPdf = () =>
  pdfLibPdf((d) => {
    d.context.trailerInfo.Encrypt = d.context.register(
      d.context.obj({
        Filter: 'Standard',
        V: 1,
        R: 2,
        O: PDFHexString.of('00'.repeat(32)),
        U: PDFHexString.of('00'.repeat(32)),
        P: -4,
      }),
    );
  });
