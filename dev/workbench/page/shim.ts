/**
 * google.script.run and google.script.host for an add-on page in the workbench, injected
 * before the page's own scripts. Like the real client: calls are asynchronous, handlers
 * get (value, userObject), failures arrive as Error objects, only plain JSON may be sent
 * (a Date or a function fails the call), and a <form> argument is sent as its fields.
 */
import type { ShimReply, ShimRequest } from './shim-messages';

type Handler = (value: unknown, userObject?: unknown) => void;
interface Handlers {
  success: Handler | null;
  failure: Handler | null;
  userObject: unknown;
}
type Runner = Record<string, unknown>;

interface SurfaceConfig {
  surfaceId: string;
  functions: string[];
}

declare global {
  interface Window {
    __cjmSurface?: SurfaceConfig;
  }
}

const config: SurfaceConfig = window.__cjmSurface ?? { surfaceId: '', functions: [] };
const pending = new Map<number, Handlers>();
let nextCall = 0;

function toParent(message: ShimRequest): void {
  window.parent.postMessage(message, location.origin);
}

class IllegalValue extends Error {}

/** The rules of google.script.run for arguments: primitives, arrays and plain objects only. */
function clientJson(value: unknown, property: string): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (typeof value !== 'object') throw new IllegalValue(property);
  if (value instanceof HTMLFormElement) {
    const fields: Record<string, string> = {};
    new FormData(value).forEach((v, k) => {
      fields[k] = typeof v === 'string' ? v : v.name;
    });
    return fields;
  }
  if (Array.isArray(value)) return value.map((v, i) => clientJson(v, String(i)) ?? null);
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new IllegalValue(property);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const c = clientJson(v, k);
    if (c !== undefined) out[k] = c;
  }
  return out;
}

function fail(h: Handlers, message: string, functionName: string): void {
  const error = new Error(message);
  if (h.failure) h.failure(error, h.userObject);
  else console.error(`google.script.run.${functionName} failed: ${message}`);
}

function call(functionName: string, args: unknown[], h: Handlers): void {
  let sent: unknown[];
  try {
    sent = clientJson(args, '0') as unknown[];
  } catch (e) {
    const property = e instanceof IllegalValue ? e.message : '0';
    // Asynchronous even when it fails at once, like the real client.
    setTimeout(() => fail(h, `Failed due to illegal value in property: ${property}`, functionName));
    return;
  }
  const callId = ++nextCall;
  pending.set(callId, h);
  toParent({ cjm: 'run', callId, functionName, args: sent });
}

function runner(h: Handlers): Runner {
  const r: Runner = {
    withSuccessHandler: (fn: Handler) => runner({ ...h, success: fn }),
    withFailureHandler: (fn: Handler) => runner({ ...h, failure: fn }),
    withUserObject: (o: unknown) => runner({ ...h, userObject: o }),
  };
  for (const name of config.functions) r[name] = (...args: unknown[]) => call(name, args, h);
  return r;
}

window.addEventListener('message', (e: MessageEvent<unknown>) => {
  if (e.source !== window.parent) return;
  const reply = e.data as ShimReply | null;
  if (reply?.cjm !== 'result') return;
  const h = pending.get(reply.callId);
  if (!h) return;
  pending.delete(reply.callId);
  if (reply.ok) h.success?.(reply.value, h.userObject);
  else fail(h, reply.message, 'call');
});

(window as unknown as { google: unknown }).google = {
  script: {
    run: runner({ success: null, failure: null, userObject: undefined }),
    host: {
      origin: location.origin,
      close: () => toParent({ cjm: 'close' }),
      setHeight: (height: number) => toParent({ cjm: 'size', height: Number(height) }),
      setWidth: (width: number) => toParent({ cjm: 'size', width: Number(width) }),
      editor: { focus: () => window.parent.focus() },
    },
  },
};
