import type { NestExpressApplication } from '@nestjs/platform-express';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompress } from '../admin/precompress.js';
import { createApp } from '../api/src/app.factory.js';
import { createRootLogger } from '../api/src/common/logging.js';
import { loadConfig } from '../api/src/config/app-config.js';
import { migrate } from '../api/src/database/data-source.js';
import { createTestDatabase } from './support/database.js';

// The admin UI's built files, compressed once at build time and sent compressed to whoever accepts it.
describe('The admin UI’s files, precompressed', () => {
  let app: NestExpressApplication;
  let dir: string;
  let drop: () => Promise<void>;
  let port: number;
  // text that compresses, with Danish letters in it
  const script = Buffer.from(
    Array.from({ length: 400 }, (_, i) => `console.log(${i}, "Ansøgning på Ærø, blå æbler");`).join('\n'),
  );
  const style = Buffer.from(Array.from({ length: 200 }, (_, i) => `.c${i}{color:#${i}0a0b0}`).join('\n'));
  const tiny = Buffer.from('export const x = 1;');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'exitpool-admin-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Exit Pool</title>');
    await writeFile(join(dir, 'assets', 'index-abc123.js'), script);
    await writeFile(join(dir, 'assets', 'index-abc123.css'), style);
    await writeFile(join(dir, 'assets', 'tiny-abc123.js'), tiny);
    // a file where an API route is: the API answers, never the file
    await mkdir(join(dir, 'api'));
    await writeFile(join(dir, 'api', 'health'), 'not the API');
    await precompress(dir);
    const database = await createTestDatabase(migrate);
    drop = database.drop;
    app = await createApp({ ...loadConfig({}), demo: false, databaseUrl: database.url }, createRootLogger('silent'), {
      adminDir: dir,
    });
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app.close();
    await drop();
    await rm(dir, { recursive: true, force: true });
  });

  // node:http, not supertest: supertest would decompress the body before the test could see it
  const get = (path: string, acceptEncoding?: string, method = 'GET') =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((done, fail) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path, method, headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        },
      );
      req.on('error', fail);
      req.end();
    });

  it('writes a .br and a .gz beside each built file worth compressing, and none beside a tiny one', async () => {
    expect((await readdir(join(dir, 'assets'))).sort()).toEqual([
      'index-abc123.css',
      'index-abc123.css.br',
      'index-abc123.css.gz',
      'index-abc123.js',
      'index-abc123.js.br',
      'index-abc123.js.gz',
      'tiny-abc123.js',
    ]);
  });

  it('sends brotli to a browser that accepts it, the bytes decompressing to the file', async () => {
    const res = await get('/assets/index-abc123.js', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(Number(res.headers['content-length'])).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(res.body).equals(script)).toBe(true);
  });

  it('sends gzip to a client that accepts only gzip, or prefers it', async () => {
    for (const accept of ['gzip', 'br;q=0.5, gzip']) {
      const res = await get('/assets/index-abc123.css', accept);
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(gunzipSync(res.body).equals(style)).toBe(true);
    }
  });

  it('sends the file as it is to a client that accepts neither, still saying that it varies', async () => {
    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const res = await get('/assets/index-abc123.js', accept);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.body.equals(script)).toBe(true);
    }
  });

  it('answers HEAD with the compressed headers and no body', async () => {
    const res = await get('/assets/index-abc123.js', 'br', 'HEAD');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.body.length).toBe(0);
  });

  it('sends a file without a compressed copy as it is, and the app’s routes their index', async () => {
    const small = await get('/assets/tiny-abc123.js', 'br, gzip');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.equals(tiny)).toBe(true);
    const route = await get('/applications/1/show', 'br, gzip');
    expect(route.headers['content-type']).toMatch(/^text\/html/);
    expect(route.headers['content-encoding']).toBeUndefined();
  });

  it('never answers an API path with a file, whatever the folder holds', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body.toString('utf8'))).toMatchObject({ status: 'ok' });
  });

  // last: it changes the folder under the running app, as a build replacing the files would
  it('sends the plain file when its compressed copy is gone since the start', async () => {
    await rm(join(dir, 'assets', 'index-abc123.css.gz'));
    const res = await get('/assets/index-abc123.css', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(res.body.equals(style)).toBe(true);
  });
});
