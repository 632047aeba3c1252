import { sniffMediaType } from './media-type.js';
import { tinyJpeg, tinyPng } from './testing/image-builders.js';

const text = (s: string) => new Uint8Array(Array.from(s, (c) => c.charCodeAt(0)));

describe(sniffMediaType.name, () => {
  it.each([
    ['a PDF', text('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'application/pdf'],
    ['a PNG', tinyPng(), 'image/png'],
    ['a JPEG', tinyJpeg(), 'image/jpeg'],
    ['a JPEG with EXIF first', new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0, 2]), 'image/jpeg'],
  ])('recognises %s by its first bytes', (_, bytes, type) => {
    expect(sniffMediaType(bytes)).toBe(type);
  });

  it.each([
    ['an empty file', new Uint8Array()],
    ['a text file', text('Quote: 3 nights, DKK 4,500\n')],
    ['a Windows executable', text('MZ\x90\x00\x03\x00\x00\x00PE\x00\x00')],
    ['an HTML page', text('<!doctype html><script>alert(1)</script>')],
    ['a PDF signature that is not at the start', text(' %PDF-1.7')],
    ['a cut-off PDF signature', text('%PDF')],
    ['a cut-off PNG signature', tinyPng().subarray(0, 7)],
    ['the first two bytes of a JPEG only', new Uint8Array([0xff, 0xd8])],
    ['a GIF', text('GIF89a')],
  ])('refuses %s', (_, bytes) => {
    expect(sniffMediaType(bytes)).toBeNull();
  });
});
