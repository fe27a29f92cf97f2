/** Small helpers for the workbench's HTTP server: JSON bodies in, JSON (or files) out. */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from './protocol';
import { BadRequest } from './validate';

export interface BodyLimits {
  maxBytes: number;
  /** The whole body must arrive within this time once the handler asks for it. */
  timeoutMs: number;
}

// The page sends small JSON over loopback: a body that is not in after a few seconds never will be.
export const BODY_LIMITS: BodyLimits = { maxBytes: 1024 * 1024, timeoutMs: 5_000 };

export async function readJson(
  req: IncomingMessage,
  limits: BodyLimits = BODY_LIMITS,
): Promise<unknown> {
  // Requiring JSON makes a cross-site form post impossible (the browser must preflight it).
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type))
    throw new BadRequest('send the body as Content-Type: application/json', 415);
  const text = (await readBody(req, limits)).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadRequest('the body is not valid JSON');
  }
}

/**
 * The request's body, or a 4xx. A client that announces more bytes than it sends (or stops
 * sending) would otherwise keep the request open until Node's five-minute request timeout.
 */
function readBody(req: IncomingMessage, { maxBytes, timeoutMs }: BodyLimits): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  // Refused before reading: no point waiting for a megabytes-long body we will not take.
  if (declared > maxBytes) return Promise.reject(tooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error: Error | null): void => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) finish(tooLarge(maxBytes));
      else chunks.push(chunk);
    };
    const onEnd = (): void => finish(null);
    const onError = (): void =>
      finish(new BadRequest(incomplete(size, declared, 'the connection ended')));
    const timer = setTimeout(
      () => finish(new BadRequest(incomplete(size, declared, `not all in after ${timeoutMs} ms`))),
      timeoutMs,
    );
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

const tooLarge = (maxBytes: number): BadRequest =>
  new BadRequest(`the body is larger than ${maxBytes} bytes`, 413);

function incomplete(received: number, declared: number, why: string): string {
  const got =
    declared > 0
      ? `${received} of the ${declared} bytes its Content-Length announces`
      : `${received} bytes and no end of the body`;
  return `the request body is incomplete (${why}): got ${got}`;
}

const COMMON = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...COMMON,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/**
 * An error answer. Given before the request's body is all in, it also closes the connection:
 * the unread rest of the body must not be parsed as the next request, nor be waited for.
 */
export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  req?: IncomingMessage,
): void {
  sendJson(
    res,
    status,
    { error: message } satisfies ErrorBody,
    req && !req.complete ? { Connection: 'close' } : {},
  );
}

// The statuses Node's own handler gives these parser errors.
const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_INVALID_EOF_STATE: [
    400,
    'the connection was closed before the request was complete (a body shorter than its Content-Length?)',
  ],
  HPE_HEADER_OVERFLOW: [431, 'the request headers are too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'the request did not arrive in time'],
};

/**
 * Node's answer to a request it cannot parse (e.g. the client half-closes before the body its
 * Content-Length announced), as the API's JSON {error} instead of an empty 400. Same caution as
 * Node's own handler: nothing is written over a response already under way.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (socket.writable && !inFlight?.headersSent && error.code !== 'ECONNRESET') {
    const [status, message] = CLIENT_ERRORS[error.code ?? ''] ?? [
      400,
      `the request is not valid HTTP (${error.code ?? error.message})`,
    ];
    const text = JSON.stringify({ error: message } satisfies ErrorBody);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n` +
        `Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy();
}

export function sendText(
  res: ServerResponse,
  type: string,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(200, {
    ...COMMON,
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
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
