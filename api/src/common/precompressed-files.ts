import type { NextFunction, Request, Response } from 'express';
import { readdirSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { chooseEncoding, PRECOMPRESSED, type Precompressed } from './accept-encoding.js';

/**
 * Serves the built files of `dir`, listed once at start: the build does not change under a running
 * process, and no other request path reaches the file system (an API request costs no look-up of a
 * file). To a client that accepts it, the `.br` or `.gz` written beside a file (admin/precompress.ts),
 * with Content-Encoding, the original's Content-Type and `Vary: Accept-Encoding`; else the file as it
 * is. Nothing under `/api` is a file, whatever the folder holds; a path not listed falls through.
 */
export function builtFiles(dir: string, maxAge: string) {
  const root = resolve(dir);
  const files = new Set<string>();
  const variants = new Map<string, Precompressed[]>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const url = `/${relative(root, join(entry.parentPath, entry.name)).split(sep).join('/')}`;
    if (url === '/api' || url.startsWith('/api/')) continue;
    const variant = PRECOMPRESSED.find((v) => url.endsWith(v.extension));
    if (!variant) {
      files.add(url);
      continue;
    }
    const original = url.slice(0, -variant.extension.length);
    variants.set(original, [...(variants.get(original) ?? []), variant].sort(byPreference));
  }
  const options = { maxAge, dotfiles: 'deny' } as const;
  const plain = (req: Request, res: Response, next: NextFunction) =>
    // gone since the start (a build replacing the files): the path falls through, as one never listed
    res.sendFile(join(root, req.path.slice(1)), options, (err) =>
      err && !res.headersSent ? next() : err && next(err),
    );
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !files.has(req.path)) return next();
    const offered = variants.get(req.path);
    if (!offered) return plain(req, res, next);
    // the same URL answers differently by Accept-Encoding: a shared cache must keep them apart
    res.vary('Accept-Encoding');
    const chosen = chooseEncoding(req.headers['accept-encoding'], offered);
    if (!chosen) return plain(req, res, next);
    res.setHeader('Content-Encoding', chosen.encoding);
    res.type(extname(req.path));
    res.sendFile(join(root, `${req.path.slice(1)}${chosen.extension}`), options, (err) => {
      if (!err) return;
      if (res.headersSent) return next(err);
      // its compressed copy gone since the start: the plain file, if it is still there
      res.removeHeader('Content-Encoding');
      res.removeHeader('Content-Type');
      plain(req, res, next);
    });
  };
}

const byPreference = (a: Precompressed, b: Precompressed): number =>
  PRECOMPRESSED.indexOf(a) - PRECOMPRESSED.indexOf(b);
