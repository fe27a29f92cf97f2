// What survives google.script.run between the sidebar and the server.
// Legal: primitives, null, plain objects and arrays of those. In arrays `undefined`
// becomes null; in objects undefined properties are dropped.
//  - toServer (call arguments): an illegal value (Date, function, class instance, Map...)
//    makes the call fail with "Failed due to illegal value in property: <key>".
//  - toClient (return values): an illegal value anywhere makes the client receive null
//    (the well-known "my Date came back as null" behaviour).

export type ClientJsonDirection = 'toServer' | 'toClient';

class IllegalValue extends Error {
  constructor(readonly property: string) {
    super(`Failed due to illegal value in property: ${property}`);
  }
}

function isPlainObject(v: object): boolean {
  if (Object.prototype.toString.call(v) !== '[object Object]') return false;
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto === null) return true;
  // Plain objects from another realm (the vm) have that realm's Object.prototype.
  return (
    Object.getPrototypeOf(proto) === null &&
    (proto as { constructor?: { name?: string } }).constructor?.name === 'Object'
  );
}

function convert(value: unknown, property: string): unknown {
  if (value === null || value === undefined) return value;
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'number':
      return value;
    case 'object':
      break;
    default:
      throw new IllegalValue(property);
  }
  if (Array.isArray(value)) {
    return value.map((v, i) => {
      const c = convert(v, String(i));
      return c === undefined ? null : c;
    });
  }
  if (!isPlainObject(value)) throw new IllegalValue(property);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const c = convert(v, k);
    if (c !== undefined) out[k] = c;
  }
  return out;
}

export function toClientJson(value: unknown, direction: ClientJsonDirection = 'toServer'): unknown {
  try {
    return convert(value, '0');
  } catch (e) {
    if (e instanceof IllegalValue && direction === 'toClient') return null;
    if (e instanceof IllegalValue) throw new Error(e.message);
    throw e;
  }
}
