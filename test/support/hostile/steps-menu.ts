/**
 * Steps through the add-on's menu: the stage commands (with a colleague acting while a dialog is
 * open), Rename map, the portfolio, the wizard's sidebar and Make a map from this table.
 */
import type { WizardState } from '../../../src/contract';
import { a1, FIRST_STAGE_COL, ROW, SIDE_COL } from '../../../src/core/map/layout';
import { bootOf } from '../addon';
import { dialogRequest } from '../import-table';
import { isStructureStep } from './structure';
import { stageColumnOf, type Grid } from './scan';
import type { CellPick, DialogStep, GridStep, MenuCommand } from './steps';
import type { TextPick } from './texts';
import type { WorldState, Entitled, Observation, StageExpectation, Ctx } from './world-state';
import { act, callClient, menuCall } from './act';
import { structure, typeAt, grid, moveColumn } from './steps-grid';

export function menu(
  world: WorldState,
  cmd: MenuCommand,
  sheetRef: number,
  at: CellPick,
  answer: 'YES' | 'NO',
  inDialog: DialogStep | null,
  forceSheetId?: number,
): void {
  const obs = world.observe();
  // No click: the command runs on the sheet shown and the cell selected there.
  const m = world.wb.model;
  const same = at.zone === 'same' && forceSheetId === undefined && m.activeRange !== null;
  const sheet = same
    ? { sheetId: m.active.sheetId, name: m.active.name }
    : forceSheetId !== undefined
      ? { sheetId: forceSheetId, name: world.sheetName(forceSheetId) ?? '' }
      : world.sheetByRef(sheetRef);
  if (!sheet.name) return;
  const g = obs.grids.get(sheet.sheetId)!;
  const h = obs.health.get(sheet.sheetId)!;
  const cell =
    same && m.activeRange
      ? { row: m.activeRange.row + 1, col: m.activeRange.col + 1 }
      : world.resolveCell(g, h, at);
  world.s.select(sheet.name, a1(cell.row, cell.col));
  const stages = h.kind === 'healthy' ? h.stages : [];
  const index = cell.col - FIRST_STAGE_COL;
  const selectedIsStage = index >= 0 && index < stages.length;
  const selected = selectedIsStage ? (stages[index] ?? null) : null;
  let expect: StageExpectation | 'skip' | null = null;
  if (selectedIsStage && selected === null) expect = 'skip';
  else if (cmd === 'addStage')
    expect = { op: 'add', after: selectedIsStage ? selected : (stages.at(-1) ?? null) };
  else if (selected !== null && cmd === 'removeStage') expect = { op: 'remove', id: selected };
  else if (selected !== null)
    expect = { op: 'move', id: selected, by: cmd === 'moveStageLeft' ? -1 : 1 };
  const ctx: Ctx = {
    label: world.label(
      `menu ${cmd} on '${sheet.name}'!${a1(cell.row, cell.col)}${selected ? ` (stage ${selected})` : ''}, answer ${answer}`,
    ),
    entitled: [],
    call: {
      name: cmd,
      readOnly: false,
      target: sheet.sheetId,
      lang: world.langOfSheet(obs, sheet.sheetId),
      expect,
    },
  };
  world.answer = {
    confirm: answer,
    prompt: null,
    inDialog: inDialog
      ? () => {
          world.cache = null; // the command may have written before asking
          const note = ' (a colleague, while the dialog is open)';
          if (inDialog.k === 'typeSame')
            typeAt(
              world,
              sheet.sheetId,
              1 + (inDialog.row % (ROW.footer - 1)),
              cell.col,
              world.text(inDialog.text),
              note,
            );
          else if (inDialog.k === 'moveSame')
            moveColumn(world, sheet.sheetId, cell.col, inDialog.by, note, true);
          else if (isStructureStep(inDialog)) structure(world, inDialog, note, sheet.sheetId);
          else grid(world, { ...inDialog, sheet: world.refOf(sheet.sheetId) } as GridStep, note);
          ctx.mid = world.observeFresh();
          world.cache = null;
        }
      : null,
  };
  act(world, ctx, () => {
    const out = menuCall(world, ctx, cmd);
    if (cmd === 'removeStage' && out.result === 'ok' && selectedIsStage) {
      // The dialog counted the stage's cells before a colleague could act: entitled is what was
      // there then.
      const mid = ctx.mid?.grids.get(sheet.sheetId);
      const midCol = mid && selected !== null ? stageColumnOf(mid, selected) : cell.col;
      ctx.entitled.push(
        ...removalEntitles(
          world,
          g,
          cell.col,
          out.detail === 'confirmed',
          mid && midCol !== null ? { grid: mid, col: midCol } : undefined,
        ),
      );
    }
    return out;
  });
  world.answer = { confirm: 'NO', prompt: null, inDialog: null };
}

