import { PDFDocument } from 'pdf-lib';
import { decodePdfName, inspectPdf, scanRawPdfNames } from './pdf-active-content.js';
import {
  cleanPdf,
  encryptedPdf,
  handMadePdf,
  pdfOpeningWithGoTo,
  pdfWithEmbeddedFile,
  pdfWithEscapedJavaScript,
  pdfWithJavaScriptOpenAction,
  pdfWithLaunchAction,
  pdfWithLowerCaseEscapedJavaScript,
  pdfWithPageAdditionalAction,
  pdfWithXfa,
} from './testing/pdf-builders.js';

const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

describe(inspectPdf.name, () => {
  it('accepts a plain PDF with a web link that opens at its first page', async () => {
    expect(await inspectPdf(await cleanPdf())).toEqual({ ok: true });
  });

  it('accepts an /OpenAction that only goes to a page', async () => {
    expect(await inspectPdf(await pdfOpeningWithGoTo())).toEqual({ ok: true });
  });

  it('accepts a small hand-written PDF without a cross-reference table', async () => {
    expect(await inspectPdf(handMadePdf('Tilbud'))).toEqual({ ok: true });
  });

  it.each([
    ['JavaScript in the /OpenAction', pdfWithJavaScriptOpenAction, ['automatic-action', 'javascript']],
    ['an /AA on a page that opens a web address', pdfWithPageAdditionalAction, ['automatic-action']],
    ['an embedded file', pdfWithEmbeddedFile, ['embedded-file']],
    ['an XFA form', pdfWithXfa, ['xfa']],
    ['a /Launch action', pdfWithLaunchAction, ['launch']],
    [
      'a JavaScript name hidden with #xx escapes',
      async () => pdfWithEscapedJavaScript(),
      ['automatic-action', 'javascript'],
    ],
    ['a lower-case #xx escape pdf-lib leaves alone', async () => pdfWithLowerCaseEscapedJavaScript(), ['javascript']],
    ['JavaScript inside an object stream', () => pdfWithJavaScriptOpenAction(true), ['automatic-action', 'javascript']],
    [
      'a link that opens another file',
      async () =>
        handMadePdf('x', '', ['<< /Type /Annot /Subtype /Link /A << /S /GoToR /F (other.pdf) /D [0 /Fit] >> >>']),
      ['other-file'],
    ],
    [
      'a form that submits itself',
      async () => handMadePdf('x', '', ['<< /S /SubmitForm /F << /FS /URL /F (https://x.example/) >> >>']),
      ['form-submission'],
    ],
    ['rich media', async () => handMadePdf('x', '', ['<< /Type /Annot /Subtype /RichMedia >>']), ['rich-media']],
    [
      'a harmless /OpenAction chained by /Next to another action',
      async () =>
        handMadePdf('x', '/OpenAction 3 0 R', ['<< /S /GoTo /D [0 /Fit] /Next 4 0 R >>', '<< /S /Named /N /Print >>']),
      ['automatic-action'],
    ],
  ])('refuses %s', async (_, build, found) => {
    expect(await inspectPdf(await build())).toEqual({ ok: false, problem: 'active-content', found });
  });

  it('sees through object streams: the raw file does not show the JavaScript', async () => {
    const bytes = await pdfWithJavaScriptOpenAction(true);
    expect(latin1(bytes)).not.toContain('JavaScript');
    expect(latin1(bytes)).toContain('/ObjStm');
  });

  it('refuses an encrypted PDF: it cannot be inspected', async () => {
    const bytes = await encryptedPdf();
    expect((await PDFDocument.load(bytes, { ignoreEncryption: true })).isEncrypted).toBe(true);
    expect(await inspectPdf(bytes)).toEqual({ ok: false, problem: 'encrypted' });
  });

  it.each([
    ['a header and nothing else', new TextEncoder().encode('%PDF-1.7\n')],
    [
      'a trailer without a dictionary',
      new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Title (q) >> endobj\ntrailer\n%%EOF\n'),
    ],
    [
      'a damaged object',
      new TextEncoder().encode(
        '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Kids [ >> ) endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
      ),
    ],
  ])('refuses a PDF it cannot parse: %s', async (_, bytes) => {
    expect(await inspectPdf(bytes)).toEqual({ ok: false, problem: 'unreadable' });
  });
});

describe(scanRawPdfNames.name, () => {
  it('finds active names written in the file, escaped or not', () => {
    expect(scanRawPdfNames(new TextEncoder().encode('<< /S /J#61vaScript /#4a#53 (x) >> << /Launch >>'))).toEqual([
      'javascript',
      'launch',
    ]);
  });

  it('reads the objects between two streams', () => {
    const text = '<< /Length 1 >>\nstream\nx\nendstream\n<< /S /JavaScript >>\n<< /Length 1 >>\nstream\ny\nendstream';
    expect(scanRawPdfNames(new TextEncoder().encode(text))).toEqual(['javascript']);
  });

  it('ignores names that only begin like an active one, and the bytes of streams', () => {
    const text = '<< /JSON 1 /XFAX 2 /Length 9 >>\nstream\n/JS /XFA\nendstream\n<< /Type /Page >>';
    expect(scanRawPdfNames(new TextEncoder().encode(text))).toEqual([]);
  });
});

describe(decodePdfName.name, () => {
  it('decodes #xx escapes in either case', () => {
    expect(decodePdfName('/J#61vaScript')).toBe('JavaScript');
    expect(decodePdfName('#4aS')).toBe('JS');
    expect(decodePdfName('/A#20B')).toBe('A B');
  });
});
