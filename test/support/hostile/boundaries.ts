/**
 * What a command may touch, checked after each call: only its own map (a command on map A
 * changes no cell, format, merge or protection of map B's sheets, of B's plan or B's history);
 * when it failed, nothing at all (cells are checked by the World, the rest here); and a refusal
 * caused by a protection or a merge names it as the user sees it (the protected range or
 * sheet, the merged range), never with Sheets' raw message.
 */
import {
  PARSE_ERROR_MESSAGE,
  MERGE_MESSAGE,
  PROTECTED_MESSAGE,
  type Workbook,
} from '../../../emulator/index';
import { a1, footerPattern, namedRangeName } from '../../../src/core/map/layout';
import { quoteSheet } from '../../../src/core/map/links';
import { cellAt, type Grid, type Health } from './scan';
import { planSheets } from './structure';
import type { ViolationKind } from './world';

type Attrs = Workbook['model']['sheets'][number]['attrs'];

/**
 * A sheet's cell attributes, as a digest of their text kept until its map of attributes is written
 * to: a history sheet formats a thousand rows, too many to write out and compare at every action.
 * The emulator changes a cell's attributes only through that map's set and delete (or replaces the
 * map whole), so those two are wrapped to forget the digest.
 */
const attrsTexts = new WeakMap<Attrs, string>();
const watched = new WeakSet<Attrs>();
function attrsText(attrs: Attrs): string {
  if (!watched.has(attrs)) {
    watched.add(attrs);
    for (const method of ['set', 'delete'] as const) {
      const original = attrs[method].bind(attrs) as (...a: unknown[]) => unknown;
      Object.defineProperty(attrs, method, {
        value: (...a: unknown[]) => {
          attrsTexts.delete(attrs);
          return original(...a);
        },
      });
    }
  }
  let text = attrsTexts.get(attrs);
  if (text === undefined) {
    text = digest(JSON.stringify([...attrs].sort(([x], [y]) => (x < y ? -1 : 1))));
    attrsTexts.set(attrs, text);
  }
  return text;
}

