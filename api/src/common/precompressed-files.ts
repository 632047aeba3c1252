import type { NextFunction, Request, Response } from 'express';
import { readdirSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { chooseEncoding, PRECOMPRESSED, type Precompressed } from './accept-encoding.js';

/**
 * Serves the `.br` or `.gz` written beside a built file (admin/precompress.ts) to a client that
 * accepts it, with Content-Encoding, the original's Content-Type and `Vary: Accept-Encoding`; any
 * other request falls through to the plain static files. The folder is read once: the build does
 * not change under a running process, and no request path reaches the file system unlisted.
 */
export function precompressedFiles(dir: string, maxAge: string) {
  const root = resolve(dir);
  const variants = new Map<string, Precompressed[]>();
  for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    for (const variant of PRECOMPRESSED) {
      if (!entry.endsWith(variant.extension)) continue;
      const url = `/${entry.slice(0, -variant.extension.length).split(sep).join('/')}`;
      variants.set(url, [...(variants.get(url) ?? []), variant].sort(byPreference));
    }
  }
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const offered = variants.get(req.path);
    if (!offered) return next();
    // the same URL answers differently by Accept-Encoding: a shared cache must keep them apart
    res.vary('Accept-Encoding');
    const chosen = chooseEncoding(req.headers['accept-encoding'], offered);
    if (!chosen) return next();
    res.setHeader('Content-Encoding', chosen.encoding);
    res.type(extname(req.path));
    res.sendFile(join(root, `${req.path.slice(1)}${chosen.extension}`), { maxAge, dotfiles: 'deny' }, (err) => {
      if (!err) return;
      if (res.headersSent) return next(err);
      // a build replaced under the running process: the plain file, if it is still there
      res.removeHeader('Content-Encoding');
      res.removeHeader('Content-Type');
      next();
    });
  };
}

const byPreference = (a: Precompressed, b: Precompressed): number =>
  PRECOMPRESSED.indexOf(a) - PRECOMPRESSED.indexOf(b);
