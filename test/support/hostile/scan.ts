/**
 * Reading the workbook the way the checks need it: every sheet's values and formulas, the
 * stage each column carries (its footer marker), and whether a map sheet is intact. The
 * health oracle is independent of the product's reader: it only knows the layout contract
 * (labels in column A, the map and side markers in the footer row, one stage marker per
 * stage column, contiguous from column C).
 */
import type { Workbook } from '../../../emulator/index';
import {
  FIRST_STAGE_COL,
  LABEL_COL,
  parseFooter,
  parseStageMarker,
  ROW,
  ROW_ORDER,
  SIDE_COL,
  TEMPLATE_VERSION,
  a1,
  isSideMarker,
} from '../../../src/core/map/layout';
import { CATALOGUE, LANGS, type Lang } from '../../../src/core/words/i18n';

export interface Grid {
  name: string;
  sheetId: number;
  /** 0-based [row][col], up to the last cell with content */
  values: unknown[][];
  formulas: string[][];
  /** "row,col" (0-based) of cells holding part of an array result: computed, nobody's content */
  spilled: Set<string>;
}

export function readGrid(wb: Workbook, name: string): Grid {
  const model = wb.model;
  const sheet = model.sheetOrThrow(name);
  const { lastRow, lastCol } = model.engine.extent(sheet.name);
  const values: unknown[][] = [];
  const formulas: string[][] = [];
  const spilled = new Set<string>();
  for (let r = 0; r <= lastRow; r++) {
    const vs: unknown[] = [];
    const fs: string[] = [];
    for (let c = 0; c <= lastCol; c++) {
      // The emulator's own read (what getValues/getFormulas see: spilled results, errors as codes).
      const read = model.engine.read(sheet.name, r, c);
      vs.push(read.value);
      fs.push(read.formula);
      if (read.spilled) spilled.add(`${r},${c}`);
    }
    values.push(vs);
    formulas.push(fs);
  }
  return { name: sheet.name, sheetId: sheet.sheetId, values, formulas, spilled };
}

/**
 * Stage id of each 1-based column that carries a stage marker in the footer row. A marker
 * anywhere else (a sort or a row insert moved it) names no stage: the add-on reads the footer.
 */
export function stageColumns(g: Grid): Map<number, string> {
  const out = new Map<number, string>();
  (g.values[ROW.footer - 1] ?? []).forEach((v, c) => {
    const id = typeof v === 'string' ? parseStageMarker(v) : null;
    if (id && !out.has(c + 1)) out.set(c + 1, id);
  });
  return out;
}

/** Stage ids in column order, from the footer row only. */
export function footerStages(g: Grid): string[] {
  return (g.values[ROW.footer - 1] ?? []).flatMap((v) => {
    const id = typeof v === 'string' ? parseStageMarker(v) : null;
    return id ? [id] : [];
  });
}

export function stageColumnOf(g: Grid, stageId: string): number | null {
  const line = g.values[ROW.footer - 1] ?? [];
  const i = line.findIndex((v) => typeof v === 'string' && parseStageMarker(v) === stageId);
  return i < 0 ? null : i + 1;
}

/** Row labels of column A by language (null for the footer row, which has the map marker). */
const LABELS: Record<Lang, (string | null)[]> = Object.fromEntries(
  LANGS.map((l) => [
    l,
    ROW_ORDER.map((k) =>
      k === 'footer' ? null : CATALOGUE[l][`row.${k}` as keyof (typeof CATALOGUE)['en']],
    ),
  ]),
) as Record<Lang, (string | null)[]>;
const LABEL_SETS: Record<Lang, Set<string>> = Object.fromEntries(
  LANGS.map((l) => [l, new Set(LABELS[l].filter((x): x is string => x !== null))]),
) as Record<Lang, Set<string>>;

const FOOTER_ROW = ROW.footer;
const LABEL_ROWS = ROW_ORDER.map((k) => ROW[k]);

export type Health =
  /** stages: the stage ids in column order, null for a stage column without a marker */
  | { kind: 'healthy'; mapId: string; lang: Lang; stages: (string | null)[] }
  | { kind: 'damaged'; why: string; mapId: string | null; lang: Lang | null }
  | { kind: 'notMap' };

const cellText = (g: Grid, row: number, col: number): string => {
  const v = g.values[row - 1]?.[col - 1];
  return v === undefined || v === null ? '' : String(v);
};

