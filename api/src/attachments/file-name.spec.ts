import { sanitiseFileName, withTypeExtension } from './file-name.js';

describe(sanitiseFileName.name, () => {
  it.each([
    ['keeps an ordinary name', 'Tilbud flytning.pdf', 'Tilbud flytning.pdf'],
    ['keeps Danish letters, composed', 'Faktura fra Århus – ærø.pdf'.normalize('NFD'), 'Faktura fra Århus – ærø.pdf'],
    ['keeps the last segment of a Unix path', '../../etc/passwd', 'passwd.pdf'],
    ['keeps the last segment of a Windows path', 'C:\\Users\\jensen\\Desktop\\quote.pdf', 'quote.pdf'],
    ['drops control characters', 'in\u0000voice\r\n\u007f.pdf', 'invoice.pdf'],
    ['drops bidirectional overrides', 'invoice\u202Efdp.exe', 'invoicefdp.exe.pdf'],
    ['trims spaces', '   quote.pdf  ', 'quote.pdf'],
  ])('%s', (_, raw, expected) => {
    expect(sanitiseFileName(raw, 'application/pdf')).toBe(expected);
  });

  it.each([
    ['an empty name', '', 'image/png', 'attachment.png'],
    ['a name of dots', '..', 'image/jpeg', 'attachment.jpg'],
    ['a trailing separator', 'folder/', 'application/pdf', 'attachment.pdf'],
    ['control characters only', '\u0001\u0002', 'application/pdf', 'attachment.pdf'],
  ] as const)('names %s after its type', (_, raw, type, expected) => {
    expect(sanitiseFileName(raw, type)).toBe(expected);
  });

  it('cuts a long name to 255 characters and keeps its extension', () => {
    const name = sanitiseFileName(`${'å'.repeat(300)}.pdf`, 'application/pdf');
    expect(Array.from(name)).toHaveLength(255);
    expect(name.endsWith('å.pdf')).toBe(true);
  });

  it('never splits a character outside the basic plane', () => {
    const name = sanitiseFileName(`${'😀'.repeat(300)}.png`, 'image/png');
    expect(Array.from(name)).toHaveLength(255);
    expect(name).toBe(`${'😀'.repeat(251)}.png`);
  });
});

describe(withTypeExtension.name, () => {
  it.each([
    ['a PDF named .html', 'invoice.html', 'application/pdf', 'invoice.html.pdf'],
    ['a PDF named .png', 'quote.png', 'application/pdf', 'quote.png.pdf'],
    ['a PDF without an extension', 'Tilbud 12.5.2026', 'application/pdf', 'Tilbud 12.5.2026.pdf'],
    ['a PNG named .svg', 'scan.svg', 'image/png', 'scan.svg.png'],
    ['a JPEG named .htm', 'photo.htm', 'image/jpeg', 'photo.htm.jpg'],
    ['a PNG named .jpg', 'photo.jpg', 'image/png', 'photo.jpg.png'],
  ] as const)('adds the extension of the content to %s', (_, name, type, expected) => {
    expect(withTypeExtension(name, type)).toBe(expected);
  });

  it.each([
    ['invoice.pdf', 'application/pdf'],
    ['INVOICE.PDF', 'application/pdf'],
    ['scan.png', 'image/png'],
    ['photo.jpg', 'image/jpeg'],
    ['photo.JPEG', 'image/jpeg'],
  ] as const)('keeps %s of type %s as it is', (name, type) => {
    expect(withTypeExtension(name, type)).toBe(name);
  });

  it('keeps a long name within 255 characters with the extension added', () => {
    const name = withTypeExtension(`${'a'.repeat(300)}.html`, 'application/pdf');
    expect(name).toHaveLength(255);
    expect(name.endsWith('a.html.pdf')).toBe(true);
  });
});
