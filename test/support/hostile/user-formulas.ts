/**
 * The formulas users type around a map: a reference into it from another sheet
 * (`='Map'!E25`) or from below it (`=E25/2`), an ARRAYFORMULA over a row of its stages, and
 * arrays spilled right of it (`=SEQUENCE(3)`, `={1;2;3}`). Each is known by a mark in its
 * text (`N("uf-7")`, which adds nothing) or, for the arrays that a mark would stop spilling,
 * by its text on its sheet. After a command, a reference still names the cell where the same
 * stage's data is now (a range still covers every stage it covered that is left), an array
 * still spills; or the user was told before, by the Remove stage question naming the cell.
 * What the user breaks or moves themselves is theirs: the formula is followed or forgotten.
 */
import { a1, colNumber, FIRST_STAGE_COL, ROW, type RowKey } from '../../../src/core/map/layout';
import { quoteSheet } from '../../../src/core/map/links';
import type { FieldRow } from '../../../src/core/wizard/steps';
import { placeAt, rowKeyAt, rowOf, columnOf } from './places';
import { cellAt, stageColumns, type Grid } from './scan';

export type FormulaShape = 'other' | 'below' | 'sequence' | 'literal' | 'arrayformula';

/** What a reference names: a cell of a map by sheet, stage (or column) and row key (or row). */
interface Bound {
  sheetId: number;
  place: string | null;
  /**
   * A stage column whose marker the user erased (a merge over the footer) has no place: the
   * add-on then finds its stages by position, and the column is followed by the stage's name
   * when that name is on one column only.
   */
  name: string | null;
  col: number;
  row: FieldRow | null;
  rowNum: number;
}

interface UserFormula {
  shape: FormulaShape;
  hostId: number;
  /** the mark in its text, or its whole text (the arrays) */
  key: string;
  /** the spilled column an array shows */
  spill: number[];
  /** references: the cells named (one; for ARRAYFORMULA a row of stages) */
  bound: Bound[];
  origin: string;
  /** where it was last seen ("Report!A1"): what a question would have named */
  seenAt: string;
}

export interface Placement {
  sheetId: number;
  sheetName: string;
  row: number;
  col: number;
  formula: string;
}

const REF =
  /(?:'((?:[^']|'')+)'|([A-Za-z0-9_.\u0400-\u04FF]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/;
