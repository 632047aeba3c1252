// Hand-built PNG and JPEG files for the specs and the end-to-end tests.
import { ascii, concatBytes, uint32 } from '../bytes.js';
import { crc32 } from '../crc32.js';
import { PNG_SIGNATURE } from '../media-type.js';

const bytes = (values: Iterable<number>) => new Uint8Array([...values]);

export function pngChunk(type: string, data: Uint8Array = new Uint8Array()): Uint8Array {
  const typeAndData = concatBytes([bytes(ascii(type)), data]);
  return concatBytes([uint32(data.length), typeAndData, uint32(crc32(typeAndData))]);
}

export const png = (...chunks: Uint8Array[]) => concatBytes([bytes(PNG_SIGNATURE), ...chunks]);

/** 1×1 pixel, 8-bit RGBA. */
export const PNG_IHDR = pngChunk('IHDR', bytes([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]));
/** The zlib stream of that one transparent pixel. */
export const PNG_IDAT = pngChunk('IDAT', bytes([0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01]));
export const PNG_IEND = pngChunk('IEND');

export const textChunk = (keyword: string, text: string) =>
  pngChunk('tEXt', concatBytes([bytes(ascii(keyword)), bytes([0]), bytes(ascii(text))]));

/** A valid 1×1 PNG, with a tEXt chunk between header and data when `text` is given. */
export function tinyPng(text?: string): Uint8Array {
  return text === undefined
    ? png(PNG_IHDR, PNG_IDAT, PNG_IEND)
    : png(PNG_IHDR, textChunk('Author', text), PNG_IDAT, PNG_IEND);
}

export function jpegSegment(marker: number, payload: Uint8Array | number[] = []): Uint8Array {
  const data = payload instanceof Uint8Array ? payload : bytes(payload);
  const length = data.length + 2;
  return concatBytes([bytes([0xff, marker, length >> 8, length & 0xff]), data]);
}

export const JPEG_SOI = bytes([0xff, 0xd8]);
export const JPEG_EOI = bytes([0xff, 0xd9]);
/** JFIF 1.01, 72×72 dpi, no thumbnail. */
export const JPEG_APP0_JFIF = jpegSegment(0xe0, [...ascii('JFIF'), 0, 1, 1, 1, 0, 72, 0, 72, 0, 0]);
export const JPEG_APP14_ADOBE = jpegSegment(0xee, [...ascii('Adobe'), 0, 100, 0, 0, 0, 0, 1]);
export const JPEG_DQT = jpegSegment(0xdb, [0, ...new Array<number>(64).fill(1)]);
/** Baseline, 8-bit, 1×1, one grey component using quantisation table 0. */
export const JPEG_SOF0 = jpegSegment(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]);
/** DC and AC tables of one code each (`0`): DC difference 0 and end-of-block. */
export const JPEG_DHT_DC = jpegSegment(0xc4, [0x00, 1, ...new Array<number>(15).fill(0), 0x00]);
export const JPEG_DHT_AC = jpegSegment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00]);
export const JPEG_SOS = jpegSegment(0xda, [1, 1, 0x00, 0, 63, 0]);
/** The one block: DC code `0`, end-of-block `0`, padded with ones. */
export const JPEG_SCAN_DATA = bytes([0x3f]);

export function exifSegment(text: string): Uint8Array {
  return jpegSegment(0xe1, [...ascii('Exif'), 0, 0, ...ascii('MM'), 0, 42, 0, 0, 0, 8, ...ascii(text)]);
}

export const commentSegment = (text: string) => jpegSegment(0xfe, ascii(text));

/** A decodable 1×1 grey baseline JPEG; with an EXIF (APP1) segment after JFIF when `exif` is given. */
export function tinyJpeg(exif?: string): Uint8Array {
  return concatBytes([
    JPEG_SOI,
    JPEG_APP0_JFIF,
    ...(exif === undefined ? [] : [exifSegment(exif)]),
    JPEG_DQT,
    JPEG_SOF0,
    JPEG_DHT_DC,
    JPEG_DHT_AC,
    JPEG_SOS,
    JPEG_SCAN_DATA,
    JPEG_EOI,
  ]);
}

/** Whether `needle` occurs in `haystack`. */
export function containsBytes(haystack: Uint8Array, needle: Uint8Array | number[]): boolean {
  const n = needle instanceof Uint8Array ? needle : bytes(needle);
  outer: for (let i = 0; i + n.length <= haystack.length; i++) {
    for (let j = 0; j < n.length; j++) if (haystack[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}
