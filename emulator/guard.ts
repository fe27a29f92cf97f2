// The wall between callers (tests, or the add-on bundle inside node:vm) and the emulated
// service objects. Every emulated object is handed out wrapped in a Proxy that
//   - lets through only the class's public methods (names not starting with "_") and
//     its enum constants (names starting with an upper-case letter);
//   - throws `not emulated: Type.member` for anything else, so gaps show up loudly;
//   - checks the current AuthMode and counts the call (service or builder) and its cost
//     (round trips, cells read: cost.ts);
//   - converts values between realms, so code in the vm sees its own Array/Date/Error
//     (instanceof works there) and emulated objects get the real objects back.
import type { AuthState } from './auth';
import type { CallCounter } from './counter';
import { isDate, notEmulated } from './errors';

/** Constructors of the realm that receives values. */
export interface Realm {
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  Date: DateConstructor;
  Error: ErrorConstructor;
}

export const HOST_REALM: Realm = { Array, Object, Date, Error };

/** Static fields an emulated class declares so the guard knows how to name and count it. */
interface ServiceClassInfo {
  typeName?: string;
  isBuilder?: boolean;
}

export interface GuardContext {
  counter: CallCounter;
  auth: AuthState;
  /** Runs before each counted call with the emulator's own objects; throws to refuse it. */
  beforeCall?: (typeName: string, method: string, target: object, args: unknown[]) => void;
}

const proxyTargets = new WeakMap<object, object>();

/** Property names that test frameworks and `await` probe; they read as undefined, not as gaps. */
const INTROSPECTION = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  'nodeType',
  'constructor',
  '$$typeof',
  'inspect',
  'valueOf',
  'toLocaleString',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  '_isMockFunction',
]);

export function typeNameOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  return (value.constructor as ServiceClassInfo | undefined)?.typeName;
}

export function unwrap<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    const t = proxyTargets.get(value);
    if (t) return t as T;
  }
  return value;
}

/** Unwraps proxies inside arrays too (setDataValidations, setConditionalFormatRules...).
 *  Arrays are rebuilt as host arrays: HyperFormula rejects arrays of another realm. */
export function unwrapDeep(value: unknown): unknown {
  if (Array.isArray(value)) return Array.from(value as unknown[], unwrapDeep);
  return unwrap(value);
}

export class Guard {
  private readonly proxies = new WeakMap<object, object>();
  private readonly constants = new WeakMap<object, Map<string, unknown>>();

  constructor(
    private readonly ctx: GuardContext,
    readonly realm: Realm = HOST_REALM,
  ) {}

  wrap<T>(target: object): T {
    const cached = this.proxies.get(target);
    if (cached) return cached as T;
    const info = target.constructor as ServiceClassInfo;
    const typeName = info.typeName ?? 'Unknown';
    const isBuilder = info.isBuilder === true;
    const guard = this;
    const methods = new Map<string, unknown>();
    const proxy = new Proxy(target, {
      get(t, prop) {
        if (typeof prop === 'symbol') return undefined;
        if (prop === 'toString') return () => typeName;
        const value: unknown = Reflect.get(t, prop);
        if (typeof value === 'function' && !prop.startsWith('_') && prop !== 'constructor') {
          let m = methods.get(prop);
          if (!m) {
            m = guard.method(t, typeName, prop, isBuilder, value as (...a: unknown[]) => unknown);
            methods.set(prop, m);
          }
          return m;
        }
        if (/^[A-Z]/.test(prop) && value !== undefined) return guard.constant(t, prop, value);
        if (INTROSPECTION.has(prop)) return undefined;
        throw guard.toRealmError(notEmulated(`${typeName}.${prop}`));
      },
      has(t, prop) {
        if (typeof prop === 'symbol' || prop.startsWith('_')) return false;
        return Reflect.has(t, prop);
      },
      set(_t, prop) {
        throw guard.toRealmError(notEmulated(`${typeName}.${String(prop)} (assignment)`));
      },
      ownKeys() {
        return [];
      },
      getOwnPropertyDescriptor() {
        return undefined;
      },
    });
    proxyTargets.set(proxy, target);
    this.proxies.set(target, proxy);
    return proxy as T;
  }

  private method(
    target: object,
    typeName: string,
    name: string,
    isBuilder: boolean,
    fn: (...a: unknown[]) => unknown,
  ): (...a: unknown[]) => unknown {
    return (...args: unknown[]) => {
      try {
        this.ctx.auth.check(typeName, name);
      } catch (e) {
        throw this.toRealmError(e);
      }
      // SpreadsheetApp.newX() only makes a local builder, like the builder's own methods.
      const builder = isBuilder || (typeName === 'SpreadsheetApp' && name.startsWith('new'));
      // Custom functions run as executions of their own (cost.ts): their calls are not the
      // script's.
      const ownExecution = this.ctx.auth.mode === 'CUSTOM_FUNCTION';
      if (!ownExecution) this.ctx.counter.count(`${typeName}.${name}`, builder);
      if (!builder && !ownExecution) this.ctx.counter.cost(typeName, name, target);
      let result: unknown;
      try {
        const own = args.map(unwrapDeep);
        if (!builder && !ownExecution) this.ctx.beforeCall?.(typeName, name, target, own);
        result = fn.apply(target, own);
      } catch (e) {
        throw this.toRealmError(e);
      }
      return this.outward(result);
    };
  }

  private constant(target: object, prop: string, value: unknown): unknown {
    let m = this.constants.get(target);
    if (!m) {
      m = new Map();
      this.constants.set(target, m);
    }
    if (!m.has(prop)) m.set(prop, this.outward(value));
    return m.get(prop);
  }

  /** Converts a value leaving the emulator into the caller's realm, wrapping emulated objects. */
  outward(value: unknown): unknown {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    if (typeof value === 'function') return value;
    if (proxyTargets.has(value)) return value;
    if (typeNameOf(value) !== undefined) return this.wrap(value);
    if (Array.isArray(value)) {
      const out = new this.realm.Array<unknown>();
      for (const v of value) out.push(this.outward(v));
      return out;
    }
    if (isDate(value)) return new this.realm.Date(value.getTime());
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null || proto === this.realm.Object.prototype) {
      const out = new this.realm.Object() as Record<string, unknown>;
      for (const [k, v] of Object.entries(value)) out[k] = this.outward(v);
      return out;
    }
    return value;
  }

  toRealmError(e: unknown): unknown {
    if (this.realm === HOST_REALM || !(e instanceof Error)) return e;
    const err = new this.realm.Error(e.message);
    err.name = e.name;
    if (e.stack) err.stack = e.stack;
    return err;
  }
}