/**
 * What removing a stage may take: everything in its column once the user confirmed (the
 * dialog counted it), else only its name and role. A stage without a marker is its column.
 */
export function removalEntitles(
  world: WorldState,
  g: Grid,
  col: number,
  confirmed: boolean,
  now?: { grid: Grid; col: number },
): Entitled[] {
  // What the question counted: the cells as they were when it was asked (`g`), not what a
  // colleague typed since — except the stage's name and role, which are the stage itself.
  if (confirmed) {
    const nameAndRole = now
      ? [ROW.header, ROW.role].map((row) => ({
          sheetId: g.sheetId,
          text: world.textAt(now.grid, row, now.col),
          stage: '*' as const,
        }))
      : [];
    return [
      ...world.entitledIn(g, [1, g.values.length], [col, col]).map((e) => ({
        ...e,
        stage: '*' as const,
      })),
      // the user's formulas in the column (under the footer too): the question counted them
      ...g.formulas.flatMap((line) =>
        line[col - 1]
          ? [
              {
                sheetId: g.sheetId,
                text: line[col - 1]!,
                stage: '*' as const,
                formula: true as const,
              },
            ]
          : [],
      ),
      ...nameAndRole,
    ];
  }
  // (whatever stage the text was typed under: a note in a column the add-on later adopted as a
  // stage is its name now)
  return [ROW.header, ROW.role].map((row) => ({
    sheetId: g.sheetId,
    text: world.textAt(g, row, col),
    stage: '*',
  }));
}

export function rename(
  world: WorldState,
  sheetRef: number,
  pick: TextPick,
  button: 'OK' | 'CANCEL',
): void {
  const obs = world.observe();
  const sheet = world.sheetByRef(sheetRef);
  const text = world.text(pick);
  world.s.select(sheet.name, 'C10');
  const g = obs.grids.get(sheet.sheetId)!;
  const ctx: Ctx = {
    label: world.label(`menu renameMap on '${sheet.name}' → ${JSON.stringify(text)}, ${button}`),
    entitled: [{ sheetId: sheet.sheetId, text: world.textAt(g, ROW.name, SIDE_COL), stage: null }],
    call: {
      name: 'renameMap',
      readOnly: false,
      target: sheet.sheetId,
      lang: world.langOfSheet(obs, sheet.sheetId),
    },
  };
  world.answer = { confirm: 'NO', prompt: { button, text }, inDialog: null };
  act(
    world,
    ctx,
    () => menuCall(world, ctx, 'renameMap'),
    (b, after) => {
      if (button === 'OK' && after.grids.has(sheet.sheetId))
        world.track(text, sheet.sheetId, null, 'by Rename map');
      followOwnMap(world, sheet.sheetId, b, after);
    },
  );
  world.answer = { confirm: 'NO', prompt: null, inDialog: null };
}

/**
 * A duplicated sheet renamed became a map of its own: its stages have new ids, column for column,
 * and what was typed under each stays that stage's.
 */
function followOwnMap(
  world: WorldState,
  sheetId: number,
  before: Observation,
  after: Observation,
): void {
  const was = before.health.get(sheetId);
  const now = after.health.get(sheetId);
  if (was?.kind !== 'healthy' || now?.kind !== 'healthy' || was.mapId === now.mapId) return;
  const moved = new Map<string, string>();
  was.stages.forEach((id, i) => {
    const to = now.stages[i];
    if (id && to) moved.set(id, to);
  });
  for (const t of world.tracked)
    if (t.sheetId === sheetId && t.stage !== null) t.stage = moved.get(t.stage) ?? t.stage;
  world.values.restaged(sheetId, moved);
  world.userFormulas.restaged(sheetId, moved);
}

