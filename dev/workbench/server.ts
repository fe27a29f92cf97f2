/**
 * The workbench's local HTTP server: the page, its assets, the add-on's dialogs and
 * sidebars (with a google.script.run shim), and a small JSON API that runs the add-on.
 *
 *   GET  /                 the workbench page
 *   GET  /app.js, /app.css the page's script and styles
 *   GET  /surface/:id      a dialog or sidebar the add-on opened, shim injected
 *   POST /api/action       {action, selection?} -> WorkbenchEvent
 *   POST /api/answer       {questionId, response} -> WorkbenchEvent
 *   GET  /api/pending      the question an action is blocked on, if any (after a reload)
 *   GET  /download.xlsx    the active map as an .xlsx (xlsx-export/)
 * Every failure is a JSON {error} with a 4xx/5xx status; the server keeps serving.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AddonHost, type HostOptions } from './addon-host';
import { loadAssets, withShim, type Assets } from './assets';
import {
  BODY_LIMITS,
  answerClientError,
  readJson,
  sameOrigin,
  sendError,
  sendFile,
  sendJson,
  sendText,
  type BodyLimits,
} from './http-util';
import { BadRequest, parseActionRequest, parseAnswerRequest } from './validate';

/** The add-on host's options (workbook file, locale, clock, the built add-on), and where to serve. */
export interface WorkbenchOptions extends Omit<HostOptions, 'questionTimeoutMs'> {
  port: number;
  host?: string;
  /**
   * How long a request body may take to arrive (default BODY_LIMITS.timeoutMs); tests make it
   * short.
   */
  bodyTimeoutMs?: number;
}

export interface RunningWorkbench {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Thrown when the port is taken, so the caller can say which one and how to pick another. */
export class PortBusy extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is already in use`);
  }
}

const PAGE_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-src 'self'; connect-src 'self'";
// The add-on's pages are self-contained (inline script and styles); no network beyond this server.
const SURFACE_CSP = "default-src 'self' 'unsafe-inline' data:; connect-src 'self'";

export async function startWorkbench(opts: WorkbenchOptions): Promise<RunningWorkbench> {
  let port = opts.port;
  let assets!: Assets;
  let host!: AddonHost;
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  const limits: BodyLimits = {
    ...BODY_LIMITS,
    timeoutMs: opts.bodyTimeoutMs ?? BODY_LIMITS.timeoutMs,
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    await ready;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (!sameOrigin(req, port))
      throw new BadRequest('requests must come from the workbench page itself', 403);
    const get = method === 'GET' || method === 'HEAD';
    if (path === '/' && get)
      return sendText(res, 'text/html', assets.indexHtml, { 'Content-Security-Policy': PAGE_CSP });
    if (path === '/app.js' && get) return sendText(res, 'text/javascript', assets.appJs);
    if (path === '/app.css' && get) return sendText(res, 'text/css', assets.appCss);
    if (path === '/favicon.ico' && get) {
      res.writeHead(204).end();
      return;
    }
    const surface = /^\/surface\/([a-z0-9]{1,20})$/.exec(path);
    if (surface && get) {
      const page = host.page(surface[1] ?? '');
      if (!page)
        throw new BadRequest(
          `no dialog or sidebar ${surface[1]}: it was closed long ago or the server restarted`,
          404,
        );
      const html = withShim(page.html, assets.shimJs, {
        surfaceId: page.id,
        functions: page.functions,
      });
      return sendText(res, 'text/html', html, { 'Content-Security-Policy': SURFACE_CSP });
    }
    if (path === '/api/action' && method === 'POST')
      return sendJson(res, 200, await host.run(parseActionRequest(await readJson(req, limits))));
    if (path === '/api/answer' && method === 'POST')
      return sendJson(res, 200, await host.answer(parseAnswerRequest(await readJson(req, limits))));
    if (path === '/api/pending' && get) return sendJson(res, 200, host.pending());
    if (path === '/download.xlsx' && get) {
      const file = await host.exportXlsx();
      return sendFile(
        res,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        file.name,
        file.bytes,
      );
    }
    const known =
      [
        '/',
        '/app.js',
        '/app.css',
        '/api/action',
        '/api/answer',
        '/api/pending',
        '/download.xlsx',
      ].includes(path) || surface;
    throw new BadRequest(
      known ? `${method} is not allowed on ${path}` : `nothing at ${path}`,
      known ? 405 : 404,
    );
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      const status = e instanceof BadRequest ? e.status : 500;
      const message = e instanceof Error ? e.message : String(e);
      if (status >= 500) opts.log?.(`error on ${req.method} ${req.url}: ${message}`);
      if (res.headersSent) res.destroy();
      else sendError(res, status, message, req);
    });
  });
  server.on('clientError', answerClientError);

  // The port first: a second workbench on a busy port must not open (and rewrite) the workbook
  // file.
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new PortBusy(opts.port);
    throw e;
  }
  port = (server.address() as AddressInfo).port;
  try {
    [assets, host] = await Promise.all([loadAssets(), AddonHost.start(opts)]);
  } catch (e) {
    server.close();
    throw e;
  }
  markReady();
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await host.close();
    },
  };
}
