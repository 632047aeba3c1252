import { contentDisposition } from './content-disposition.js';

describe(contentDisposition.name, () => {
  it('sends an ASCII name as it is', () => {
    expect(contentDisposition('quote-2026.pdf')).toBe('attachment; filename="quote-2026.pdf"');
  });

  it('spells out Danish letters in filename and sends the exact name in filename*', () => {
    expect(contentDisposition('Tilbud på flytning, Ærø (2).pdf')).toBe(
      `attachment; filename="Tilbud paa flytning, Aeroe (2).pdf"; ` +
        `filename*=UTF-8''Tilbud%20p%C3%A5%20flytning%2C%20%C3%86r%C3%B8%20%282%29.pdf`,
    );
  });

  it('never lets a quote or backslash end the quoted name', () => {
    expect(contentDisposition('a"b\\c.pdf')).toBe(`attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`);
  });

  it('drops accents and replaces what has no ASCII form', () => {
    expect(contentDisposition('résumé 日本.pdf')).toMatch(
      /^attachment; filename="resume __\.pdf"; filename\*=UTF-8''r%C3%A9sum/,
    );
  });
});