export function portfolio(world: WorldState, sheetRef: number): void {
  const sheet = world.sheetByRef(sheetRef);
  world.wb.model.active = world.wb.model.sheets.find((s) => s.sheetId === sheet.sheetId)!;
  world.wb.model.activeRange = null;
  const ctx: Ctx = {
    label: world.label(`menu showPortfolio (from '${sheet.name}')`),
    entitled: [],
    call: { name: 'showPortfolio', readOnly: false, target: null, lang: world.lang },
  };
  act(
    world,
    ctx,
    () => menuCall(world, ctx, 'showPortfolio'),
    () => {
      world.portfolioSheets.add(world.wb.model.active.sheetId);
      const marked = world.wb.model.engine.namedRangeTarget('CJM_PORTFOLIO');
      const id = marked ? world.wb.model.sheet(marked.sheet)?.sheetId : undefined;
      if (id !== undefined) world.portfolioSheets.add(id);
    },
  );
}

export function showWizard(world: WorldState, sheetRef: number): void {
  const sheet = world.sheetByRef(sheetRef);
  world.wb.model.active = world.wb.model.sheets.find((s) => s.sheetId === sheet.sheetId)!;
  world.wb.model.activeRange = null;
  const ctx: Ctx = {
    label: world.label(`menu showWizard on '${sheet.name}'`),
    entitled: [],
    call: {
      name: 'showWizard',
      readOnly: true,
      target: sheet.sheetId,
      mayProceedOnDamage: true,
      lang: 'any',
    },
  };
  act(world, ctx, () => {
    const out = menuCall(world, ctx, 'showWizard');
    const html = world.wb.ui.sidebar?.html ?? '';
    const boot = /<script id="cjm-boot" type="application\/json">([\s\S]*?)<\/script>/.exec(
      html,
    )?.[1];
    if (out.result === 'ok' && boot) {
      try {
        const state = (JSON.parse(boot) as { state?: WizardState }).state;
        for (const m of [state?.notice, state?.problem]) if (m) out.messages.push(m);
      } catch {
        /* the page is checked by the product's own tests */
      }
    }
    return out;
  });
}

/**
 * Make a map from this table, on whatever the cell picked is part of (a map, a plan, a data
 * sheet, nothing): the command only reads and shows its dialog (or says why not); Create makes a
 * new map and never touches the source.
 */
export function importTable(
  world: WorldState,
  sheetRef: number,
  at: CellPick,
  unmatched: 'rows' | 'notes',
  create: boolean,
): void {
  const obs = world.observe();
  const sheet = world.sheetByRef(sheetRef);
  const g = obs.grids.get(sheet.sheetId)!;
  const h = obs.health.get(sheet.sheetId)!;
  const cell = world.resolveCell(g, h, at);
  world.s.select(sheet.name, a1(cell.row, cell.col));
  const ctx: Ctx = {
    label: world.label(`menu makeMapFromTable on '${sheet.name}' ${a1(cell.row, cell.col)}`),
    entitled: [],
    call: { name: 'makeMapFromTable', readOnly: true, target: null, lang: world.lang },
  };
  const surfaces = world.wb.ui.surfaces.length;
  act(world, ctx, () => menuCall(world, ctx, 'makeMapFromTable'));
  const boot = world.wb.ui.surfaces
    .slice(surfaces)
    .map((x) => bootOf(x.html))
    .find((b) => b?.view === 'importTable');
  if (!create || boot?.view !== 'importTable') return;
  const r = boot.reading;
  const req = { ...dialogRequest(boot), unmatched };
  callClient(
    world,
    `dialog createMapFromTable from '${r.sheetName}'!${r.range}`,
    'createMapFromTable',
    req,
    { readOnly: false, target: null, lang: boot.lang },
    {},
    (result, _b, after) => {
      const made = result as { ok: boolean; mapId?: string; sheetName?: string };
      if (!made.ok || !made.sheetName || !made.mapId) return;
      const created = world.wb.model.sheet(made.sheetName);
      const health = created ? after.health.get(created.sheetId) : undefined;
      if (health?.kind !== 'healthy') {
        world.violate(
          { label: `#${world.stepNo}`, entitled: [] },
          'stages-changed',
          `createMapFromTable made a sheet that is not an intact map: ${health?.kind === 'damaged' ? health.why : (health?.kind ?? 'none')}`,
        );
        return;
      }
      world.maps.push({ id: made.mapId, lang: health.lang });
    },
  );
}
