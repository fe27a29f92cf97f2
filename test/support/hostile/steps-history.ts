/**
 * Steps on reviews and histories: a review recorded from the menu, periods pasted into a history,
 * a history edited by hand or protected by a colleague, cells typed under a map's footer.
 */
import { a1, ROW, SIDE_COL } from '../../../src/core/map/layout';
import { BLOCK_LAST_ROW, BLOCK_ROW } from '../../../src/core/review/block';
import { contentChange } from './boundaries';
import { placeAt } from './places';
import { COLLEAGUE, planSheets } from './structure';
import { columnKind, pastedInput, recordedRow, show } from './history';
import { cellAt, stageColumnOf, stageColumns, type Health } from './scan';
import type { HistoryStep } from './steps';
import {
  type WorldState,
  emptyGrid,
  short,
  type Entitled,
  type Observation,
  type Ctx,
} from './world-state';
import { act, userAct, menuCall } from './act';
import { typeAt } from './steps-grid';

/** The sheet of a map's history (where its named cell is), or null. */
function historySheet(world: WorldState, mapId: string): { name: string; sheetId: number } | null {
  const id = planSheets(world.wb, 'HISTORY').get(mapId);
  const name = id === undefined ? null : world.sheetName(id);
  return id === undefined || name === null ? null : { name, sheetId: id };
}

/** The history of a map by number; a review first when it has none (the edits need one). */
function historyFor(world: WorldState, ref: number): { name: string; sheetId: number } | null {
  const mapId = world.mapRef(ref);
  const found = historySheet(world, mapId);
  const sheetId = world.mapSheetId(mapId);
  if (found || sheetId === null) return found;
  const first = { zone: 'stage' as const, row: 0, i: 0 };
  review(
    world,
    { k: 'review', sheet: 0, at: first, note: null, button: 'OK', same: 'NO' },
    sheetId,
  );
  return historySheet(world, mapId);
}

/**
 * Record a review from the menu, on a cell of a sheet (mostly an intact map), the note typed
 * (or the prompt cancelled) and "this period has a review already" answered. A cancel writes
 * nothing; a review writes one period row (the one the user said to replace, else a blank one)
 * holding the map's figures, and changes no sheet but the map and its history.
 */
