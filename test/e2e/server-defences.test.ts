/**
 * The workbench server's defences, over raw sockets: only its own Host and Origin, a body
 * that never arrives in full or is too large is a 4xx (not a hang), and the workbook file is
 * replaced through a temp file of its own, so a failed or concurrent save never costs the
 * previous file.
 *
 * Each test bites: a missing defence turns the answer into a 200, a hang (the request's own
 * timeout fails the test) or a damaged or leftover file.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshWorkbook, saveDocument } from '../../dev/workbench/document';
import { BODY_LIMITS } from '../../dev/workbench/http-util';
import { startWorkbench, type RunningWorkbench } from '../../dev/workbench/server';

/**
 * Knobs on node:fs as dev/workbench/document.ts sees it; the real calls run unless a knob says
 * otherwise.
 */
const fsHooks = vi.hoisted(() => ({
  /**
   * Runs once, right after the next writeFileSync into an open file (the temp file): "another save
   * meanwhile".
   */
  afterWrite: null as null | (() => void),
  /** Makes the next temp-file write stop half way (disk full) or its fsync fail (I/O error). */
  fail: null as null | 'write' | 'fsync',
  /** open, fsync and rename calls, in order, by path. */
  log: [] as string[],
}));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const paths = new Map<number, string>();
  return {
    ...fs,
    openSync(...args: Parameters<typeof fs.openSync>): number {
      const fd = fs.openSync(...args);
      paths.set(fd, String(args[0]));
      fsHooks.log.push(`open ${String(args[0])}`);
      return fd;
    },
    writeFileSync(...args: Parameters<typeof fs.writeFileSync>): void {
      const [target, data] = args;
      if (typeof target === 'number' && fsHooks.fail === 'write') {
        fsHooks.fail = null;
        fs.writeFileSync(target, String(data).slice(0, String(data).length / 2));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
        });
      }
      fs.writeFileSync(...args);
      const after = typeof target === 'number' ? fsHooks.afterWrite : null;
      fsHooks.afterWrite = null;
      after?.();
    },
    fsyncSync(fd: number): void {
      if (fsHooks.fail === 'fsync') {
        fsHooks.fail = null;
        throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
      }
      fsHooks.log.push(`fsync ${paths.get(fd) ?? fd}`);
      fs.fsyncSync(fd);
    },
    renameSync(...args: Parameters<typeof fs.renameSync>): void {
      fsHooks.log.push(`rename ${String(args[0])} -> ${String(args[1])}`);
      fs.renameSync(...args);
    },
  };
});

interface Answer {
  status: number;
  headers: Record<string, string>;
  json: unknown;
}

/**
 * Sends `text` as it is and reads one HTTP answer. A server that never answers fails the test
 * here, well before the test's own timeout, with a message that says so.
 */
function send(
  port: number,
  text: string | Buffer,
  opts: { halfClose?: boolean; waitMs?: number } = {},
): Promise<Answer> {
  const waitMs = opts.waitMs ?? 5_000;
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(text);
      if (opts.halfClose) socket.end();
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new Error(
          `no answer within ${waitMs} ms (the server hangs); got so far: ${JSON.stringify(received.toString())}`,
        ),
      );
    }, waitMs);
    const parsed = (): Answer | null => {
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return null;
      const [statusLine = '', ...lines] = received
        .subarray(0, end)
        .toString('latin1')
        .split('\r\n');
      const headers = Object.fromEntries(
        lines.map((l) => [
          l.slice(0, l.indexOf(':')).toLowerCase(),
          l.slice(l.indexOf(':') + 1).trim(),
        ]),
      );
      const body = received.subarray(end + 4);
      if (body.length < Number(headers['content-length'] ?? 0)) return null;
      const type = headers['content-type'] ?? '';
      return {
        status: Number(statusLine.split(' ')[1]),
        headers,
        json: type.startsWith('application/json') ? JSON.parse(body.toString('utf8')) : null,
      };
    };
    const settle = (answer: Answer | null, error?: Error): void => {
      clearTimeout(timer);
      socket.destroy();
      if (answer) resolve(answer);
      else
        reject(
          error ??
            new Error(
              `the connection closed without an answer; got: ${JSON.stringify(received.toString())}`,
            ),
        );
    };
    socket.on('data', (d: Buffer) => {
      received = Buffer.concat([received, d]);
      const answer = parsed();
      if (answer) settle(answer);
    });
    socket.on('close', () => settle(parsed()));
    // A server that answers and closes while we still write (a refused large body) is not an error
    // if it answered.
    socket.on('error', (e) => settle(parsed(), e));
  });
}

const BODY_TIMEOUT_MS = 300;
let wb: RunningWorkbench;
let file: string;

