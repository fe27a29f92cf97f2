/**
 * The names a user gives a map and its stages: one limit for each kind, the same on every path
 * (New map, Add stage, Rename map, the wizard), and the characters no name may hold.
 */
import type { MessageKey } from '../words/i18n';

/** Characters a Sheets cell holds: what a name typed by hand in the grid can reach. */
export const CELL_LIMIT = 50_000;

/** Sheets' own limit on a sheet's name. */
export const SHEET_NAME_MAX = 100;

/**
 * What the add-on adds to a map's name in its sheets' names, at most: " (99)" when the name is
 * taken, then " · план" for the plan sheet (named after the map's sheet), then " (99)" again.
 */
export const SHEET_SUFFIX_MAX = ' (99)'.length + ' · план'.length + ' (99)'.length;

export type NameKind = 'map' | 'stage';

/**
 * The longest name of each kind. A map's name leaves room for its sheets' suffixes within Sheets'
 * 100 characters; a stage's name fits under a funnel chart's bar and in the plan's stage column.
 */
export const NAME_MAX: Record<NameKind, number> = { map: 80, stage: 60 };

/** Line breaks (U+000A, U+000D, U+2028, U+2029) and every other control character. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/** Whether a text holds a line break or another control character. */
export const hasControl = (text: string): boolean => CONTROL.test(text);

/** Why a name cannot be taken, as a catalogue message and its values; null when it can. */
export function nameProblem(
  kind: NameKind,
  name: string,
): { key: MessageKey; vars: Record<string, number> } | null {
  if (hasControl(name)) return { key: 'name.control', vars: {} };
  // UTF-16 units, as a form field and zod count them (an emoji is two): never more than Sheets takes.
  const length = name.length;
  if (length > NAME_MAX[kind])
    return { key: `name.${kind}TooLong`, vars: { n: NAME_MAX[kind], length } };
  return null;
}

/** A name made by the add-on from the user's texts (a segment and a product): cleaned and cut to fit. */
export function fittedName(kind: NameKind, text: string): string {
  const flat = text.replace(new RegExp(CONTROL.source, 'gu'), ' ').replace(/\s+/g, ' ').trim();
  const cut = flat.slice(0, NAME_MAX[kind]);
  // a character outside the basic plane (an emoji) is never cut in two
  return (/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut).trim();
}