export function review(
  world: WorldState,
  step: Extract<HistoryStep, { k: 'review' }>,
  sheetId?: number,
): void {
  const obs = world.observe();
  const m = world.wb.model;
  const same = sheetId === undefined && step.at.zone === 'same' && m.activeRange !== null;
  const sheet =
    sheetId !== undefined
      ? { sheetId, name: world.sheetName(sheetId) ?? '' }
      : same
        ? { sheetId: m.active.sheetId, name: m.active.name }
        : world.sheetByRef(step.sheet);
  if (!sheet.name) return;
  const g = obs.grids.get(sheet.sheetId)!;
  const h = obs.health.get(sheet.sheetId)!;
  if (!same) {
    const cell = world.resolveCell(g, h, step.at);
    world.s.select(sheet.name, a1(cell.row, cell.col));
  }
  const note = step.note ? world.text(step.note) : '';
  const ctx: Ctx = {
    label: world.label(
      `menu recordReview on '${sheet.name}', ${step.button === 'OK' ? `note ${short(note)}` : 'the note cancelled'}, same period: ${step.same}`,
    ),
    // "Last reviewed" and "Next review" are the review's to set
    entitled: [ROW.reviewed, ROW.nextReview].map((row) => ({
      sheetId: sheet.sheetId,
      text: world.textAt(g, row, SIDE_COL),
      stage: null,
    })),
    call: {
      name: 'recordReview',
      readOnly: false,
      target: sheet.sheetId,
      lang: world.langOfSheet(obs, sheet.sheetId),
    },
  };
  world.answer = {
    confirm: step.same,
    prompt: { button: step.button, text: note },
    inDialog: null,
  };
  let asked: number | null = null;
  act(
    world,
    ctx,
    () => {
      const requests = world.wb.ui.requests.length;
      const toasts = world.wb.ui.toasts.length;
      const out = menuCall(world, ctx, 'recordReview');
      const question = world.wb.ui.requests
        .slice(requests)
        .find((r) => r.request.kind === 'alert' && r.request.buttons === 'YES_NO_CANCEL');
      if (question)
        asked = Number(/\((?:row|строка) (\d+)/.exec(question.request.prompt)?.[1] ?? 0) || null;
      if (out.result !== 'ok' || world.wb.ui.toasts.length > toasts) return out;
      const at = step.button === 'OK' ? '"this period has a review already"' : 'the note';
      return { ...out, result: 'cancelled', detail: `cancelled at ${at}` };
    },
    (before, after) => recorded(world, ctx, sheet.sheetId, h, step, note, asked, before, after),
  );
  world.answer = { confirm: 'NO', prompt: null, inDialog: null };
}

/** What an accepted review wrote: its period row checked and tracked, no other sheet touched. */
function recorded(
  world: WorldState,
  ctx: Ctx,
  target: number,
  h: Health,
  step: Extract<HistoryStep, { k: 'review' }>,
  note: string,
  asked: number | null,
  before: Observation,
  after: Observation,
): void {
  if (h.kind !== 'healthy') return;
  const hist = historySheet(world, h.mapId);
  const ha = hist ? after.grids.get(hist.sheetId) : undefined;
  if (!hist || !ha) {
    world.violate(
      ctx,
      'history-wrong',
      'recordReview said it recorded, but the map has no history',
    );
    return;
  }
  const replaced = step.same === 'YES' && asked !== null ? asked : null;
  if (replaced !== null) world.history.forget(hist.sheetId, replaced);
  const map = before.grids.get(target)!;
  const got = recordedRow({
    map,
    stages: h.stages,
    stageCol: (id) => stageColumnOf(map, id),
    mapCell: {
      avgCheck: [ROW.avgCheck, SIDE_COL],
      purchases: [ROW.purchases, SIDE_COL],
      customers: ROW.customers,
    },
    before: before.grids.get(hist.sheetId),
    after: ha,
    replaced,
    keptBoth: step.same === 'NO' && asked !== null,
    note,
    dayAt: (g, r, c) => world.dayAt(g, r, c),
  });
  for (const m of got.wrong) world.violate(ctx, 'history-wrong', m);
  for (const m of got.lost) world.violate(ctx, 'history-lost', m);
  if (got.row !== null) world.history.track(ha, got.row, `recorded at #${world.stepNo}`);
  for (const [id, b] of before.grids) {
    if (id === target || id === hist.sheetId) continue;
    const a = after.grids.get(id);
    // (a reference to the map's rows that moved down with the block's rows is Sheets' doing)
    const where = a ? contentChange(b, a) : 'it was deleted';
    if (where)
      world.violate(
        ctx,
        'other-map-write',
        `recordReview changed '${b.name}', neither its map nor its history: ${where}`,
      );
  }
}

/**
 * The user pastes periods into a map's history under its last one (now and then after a blank
 * row, or over the last periods): a value per marked column, by the column's kind. The cells
 * are theirs: each stays, or becomes what its text reads as.
 */
export function pastePeriods(
  world: WorldState,
  step: Extract<HistoryStep, { k: 'pastePeriods' }>,
): void {
  const hist = historyFor(world, step.map);
  if (!hist) return;
  const g = world.observe().grids.get(hist.sheetId)!;
  const cols = (g.values[2] ?? []).flatMap((m, i) => {
    const kind = columnKind(String(m));
    return kind ? [{ col: i + 1, kind }] : [];
  });
  if (cols.length === 0) return;
  let last = 3;
  g.values.forEach((line, r) => {
    if (r >= 3 && line.some((v) => v !== '')) last = r + 1;
  });
  const where = step.where % 8;
  const top = where < 5 ? last + 1 : where < 7 ? last + 2 : Math.max(4, last - (step.where % 2));
  const sm = world.wb.model.sheetOrThrow(hist.name);
  const cells = step.rows.flatMap((picks, i) =>
    cols.map(({ col, kind }, j) => ({
      row: top + i,
      col,
      input: pastedInput(kind, (picks[j % picks.length] ?? 0) + Math.floor(j / picks.length)),
    })),
  );
  const rows = [top, top + step.rows.length - 1] as [number, number];
  userAct(
    world,
    `user pastes into '${hist.name}'!A${rows[0]}:${a1(rows[1], cols.at(-1)!.col)}: ${cells
      .filter((c) => c.input !== '')
      .map((c) => `${a1(c.row, c.col)} ${show(c.input)}`)
      .join(', ')}`,
    () => {
      const lost = world.entitledIn(g, rows, [1, 1000]);
      for (const c of cells) {
        // as typed: in a plain-text cell what follows the apostrophe is typed as it is
        const plain = sm.attr(c.row - 1, c.col - 1)?.numberFormat === '@';
        const input =
          plain && typeof c.input === 'string' && c.input.startsWith("'")
            ? c.input.slice(1)
            : c.input;
        world.wb.setCell(hist.name, a1(c.row, c.col), input);
      }
      return lost;
    },
    (_b, after) => {
      const ga = after.grids.get(hist.sheetId);
      const at = cols.map((c) => c.col);
      for (let r = rows[0]; ga && r <= rows[1]; r++)
        world.history.track(ga, r, `pasted at #${world.stepNo}`, at);
    },
  );
}

/**
 * The user edits a map's history by hand: a column marker typed over (their text, blank, or
 * another column's marker), row 3 cleared, a column deleted or inserted, a period deleted, the
 * periods sorted, the sheet deleted or renamed; or a colleague protects it, or some of its rows.
 */
export function editHistory(
  world: WorldState,
  step: Extract<HistoryStep, { k: 'editHistory' }>,
): void {
  const hist = historyFor(world, step.map);
  if (!hist) return;
  const g = world.observe().grids.get(hist.sheetId)!;
  const name = hist.name;
  const width = Math.max(1, ...g.values.map((l) => l.length));
  const last = Math.max(3, g.values.length);
  const col = 1 + (step.i % width);
  const markers = (g.values[2] ?? []).map(String);
  const act = (label: string, perform: () => Entitled[]) =>
    userAct(world, `user ${label} of '${name}'`, perform);
  switch (step.op) {
    case 'marker': {
      if (step.i % 3 === 0) {
        typeAt(world, hist.sheetId, 3, col, world.text(step.text));
        return;
      }
      const to = step.i % 3 === 1 ? '' : (markers[(step.i >> 2) % markers.length] ?? '');
      act(`sets the column marker ${a1(3, col)} to ${JSON.stringify(to)}`, () => {
        world.wb.setCell(name, a1(3, col), to === '' ? '' : `'${to}`);
        return world.entitledIn(g, [3, 3], [col, col]);
      });
      return;
    }
    case 'clearMarkers':
      act('clears row 3 (the column markers)', () => {
        world.wb.setCell(name, `A3:${a1(3, width)}`, '');
        return world.entitledIn(g, [3, 3], [1, width]);
      });
      return;
    case 'deleteCol':
      if (width < 2) return;
      act(`deletes column ${a1(1, col).replace(/\d+$/, '')}`, () => {
        world.wb.deleteColumns(name, col, 1);
        return world.entitledIn(g, [1, last], [col, col]);
      });
      return;
    case 'insertCol':
      act(`inserts a column left of ${a1(1, col).replace(/\d+$/, '')}`, () => {
        world.wb.insertColumns(name, col, 1);
        return [];
      });
      return;
    case 'deleteRows': {
      if (last < 4) return;
      const row = 4 + (step.i % (last - 3));
      act(`deletes row ${row}`, () => {
        world.wb.deleteRows(name, row, 1);
        return world.entitledIn(g, [row, row], [1, width]);
      });
      return;
    }
    case 'sort':
      if (last < 5) return;
      act(`sorts the periods A4:${a1(last, width)} by column ${col}`, () => {
        try {
          world.wb.sortRange(name, `A4:${a1(last, width)}`, col, step.i % 2 === 0);
        } catch (e) {
          if (!/merged/.test((e as Error).message)) throw e;
        }
        return [];
      });
      return;
    case 'deleteSheet':
      if (world.wb.model.sheets.length <= 1) return;
      act('deletes the sheet', () => {
        world.wb.deleteSheet(name);
        return [{ sheetId: hist.sheetId, text: '*', stage: '*' }];
      });
      return;
    case 'renameSheet': {
      const to = step.i % 2 ? world.text(step.text).slice(0, 90) : `${name.slice(0, 80)} (old)`;
      if (to.trim() === '' || world.wb.model.sheet(to)) return;
      act(`renames the sheet to ${JSON.stringify(to)}`, () => {
        world.wb.renameSheet(name, to);
        return [];
      });
      return;
    }
    case 'protect':
    case 'protectRows': {
      const rows = [
        `A1:${a1(3, width)}`,
        `A4:${a1(Math.max(4, last), width)}`,
        `A${last + 1}:${a1(last + 1, width)}`,
      ];
      const range = step.op === 'protect' ? null : rows[step.i % 3]!;
      userAct(world, `a colleague protects '${name}'${range ? `!${range}` : ''}`, () => {
        world.wb.protectAsOther(name, range, { by: COLLEAGUE, warningOnly: step.i % 7 === 0 });
        return [];
      });
      return;
    }
  }
}

/**
 * The user types under a map's footer: in the rows its review block takes (its goal, date and
 * cadence now and then) or just below. What they type stays theirs (a review moves it down to
 * make room, never over it); a formula stays a formula.
 */
export function typeUnder(world: WorldState, step: Extract<HistoryStep, { k: 'typeUnder' }>): void {
  const sheet = world.sheetByRef(step.sheet);
  const obs = world.observe();
  const g = obs.grids.get(sheet.sheetId)!;
  if (obs.health.get(sheet.sheetId)?.kind === 'notMap') return;
  const inputs = [BLOCK_ROW.revenueGoal, BLOCK_ROW.goalDate, BLOCK_ROW.cadence];
  const [row, col] =
    step.row % 4 === 0
      ? [inputs[step.col % 3]!, SIDE_COL]
      : [
          ROW.footer + 1 + (step.row % (BLOCK_LAST_ROW - ROW.footer + 2)),
          1 + (step.col % (world.stageCount(g) + 3)),
        ];
  if (step.what === 'text') {
    typeAt(world, sheet.sheetId, row, col, world.text(step.text));
    return;
  }
  const old = world.textAt(g, row, col);
  const input = step.what === 'number' ? step.n : `=${step.n}*2`;
  const where = `'${sheet.name}'!${a1(row, col)}`;
  userAct(
    world,
    `user types ${input} in ${where} (under the footer)`,
    () => {
      world.wb.setCell(sheet.name, a1(row, col), input);
      const stage = stageColumns(g).get(col) ?? null;
      return old === '' ? [] : [{ sheetId: sheet.sheetId, text: old, stage }];
    },
    (_b, after) => {
      const origin = `under the footer, ${where} at #${world.stepNo}`;
      const f = cellAt(after.grids.get(sheet.sheetId) ?? emptyGrid(), row, col).formula;
      if (world.blockOwned(g, row, col)) return;
      if (step.what === 'number')
        world.values.track(step.n, sheet.sheetId, null, placeAt(g, col), origin);
      else if (f) world.formulasUnder.track(sheet.sheetId, f, origin);
    },
  );
}