/** Whether a sheet is an intact map, a damaged one, or no map at all (nothing of a map in it). */
export function health(g: Grid): Health {
  const labels = LABEL_ROWS.map((row) => cellText(g, row, LABEL_COL));
  const scores = LANGS.map((l) => LABELS[l].filter((x, i) => x !== null && labels[i] === x).length);
  const lang: Lang = (scores[1] ?? 0) > (scores[0] ?? 0) ? 'ru' : 'en';
  const footer = parseFooter(cellText(g, FOOTER_ROW, LABEL_COL));
  const mapId = footer?.id ?? null;
  if (
    !footer &&
    Math.max(...scores) < LABEL_ROWS.length / 2 &&
    !g.values.some((line) => typeof line[0] === 'string' && parseFooter(line[0]))
  ) {
    return { kind: 'notMap' };
  }
  const damaged = (why: string): Health => {
    // The language of the labels wherever they are now (rows may have moved); a tie is unknown.
    const anywhere = LANGS.map(
      (l) => g.values.filter((line) => LABEL_SETS[l].has(String(line[LABEL_COL - 1] ?? ''))).length,
    );
    const labelLang: Lang | null =
      (anywhere[1] ?? 0) > (anywhere[0] ?? 0)
        ? 'ru'
        : (anywhere[0] ?? 0) > (anywhere[1] ?? 0)
          ? 'en'
          : null;
    return { kind: 'damaged', why, mapId, lang: labelLang };
  };

  const wrong = LABELS[lang].findIndex((x, i) => x !== null && labels[i] !== x);
  if (wrong >= 0) return damaged(`label of row ${wrong + 1} is "${labels[wrong]}"`);
  if (!footer) return damaged(`no map marker in ${a1(ROW.footer, LABEL_COL)}`);
  if (footer.version > TEMPLATE_VERSION) return damaged(`template v${footer.version}`);
  const footerLine = g.values[ROW.footer - 1] ?? [];
  // Maps made before the column markers (v1) have none; a marked map has the side marker in B.
  const marked = footerLine.some((v, i) => i + 1 >= FIRST_STAGE_COL && parseStageMarker(v));
  if (
    (marked || cellText(g, ROW.footer, SIDE_COL) !== '') &&
    !isSideMarker(cellText(g, ROW.footer, SIDE_COL))
  )
    return damaged(`no side marker in ${a1(ROW.footer, SIDE_COL)}`);
  const named = (c: number) =>
    cellText(g, ROW.header, c).trim() !== '' || cellText(g, ROW.role, c).trim() !== '';
  // Stages run from C to the last column with a stage marker; a stage whose marker was typed
  // over, or a column a user inserted there and named, is a stage without a marker (null).
  // Without any marker, the named columns from C are the stages (as in maps before markers).
  let last = 0;
  footerLine.forEach((v, i) => {
    if (i + 1 >= FIRST_STAGE_COL && parseStageMarker(v)) last = i + 1;
  });
  if (last === 0) for (last = FIRST_STAGE_COL - 1; named(last + 1); last++);
  const stages: (string | null)[] = [];
  for (let col = FIRST_STAGE_COL; col <= last; col++) {
    const id = parseStageMarker(footerLine[col - 1]);
    if (id && stages.includes(id)) return damaged(`stage ${id} twice`);
    if (!id && !named(col))
      return damaged(`column ${a1(1, col).replace(/\d+$/, '')} inside the map holds no stage`);
    stages.push(id);
  }
  if (stages.length === 0) return damaged('no stage columns');
  return { kind: 'healthy', mapId: footer.id, lang, stages };
}

/** Value and formula of a cell (1-based). */
export function cellAt(g: Grid, row: number, col: number): { value: unknown; formula: string } {
  return {
    value: g.values[row - 1]?.[col - 1] ?? '',
    formula: g.formulas[row - 1]?.[col - 1] ?? '',
  };
}

/** Whether two reads of the same sheet hold the same values and formulas. */
export function sameContent(a: Grid, b: Grid): { same: true } | { same: false; where: string } {
  const rows = Math.max(a.values.length, b.values.length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(a.values[r]?.length ?? 0, b.values[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) {
      const x = cellAt(a, r + 1, c + 1);
      const y = cellAt(b, r + 1, c + 1);
      // What formulas compute (their own cells and their spilled results) is not content.
      const computed = a.spilled.has(`${r},${c}`) || b.spilled.has(`${r},${c}`);
      if (
        x.formula !== y.formula ||
        (x.formula === '' &&
          !computed &&
          !Object.is(x.value, y.value) &&
          String(x.value) !== String(y.value))
      ) {
        return {
          same: false,
          where: `${a1(r + 1, c + 1)}: ${JSON.stringify(x.formula || x.value)} → ${JSON.stringify(y.formula || y.value)}`,
        };
      }
    }
  }
  return { same: true };
}
