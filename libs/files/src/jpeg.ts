import { ascii, concatBytes, readUint16, startsWith } from './bytes.js';
import { ImageFormatError } from './image-format-error.js';

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP14 = 0xee;
const COM = 0xfe;
const JFIF = [...ascii('JFIF'), 0];
const ADOBE = ascii('Adobe');

const isRestart = (m: number) => m >= 0xd0 && m <= 0xd7;
/** Markers without a length: RSTn and TEM. */
const isStandalone = (m: number) => isRestart(m) || m === 0x01;
const isApp = (m: number) => m >= 0xe0 && m <= 0xef;

/**
 * JFIF without its optional thumbnail: the thumbnail is a picture of the
 * original, which may show what a crop removed.
 */
function jfifWithoutThumbnail(bytes: Uint8Array, payload: number): Uint8Array {
  const header = bytes.subarray(payload, payload + 12); // JFIF\0, version, units, densities
  return concatBytes([new Uint8Array([0xff, APP0, 0x00, 0x10]), header, new Uint8Array([0, 0])]);
}

/**
 * A segment as it goes to the output: kept as it is, rewritten, or dropped (null).
 * Kept are the segments a decoder needs, JFIF (APP0) and Adobe (APP14, the colour
 * transform); dropped are every other APPn (EXIF, XMP, ICC, maker notes, ...) and COM.
 */
function filterSegment(bytes: Uint8Array, marker: number, start: number, end: number): Uint8Array | null {
  const payload = start + 4;
  const length = end - payload;
  if (marker === APP0)
    return length >= 14 && startsWith(bytes, JFIF, payload) ? jfifWithoutThumbnail(bytes, payload) : null;
  if (marker === APP14) return startsWith(bytes, ADOBE, payload) ? bytes.subarray(start, end) : null;
  if (isApp(marker) || marker === COM) return null;
  return bytes.subarray(start, end);
}

/** End of the entropy-coded data that starts at `from`: the next marker that is not a stuffed byte or RSTn. */
function scanEnd(bytes: Uint8Array, from: number): number {
  let at = from;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) {
      at++;
      continue;
    }
    if (at + 1 >= bytes.length) return at;
    const next = bytes[at + 1];
    if (next === 0x00 || isRestart(next)) at += 2;
    else return at;
  }
  return at;
}

/**
 * The JPEG without its metadata segments (and without anything after EOI).
 * Tables, frame headers, scans and their entropy-coded data are copied as they are.
 * A file cut off inside its last scan keeps what it has and is closed with EOI.
 */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array {
  const fail = (message: string): never => {
    throw new ImageFormatError('jpeg', `Not a readable JPEG image: ${message}`);
  };
  if (bytes.length < 2 || bytes[0] !== 0xff || bytes[1] !== SOI) fail('the start-of-image marker is missing');
  const out: Uint8Array[] = [new Uint8Array([0xff, SOI])];
  let scans = 0;
  let at = 2;
  for (;;) {
    if (at >= bytes.length) {
      if (scans === 0) fail('it ends before any image data');
      break; // cut off after a scan: close it
    }
    if (bytes[at] !== 0xff) fail(`expected a marker at byte ${at}`);
    while (bytes[at] === 0xff) at++; // fill bytes
    if (at >= bytes.length) fail('it ends inside a marker');
    const marker = bytes[at];
    const start = at - 1;
    at++;
    if (marker === 0x00 || marker === SOI) fail(`an unexpected marker at byte ${start}`);
    if (marker === EOI) break;
    if (isStandalone(marker)) {
      out.push(new Uint8Array([0xff, marker]));
      continue;
    }
    if (at + 2 > bytes.length) fail('it ends inside a segment header');
    const length = readUint16(bytes, at);
    if (length < 2) fail(`a segment length is out of range at byte ${start}`);
    const end = at + length;
    if (end > bytes.length) fail('a segment runs past the end of the file');
    const kept = filterSegment(bytes, marker, start, end);
    if (kept) out.push(kept);
    at = end;
    if (marker === SOS) {
      const dataEnd = scanEnd(bytes, at);
      out.push(bytes.subarray(at, dataEnd));
      scans++;
      // a dangling 0xFF at the very end is not data
      at = dataEnd === bytes.length - 1 ? bytes.length : dataEnd;
    }
  }
  if (scans === 0) fail('it has no image data (no scan)');
  out.push(new Uint8Array([0xff, EOI]));
  return concatBytes(out);
}
