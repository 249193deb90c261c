#!/usr/bin/env node
// The web apps' production server (the tenant-web and admin-web images): serves a Vite build
// (STATIC_ROOT, e.g. apps/tenant-web/dist) on PORT with only node:http, so the image needs no
// nginx. Unknown paths without a file extension get index.html (client-side routes); hashed
// files under /assets/ are cached for a year, index.html never. /healthz and /readyz for the
// probes; SIGTERM stops accepting and exits once open requests end. The ingress sends /trpc and
// /uploads and /exports to the api, so this server never sees them.
// @see https://vite.dev/guide/static-deploy
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

const root = path.resolve(process.env.STATIC_ROOT ?? 'dist');
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '0.0.0.0';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const SECURITY = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin', 'x-frame-options': 'DENY' };

const index = await readFile(path.join(root, 'index.html')).catch(() => {
  console.error(`serve-static: ${root}/index.html is missing (build the app first)`);
  process.exit(1);
});
let closing = false;

async function fileFor(urlPath) {
  const decoded = decodeURIComponent(urlPath);
  const file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  const info = await stat(file).catch(() => null);
  return info?.isFile() ? { file, size: info.size } : null;
}

const server = createServer(async (req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://local');
  if (pathname === '/healthz') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
  if (pathname === '/readyz') return void res.writeHead(closing ? 503 : 200, { 'content-type': 'application/json' }).end(`{"status":"${closing ? 'closing' : 'ok'}"}`);
  if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
  try {
    const found = pathname === '/' ? null : await fileFor(pathname);
    if (!found) {
      if (path.extname(pathname)) return void res.writeHead(404, SECURITY).end('not found');
      res.writeHead(200, { ...SECURITY, 'content-type': TYPES['.html'], 'cache-control': 'no-cache' });
      return void res.end(req.method === 'HEAD' ? undefined : index);
    }
    const immutable = pathname.startsWith('/assets/');
    res.writeHead(200, {
      ...SECURITY,
      'content-type': TYPES[path.extname(found.file)] ?? 'application/octet-stream',
      'content-length': found.size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(found.file).pipe(res);
  } catch {
    res.writeHead(400, SECURITY).end('bad request');
  }
});

server.listen(port, host, () => console.log(JSON.stringify({ level: 30, name: 'serve-static', root, url: `http://${host}:${port}`, msg: 'serving' })));

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    closing = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
