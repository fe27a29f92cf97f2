/**
 * Steps in the grid: typing text, numbers and formulas, clearing formats, pasting values, sorting,
 * inserting, deleting and dragging rows and columns, adding, renaming, duplicating and deleting
 * sheets; the structure steps (structure.ts) and File → Make a copy.
 */
import { a1, FIRST_STAGE_COL, ROW, SIDE_COL } from '../../../src/core/map/layout';
import { placeAt, rowKeyAt } from './places';
import { returnSession } from './session';
import { copyOfSpreadsheet, runStructure, type StructureStep } from './structure';
import { cellAt, stageColumns, type Grid, type Health } from './scan';
import type { GridStep, NamePick } from './steps';
import type { TextPick } from './texts';
import type { WorldState } from './world-state';
import { userAct } from './act';

/** File → Make a copy, and the user goes on in the copy (its sidebar not open yet). */
export function makeACopy(world: WorldState): void {
  const old = world.s;
  userAct(world, 'user makes a copy of the spreadsheet and goes on in it', () => {
    world.s = copyOfSpreadsheet(old);
    world.s.wb.ui.responder = old.wb.ui.responder;
    world.clients.clear();
    world.seen = null;
    return [];
  });
  if (world.s !== old) returnSession(world.locale, old);
}

/** Merges, hidden and grouped lines, a colleague's protections, the locale (structure.ts). */
export function structure(
  world: WorldState,
  step: StructureStep,
  note = '',
  sheetId?: number,
): void {
  const name = sheetId === undefined ? null : world.sheetName(sheetId);
  runStructure(
    {
      wb: world.wb,
      observe: () => world.observe(),
      sheetByRef: (ref) => world.sheetByRef(ref),
      area: (g, h, pick) => world.area(g, h, pick),
      text: (pick) => world.text(pick),
      entitledIn: (g, rows, cols) => world.entitledIn(g, rows, cols),
      userAct: (label, perform) => userAct(world, label, perform),
    },
    step,
    note,
    name !== null && sheetId !== undefined ? { name, sheetId } : undefined,
  );
}

export function typeAt(
  world: WorldState,
  sheetId: number,
  row: number,
  col: number,
  text: string,
  note = '',
): void {
  const name = world.sheetName(sheetId);
  if (name === null) return;
  const obs = world.observe();
  const g = obs.grids.get(sheetId)!;
  const stage = stageColumns(g).get(col) ?? null;
  const format = world.wb.model.sheetOrThrow(name).attr(row - 1, col - 1)?.numberFormat;
  const old = cellAt(g, row, col);
  const what = old.formula
    ? `over the formula ${old.formula}`
    : old.value !== ''
      ? `over ${JSON.stringify(old.value)}`
      : 'into a blank cell';
  userAct(
    world,
    `user${note} types ${JSON.stringify(text)} in '${name}'!${a1(row, col)}${stage ? ` (stage ${stage})` : ''} ${what}`,
    () => {
      // As a user types text: in a plain-text cell as it is, elsewhere after an apostrophe.
      world.wb.setCell(name, a1(row, col), format === '@' ? text : `'${text}`);
      return old.formula || old.value === '' ? [] : [{ sheetId, text: String(old.value), stage }];
    },
    (_b, after) => {
      const where = `in the grid, '${name}'!${a1(row, col)}`;
      // in a history's periods: the cell is the user's, its numeric text may become the number
      const period = world.isHistory(sheetId) && row > 3 ? after.grids.get(sheetId) : undefined;
      if (period) world.history.track(period, row, where, [col]);
      else
        world.track(
          text,
          sheetId,
          stage,
          `${where}${old.formula ? ' over a template formula' : ''}`,
          world.isVolatile(sheetId, row, col),
        );
    },
  );
}

