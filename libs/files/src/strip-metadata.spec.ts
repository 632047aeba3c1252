import fc from 'fast-check';
import { ascii, concatBytes } from './bytes.js';
import { readPngChunks } from './png.js';
import { stripMetadata } from './strip-metadata.js';
import {
  JPEG_EOI,
  JPEG_SOI,
  jpegSegment,
  png,
  pngChunk,
  PNG_IEND,
  PNG_IHDR,
  tinyJpeg,
  tinyPng,
} from './testing/image-builders.js';

const payload = (max = 40) => fc.uint8Array({ maxLength: max });

// ---- PNG: any sequence of chunks between IHDR and IEND -------------------------------------------

interface Part {
  bytes: Uint8Array;
  /** What stripping should leave of it. */
  kept: Uint8Array;
}

const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ');
const pngType = fc.oneof(
  fc.constantFrom('tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME'),
  fc.constantFrom('IDAT', 'PLTE', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'pHYs', 'bKGD', 'tRNS', 'sBIT', 'acTL', 'fcTL'),
  fc.tuple(letters, letters, letters, letters).map((l) => l.join('')),
);
const METADATA = ['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME'];
const pngPart = fc.tuple(pngType, payload()).map(([type, data]): Part => {
  const bytes = pngChunk(type, data);
  return { bytes, kept: METADATA.includes(type) ? new Uint8Array() : bytes };
});
const idat = payload().map((data): Part => ({ bytes: pngChunk('IDAT', data), kept: pngChunk('IDAT', data) }));
const pngFile = fc
  .tuple(fc.array(pngPart, { maxLength: 12 }), idat, fc.array(pngPart, { maxLength: 12 }), payload(20))
  .map(([before, data, after, trailing]) => {
    const parts = [...before, data, ...after];
    return {
      bytes: concatBytes([png(PNG_IHDR, ...parts.map((p) => p.bytes), PNG_IEND), trailing]),
      expected: png(PNG_IHDR, ...parts.map((p) => p.kept), PNG_IEND),
    };
  });

// ---- JPEG: any sequence of segments, scans and standalone markers -----------------------------

const seg = (marker: number, data: Uint8Array | number[]): Part => {
  const bytes = jpegSegment(marker, data);
  return { bytes, kept: bytes };
};
const dropped = (marker: number, data: Uint8Array | number[]): Part => ({
  bytes: jpegSegment(marker, data),
  kept: new Uint8Array(),
});
const jfif = fc
  .tuple(payload(7), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }))
  .map(([fields, w, h]) => {
    const header = [...ascii('JFIF'), 0, ...Array.from({ length: 7 }, (_, i) => fields[i] ?? 0)];
    return {
      bytes: jpegSegment(0xe0, [...header, w, h, ...new Array<number>(3 * w * h).fill(0x7f)]),
      kept: jpegSegment(0xe0, [...header, 0, 0]),
    };
  });
const metadataSegment = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 0xe1, max: 0xef }).filter((m) => m !== 0xee),
      payload(),
    )
    .map(([m, d]) => dropped(m, d)),
  payload().map((d) => dropped(0xfe, d)), // COM
  payload().map((d) => dropped(0xe0, [...ascii('JFXX'), 0, ...d])),
  payload().map((d) => dropped(0xee, [...ascii('Other'), ...d])),
);
const imageSegment = fc.oneof(
  jfif,
  payload().map((d) => seg(0xee, [...ascii('Adobe'), ...d])),
  fc.tuple(fc.constantFrom(0xdb, 0xc4, 0xc0, 0xc1, 0xc2, 0xdd, 0xcc), payload()).map(([m, d]) => seg(m, d)),
  fc
    .integer({ min: 0xd0, max: 0xd7 })
    .map((m): Part => ({ bytes: new Uint8Array([0xff, m]), kept: new Uint8Array([0xff, m]) })),
);
/** A scan header and entropy-coded data: 0xFF only as a stuffed byte or in a restart marker. */
const scan = fc
  .tuple(payload(10), fc.array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constant(-1)), { maxLength: 60 }))
  .map(([header, items]): Part => {
    const data = items.flatMap((b, i) => (b === -1 ? [0xff, 0xd0 + (i % 8)] : b === 0xff ? [0xff, 0x00] : [b]));
    const bytes = concatBytes([jpegSegment(0xda, header), new Uint8Array(data)]);
    return { bytes, kept: bytes };
  });
const jpegFile = fc
  .tuple(
    fc.array(fc.oneof(metadataSegment, imageSegment), { maxLength: 10 }),
    scan,
    fc.array(fc.oneof(metadataSegment, imageSegment, scan), { maxLength: 10 }),
    payload(20),
  )
  .map(([before, first, after, trailing]) => {
    const parts = [...before, first, ...after];
    return {
      bytes: concatBytes([JPEG_SOI, ...parts.map((p) => p.bytes), JPEG_EOI, trailing]),
      expected: concatBytes([JPEG_SOI, ...parts.map((p) => p.kept), JPEG_EOI]),
    };
  });

describe(stripMetadata.name, () => {
  it('stores a PDF as it was sent', () => {
    const pdf = new Uint8Array(ascii('%PDF-1.4\n/Author (Someone)\n%%EOF'));
    expect(stripMetadata(pdf, 'application/pdf')).toBe(pdf);
  });

  it('strips images by their type', () => {
    expect(stripMetadata(tinyPng('Someone'), 'image/png')).toEqual(tinyPng());
    expect(stripMetadata(tinyJpeg('GPS'), 'image/jpeg')).toEqual(tinyJpeg());
  });

  it('drops exactly the metadata chunks of any PNG, keeps the rest in order, and is idempotent', () => {
    fc.assert(
      fc.property(pngFile, ({ bytes, expected }) => {
        const once = stripMetadata(bytes, 'image/png');
        expect(once).toEqual(expected);
        expect(() => readPngChunks(once)).not.toThrow(); // every CRC still valid
        expect(stripMetadata(once, 'image/png')).toEqual(once);
      }),
    );
  });

  it('drops exactly the metadata segments of any JPEG, keeps every image segment and scan, and is idempotent', () => {
    fc.assert(
      fc.property(jpegFile, ({ bytes, expected }) => {
        const once = stripMetadata(bytes, 'image/jpeg');
        expect(once).toEqual(expected);
        expect(stripMetadata(once, 'image/jpeg')).toEqual(once);
      }),
    );
  });
});
