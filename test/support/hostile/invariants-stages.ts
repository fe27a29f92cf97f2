/**
 * Invariants of a map's stages: a call changes the stages of the map it edits only as asked (by
 * stage identity), never those of another sheet; the selection stays on the stage worked on;
 * what is right of a map stays as it was; the wizard shows the sheet's stages in its order.
 */
import type { WizardState } from '../../../src/contract';
import { a1, FIRST_STAGE_COL, ROW } from '../../../src/core/map/layout';
import { cellAt, footerStages, stageColumns } from './scan';
import type { WorldState, Observation, CallInfo, Ctx, Shown, Outcome } from './world-state';

export function checkStages(
  world: WorldState,
  ctx: Ctx,
  call: CallInfo,
  base: Observation,
  after: Observation,
  outcome: Outcome,
): void {
  const nonNull = (x: string | null): x is string => x !== null;
  const same = (x: string[], y: string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  for (const [id, h] of base.health) {
    if (h.kind !== 'healthy') continue;
    const g = after.grids.get(id);
    if (!g) continue; // a deleted sheet is reported by the value checks
    const ah = after.health.get(id);
    const name = g.name;
    const expect = call.target === id && outcome.result === 'ok' ? call.expect : null;
    if (expect === 'skip') continue;
    if (ah?.kind === 'damaged') {
      world.violate(
        ctx,
        'stages-changed',
        `${call.name} left the map '${name}' damaged: ${ah.why}`,
      );
      continue;
    }
    const was = h.stages;
    const wasIds = was.filter(nonNull);
    const nowAll = ah?.kind === 'healthy' ? ah.stages : footerStages(g);
    const now = nowAll.filter(nonNull);
    // A stage without a marker (typed over, or a column a user inserted and named) may get one.
    let maxFresh = was.length - wasIds.length;
    let count = was.length;
    let expected = wasIds;
    let what = 'keep its stages';
    if (expect?.op === 'add') {
      maxFresh += 1;
      count += 1;
      what = 'add one stage';
    } else if (expect?.op === 'remove') {
      expected = wasIds.filter((s) => s !== expect.id);
      count -= 1;
      what = `remove stage ${expect.id}`;
    } else if (expect?.op === 'move') {
      const moved = [...was];
      const i = moved.indexOf(expect.id);
      const j = i + expect.by;
      if (i >= 0 && j >= 0 && j < moved.length) [moved[i], moved[j]] = [moved[j]!, moved[i]!];
      expected = moved.filter(nonNull);
      what = `move stage ${expect.id} by ${expect.by}`;
    }
    const fresh = now.filter((s) => !wasIds.includes(s));
    const kept = now.filter((s) => wasIds.includes(s));
    const other = call.target === id ? '' : ' (not the sheet it works on)';
    // Rename on a duplicated sheet makes it a map of its own: new map id, every stage a new id.
    // (the map's named ranges, which stay with the original, lead to another sheet)
    const engine = world.wb.model.engine;
    const sheetNow = base.grids.get(id)?.name;
    const twin = engine
      .namedRangeNames()
      .some((n) => n.includes(h.mapId) && engine.namedRangeTarget(n)?.sheet !== sheetNow);
    if (
      twin &&
      call.target === id &&
      /^renameMap/.test(call.name) &&
      outcome.result === 'ok' &&
      fresh.length === nowAll.length &&
      nowAll.length === was.length
    )
      continue;
    if (!same(kept, expected) || fresh.length > maxFresh || nowAll.length !== count) {
      world.violate(
        ctx,
        'stages-changed',
        `${call.name} should ${what} of '${name}'${other}: [${was}] → [${nowAll}]`,
      );
    } else if (expect?.op === 'add' && expect.after !== null && fresh.length > 0) {
      const next = nowAll[nowAll.indexOf(expect.after) + 1];
      if (next === undefined || (next !== null && wasIds.includes(next)))
        world.violate(
          ctx,
          'stages-changed',
          `${call.name} added the stage of '${name}' after the wrong one (asked after ${expect.after}): [${was}] → [${nowAll}]`,
        );
    }
  }
}

/**
 * After a stage edit the selection is on the stage the user was working on: the new
 * stage's name after Add, the moved stage after Move, after Remove the one that took its place
 * or the previous one, in the row the user was on, so the menu's next Move or Remove acts on the
 * same stage. When the user was looking at another sheet, the add-on neither moves their
 * selection nor takes them to the map. (Not judged when a colleague acted inside the call: the
 * emulator has one selection for everyone.)
 */
export function checkSelection(
  world: WorldState,
  ctx: Ctx,
  call: CallInfo,
  base: Observation,
  after: Observation,
  outcome: Outcome,
): void {
  const start = ctx.shown;
  const expect = call.expect;
  if (outcome.result !== 'ok' || call.target === null || !start || ctx.mid) return;
  if (!expect || expect === 'skip') return;
  const hb = base.health.get(call.target);
  const ha = after.health.get(call.target);
  if (hb?.kind !== 'healthy' || ha?.kind !== 'healthy') return;
  const now = world.shown();
  const name = after.grids.get(call.target)?.name ?? '';
  const at = (x: Shown) =>
    `'${world.sheetName(x.sheetId) ?? x.sheetId}'!${x.rect ? a1(x.rect.row + 1, x.rect.col + 1) : 'none'}`;
  if (start.sheetId !== call.target) {
    if (now.sheetId !== start.sheetId || JSON.stringify(now.rect) !== JSON.stringify(start.rect))
      world.violate(
        ctx,
        'selection',
        `${call.name} on '${name}' moved the selection on another sheet: ${at(start)} → ${at(now)}`,
      );
    return;
  }
  let index: number;
  if (expect.op === 'move') index = ha.stages.indexOf(expect.id);
  else if (expect.op === 'add') {
    if (expect.after === null) return;
    index = ha.stages.indexOf(expect.after) + 1;
  } else index = Math.min(hb.stages.indexOf(expect.id), ha.stages.length - 1);
  if (index < 0) return;
  const row = expect.op === 'add' ? ROW.header : (start.rect?.row ?? 0) + 1;
  const want: Shown = {
    sheetId: call.target,
    rect: { row: row - 1, col: FIRST_STAGE_COL + index - 1, rows: 1, cols: 1 },
  };
  if (at(now) !== at(want))
    world.violate(
      ctx,
      'selection',
      `${call.name} on '${name}' should leave the selection on stage ${ha.stages[index]} at ${at(want)}, not ${at(now)} (was ${at(start)}; [${hb.stages}] → [${ha.stages}])`,
    );
}

/** The calls that give a map its review block when it has none. */
const MAKES_BLOCK = new Set(['recordReview', 'saveStep']);

/**
 * Right of a map is the user's: whatever a call did to the map (stages added, removed or
 * moved by Sheets' own column operations), what is right of its last stage column stays as
 * it was, relative to that column (a note typed there never becomes a stage or gets formulas).
 */
export function checkOutside(
  world: WorldState,
  ctx: Ctx,
  call: CallInfo,
  base: Observation,
  after: Observation,
): void {
  if (call.target === null) return;
  const hb = base.health.get(call.target);
  const ha = after.health.get(call.target);
  const gb = base.grids.get(call.target);
  const ga = after.grids.get(call.target);
  if (hb?.kind !== 'healthy' || ha?.kind !== 'healthy' || !gb || !ga) return;
  const lb = FIRST_STAGE_COL + hb.stages.length - 1;
  const la = FIRST_STAGE_COL + ha.stages.length - 1;
  const width = Math.max(
    ...gb.values.map((l) => l.length - lb),
    ...ga.values.map((l) => l.length - la),
    0,
  );
  // A review, or a wizard save of the review's fields (the revenue goal on the goal step), may
  // move what is under the footer down, whole, to make room for its block: the texts and numbers
  // there are followed by the value checks.
  const rows = MAKES_BLOCK.has(call.name)
    ? ROW.footer
    : Math.max(gb.values.length, ga.values.length);
  for (let r = 1; r <= rows; r++) {
    for (let k = 1; k <= width; k++) {
      const x = cellAt(gb, r, lb + k);
      const y = cellAt(ga, r, la + k);
      const computed =
        gb.spilled.has(`${r - 1},${lb + k - 1}`) || ga.spilled.has(`${r - 1},${la + k - 1}`);
      // (a formula's references follow the columns Sheets moves: its shape stays)
      const shape = (f: string) => f.replace(/#REF!|\$?[A-Z]{1,3}\$?\d+/g, '#');
      if (
        shape(x.formula) !== shape(y.formula) ||
        (!x.formula && !computed && String(x.value) !== String(y.value))
      ) {
        world.violate(
          ctx,
          'outside-write',
          `${call.name} changed '${ga.name}' right of the map: ${a1(r, lb + k)} ${JSON.stringify(x.formula || x.value)} is now ${a1(r, la + k)} ${JSON.stringify(y.formula || y.value)}`,
        );
        return;
      }
    }
  }
}

/**
 * The stages a wizard answer shows are the sheet's, in its order: a stage the view names by
 * a marker id is the one whose marker its column carries (else a save from that view is
 * told the stage is gone, or lands under another).
 */
export function checkView(world: WorldState, ctx: Ctx, result: unknown, after: Observation): void {
  const r = result as { view?: WizardState['view']; state?: WizardState } | null;
  const view = r?.state?.view ?? r?.view;
  if (!view || !Array.isArray(view.stages)) return;
  const sheetId = world.mapSheetId(view.mapId);
  const g = sheetId === null ? undefined : after.grids.get(sheetId);
  if (!g) return;
  const columns = stageColumns(g);
  view.stages.forEach((st, i) => {
    const id = (st as { id?: string }).id;
    if (!id || id.startsWith('~')) return;
    const actual = columns.get(FIRST_STAGE_COL + i) ?? null;
    if (actual !== id)
      world.violate(
        ctx,
        'stages-changed',
        `the wizard shows stage ${i + 1} of '${g.name}' as ${id} ("${st.name}"), but its column carries ${actual ? `stage ${actual}` : 'no stage marker'}`,
      );
  });
}