export function grid(world: WorldState, step: GridStep, note = ''): void {
  const obs = world.observe();
  const model = world.wb.model;
  if (step.k === 'newSheet') {
    const name = sheetNameFor(world, step.name, step.text);
    userAct(world, `user${note} adds a sheet ${JSON.stringify(name)}`, () => {
      if (!model.sheet(name)) model.addSheet(name);
      return [];
    });
    return;
  }
  const sheet =
    step.k === 'deleteSheet' ? world.sheetToDelete(step.sheet) : world.sheetByRef(step.sheet);
  const g = obs.grids.get(sheet.sheetId)!;
  const h = obs.health.get(sheet.sheetId)!;
  const name = sheet.name;
  const sm = model.sheetOrThrow(name);
  const stagesEnd = FIRST_STAGE_COL + world.stageCount(g) - 1;
  switch (step.k) {
    case 'type': {
      const cell = world.resolveCell(g, h, step.at);
      typeAt(world, sheet.sheetId, cell.row, cell.col, world.text(step.text), note);
      return;
    }
    case 'typeNumber': {
      const n = world.stageCount(g);
      if (n === 0) return;
      const side = step.row === 'avgCheck' || step.row === 'purchases';
      const col = side ? SIDE_COL : FIRST_STAGE_COL + (step.stage % n);
      const row = ROW[step.row];
      const value = numberFor(step.row, step.n);
      const old = world.textAt(g, row, col);
      userAct(
        world,
        `user${note} types ${value} in '${name}'!${a1(row, col)}`,
        () => {
          world.wb.setCell(name, a1(row, col), value);
          return old === ''
            ? []
            : [{ sheetId: sheet.sheetId, text: old, stage: stageColumns(g).get(col) ?? null }];
        },
        () =>
          world.values.track(
            value,
            sheet.sheetId,
            rowKeyAt(g, row) ?? step.row,
            placeAt(g, col),
            `in the grid, '${name}'!${a1(row, col)}`,
          ),
      );
      return;
    }
    case 'typeFormula':
      typeFormula(world, step, g, h, note);
      return;
    case 'clearFormat':
    case 'pasteValues': {
      const r = world.area(g, h, step.area);
      const range = `${a1(r.r1, r.c1)}:${a1(r.r2, r.c2)}`;
      userAct(
        world,
        `user${note} ${step.k === 'clearFormat' ? 'clears the formatting of' : 'pastes values only over'} '${name}'!${range}`,
        () => {
          if (step.k === 'clearFormat') world.wb.clearFormat(name, range);
          else world.wb.pasteValues(name, range);
          return [];
        },
      );
      return;
    }
    case 'sort': {
      const r = world.area(g, h, step.area);
      const range = `${a1(r.r1, r.c1)}:${a1(r.r2, r.c2)}`;
      userAct(
        world,
        `user${note} sorts '${name}'!${range} by column ${r.c1}${step.desc ? ' Z→A' : ''}`,
        () => {
          try {
            world.wb.sortRange(name, range, r.c1, !step.desc);
          } catch (e) {
            if (!/merged/.test((e as Error).message)) throw e;
          }
          return [];
        },
      );
      return;
    }
    case 'insertRows':
    case 'deleteRows': {
      const isMap = h.kind !== 'notMap';
      const at = isMap
        ? step.inside
          ? 1 + (step.at % ROW.footer)
          : ROW.footer + 1 + (step.at % 4)
        : 1 + (step.at % 12);
      const n = Math.min(step.n, Math.max(1, sm.maxRows - at));
      if (step.k === 'deleteRows' && (at + n - 1 > sm.maxRows || n >= sm.maxRows)) return;
      userAct(
        world,
        `user${note} ${step.k === 'insertRows' ? `inserts ${n} rows above row` : `deletes ${n} rows from row`} ${at} of '${name}'`,
        () => {
          if (step.k === 'insertRows') {
            world.wb.insertRows(name, at, n);
            return [];
          }
          const lost = world.entitledIn(g, [at, at + n - 1], [1, 1000]);
          world.wb.deleteRows(name, at, n);
          return lost;
        },
      );
      return;
    }
    case 'insertCols':
    case 'deleteCols': {
      const isMap = h.kind !== 'notMap';
      const at = isMap
        ? step.inside
          ? 1 + (step.at % Math.max(stagesEnd, SIDE_COL))
          : Math.max(stagesEnd, SIDE_COL) + 1 + (step.at % 3)
        : 1 + (step.at % 8);
      const n = Math.min(step.n, Math.max(1, sm.maxCols - at));
      if (step.k === 'deleteCols' && (at + n - 1 > sm.maxCols || n >= sm.maxCols)) return;
      const letter = a1(1, at).replace(/\d+$/, '');
      userAct(
        world,
        `user${note} ${step.k === 'insertCols' ? `inserts ${n} columns left of` : `deletes ${n} columns from`} column ${letter} of '${name}'`,
        () => {
          if (step.k === 'insertCols') {
            world.wb.insertColumns(name, at, n);
            return [];
          }
          const lost = world.entitledIn(g, [1, 100000], [at, at + n - 1]);
          world.wb.deleteColumns(name, at, n);
          return lost;
        },
      );
      return;
    }
    case 'moveCol': {
      // On a map mostly a stage column (dragging A or B away damages it: now and then).
      const isMap = h.kind !== 'notMap';
      const col = !isMap
        ? 1 + (step.col % 6)
        : step.col % 8 === 0
          ? 1 + (step.col % 2)
          : FIRST_STAGE_COL + (step.col % Math.max(1, stagesEnd - SIDE_COL));
      moveColumn(world, sheet.sheetId, col, step.by, note, step.col % 4 !== 0);
      return;
    }
    case 'renameSheet': {
      const to = sheetNameFor(world, step.name, step.text);
      userAct(world, `user${note} renames '${name}' to ${JSON.stringify(to)}`, () => {
        if (!model.sheet(to) && to.trim() !== '') world.wb.renameSheet(name, to);
        return [];
      });
      return;
    }
    case 'deleteSheet': {
      if (model.sheets.length <= 1) return;
      userAct(world, `user${note} deletes the sheet '${name}'`, () => {
        world.wb.deleteSheet(name);
        return [{ sheetId: sheet.sheetId, text: '*', stage: '*' }];
      });
      return;
    }
    case 'copySheet': {
      let copyId: number | null = null;
      userAct(
        world,
        `user${note} duplicates '${name}'`,
        () => {
          const copy = world.wb.copySheet(name);
          copyId = model.sheetOrThrow(copy).sheetId;
          return [];
        },
        (_before, after) => {
          if (copyId === null) return;
          const cg = after.grids.get(copyId);
          const present = new Set(
            cg ? cg.values.flat().filter((v): v is string => typeof v === 'string') : [],
          );
          for (const t of world.tracked.filter((x) => x.sheetId === sheet.sheetId)) {
            if (present.has(t.text))
              world.tracked.push({
                ...t,
                sheetId: copyId,
                origin: `${t.origin}, copied with its sheet at #${world.stepNo}`,
                volatile: false,
              });
          }
          world.values.copied(sheet.sheetId, copyId, `copied with its sheet at #${world.stepNo}`);
        },
      );
      return;
    }
  }
}

