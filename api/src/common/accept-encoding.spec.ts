import { chooseEncoding } from './accept-encoding.js';

describe(chooseEncoding.name, () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['BR', 'br'],
    ['gzip, br;q=0', 'gzip'],
    ['*', 'br'],
    ['*;q=0.2, br;q=0', 'gzip'],
    ['br ; q=1.0 , gzip; q=0.9', 'br'],
  ])('answers %j with %s', (header, expected) => {
    expect(chooseEncoding(header)?.encoding).toBe(expected);
  });

  it.each([[undefined], [''], ['identity'], ['deflate'], ['gzip;q=0, br;q=0'], ['*;q=0'], ['gzip;q=abc']])(
    'sends the file as it is for %j',
    (header) => {
      expect(chooseEncoding(header)).toBeNull();
    },
  );
});
