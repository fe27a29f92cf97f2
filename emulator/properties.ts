// PropertiesService: string key/value stores with the real quotas (9 KB per value,
// 500 KB per store), so code that would hit them in production fails here too.
import { gasError } from './errors';
import type { GProperties } from './types';
import { as } from './types';

export const VALUE_LIMIT_BYTES = 9 * 1024;
export const STORE_LIMIT_BYTES = 500 * 1024;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

export class PropertyStore {
  data = new Map<string, string>();

  size(): number {
    let n = 0;
    for (const [k, v] of this.data) n += bytes(k) + bytes(v);
    return n;
  }

  set(entries: Array<[string, string]>, deleteOthers = false): void {
    const next = new Map(deleteOthers ? [] : this.data);
    for (const [k, v] of entries) {
      if (bytes(v) > VALUE_LIMIT_BYTES) throw gasError('Argument too large: value');
      next.set(k, v);
    }
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > STORE_LIMIT_BYTES) {
      throw gasError(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    this.data = next;
  }
}

export class EmuProperties
  implements
    Pick<GProperties, 'getProperty' | 'setProperty' | 'setProperties' | 'getProperties' | 'getKeys'>
{
  static readonly typeName = 'Properties';
  constructor(private readonly _store: PropertyStore) {}

  getProperty(key: string): string | null {
    return this._store.data.get(String(key)) ?? null;
  }
  setProperty(key: string, value: string): GProperties {
    this._store.set([[String(key), String(value)]]);
    return as(this);
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): GProperties {
    this._store.set(
      Object.entries(properties).map(([k, v]) => [k, String(v)]),
      deleteAllOthers === true,
    );
    return as(this);
  }
  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this._store.data);
  }
  getKeys(): string[] {
    return [...this._store.data.keys()];
  }
}

export class EmuPropertiesService
  implements
    Pick<
      GoogleAppsScript.Properties.PropertiesService,
      'getDocumentProperties' | 'getUserProperties'
    >
{
  static readonly typeName = 'PropertiesService';
  constructor(
    private readonly _doc: PropertyStore,
    private readonly _user: PropertyStore,
  ) {}
  getDocumentProperties(): GProperties {
    return as(new EmuProperties(this._doc));
  }
  getUserProperties(): GProperties {
    return as(new EmuProperties(this._user));
  }
}