/** FNV-1a, 32 bits, with the length: two texts that differ get different digests but by chance. */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}:${(h >>> 0).toString(16)}`;
}

/**
 * Everything of a sheet besides its cells' contents that a user sees: name, size, formats,
 * notes, validations, merges, protections, hidden and grouped lines, sizes, rules. Key -1: the
 * sheets' order and the named ranges.
 */
export function shapesOf(wb: Workbook): Map<number, string> {
  const m = wb.model;
  const out = new Map<number, string>();
  for (const s of m.sheets) {
    out.set(
      s.sheetId,
      JSON.stringify([
        s.name,
        s.maxRows,
        s.maxCols,
        s.frozenRows,
        s.frozenCols,
        [...s.hidden.row].sort(),
        [...s.hidden.col].sort(),
        [...s.groupDepth.row],
        [...s.groupDepth.col],
        [...s.colWidths],
        [...s.rowHeights],
        attrsText(s.attrs),
        s.merges,
        s.protections,
        s.conditionalRules,
      ]),
    );
  }
  out.set(
    -1,
    JSON.stringify([
      m.sheets.map((s) => s.sheetId),
      m.engine
        .namedRangeNames()
        .sort()
        .map((n) => [n, m.engine.namedRangeTarget(n)]),
    ]),
  );
  return out;
}

export interface Seen {
  grids: Map<number, Grid>;
  health: Map<number, Health>;
  shapes: Map<number, string>;
}

export interface Found {
  kind: ViolationKind;
  message: string;
}

/**
 * The sheet of a map as the add-on finds it (src/sheets/map-lookup.ts): by its named cells, else
 * the one sheet with a cell that is its marker, wherever rows or columns deleted moved it (not a
 * guess among a map and its copies).
 */
export function mapSheetIdOf(
  wb: Workbook,
  mapId: string,
  seen: Pick<Seen, 'grids'>,
): number | null {
  for (const suffix of ['REVENUE', 'L', 'C', 'P', 'Q'] as const) {
    const named = wb.model.engine.namedRangeTarget(namedRangeName(mapId, suffix));
    const id = named ? wb.model.sheet(named.sheet)?.sheetId : undefined;
    if (id !== undefined) return id;
  }
  const marker = new RegExp(`^${footerPattern(mapId)}$`);
  const marked = [...seen.grids].filter(([, g]) =>
    g.values.some((line) => line.some((v) => typeof v === 'string' && marker.test(v))),
  );
  return marked.length === 1 ? (marked[0]?.[0] ?? null) : null;
}

/**
 * Where a sheet's content changed, or null: a reference Sheets moved with a row or column
 * inserted elsewhere is the same formula, and so is one Sheets rewrote to a sheet renamed
 * (`renamed`: each renamed sheet's reference before and after).
 */
export function contentChange(
  a: Grid,
  b: Grid,
  renamed: readonly { before: string; after: string }[] = [],
): string | null {
  // a renamed sheet's reference, quoted or not, as one token on both sides
  const sheets = (f: string, side: 'before' | 'after') =>
    renamed.reduce(
      (out, r, i) =>
        out
          .split(`${quoteSheet(r[side])}!`)
          .join(`§${i}!`)
          .split(`${r[side]}!`)
          .join(`§${i}!`),
      f,
    );
  const shape = (f: string, side: 'before' | 'after') =>
    sheets(f, side).replace(/#REF!|\$?[A-Z]{1,3}\$?\d+/g, '#');
  const rows = Math.max(a.values.length, b.values.length);
  for (let r = 1; r <= rows; r++) {
    const cols = Math.max(a.values[r - 1]?.length ?? 0, b.values[r - 1]?.length ?? 0);
    for (let c = 1; c <= cols; c++) {
      const x = cellAt(a, r, c);
      const y = cellAt(b, r, c);
      const computed = a.spilled.has(`${r - 1},${c - 1}`) || b.spilled.has(`${r - 1},${c - 1}`);
      if (
        shape(x.formula, 'before') !== shape(y.formula, 'after') ||
        (!x.formula && !computed && String(x.value) !== String(y.value))
      )
        return `${a1(r, c)}: ${JSON.stringify(x.formula || x.value)} → ${JSON.stringify(y.formula || y.value)}`;
    }
  }
  return null;
}

/**
 * A command on `target` (null: no map, as New map) wrote to another map's sheet or plan. A
 * duplicated sheet shares its original's map id but not its plan: from the copy, the
 * original's sheets and plan are another map's.
 */
export function otherMapWrites(
  wb: Workbook,
  name: string,
  target: number | null,
  base: Seen,
  after: Seen,
): Found[] {
  const h = target === null ? undefined : base.health.get(target);
  const mapId = h && h.kind !== 'notMap' ? h.mapId : null;
  // the map's own: the sheet the add-on finds for its id, or, once no sheet holds the map's named
  // cells (the user deleted them with their column), the one intact sheet carrying its markers
  const found = mapId === null ? null : mapSheetIdOf(wb, mapId, after);
  const intact = [...base.health].filter(([, x]) => x.kind === 'healthy' && x.mapId === mapId);
  const own =
    mapId !== null &&
    (found === target || (found === null && intact.length === 1 && intact[0]?.[0] === target));
  const others = new Set<number>();
  for (const [id, hh] of base.health) if (hh.kind !== 'notMap' && id !== target) others.add(id);
  // the map's plan and history are its own; every other map's are not
  for (const kind of ['PLAN', 'HISTORY'] as const) {
    const sheets = planSheets(wb, kind);
    const mine = own && mapId !== null ? sheets.get(mapId) : undefined;
    for (const id of sheets.values()) if (id !== mine && id !== target) others.add(id);
  }
  // A sheet the command renamed (the map's, its plan's, its history's): Sheets rewrites every
  // formula that refers to it, a copy's included.
  const renamed = [...base.grids].flatMap(([id, g]) => {
    const now = after.grids.get(id)?.name;
    return now !== undefined && now !== g.name ? [{ before: g.name, after: now }] : [];
  });
  const out: Found[] = [];
  for (const id of others) {
    const b = base.grids.get(id);
    const a = after.grids.get(id);
    if (!b || !a) continue;
    const where =
      contentChange(b, a, renamed) ??
      (base.shapes.get(id) !== after.shapes.get(id)
        ? 'its formats, merges, protections or lines'
        : null);
    if (where)
      out.push({
        kind: 'other-map-write',
        message: `${name}${target === null ? '' : ` on '${base.grids.get(target)?.name}'`} changed '${b.name}', a sheet of another map: ${where}`,
      });
  }
  return out;
}

/** A failed command that left the cells alone but changed something else of the spreadsheet. */
export function failedChanges(name: string, detail: string, base: Seen, after: Seen): Found[] {
  const changed = [...base.shapes.keys()].filter(
    (id) => base.shapes.get(id) !== after.shapes.get(id),
  );
  if (changed.length === 0) return [];
  const what = changed.map((id) =>
    id === -1
      ? 'the sheets or named ranges'
      : `'${base.grids.get(id)?.name}' (formats, merges, protections, lines)`,
  );
  return [
    {
      kind: 'refusal-changed',
      message: `${name} failed (${detail}) but changed ${what.join(', ')}`,
    },
  ];
}

const rectText = (r: { row: number; col: number; rows: number; cols: number }) => [
  `${a1(r.row + 1, r.col + 1)}:${a1(r.row + r.rows, r.col + r.cols)}`,
  ...(r.rows === 1 && r.cols === 1 ? [a1(r.row + 1, r.col + 1)] : []),
];

const PROTECTION_WORDS = /protected|защищ/i;
/** err.badRequest: the payload's field paths, which no retry of the same form changes */
const UNREADABLE = /^The form could not be read|^Не удалось прочитать форму/;
const MERGE_WORDS = /merged|объединён/i;

/**
 * A refusal shows Sheets' raw message, or speaks of a protection or a merge without naming one
 * that is there (a protected range by its sheet and cells, a protected sheet by its name, a
 * merge by its cells), or calls a request the sidebar built from what it showed unreadable.
 */
export function vagueRefusals(
  wb: Workbook,
  name: string,
  messages: readonly string[],
  wellFormed: boolean,
): Found[] {
  const out: Found[] = [];
  const sheets = wb.model.sheets;
  for (const m of messages) {
    if (wellFormed && UNREADABLE.test(m))
      out.push({
        kind: 'refusal-vague',
        message: `${name} called what the form sent unreadable: ${JSON.stringify(m.slice(0, 300))}`,
      });
    if (m.includes(PROTECTED_MESSAGE.slice(0, 40)) || m.includes(MERGE_MESSAGE.slice(0, 40))) {
      out.push({
        kind: 'refusal-raw',
        message: `${name} showed Sheets' own message: ${JSON.stringify(m)}`,
      });
      continue;
    }
    if (PROTECTION_WORDS.test(m)) {
      const named = sheets.some((s) =>
        s.protections.some(
          (p) =>
            m.includes(s.name) && (p.rect === null || rectText(p.rect).some((t) => m.includes(t))),
        ),
      );
      if (!named)
        out.push({
          kind: 'refusal-vague',
          message: `${name} refused for a protection without naming a protected range or sheet there: ${JSON.stringify(m)}`,
        });
    } else if (MERGE_WORDS.test(m)) {
      const named = sheets.some((s) =>
        s.merges.some((r) => rectText(r).some((t) => m.includes(t))),
      );
      if (!named)
        out.push({
          kind: 'refusal-vague',
          message: `${name} refused for a merge without naming a merged range there: ${JSON.stringify(m)}`,
        });
    }
  }
  return out;
}

/**
 * A formula the command wrote that Sheets cannot parse: written in one syntax ("," or ";")
 * where the spreadsheet's locale, changed since the add-on last looked, takes the other.
 */
export function unparsedFormulas(wb: Workbook, name: string, base: Seen, after: Seen): Found[] {
  for (const [id, a] of after.grids) {
    const b = base.grids.get(id);
    for (let r = 0; r < a.formulas.length; r++) {
      const line = a.formulas[r] ?? [];
      for (let c = 0; c < line.length; c++) {
        const f = line[c];
        if (!f || a.values[r]?.[c] !== '#ERROR!' || b?.formulas[r]?.[c] === f) continue;
        if (wb.cellError(a.name, a1(r + 1, c + 1)) !== PARSE_ERROR_MESSAGE) continue;
        return [
          {
            kind: 'formula-unparsed',
            message: `${name} wrote '${a.name}'!${a1(r + 1, c + 1)} ${f}, which does not parse in ${wb.model.locale}`,
          },
        ];
      }
    }
  }
  return [];
}
