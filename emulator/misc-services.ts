// Small global services: Session, Logger, Utilities, ScriptApp, Charts and console.
import { AuthMode } from './auth';
import { ChartType } from './chart';
import { isDate } from './errors';
import type { WorkbookModel } from './workbook-model';
import { enumOf } from './types';

class EmuUser implements Pick<GoogleAppsScript.Base.User, 'getEmail'> {
  static readonly typeName = 'User';
  constructor(private readonly _email: string) {}
  getEmail(): string {
    return this._email;
  }
}

export class EmuSession
  implements
    Pick<
      GoogleAppsScript.Base.Session,
      'getActiveUserLocale' | 'getEffectiveUser' | 'getActiveUser' | 'getScriptTimeZone'
    >
{
  static readonly typeName = 'Session';
  constructor(private readonly _wb: WorkbookModel) {}
  getActiveUserLocale(): string {
    return this._wb.userLocale;
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    return new EmuUser(this._wb.userEmail) as unknown as GoogleAppsScript.Base.User;
  }
  getActiveUser(): GoogleAppsScript.Base.User {
    return new EmuUser(this._wb.userEmail) as unknown as GoogleAppsScript.Base.User;
  }
  getScriptTimeZone(): string {
    return this._wb.timeZone;
  }
}

function formatLogArgs(args: unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' ');
}
function safeJson(v: unknown): string {
  try {
    return isDate(v) ? v.toISOString() : (JSON.stringify(v) ?? String(v));
  } catch {
    return String(v);
  }
}

export class EmuLogger implements Pick<GoogleAppsScript.Base.Logger, 'log'> {
  static readonly typeName = 'Logger';
  constructor(private readonly _wb: WorkbookModel) {}
  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    let line = typeof data === 'string' ? data : safeJson(data);
    // Logger.log("a %s b", x) formats like Java's String.format for %s.
    const rest = [...values];
    line = line.replace(/%s/g, () => (rest.length > 0 ? formatLogArgs([rest.shift()]) : '%s'));
    this._wb.log(line);
    return this as unknown as GoogleAppsScript.Base.Logger;
  }
}

export class EmuUtilities implements Pick<GoogleAppsScript.Utilities.Utilities, 'formatDate'> {
  static readonly typeName = 'Utilities';
  /** Java SimpleDateFormat subset: yyyy yy MM M dd d HH H mm m ss s and 'quoted' text. */
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date)) throw new Error('Invalid argument: date');
    let parts: Record<string, string>;
    const fmt = (tz: string): Record<string, string> =>
      Object.fromEntries(
        new Intl.DateTimeFormat('en-US', {
          timeZone: tz,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
          hourCycle: 'h23',
        })
          .formatToParts(date)
          .map((p) => [p.type, p.value]),
      );
    try {
      parts = fmt(timeZone);
    } catch {
      parts = fmt('UTC');
    }
    const n = (k: string): number => Number(parts[k]);
    return String(format).replace(
      /'([^']*)'|yyyy|yy|MM|M|dd|d|HH|H|mm|m|ss|s/g,
      (tok, lit: string | undefined) => {
        if (lit !== undefined) return lit === '' ? "'" : lit;
        const pad = (v: number): string => String(v).padStart(2, '0');
        switch (tok) {
          case 'yyyy':
            return String(n('year'));
          case 'yy':
            return pad(n('year') % 100);
          case 'MM':
            return pad(n('month'));
          case 'M':
            return String(n('month'));
          case 'dd':
            return pad(n('day'));
          case 'd':
            return String(n('day'));
          case 'HH':
            return pad(n('hour'));
          case 'H':
            return String(n('hour'));
          case 'mm':
            return pad(n('minute'));
          case 'm':
            return String(n('minute'));
          case 'ss':
            return pad(n('second'));
          default:
            return String(n('second'));
        }
      },
    );
  }
}

export class EmuScriptApp implements Pick<GoogleAppsScript.Script.ScriptApp, 'AuthMode'> {
  static readonly typeName = 'ScriptApp';
  readonly AuthMode = enumOf<typeof GoogleAppsScript.Script.AuthMode>(AuthMode);
}

export class EmuCharts implements Pick<GoogleAppsScript.Charts.Charts, 'ChartType'> {
  static readonly typeName = 'Charts';
  readonly ChartType = ChartType;
}

/**
 * console inside the bundle: lines go to workbook.logs (and nowhere else, to keep test output
 * clean).
 */
export function makeConsole(
  wb: WorkbookModel,
): Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'> {
  const line =
    (level: string) =>
    (...args: unknown[]) =>
      wb.log(level === 'log' ? formatLogArgs(args) : `[${level}] ${formatLogArgs(args)}`);
  return {
    log: line('log'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    debug: line('debug'),
  };
}