const STATE = JSON.stringify({ action: { kind: 'state' } });
const post = (
  host: string,
  body: string,
  headers: string[] = [],
  length = Buffer.byteLength(body),
): string =>
  [
    `POST /api/action HTTP/1.1`,
    `Host: ${host}`,
    'Content-Type: application/json',
    `Content-Length: ${length}`,
    ...headers,
    '',
    body,
  ].join('\r\n');
const get = (host: string, path = '/'): string =>
  [`GET ${path} HTTP/1.1`, `Host: ${host}`, '', ''].join('\r\n');
/** The head of a POST whose body comes in chunks, which follow it. */
const chunkedHead = (host: string): string =>
  [
    `POST /api/action HTTP/1.1`,
    `Host: ${host}`,
    'Content-Type: application/json',
    'Transfer-Encoding: chunked',
    '',
    '',
  ].join('\r\n');
const self = (): string => `127.0.0.1:${wb.port}`;

beforeAll(async () => {
  file = join(mkdtempSync(join(tmpdir(), 'cjm-defences-')), 'workbook.json');
  wb = await startWorkbench({
    port: 0,
    file,
    locale: 'en_US',
    dist: 'dist',
    bodyTimeoutMs: BODY_TIMEOUT_MS,
  });
});

afterAll(async () => {
  await wb?.close();
  if (file) rmSync(dirname(file), { recursive: true, force: true });
});

describe('the workbench server answers only its own page', () => {
  it('serves its own host names', async () => {
    expect((await send(wb.port, get(self()))).status).toBe(200);
    expect((await send(wb.port, get(`localhost:${wb.port}`))).status).toBe(200);
  });

  it.each(['evil.example', 'evil.example:PORT', '127.0.0.1.evil.example:PORT', 'localhost:1', ''])(
    'refuses a request with the foreign Host header "%s" (DNS rebinding)',
    async (host) => {
      const answer = await send(wb.port, get(host.replace('PORT', String(wb.port))));
      expect(answer.status).toBe(403);
      expect(answer.json).toEqual({ error: 'requests must come from the workbench page itself' });
      // Not even the API runs for a foreign host.
      expect((await send(wb.port, post(host.replace('PORT', String(wb.port)), STATE))).status).toBe(
        403,
      );
    },
  );

  it('runs a POST from its own page or with no Origin (curl)', async () => {
    expect((await send(wb.port, post(self(), STATE))).status).toBe(200);
    expect((await send(wb.port, post(self(), STATE, [`Origin: http://${self()}`]))).status).toBe(
      200,
    );
  });

  it.each(['http://evil.example', 'null', 'http://localhost:PORT.evil.example', 'https://SELF'])(
    'refuses a POST from the foreign Origin "%s"',
    async (origin) => {
      const o = origin.replace('PORT', String(wb.port)).replace('SELF', self());
      const answer = await send(wb.port, post(self(), STATE, [`Origin: ${o}`]));
      expect(answer.status).toBe(403);
      expect(answer.json).toEqual({ error: 'requests must come from the workbench page itself' });
    },
  );
});

describe('the workbench server does not wait for a body forever', () => {
  it('answers 400 when the body stops short of its Content-Length and the client waits', async () => {
    const answer = await send(wb.port, post(self(), STATE.slice(0, 10), [], STATE.length + 100));
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      error: `the request body is incomplete (not all in after ${BODY_TIMEOUT_MS} ms): got 10 of the ${STATE.length + 100} bytes its Content-Length announces`,
    });
    expect(answer.headers.connection).toBe('close');
  });

  it('answers 400 when the client half-closes before the body is complete', async () => {
    const answer = await send(wb.port, post(self(), STATE.slice(0, 10), [], STATE.length + 100), {
      halfClose: true,
    });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      error: expect.stringMatching(
        /request body is incomplete|closed before the request was complete/,
      ),
    });
  });

  it('answers 400 when a chunked body never ends', async () => {
    const head = chunkedHead(self());
    const answer = await send(wb.port, `${head}a\r\n${STATE.slice(0, 10)}\r\n`);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      error: `the request body is incomplete (not all in after ${BODY_TIMEOUT_MS} ms): got 10 bytes and no end of the body`,
    });
  });

  it('answers 413 at once to a Content-Length over the limit, without waiting for the body', async () => {
    const answer = await send(
      wb.port,
      post(self(), STATE.slice(0, 10), [], BODY_LIMITS.maxBytes + 1),
    );
    expect(answer.status).toBe(413);
    expect(answer.json).toEqual({ error: `the body is larger than ${BODY_LIMITS.maxBytes} bytes` });
  });

  it('answers 413 to a chunked body that grows over the limit', async () => {
    const head = chunkedHead(self());
    const chunk = 'x'.repeat(64 * 1024);
    const chunks = Math.ceil((BODY_LIMITS.maxBytes + 1) / chunk.length);
    const body = `${`${chunk.length.toString(16)}\r\n${chunk}\r\n`.repeat(chunks)}0\r\n\r\n`;
    const answer = await send(wb.port, Buffer.from(head + body));
    expect(answer.status).toBe(413);
    expect(answer.json).toEqual({ error: `the body is larger than ${BODY_LIMITS.maxBytes} bytes` });
  });

  it('still serves after all of that', async () => {
    const answer = await send(wb.port, post(self(), STATE));
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ status: 'done' });
  });
});

