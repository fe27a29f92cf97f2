// The emulator's clock: what "now" is for the add-on. Real time unless a test sets it; once set
// it stands still until set or advanced again, so a test can record reviews a month apart and
// compare dates it worked out by hand. Everything in the emulator that reads the time follows it:
//  - `new Date()`, `Date()` and `Date.now()` inside the bundle (installClock: the vm realm's Date;
//    `new Date(x)` and every other Date behaviour are the realm's own);
//  - the formula engine's TODAY() and NOW(), in the spreadsheet's time zone (clockPlugin);
//  - a date typed or written without a year ("5/1" is in the current year: cell-input.ts).
// Utilities.formatDate takes its date as an argument, and a lock's timeout is never waited out
// (lock.ts), so neither reads the time.
import vm from 'node:vm';
import {
  CellValueDetailedType,
  FunctionPlugin,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
} from 'hyperformula';
import { dateToSerial } from './cell-input';

/** A step of the clock; each field may be negative. */
export interface ClockStep {
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  milliseconds?: number;
}

/** An instant: a Date, milliseconds since the epoch, or ISO 8601 text with its zone. */
export type Instant = Date | number | string;

const MS = { days: 86_400_000, hours: 3_600_000, minutes: 60_000, seconds: 1000, milliseconds: 1 };

function instantMs(when: Instant): number {
  if (typeof when === 'string' && /T\d/.test(when) && !/(Z|[+-]\d\d:?\d\d)$/i.test(when))
    // "2027-01-15T10:00" would be the host's local time: say which zone.
    throw new Error(`emulator clock: "${when}" needs a zone ("Z" or "+03:00")`);
  const ms = when instanceof Date ? when.getTime() : new Date(when).getTime();
  if (!Number.isFinite(ms)) throw new Error(`emulator clock: "${String(when)}" is not an instant`);
  return ms;
}

export class Clock {
  private fixed: number | undefined;

  constructor(start?: Instant) {
    if (start !== undefined) this.set(start);
  }

  /** Milliseconds since the epoch, as Date.now() answers in the bundle. */
  now(): number {
    return this.fixed ?? Date.now();
  }

  /** Stops the clock at `when` (e.g. '2027-01-15T10:00:00Z'). */
  set(when: Instant): void {
    this.fixed = instantMs(when);
  }

  /** Moves the clock on (from now, when it was running) and stops it there. */
  advance(step: ClockStep): void {
    let ms = 0;
    for (const [unit, size] of Object.entries(MS)) {
      const n = step[unit as keyof ClockStep] ?? 0;
      if (!Number.isFinite(n)) throw new Error(`emulator clock: ${unit} must be a number`);
      ms += n * size;
    }
    this.fixed = this.now() + ms;
  }

  /** Back to real time. */
  useRealTime(): void {
    this.fixed = undefined;
  }
}

// The realm's own Date behind a Proxy: only a construction without arguments, a call as a
// function (which gives the current time as text) and Date.now read the clock. The prototype is
// the realm's, so `instanceof Date` and Object.prototype.toString checks hold everywhere, and
// `new Date().constructor === Date` in the bundle.
const CLOCKED_DATE = `(function (now) {
  var RealDate = Date;
  var ClockDate = new Proxy(RealDate, {
    construct: function (target, args, newTarget) {
      return Reflect.construct(target, args.length === 0 ? [now()] : args,
        newTarget === ClockDate ? target : newTarget);
    },
    apply: function () { return String(new RealDate(now())); },
  });
  Object.defineProperty(RealDate, 'now', {
    value: { now: function () { return now(); } }.now,
    writable: true, configurable: true, enumerable: false,
  });
  Object.defineProperty(RealDate.prototype, 'constructor', {
    value: ClockDate, writable: true, configurable: true, enumerable: false,
  });
  Object.defineProperty(globalThis, 'Date', {
    value: ClockDate, writable: true, configurable: true, enumerable: false,
  });
})`;

/** Makes the Date of a vm realm follow the clock. */
export function installClock(context: vm.Context, clock: Clock): void {
  const install = vm.runInContext(CLOCKED_DATE, context) as (now: () => number) => void;
  install(() => clock.now());
}

/**
 * TODAY() and NOW() from the clock, in the spreadsheet's time zone (HyperFormula's own read the
 * host's clock and zone). Registered after HyperFormula's plugins, so these win.
 */
export function clockPlugin(now: () => number, timeZone: () => string): FunctionPluginDefinition {
  const serial = (): number => dateToSerial(new Date(now()), timeZone());
  const implemented: ImplementedFunctions = {
    TODAY: {
      method: 'today',
      parameters: [],
      isVolatile: true,
      returnNumberType: CellValueDetailedType.NUMBER_DATE,
    },
    NOW: {
      method: 'now',
      parameters: [],
      isVolatile: true,
      returnNumberType: CellValueDetailedType.NUMBER_DATETIME,
    },
  };
  class ClockFunctions extends FunctionPlugin {
    static override implementedFunctions = implemented;
    today(ast: { args: never[] }, state: never): unknown {
      return this.runFunction(ast.args, state, this.metadata('TODAY'), () => Math.floor(serial()));
    }
    now(ast: { args: never[] }, state: never): unknown {
      return this.runFunction(ast.args, state, this.metadata('NOW'), serial);
    }
  }
  return ClockFunctions as unknown as FunctionPluginDefinition;
}
