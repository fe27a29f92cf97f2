/**
 * The maps' change stamp: a document property that every command changing a map (from the menu,
 * a dialog or a wizard) rewrites. An open wizard's poll reads it (one property, no cell) and
 * reloads its map when it moved on, so a stage added from the menu shows before the next save.
 */
const KEY = 'cjm.maps.changed';

const props = () => PropertiesService.getDocumentProperties();

/** A new stamp, for a caller that writes it with other properties in one call. */
export function newStamp(): { key: string; value: string } {
  return {
    key: KEY,
    value: `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}`,
  };
}

/** Says that a map changed (a menu command or a dialog). */
export function markMapsChanged(): void {
  const { key, value } = newStamp();
  props().setProperty(key, value);
}

/** The stamp now ('' before any change was recorded). */
export function mapsStamp(): string {
  return props().getProperty(KEY) ?? '';
}