describe('saving the workbook file', () => {
  let dir: string;
  let saved: string;
  const entries = (): string[] => readdirSync(dir).sort();

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cjm-save-'));
    saved = join(dir, 'workbook.json');
  });
  afterEach(() => {
    fsHooks.afterWrite = null;
    fsHooks.fail = null;
    fsHooks.log = [];
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const workbookWith = (text: string): ReturnType<typeof freshWorkbook> => {
    const workbook = freshWorkbook('en_US');
    workbook.setCell('Sheet1', 'A1', text);
    return workbook;
  };

  it('writes a temp file beside the file, fsyncs it, renames it over the file, then fsyncs the folder', () => {
    const workbook = workbookWith('first');
    saveDocument(saved, workbook);
    expect(JSON.parse(readFileSync(saved, 'utf8'))).toEqual(workbook.toJSON());
    expect(entries()).toEqual(['workbook.json']);

    const renames = fsHooks.log.filter((l) => l.startsWith('rename '));
    expect(renames).toHaveLength(1);
    const [, tmp = ''] = /^rename (.*) -> (.*)$/.exec(renames[0] ?? '') ?? [];
    expect(renames[0]).toBe(`rename ${tmp} -> ${saved}`);
    expect(dirname(tmp)).toBe(dir);
    expect(basename(tmp)).toMatch(new RegExp(`^workbook\\.json\\.${process.pid}-[0-9a-f]+\\.tmp$`));
    expect(fsHooks.log).toEqual([
      `open ${tmp}`,
      `fsync ${tmp}`,
      `rename ${tmp} -> ${saved}`,
      `open ${dir}`,
      `fsync ${dir}`,
    ]);
  });

  it('uses a new temp name for every save', () => {
    saveDocument(saved, workbookWith('one'));
    saveDocument(saved, workbookWith('two'));
    const temps = fsHooks.log.filter((l) => l.startsWith('rename ')).map((l) => l.split(' ')[1]);
    expect(temps).toHaveLength(2);
    expect(temps[0]).not.toBe(temps[1]);
  });

  it("two saves at once do not write into each other's temp file; the later rename wins whole", () => {
    const outer = workbookWith('outer');
    const inner = workbookWith('inner');
    // Another workbench on the same file saves while this one is between its write and its rename.
    fsHooks.afterWrite = () => saveDocument(saved, inner);
    saveDocument(saved, outer);
    expect(JSON.parse(readFileSync(saved, 'utf8'))).toEqual(outer.toJSON());
    expect(fsHooks.log.filter((l) => l.startsWith('rename '))).toHaveLength(2);
    expect(entries()).toEqual(['workbook.json']);
  });

  it("a save killed between its write and its rename leaves a temp file that the next start removes; a running save's is left alone", async () => {
    saveDocument(saved, workbookWith('kept'));
    const before = readFileSync(saved, 'utf8');
    // a workbench process killed half way through a save: its temp file written, no rename
    const child = spawn(process.execPath, [
      '-e',
      "require('fs').writeFileSync(process.argv[1] + '.' + process.pid + '-0a1b2c3d4e5f.tmp', '{\"ha');" +
        'setInterval(() => {}, 1000);',
      saved,
    ]);
    const stale = `workbook.json.${child.pid}-0a1b2c3d4e5f.tmp`;
    await vi.waitFor(() => expect(entries()).toContain(stale), { timeout: 10_000 });
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
    // a save in flight in a process that still runs (the test runner's parent)
    const live = `workbook.json.${process.ppid}-ffeeddccbbaa.tmp`;
    writeFileSync(join(dir, live), '{"in flight');
    expect(entries()).toEqual([live, stale, 'workbook.json'].sort());

    const started = await startWorkbench({
      port: 0,
      file: saved,
      locale: 'en_US',
      dist: 'dist',
    });
    await started.close();
    expect(entries()).toEqual([live, 'workbook.json'].sort());
    expect(JSON.parse(readFileSync(saved, 'utf8'))).toEqual(JSON.parse(before));
    rmSync(join(dir, live));
  });

  it.each(['write', 'fsync'] as const)(
    'a failed %s leaves the previous file as it was and no temp file behind',
    (failure) => {
      saveDocument(saved, workbookWith('before'));
      const before = readFileSync(saved, 'utf8');
      fsHooks.fail = failure;
      expect(() => saveDocument(saved, workbookWith('after'))).toThrow(
        failure === 'write' ? /ENOSPC/ : /EIO/,
      );
      expect(readFileSync(saved, 'utf8')).toBe(before);
      expect(entries()).toEqual(['workbook.json']);
    },
  );
});