/**
 * The user types a formula of their own that refers to a map (from another sheet, from below
 * it) or spills next to it. References from other sheets live on a sheet that is no map and
 * that the add-on does not rebuild (its portfolio, its plans).
 */
function typeFormula(
  world: WorldState,
  step: Extract<GridStep, { k: 'typeFormula' }>,
  g: Grid,
  h: Health,
  note: string,
): void {
  if (h.kind !== 'healthy') return;
  const obs = world.observe();
  const plans = new Set(world.maps.map((m) => world.planSheetId(m.id)));
  const host = world.wb.model.sheets.find(
    (s) =>
      obs.health.get(s.sheetId)?.kind === 'notMap' &&
      !world.portfolioSheets.has(s.sheetId) &&
      !plans.has(s.sheetId),
  );
  const placed = world.userFormulas.place(
    step.shape,
    g,
    h.stages,
    host && obs.grids.get(host.sheetId),
    step,
  );
  if (!placed) return;
  const { at } = placed;
  userAct(
    world,
    `user${note} types ${at.formula} in '${at.sheetName}'!${a1(at.row, at.col)}`,
    () => {
      world.wb.setCell(at.sheetName, a1(at.row, at.col), at.formula);
      return [];
    },
    () => placed.track(),
  );
}

/**
 * The user drags a whole column one place left or right (its content and marker go with it).
 * A stage dragged out over the map's edge (C into B, the last one past the end) damages the
 * map; with `keepInside` the drag goes the other way then.
 */
export function moveColumn(
  world: WorldState,
  sheetId: number,
  col: number,
  by: -1 | 1,
  note = '',
  keepInside = false,
): void {
  const name = world.sheetName(sheetId);
  if (name === null) return;
  if (keepInside) {
    const n = world.stageCount(world.observe().grids.get(sheetId)!);
    const last = FIRST_STAGE_COL + n - 1;
    if (
      col >= FIRST_STAGE_COL &&
      col <= last &&
      ((col === FIRST_STAGE_COL && by < 0) || (col === last && by > 0))
    )
      by = by < 0 ? 1 : -1;
    if (n < 2 && col >= FIRST_STAGE_COL && col <= last) return;
  }
  if (col + by < 1) return;
  const letter = a1(1, col).replace(/\d+$/, '');
  userAct(
    world,
    `user${note} drags column ${letter} of '${name}' ${by < 0 ? 'left' : 'right'}`,
    () => {
      const sheet = world.wb.range(name, 'A1').getSheet();
      sheet.moveColumns(
        world.wb.range(name, `${letter}1`) as unknown as GoogleAppsScript.Spreadsheet.Range,
        by < 0 ? col - 1 : col + 2,
      );
      return [];
    },
  );
}

function sheetNameFor(world: WorldState, pick: NamePick, text: TextPick): string {
  const names = world.wb.sheetNames();
  switch (pick) {
    case 'portfolio':
      return 'Portfolio';
    case 'portfolioRu':
      return 'Портфель';
    case 'token':
      return `=HYPERLINK("x") ${++world.tokenCount}`;
    case 'planLike':
      return `${names[text.kind === 'bare' ? text.index % names.length : 0]} · ${world.lang === 'ru' ? 'план' : 'plan'}`;
    case 'copyLike':
      return `Copy of ${names[0]}`;
    case 'existing':
      return names[(text.kind === 'bare' ? text.index : 1) % names.length]!;
  }
}

/** A number a user would type in a row: a share for the target, 1–5 for a score. */
function numberFor(
  row: 'customers' | 'target' | 'score' | 'avgCheck' | 'purchases',
  n: number,
): number {
  if (row === 'target') return n / 10000;
  if (row === 'score') return 1 + (n % 5);
  if (row === 'purchases') return 1 + (n % 40) / 10;
  return n;
}
