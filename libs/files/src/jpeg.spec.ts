import { ascii, concatBytes } from './bytes.js';
import { ImageFormatError } from './image-format-error.js';
import { stripJpegMetadata } from './jpeg.js';
import {
  commentSegment,
  containsBytes,
  exifSegment,
  JPEG_APP0_JFIF,
  JPEG_APP14_ADOBE,
  JPEG_DHT_AC,
  JPEG_DHT_DC,
  JPEG_DQT,
  JPEG_EOI,
  JPEG_SCAN_DATA,
  JPEG_SOF0,
  JPEG_SOI,
  JPEG_SOS,
  jpegSegment,
  tinyJpeg,
} from './testing/image-builders.js';

const jpeg = (...parts: (Uint8Array | number[])[]) =>
  concatBytes(parts.map((p) => (p instanceof Uint8Array ? p : new Uint8Array(p))));
const TABLES = [JPEG_DQT, JPEG_SOF0, JPEG_DHT_DC, JPEG_DHT_AC];

describe(stripJpegMetadata.name, () => {
  it('removes an EXIF segment and keeps a decodable file that starts with FF D8 FF', () => {
    const stripped = stripJpegMetadata(tinyJpeg('GPS 55.6761N 12.5683E, Canon EOS'));
    expect(stripped).toEqual(tinyJpeg());
    expect([...stripped.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(containsBytes(stripped, ascii('GPS'))).toBe(false);
  });

  it('answers a JPEG without metadata byte for byte', () => {
    expect(stripJpegMetadata(tinyJpeg())).toEqual(tinyJpeg());
  });

  it('removes APP1 to APP15 except Adobe, and comments, and keeps JFIF and Adobe', () => {
    const xmp = jpegSegment(0xe1, [...ascii('http://ns.adobe.com/xap/1.0/\0'), ...ascii('<x:xmpmeta/>')]);
    const icc = jpegSegment(0xe2, [...ascii('ICC_PROFILE\0'), 1, 1, ...ascii('profile')]);
    const photoshop = jpegSegment(0xed, ascii('Photoshop 3.0\0 IPTC byline'));
    const app15 = jpegSegment(0xef, ascii('vendor'));
    const input = jpeg(
      JPEG_SOI,
      JPEG_APP0_JFIF,
      exifSegment('Serial 1234'),
      xmp,
      icc,
      JPEG_APP14_ADOBE,
      photoshop,
      app15,
      commentSegment('Taken at the safe house'),
      ...TABLES,
      JPEG_SOS,
      JPEG_SCAN_DATA,
      JPEG_EOI,
    );
    expect(stripJpegMetadata(input)).toEqual(
      jpeg(JPEG_SOI, JPEG_APP0_JFIF, JPEG_APP14_ADOBE, ...TABLES, JPEG_SOS, JPEG_SCAN_DATA, JPEG_EOI),
    );
  });

  it('drops the thumbnail of a JFIF segment and any APP0 that is not JFIF', () => {
    const thumbnail = [2, 1, ...ascii('RGBRGB')]; // 2×1 pixels of RGB
    const jfifWithThumbnail = jpegSegment(0xe0, [...ascii('JFIF'), 0, 1, 2, 1, 0, 72, 0, 72, ...thumbnail]);
    const jfxx = jpegSegment(0xe0, [...ascii('JFXX'), 0, 0x10, ...ascii('thumbnail')]);
    const stripped = stripJpegMetadata(
      jpeg(JPEG_SOI, jfifWithThumbnail, jfxx, ...TABLES, JPEG_SOS, JPEG_SCAN_DATA, JPEG_EOI),
    );
    const jfifWithout = jpegSegment(0xe0, [...ascii('JFIF'), 0, 1, 2, 1, 0, 72, 0, 72, 0, 0]);
    expect(stripped).toEqual(jpeg(JPEG_SOI, jfifWithout, ...TABLES, JPEG_SOS, JPEG_SCAN_DATA, JPEG_EOI));
  });

  it('drops an APP14 that is not Adobe', () => {
    const other = jpegSegment(0xee, ascii('Other'));
    expect(stripJpegMetadata(jpeg(JPEG_SOI, other, ...TABLES, JPEG_SOS, JPEG_SCAN_DATA, JPEG_EOI))).toEqual(
      jpeg(JPEG_SOI, ...TABLES, JPEG_SOS, JPEG_SCAN_DATA, JPEG_EOI),
    );
  });

  it('copies entropy-coded data with stuffed bytes and restart markers, and every scan of a progressive file', () => {
    const dri = jpegSegment(0xdd, [0, 1]);
    const data1 = [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xd7, 0x78];
    const data2 = [0xff, 0x00, 0xff, 0x00, 0x9a];
    const input = jpeg(
      JPEG_SOI,
      dri,
      ...TABLES,
      JPEG_SOS,
      data1,
      commentSegment('between scans'),
      JPEG_DHT_AC,
      JPEG_SOS,
      data2,
      JPEG_EOI,
    );
    expect(stripJpegMetadata(input)).toEqual(
      jpeg(JPEG_SOI, dri, ...TABLES, JPEG_SOS, data1, JPEG_DHT_AC, JPEG_SOS, data2, JPEG_EOI),
    );
  });

  it('reads fill bytes before a marker and leaves them out', () => {
    const input = jpeg(JPEG_SOI, [0xff, 0xff], ...TABLES, JPEG_SOS, JPEG_SCAN_DATA, [0xff, 0xff], JPEG_EOI);
    expect(stripJpegMetadata(input)).toEqual(jpeg(JPEG_SOI, ...TABLES, JPEG_SOS, JPEG_SCAN_DATA, JPEG_EOI));
  });

  it('drops whatever is appended after EOI', () => {
    expect(stripJpegMetadata(jpeg(tinyJpeg(), ascii('PK\x03\x04 hidden')))).toEqual(tinyJpeg());
  });

  it('closes a file cut off inside its last scan', () => {
    const cut = jpeg(JPEG_SOI, ...TABLES, JPEG_SOS, [0x12, 0x34, 0xff]);
    expect(stripJpegMetadata(cut)).toEqual(jpeg(JPEG_SOI, ...TABLES, JPEG_SOS, [0x12, 0x34], JPEG_EOI));
  });

  describe('refuses a damaged JPEG', () => {
    it.each([
      ['without the start-of-image marker', tinyJpeg().subarray(2)],
      ['with bytes between segments', jpeg(JPEG_SOI, [0x00, 0x01], ...TABLES, JPEG_SOS, JPEG_SCAN_DATA, JPEG_EOI)],
      ['with a segment running past the end', jpeg(JPEG_SOI, [0xff, 0xe1, 0x10, 0x00, 0x45])],
      ['with a segment length below 2', jpeg(JPEG_SOI, [0xff, 0xdb, 0x00, 0x01], JPEG_EOI)],
      ['without any scan', jpeg(JPEG_SOI, JPEG_APP0_JFIF, ...TABLES, JPEG_EOI)],
      ['cut off before any scan', jpeg(JPEG_SOI, JPEG_APP0_JFIF, exifSegment('x'))],
      ['with a second start-of-image', jpeg(JPEG_SOI, JPEG_SOI, ...TABLES, JPEG_SOS, JPEG_SCAN_DATA, JPEG_EOI)],
      ['cut off inside a marker', jpeg(JPEG_SOI, [0xff, 0xff])],
    ])('%s', (_, bytes) => {
      expect(() => stripJpegMetadata(bytes)).toThrow(ImageFormatError);
    });
  });
});
