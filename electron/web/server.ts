import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Dispatch } from '../core/api';
import { CONTENT_SECURITY_POLICY } from '../core/csp';

/**
 * The loopback HTTP transport: the same dispatcher as Electron's IPC, reachable only from this machine, and only
 * from a browser session started with the per-launch code. Used by `npm run web` and the browser tests.
 *
 * The code is printed next to the address, never inside it: a browser keeps every address it visits (history,
 * session restore, tab state) even after a page rewrites it, so a secret in the address would stay on disk. The page
 * posts the code once to /session and gets an HttpOnly SameSite=Strict cookie; the code then opens nothing else,
 * so a copy of it found later (a terminal scrollback, a log) is useless.
 */
export interface WebServerOptions {
  dispatch: Dispatch;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  /** The one-time code; given for tests, otherwise 32 random bytes. */
  token?: string;
}

export interface WebServer {
  /** The address to open; it carries no secret. */
  url: string;
  port: number;
  /** The one-time code that starts a browser session (POST /session). */
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;
const MAX_SESSION_BODY_BYTES = 4096;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
  '.map': 'application/json',
  '.ico': 'image/x-icon',
};

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function refuse(res: http.ServerResponse, status: number, code: 'UNAUTHORIZED' | 'VALIDATION_FAILED' | 'NOT_FOUND', message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

function cookieValue(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
}

/** The real path of a file under root, or null when it (or a link on its way) leads outside root or is no file. */
function fileInside(root: string, relative: string): string | null {
  let real: string;
  try {
    real = fs.realpathSync(path.resolve(root, relative));
  } catch {
    return null;
  }
  const inside = path.relative(root, real);
  if (inside === '' || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) return null;
  return fs.statSync(real).isFile() ? real : null;
}

function readBody(req: http.IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? crypto.randomBytes(32).toString('hex');
  let tokenUsed = false;
  /** Session cookies handed out for the code: in memory only, so they end with this server. */
  const sessions = new Set<string>();
  // The real path: a root reached through a link still contains the files under it.
  const staticRoot = fs.realpathSync(path.resolve(options.staticDir));
  let port = 0;
  // Browsers do not keep cookies apart by port: the name carries it, so two servers on this machine do not sign
  // each other's browser out.
  const sessionCookie = (): string => `comparanda_session_${port}`;

  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = (): Set<string> => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') {
      res.writeHead(405, { ...SECURITY_HEADERS, allow: 'POST' }).end();
      return;
    }
    const session = cookieValue(req, sessionCookie());
    if (!session || !sessions.has(session)) {
      refuse(res, 401, 'UNAUTHORIZED', 'This browser has no Comparanda session. Enter the one-time code that "npm run web" printed next to the address.');
      return;
    }
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/json')) {
      refuse(res, 415 as number, 'VALIDATION_FAILED', 'API calls must send JSON (content-type: application/json).');
      return;
    }
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch (error) {
      const tooLarge = (error as Error).message === 'too large';
      refuse(res, tooLarge ? 413 : 400, 'VALIDATION_FAILED', tooLarge ? 'The request is too large.' : 'The request body is not valid JSON.');
      return;
    }
    sendJson(res, 200, await options.dispatch(method, input));
  }

  /** POST /session {"token"}: trades the one-time code for a session cookie, once. */
  async function startSession(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // GET says whether this browser has a session, so the page asks for the code without a refused API call first.
    if (req.method === 'GET') {
      const session = cookieValue(req, sessionCookie());
      sendJson(res, 200, { active: !!session && sessions.has(session) });
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { ...SECURITY_HEADERS, allow: 'GET, POST' }).end();
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      refuse(res, 415, 'VALIDATION_FAILED', 'The code must be sent as JSON (content-type: application/json).');
      return;
    }
    let given: unknown;
    try {
      given = (JSON.parse(await readBody(req, MAX_SESSION_BODY_BYTES)) as { token?: unknown } | null)?.token;
    } catch {
      refuse(res, 400, 'VALIDATION_FAILED', 'The request body is not valid JSON.');
      return;
    }
    const code = typeof given === 'string' ? given.trim() : '';
    if (!code || !sameSecret(code, token)) {
      refuse(res, 401, 'UNAUTHORIZED', 'That is not the code Comparanda printed. Copy the code from the line "Comparanda is running at …" and try again.');
      return;
    }
    if (tokenUsed) {
      refuse(
        res,
        401,
        'UNAUTHORIZED',
        'This one-time code has already started a session. Stop Comparanda (Ctrl+C) and run "npm run web" again for a new code.',
      );
      return;
    }
    tokenUsed = true;
    const session = crypto.randomBytes(32).toString('hex');
    sessions.add(session);
    res.writeHead(204, { ...SECURITY_HEADERS, 'set-cookie': `${sessionCookie()}=${session}; HttpOnly; SameSite=Strict; Path=/` }).end();
  }

  function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...SECURITY_HEADERS, allow: 'GET, HEAD' }).end();
      return;
    }
    let relative: string;
    try {
      relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    } catch {
      res.writeHead(400, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end('Bad request');
      return;
    }
    const file = fileInside(staticRoot, relative);
    if (!file) {
      notFound(res);
      return;
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': fs.statSync(file).size });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    fs.createReadStream(file).pipe(res);
  }

  const server = http.createServer((req, res) => {
    // DNS-rebinding and cross-site protection: only our own host name and origin are served.
    if (!allowedHosts().has(req.headers.host ?? '')) {
      res.writeHead(403, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden host');
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      res.writeHead(403, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden origin');
      return;
    }
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    } catch {
      res.writeHead(400, SECURITY_HEADERS).end();
      return;
    }
    if (pathname === '/session') {
      startSession(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS);
        res.end();
      });
      return;
    }
    if (pathname.startsWith('/api/')) {
      handleApi(req, res, pathname.slice('/api/'.length)).catch(() => {
        if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS);
        res.end();
      });
      return;
    }
    try {
      serveStatic(req, res, pathname);
    } catch {
      // Whatever a request holds, it never takes the server down with it.
      if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS);
      res.end();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
