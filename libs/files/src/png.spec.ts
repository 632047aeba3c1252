import { ascii, readUint32 } from './bytes.js';
import { crc32 } from './crc32.js';
import { ImageFormatError } from './image-format-error.js';
import { readPngChunks, stripPngMetadata } from './png.js';
import {
  containsBytes,
  png,
  pngChunk,
  PNG_IDAT,
  PNG_IEND,
  PNG_IHDR,
  textChunk,
  tinyPng,
} from './testing/image-builders.js';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const data = (s: string) => new Uint8Array(ascii(s));
const types = (bytes: Uint8Array) => readPngChunks(bytes).map((c) => c.type);

describe(crc32.name, () => {
  it('matches the standard check value and the CRC of IEND', () => {
    expect(crc32(data('123456789'))).toBe(0xcbf43926);
    expect(crc32(data('IEND'))).toBe(0xae426082);
  });
});

describe(stripPngMetadata.name, () => {
  it('builds the well-known 1×1 PNG by hand', () => {
    expect(hex(tinyPng())).toBe(
      '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
        '1f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082',
    );
  });

  it('removes tEXt, zTXt, iTXt, eXIf and tIME and keeps every other chunk in order', () => {
    const input = png(
      PNG_IHDR,
      pngChunk('gAMA', new Uint8Array([0, 0, 0xb1, 0x8f])),
      textChunk('Author', 'Case worker Jensen'),
      pngChunk('zTXt', data('Comment\0\0xyz')),
      pngChunk('iTXt', data('XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>')),
      pngChunk('eXIf', data('MM\0*GPS 55.67N 12.56E')),
      pngChunk('pHYs', new Uint8Array([0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1])),
      pngChunk('tIME', new Uint8Array([7, 234, 11, 21, 12, 0, 0])),
      PNG_IDAT,
      pngChunk('prVt', data('private')),
      PNG_IDAT,
      PNG_IEND,
    );
    const stripped = stripPngMetadata(input);
    expect(types(stripped)).toEqual(['IHDR', 'gAMA', 'pHYs', 'IDAT', 'prVt', 'IDAT', 'IEND']);
    expect(containsBytes(stripped, ascii('Jensen'))).toBe(false);
    expect(containsBytes(stripped, ascii('GPS'))).toBe(false);
    expect(containsBytes(stripped, ascii('xmpmeta'))).toBe(false);
  });

  it('leaves every kept chunk with a valid CRC', () => {
    const stripped = stripPngMetadata(tinyPng('Someone'));
    for (const chunk of readPngChunks(stripped)) {
      expect(readUint32(stripped, chunk.end - 4)).toBe(crc32(stripped, chunk.start + 4, chunk.end - 4));
    }
    expect(stripped).toEqual(tinyPng());
  });

  it('answers a PNG without metadata byte for byte', () => {
    expect(stripPngMetadata(tinyPng())).toEqual(tinyPng());
  });

  it('drops whatever is appended after IEND', () => {
    const input = new Uint8Array([...tinyPng(), ...data('PK\x03\x04 a hidden zip')]);
    expect(stripPngMetadata(input)).toEqual(tinyPng());
  });

  describe('refuses a damaged PNG', () => {
    const withByte = (bytes: Uint8Array, at: number, value: number) => {
      const copy = bytes.slice();
      copy[at] = value;
      return copy;
    };
    it.each([
      ['without the signature', tinyPng().subarray(1)],
      ['with a wrong CRC', withByte(tinyPng(), tinyPng().length - 1, 0)],
      ['with damaged data', withByte(tinyPng(), 45, 0x42)],
      ['cut off inside a chunk', tinyPng().subarray(0, 40)],
      ['cut off before IEND', png(PNG_IHDR, PNG_IDAT)],
      ['that does not start with IHDR', png(PNG_IDAT, PNG_IHDR, PNG_IEND)],
      ['without image data', png(PNG_IHDR, PNG_IEND)],
      ['with a chunk type that is not letters', png(PNG_IHDR, pngChunk('ab1d', data('x')), PNG_IDAT, PNG_IEND)],
      ['with a chunk length beyond 2^31 - 1', png(PNG_IHDR, new Uint8Array([0x80, 0, 0, 0, ...ascii('abcd')]))],
    ])('%s', (_, bytes) => {
      expect(() => stripPngMetadata(bytes)).toThrow(ImageFormatError);
    });
  });
});
