/** Small helpers for the workbench's HTTP server: JSON bodies in, JSON (or files) out. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorBody } from './protocol';
import { BadRequest } from './validate';

const MAX_BODY = 1024 * 1024;

export async function readJson(req: IncomingMessage): Promise<unknown> {
  // Requiring JSON makes a cross-site form post impossible (the browser must preflight it).
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new BadRequest('send the body as Content-Type: application/json', 415);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_BODY) throw new BadRequest(`the body is larger than ${MAX_BODY} bytes`, 413);
    chunks.push(b);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadRequest('the body is not valid JSON');
  }
}

const COMMON = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...COMMON, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { error: message } satisfies ErrorBody);
}

export function sendText(res: ServerResponse, type: string, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(200, { ...COMMON, 'Content-Type': `${type}; charset=utf-8`, 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendFile(res: ServerResponse, type: string, name: string, bytes: Uint8Array): void {
  res.writeHead(200, {
    ...COMMON,
    'Content-Type': type,
    'Content-Length': bytes.length,
    'Content-Disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
  res.end(bytes);
}

/** Only pages served by this server may call it (no other site, no DNS rebinding). */
export function sameOrigin(req: IncomingMessage, port: number): boolean {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  return origin === undefined || allowedHosts.some((h) => origin === `http://${h}`);
}
