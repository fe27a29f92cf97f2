/**
 * Make a map from this table, as a marketer runs it in the built add-on: a table typed into a
 * sheet, a cell or range selected, the menu command, then the dialog's Create with the choices
 * the dialog would send (its boot data, read from the page the command showed).
 */
import { expect } from 'vitest';
import type { ImportRequest, ImportResult, ImportTableBoot } from '../../src/contract';
import { a1, FIRST_STAGE_COL, ROW, ROW_COUNT } from '../../src/core/map/layout';
import { bootOf, type Session } from './addon';

type Cell = string | number;

/** Types a table into a new sheet, cell by cell as a user would ('' leaves a cell blank). */
export function typeTable(s: Session, sheet: string, rows: Cell[][], from = 'A1'): void {
  if (!s.wb.sheetNames().includes(sheet)) s.wb.spreadsheet.insertSheet(sheet);
  const start = s.wb.range(sheet, from);
  for (const [r, line] of rows.entries())
    for (const [c, v] of line.entries())
      if (v !== '') s.wb.setCell(sheet, a1(start.getRow() + r, start.getColumn() + c), v);
}

/**
 * Runs the menu command on `selection` of `sheet`: the dialog's boot data, or the alert it said
 * instead (and then no dialog).
 */
export function openImport(
  s: Session,
  sheet: string,
  selection: string,
): { boot: ImportTableBoot; title: string } | { alert: string } {
  const before = s.wb.ui.surfaces.length;
  const alerts = s.wb.ui.requests.length;
  s.select(sheet, selection);
  s.run('makeMapFromTable');
  const said = s.wb.ui.requests.slice(alerts).map((r) => r.request.prompt);
  if (said.length) return { alert: said.join('\n') };
  const shown = s.wb.ui.surfaces.slice(before).find((x) => x.kind === 'modal');
  const boot = bootOf(shown?.html ?? '');
  if (boot?.view !== 'importTable') throw new Error('the command showed no import dialog');
  return { boot, title: shown?.title ?? '' };
}

/** The request the dialog sends when Create is pressed with its choices as they are. */
export function dialogRequest(boot: ImportTableBoot): ImportRequest {
  const r = boot.reading;
  return {
    lang: boot.lang,
    name: r.name,
    source: { sheet: r.sheetName, range: r.range },
    stages: r.stages,
    rows: r.rows.map((row) => ({ label: row.label, values: row.values, target: row.target })),
    pairs: r.pairs,
    unmatched: 'rows',
    deal: r.deal,
  };
}

/** Runs the command and Create; returns the new map's sheet and the boot the dialog had. */
export function importTable(
  s: Session,
  sheet: string,
  selection: string,
  choose: (req: ImportRequest) => ImportRequest = (req) => req,
): { sheet: string; boot: ImportTableBoot } {
  const opened = openImport(s, sheet, selection);
  if ('alert' in opened) throw new Error(`the command refused: ${opened.alert}`);
  const result = s.addon.callFromClient(
    'createMapFromTable',
    choose(dialogRequest(opened.boot)),
  ) as ImportResult;
  if (!result.ok) throw new Error(`Create refused: ${result.message}`);
  return { sheet: result.sheetName, boot: opened.boot };
}

/**
 * Every cell of a new map that holds what a user gives it (its title and cards in B, each stage's
 * name, text rows, role, customers and target, P and Q) and the rows under it, with the columns of
 * its stages.
 */
function userCells(stages: number): string[] {
  const cols = Array.from({ length: stages }, (_, i) => FIRST_STAGE_COL + i);
  const inStages = (rows: number[]) => rows.flatMap((r) => cols.map((c) => a1(r, c)));
  const range = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return [
    ...range(ROW.name, ROW.nextReview).map((r) => a1(r, 2)),
    ...inStages(range(ROW.header, ROW.weakSpots)),
    ...inStages([ROW.role, ROW.customers, ROW.target]),
    a1(ROW.avgCheck, 2),
    a1(ROW.purchases, 2),
    ...range(ROW.personaName, ROW.jobs).map((r) => a1(r, 2)),
    // under the map: its blank row, a caption and kept rows, and blank rows after them
    ...range(ROW_COUNT + 1, ROW_COUNT + 12).flatMap((r) =>
      range(1, FIRST_STAGE_COL + stages).map((c) => a1(r, c)),
    ),
  ];
}

/**
 * The new map holds exactly `expected` in the cells a user owns (every other one blank), as values
 * and never as a formula.
 */
export function expectMap(
  s: Session,
  sheet: string,
  stages: number,
  expected: Record<string, Cell>,
): void {
  const cells = userCells(stages);
  const wrong = cells.flatMap((ref) => {
    const want = expected[ref] ?? '';
    const got = s.wb.value(sheet, ref);
    const formula = s.wb.formula(sheet, ref);
    return got === want && formula === ''
      ? []
      : [
          `${ref}: ${JSON.stringify(got)}${formula ? ` (${formula})` : ''} ≠ ${JSON.stringify(want)}`,
        ];
  });
  expect(wrong).toEqual([]);
  // (an expectation outside those cells would never be looked at)
  expect(Object.keys(expected).filter((ref) => !cells.includes(ref))).toEqual([]);
}

/** The notes on the stages' names, left to right. */
export function stageNotes(s: Session, sheet: string, stages: number): string[] {
  return (
    s.wb.spreadsheet
      .getSheetByName(sheet)
      ?.getRange(ROW.header, FIRST_STAGE_COL, 1, stages)
      .getNotes()[0] ?? []
  );
}

/**
 * A table of `size` × `size` cells on its own sheet, stages across: a corner, `size - 1` stage
 * names, and `size - 1` labelled rows (map rows first, then rows the map has no place for).
 */
export function bigTable(s: Session, sheet: string, size: number): void {
  const labels = [
    'Goals',
    'Actions',
    'Questions',
    'Touchpoints',
    'Channels',
    'Pain points',
    'Ideas',
  ];
  const rows: Cell[][] = [
    ['', ...Array.from({ length: size - 1 }, (_, i) => `Stage ${i + 1}`)],
    ...Array.from({ length: size - 1 }, (_, r) => [
      labels[r] ?? `Notes ${r + 1}`,
      ...Array.from({ length: size - 1 }, (_, c) => `Row ${r + 1}, stage ${c + 1}`),
    ]),
  ];
  const created = s.wb.spreadsheet.insertSheet(sheet);
  if (size > created.getMaxColumns())
    created.insertColumnsAfter(created.getMaxColumns(), size - created.getMaxColumns());
  created.getRange(1, 1, size, size).setValues(rows);
}

/** Round trips of the command and the dialog's Create on a table of `size` × `size` cells. */
export function importRoundTrips(s: Session, size: number): number {
  bigTable(s, 'Big table', size);
  s.wb.calls.reset();
  importTable(s, 'Big table', 'B2');
  return s.wb.calls.roundTrips;
}