const BARE = /(?<![A-Za-z!"])\$?([A-Z]{1,3})\$?(\d+)(?![\d(])/;

export class UserFormulas {
  private list: UserFormula[] = [];
  private count = 0;
  /** what the user was told during the current step */
  private heardAt = -1;
  private heardText = '';

  /** A copy renamed into a map of its own: its stages have new ids, column for column. */
  restaged(sheetId: number, moved: Map<string, string>): void {
    for (const f of this.list)
      for (const r of f.bound)
        if (r.sheetId === sheetId && r.place !== null) r.place = moved.get(r.place) ?? r.place;
  }

  /**
   * Where a formula of this shape goes and its text, or null when there is no room for it: `mapId`
   * is the map sheet, `hostId` a sheet that is no map (for references from other sheets).
   */
  place(
    shape: FormulaShape,
    map: Grid,
    stages: (string | null)[],
    host: Grid | undefined,
    pick: { stage: number; row: RowKey; n: number },
  ): { at: Placement; track: () => UserFormula } | null {
    if (stages.length === 0) return null;
    const stageCol = FIRST_STAGE_COL + (pick.stage % stages.length);
    const row = rowOf(map, pick.row) ?? ROW[pick.row];
    const quoted = quoteSheet(map.name);
    const mark = `uf-${++this.count}`;
    const empty = (g: Grid, r: number, c: number) => {
      const x = cellAt(g, r, c);
      return x.formula === '' && x.value === '';
    };
    const at = (g: Grid, r: number, c: number, formula: string): Placement => ({
      sheetId: g.sheetId,
      sheetName: g.name,
      row: r,
      col: c,
      formula,
    });
    const bind = (col: number): Bound => ({
      sheetId: map.sheetId,
      place: placeAt(map, col),
      name: stageName(map, col),
      col,
      row: rowKeyAt(map, row),
      rowNum: row,
    });
    const firstFree = (from: number, fits: (r: number) => boolean): number | null => {
      for (let r = from; r < from + 40; r++) if (fits(r)) return r;
      return null;
    };
    const ref = `${a1(row, stageCol)}`;
    let placement: Placement | null = null;
    let key = mark;
    let spill: number[] = [];
    let bound: Bound[] = [];
    switch (shape) {
      case 'other':
      case 'arrayformula': {
        if (!host) return null;
        const col = shape === 'other' ? 10 + (pick.n % 3) : 14;
        const r = firstFree(1, (x) =>
          shape === 'other'
            ? empty(host, x, col)
            : (host.values[x - 1] ?? []).every(
                (v, i) => i + 1 < col || (v === '' && !host.formulas[x - 1]?.[i]),
              ),
        );
        if (r === null) return null;
        const last = FIRST_STAGE_COL + stages.length - 1;
        const formula =
          shape === 'other'
            ? `=${quoted}!${ref}+N("${mark}")`
            : `=ARRAYFORMULA(${quoted}!${a1(row, FIRST_STAGE_COL)}:${a1(row, last)}*2+N("${mark}"))`;
        placement = at(host, r, col, formula);
        bound =
          shape === 'other' ? [bind(stageCol)] : stages.map((_, i) => bind(FIRST_STAGE_COL + i));
        break;
      }
      case 'below': {
        const r = firstFree(ROW.footer + 2 + (pick.n % 3), (x) => empty(map, x, 1));
        if (r === null) return null;
        placement = at(map, r, 1, `=${ref}/2+N("${mark}")`);
        bound = [bind(stageCol)];
        break;
      }
      case 'sequence':
      case 'literal': {
        const col = FIRST_STAGE_COL + stages.length + 2;
        const n = shape === 'sequence' ? 2 + (pick.n % 4) : 3;
        const first = shape === 'sequence' ? 1 : 1000 * this.count + (pick.n % 997);
        spill = Array.from({ length: n }, (_, i) => first + i);
        key = shape === 'sequence' ? `=SEQUENCE(${n})` : `={${spill.join(';')}}`;
        // one of each text on a sheet, so the text is its name
        if (map.formulas.some((line) => line.includes(key))) return null;
        const r = firstFree(1 + (pick.n % (ROW.footer - n)), (x) =>
          spill.every((_, i) => x + i < ROW.footer && empty(map, x + i, col)),
        );
        if (r === null) return null;
        placement = at(map, r, col, key);
        break;
      }
    }
    const done = placement;
    return {
      at: done,
      track: () => {
        const f: UserFormula = {
          shape,
          hostId: done.sheetId,
          key,
          spill,
          bound,
          origin: `${done.formula} typed in '${done.sheetName}'!${a1(done.row, done.col)}`,
          seenAt: `${done.sheetName}!${a1(done.row, done.col)}`,
        };
        this.list.push(f);
        return f;
      },
    };
  }

  /** Messages the user saw (a question, a refusal) during step `step`. */
  heard(step: number, messages: readonly string[]): void {
    if (step !== this.heardAt) this.heardText = '';
    this.heardAt = step;
    this.heardText += `\n${messages.join('\n')}`;
  }

  /**
   * After an action at step `step`: `byUser` when the user did it in the grid. A command that
   * broke a formula it had not named in a question is reported.
   */
  check(
    step: number,
    grids: Map<number, Grid>,
    byUser: boolean,
    report: (message: string) => void,
  ): void {
    const told = (f: UserFormula, now: string | null) =>
      step === this.heardAt &&
      [f.seenAt, now].some((at) => at !== null && this.heardText.includes(at));
    this.list = this.list.filter((f) => {
      const host = grids.get(f.hostId);
      const found = host ? this.find(host, f) : null;
      const now = host && found ? `${host.name}!${a1(found.row, found.col)}` : null;
      const problem = !host
        ? 'its sheet is gone'
        : !found
          ? 'it is gone'
          : this.problem(f, host, found.row, found.col, grids);
      if (problem === null) {
        f.seenAt = now ?? f.seenAt;
        return true;
      }
      if (byUser) {
        // What the user did is theirs: a reference now names what its cell holds now.
        const rebound = host && found ? this.rebind(f, host, found, grids) : null;
        if (!rebound) return false;
        f.bound = rebound;
        f.seenAt = now ?? f.seenAt;
        return true;
      }
      if (!told(f, now))
        report(`the user's formula ${f.origin} (now ${now ?? 'gone'}): ${problem}`);
      return false;
    });
  }

  private find(g: Grid, f: UserFormula): { row: number; col: number; formula: string } | null {
    for (let r = 0; r < g.formulas.length; r++) {
      const line = g.formulas[r] ?? [];
      for (let c = 0; c < line.length; c++) {
        const text = line[c] ?? '';
        if (f.spill.length ? text === f.key : text.includes(`"${f.key}"`))
          return { row: r + 1, col: c + 1, formula: text };
      }
    }
    return null;
  }

  /** What is wrong with a formula now, or null. */
  private problem(
    f: UserFormula,
    host: Grid,
    row: number,
    col: number,
    grids: Map<number, Grid>,
  ): string | null {
    const { formula } = cellAt(host, row, col);
    if (f.spill.length) {
      const shown = f.spill.map((_, i) => cellAt(host, row + i, col).value);
      return shown.every((v, i) => v === f.spill[i])
        ? null
        : `it no longer spills ${JSON.stringify(f.spill)}: shows ${JSON.stringify(shown)}`;
    }
    if (formula.includes('#REF!')) return `it reads ${formula}`;
    const named = this.named(formula, host, grids);
    if (!named) return `its reference cannot be read: ${formula}`;
    const map = grids.get(f.bound[0]!.sheetId);
    if (!map || named.sheetId !== map.sheetId) return `it refers to another sheet now: ${formula}`;
    // Where each stage named is now (null: gone).
    const now = f.bound.map((b) => {
      const c = b.place !== null ? columnOf(map, b.place) : columnNamed(map, b.name, b.col);
      const r = b.row === null ? b.rowNum : rowOf(map, b.row);
      return { b, at: c === null || r === null ? null : { r, c } };
    });
    const where = (x: (typeof now)[number]) =>
      `stage ${x.b.place}'s ${x.b.row}${x.at ? ` (${a1(x.at.r, x.at.c)})` : ''}`;
    if (f.shape === 'arrayformula') {
      const left = now.filter((x) => x.at !== null);
      if (left.length === 0) return `none of the stages it covered is left: ${formula}`;
      const out = left.find(
        (x) => x.at!.r !== named.row || x.at!.c < named.col || x.at!.c > named.col2,
      );
      return out ? `it no longer covers ${where(out)}: ${formula}` : null;
    }
    const one = now[0]!;
    if (!one.at) return `${where(one)} is gone, yet it reads ${formula}`;
    return one.at.r === named.row && one.at.c === named.col && named.col2 === named.col
      ? null
      : `it names ${a1(named.row, named.col)}, but ${where(one)} is elsewhere: ${formula}`;
  }

  /** The sheet and cells a formula's first reference names. */
  private named(
    formula: string,
    host: Grid,
    grids: Map<number, Grid>,
  ): { sheetId: number; row: number; col: number; col2: number } | null {
    const m = REF.exec(formula);
    if (m) {
      const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
      const g = [...grids.values()].find((x) => x.name === name);
      if (!g) return null;
      const col = colNumber(m[3]!);
      return { sheetId: g.sheetId, row: Number(m[4]), col, col2: m[5] ? colNumber(m[5]) : col };
    }
    const b = BARE.exec(formula.replace(/"[^"]*"/g, '""'));
    if (!b) return null;
    const col = colNumber(b[1]!);
    return { sheetId: host.sheetId, row: Number(b[2]), col, col2: col };
  }

  /** What a formula the user changed by their own edit names now, or null when nothing. */
  private rebind(
    f: UserFormula,
    host: Grid,
    found: { formula: string },
    grids: Map<number, Grid>,
  ): Bound[] | null {
    if (f.spill.length || found.formula.includes('#REF!')) return null;
    const named = this.named(found.formula, host, grids);
    const map = named ? grids.get(named.sheetId) : undefined;
    if (!named || !map) return null;
    const markers = stageColumns(map);
    const cols = Array.from({ length: named.col2 - named.col + 1 }, (_, i) => named.col + i).filter(
      (c) => f.shape !== 'arrayformula' || markers.has(c),
    );
    if (cols.length === 0) return null;
    return cols.map((c) => ({
      sheetId: map.sheetId,
      place: placeAt(map, c),
      name: stageName(map, c),
      col: c,
      row: rowKeyAt(map, named.row),
      rowNum: named.row,
    }));
  }
}

/** The name a column carries in the stage header row when it carries no marker, or null. */
function stageName(map: Grid, col: number): string | null {
  if (col < FIRST_STAGE_COL || placeAt(map, col) !== null) return null;
  const text = String(cellAt(map, rowOf(map, 'header') ?? ROW.header, col).value).trim();
  return text === '' ? null : text;
}

/**
 * Where a stage without a marker is now: the one column of the header row with its name (null
 * when no column has it: the stage was removed), else the column it was in.
 */
function columnNamed(map: Grid, name: string | null, col: number): number | null {
  if (name === null) return col;
  const header = map.values[(rowOf(map, 'header') ?? ROW.header) - 1] ?? [];
  const cols = header.flatMap((v, i) =>
    i + 1 >= FIRST_STAGE_COL && String(v).trim() === name ? [i + 1] : [],
  );
  return cols.length === 1 ? cols[0]! : cols.length === 0 ? null : col;
}
