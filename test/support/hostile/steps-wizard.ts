/**
 * Steps through the wizard's sidebar: a step loaded, shown from the pages it holds, polled, saved
 * (with fitting, hostile and weird values), stages edited; and a colleague typing or moving
 * columns between a load and a save.
 */
import type { EditStagesResult, FieldView, SaveResult, WizardState } from '../../../src/contract';
import { serialToIso } from '../../../src/core/map/dates';
import { FIRST_STAGE_COL, ROW } from '../../../src/core/map/layout';
import { IMPACT_COL } from '../../../src/core/wizard/action-plan';
import { fieldCell } from '../../../src/core/wizard/fields';
import { parseFieldId } from '../../../src/core/wizard/steps';
import type { StepId } from '../../../src/core/wizard/steps';
import { SIDE } from './places';
import { isStructureStep } from './structure';
import { cellAt, footerStages, stageColumnOf, stageColumns, type Grid } from './scan';
import type { ColleagueStep, FieldEdit, GridStep, Step, ValuePick, Weird } from './steps';
import {
  type WorldState,
  emptyGrid,
  type Entitled,
  type Observation,
  type StageExpectation,
  type Client,
} from './world-state';
import { callClient } from './act';
import { structure, typeAt, grid, moveColumn } from './steps-grid';
import { menu, removalEntitles } from './steps-menu';

export function clientFrom(
  world: WorldState,
  mapId: string,
  state: WizardState,
  obs: Observation,
): Client | null {
  const view = state.view;
  if (!view || view.mapId !== mapId) return null;
  const sheetId = world.mapSheetId(mapId);
  const g = sheetId === null ? undefined : obs.grids.get(sheetId);
  const fields = new Map<string, FieldView>();
  for (const f of view.sideFields) fields.set(f.id, f);
  view.stages.forEach((_, i) => {
    view.stageFields.forEach((f) => {
      fields.set(`stage.${i}.${f.id}`, { ...f, id: `stage.${i}.${f.id}` });
    });
  });
  return {
    mapId,
    step: view.step,
    sheetId: sheetId ?? -1,
    base: { ...view.values },
    viewStages: view.stages.map((s) => ({ ...s })),
    markers: world.stagesOf(g, sheetId === null ? undefined : obs.health.get(sheetId)),
    fields,
    actions: view.actions.map(({ impact: _impact, ...a }) => a),
    statuses: view.statuses,
    planTexts: planTexts(world, mapId, obs),
    view,
  };
}

function planTexts(world: WorldState, mapId: string, obs: Observation): string[] {
  const id = world.planSheetId(mapId);
  const g = id === null ? undefined : obs.grids.get(id);
  if (!g) return [];
  return world.entitledIn(g, [4, g.values.length], [2, IMPACT_COL - 1]).map((e) => e.text);
}

export function load(world: WorldState, mapId: string, step: StepId): Client | null {
  let client: Client | null = null;
  callClient(
    world,
    `wizard loadStep ${step} of map ${mapId}`,
    'loadStep',
    { mapId, step },
    { readOnly: true, target: world.mapSheetId(mapId) },
    {},
    (result, _b, after) => {
      client = clientFrom(world, mapId, result as WizardState, after);
      if (client) world.clients.set(mapId, client);
    },
  );
  if (!client) world.clients.delete(mapId);
  return client;
}

export function clientOr(
  world: WorldState,
  mapId: string,
  step: StepId,
  fresh = false,
): Client | null {
  const c = world.clients.get(mapId);
  if (c && !fresh && c.step === step) return c;
  return load(world, mapId, step);
}

/**
 * The sidebar shows another step from the pages it holds, as the step list and Next on an
 * unchanged step do: no call, and a later save of that step is judged against what the page
 * showed. Steps that show the plan are not held (the sidebar loads them).
 */
export function held(world: WorldState, mapId: string, step: StepId): void {
  const client = world.clients.get(mapId);
  if (!client || step === 'plan' || step === 'present') return;
  const page = client.view.pages[step];
  const view = { ...client.view, ...page, step, actions: [] };
  const fields = new Map<string, FieldView>();
  for (const f of view.sideFields) fields.set(f.id, f);
  view.stages.forEach((_, i) => {
    view.stageFields.forEach((f) => {
      fields.set(`stage.${i}.${f.id}`, { ...f, id: `stage.${i}.${f.id}` });
    });
  });
  world.clients.set(mapId, { ...client, step, base: { ...view.values }, fields, view });
  world.seen = { mapId, step, done: [] };
}

/** The sidebar's poll, carrying where it went without a call: it changes no cell. */
export function poll(world: WorldState, mapId: string): void {
  callClient(
    world,
    'the sidebar polls',
    'activeSheetMap',
    { mapId, ...(world.seen ? { seen: world.seen } : {}) },
    // It reports which map the grid shows and its header row, damaged or not: it writes nothing.
    { readOnly: true, target: world.mapSheetId(mapId), mayProceedOnDamage: true },
    {},
    () => {
      world.seen = null;
    },
  );
}

function valueFor(
  world: WorldState,
  pick: ValuePick,
  field: FieldView | undefined,
): { value: unknown; text: string | null } {
  switch (pick.kind) {
    case 'fit': {
      // What the form's control would send for this field.
      const kind = field?.kind ?? 'text';
      if (kind === 'number' || kind === 'money') return { value: pick.n, text: null };
      if (kind === 'share') return { value: (pick.n % 100) / 100, text: null };
      if (kind === 'score') return { value: 1 + (pick.n % 5), text: null };
      if (kind === 'date')
        return { value: `2026-0${1 + (pick.n % 9)}-1${pick.n % 10}`, text: null };
      if (kind === 'select') {
        const options = field?.options ?? [];
        return { value: options.length ? options[pick.n % options.length] : '', text: null };
      }
      const t = world.text(pick.text);
      return { value: t, text: t };
    }
    case 'text': {
      const t = world.text(pick.text);
      return { value: t, text: t };
    }
    case 'number':
      return { value: pick.n, text: null };
    case 'option': {
      const options = field?.options ?? [];
      return { value: options.length ? options[pick.i % options.length] : '', text: null };
    }
    case 'weird':
      return { value: WEIRD[pick.w](), text: null };
  }
}

/**
 * Where a field's cell is now: its row, and its stage's column as the footer says (by the stage
 * shown at load).
 */
function fieldCellNow(
  client: Client,
  id: string,
  g: Grid | undefined,
): { row: number; col: number; stage: string | null } | null {
  const cell = fieldCell(id);
  if (!cell || !g) return null;
  const m = /^stage\.(\d+)\./.exec(id);
  if (!m) return { row: cell.row, col: cell.col, stage: null };
  const i = Number(m[1]);
  if (i >= client.markers.length) return null;
  const stage = client.markers[i] ?? null;
  // A stage without a marker can only be found where it was.
  const col = stage === null ? FIRST_STAGE_COL + i : stageColumnOf(g, stage);
  return col === null ? null : { row: cell.row, col, stage };
}

/** A cell's value as the wizard shows it: a date field's serial number as its ISO day. */
const shownValue = (v: unknown, kind: string | undefined): string =>
  kind === 'date' && typeof v === 'number' ? (serialToIso(v) ?? String(v)) : String(v ?? '');

export function save(
  world: WorldState,
  mapId: string,
  edits: FieldEdit[],
  requestOverride?: (req: Record<string, unknown>) => unknown,
  next: StepId | null = null,
): void {
  const client = world.clients.get(mapId) ?? load(world, mapId, 'goal');
  if (!client) return;
  const ids = Object.keys(client.base);
  if (ids.length === 0) return;
  const values: Record<string, unknown> = { ...client.base };
  const typedById = new Map<string, string>();
  const numberById = new Map<string, number>();
  for (const e of edits) {
    const id = ids[e.field % ids.length]!;
    const field = client.fields.get(id);
    const { value, text } = valueFor(world, e.value, field);
    values[id] = value;
    if (text !== null && TEXT_KINDS.has(field?.kind ?? 'text')) typedById.set(id, text);
    else typedById.delete(id);
    if (
      typeof value === 'number' &&
      e.value.kind !== 'weird' &&
      NUMBER_KINDS.has(field?.kind ?? '')
    )
      numberById.set(id, value);
    else numberById.delete(id);
  }
  const typed = [...typedById].map(([id, text]) => ({ id, text }));
  const req: Record<string, unknown> = {
    mapId,
    step: client.step,
    values,
    base: client.base,
    stages: client.viewStages.map((s) => ({ id: s.id ?? '', name: s.name })),
    stageIds: client.viewStages.map((s) => s.id ?? ''),
    ...(next ? { next } : {}),
    ...(world.seen ? { seen: world.seen } : {}),
  };
  const payload = requestOverride ? requestOverride(req) : req;
  const obs = world.observe();
  const g = obs.grids.get(client.sheetId);
  const entitled: Entitled[] = [];
  for (const id of ids) {
    if (String(values[id] ?? '') === String(client.base[id] ?? '')) continue;
    const where = fieldCellNow(client, id, g);
    if (!where || !g) continue;
    const now = cellAt(g, where.row, where.col);
    // The user overwrites what they were shown; what a colleague typed since is not theirs to
    // lose.
    // (any stage: the cell is known, and its column may have been adopted as a stage since the
    // text was typed)
    if (shownValue(now.value, client.fields.get(id)?.kind) !== String(client.base[id] ?? ''))
      continue;
    // a formula of the user's there showed the value they changed: the new value replaces it
    entitled.push(
      now.formula
        ? { sheetId: client.sheetId, text: now.formula, stage: '*', formula: true }
        : { sheetId: client.sheetId, text: String(now.value ?? ''), stage: '*' },
    );
  }
  const shown = Object.fromEntries(
    edits.map((e) => ids[e.field % ids.length]!).map((id) => [id, values[id]]),
  );
  callClient(
    world,
    `wizard saveStep ${client.step} of map ${mapId} ${JSON.stringify(shown)}${requestOverride ? ' (hostile payload)' : ''}`,
    'saveStep',
    payload,
    {
      readOnly: false,
      target: world.mapSheetId(mapId),
      hostilePayload: requestOverride !== undefined || edits.some((e) => e.value.kind === 'weird'),
      // a payload without the map's id is answered in the spreadsheet's language
      ...((payload as { mapId?: unknown } | null)?.mapId === mapId ? {} : { lang: world.lang }),
    },
    { entitled },
    (result, before, after) => {
      const r = result as SaveResult;
      if (!r.ok) return;
      const bg = before.grids.get(client.sheetId);
      // What the request carried (a hostile payload may not carry the values at all).
      const sentValues = (payload as { values?: Record<string, unknown> } | null)?.values;
      const notice = r.state.notice ?? '';
      for (const { id, text } of typed) {
        if (sentValues?.[id] !== text || String(client.base[id] ?? '') === text) continue;
        // The save said this value was not saved (its stage was removed meanwhile): the user was
        // told.
        if (notice.includes(text)) continue;
        const where = fieldCellNow(client, id, bg);
        if (where || !/^stage\./.test(id))
          world.track(text, client.sheetId, where?.stage ?? null, `in the wizard (${id})`);
      }
      for (const [id, n] of numberById) {
        const where = fieldCellNow(client, id, bg);
        if (sentValues?.[id] !== n || String(client.base[id] ?? '') === String(n) || !where)
          continue;
        const row = parseFieldId(id)!.row;
        const place = /^stage\./.test(id) ? where.stage : SIDE;
        world.values.track(n, client.sheetId, row, place, `in the wizard (${id})`);
      }
      const next = clientFrom(world, mapId, r.state, after);
      if (next) world.clients.set(mapId, next);
    },
  );
  world.seen = null;
}

export function colleague(world: WorldState, mapId: string, step: ColleagueStep): void {
  const sheetId = world.mapSheetId(mapId);
  if (sheetId === null) return;
  const client = world.clients.get(mapId);
  const obs = world.observe();
  const g = obs.grids.get(sheetId);
  if (!g) return;
  const note = ' (a colleague)';
  switch (step.k) {
    case 'typeField': {
      if (!client) return;
      const ids = Object.keys(client.base);
      if (ids.length === 0) return;
      const where = fieldCellNow(client, ids[step.field % ids.length]!, g);
      if (where) typeAt(world, sheetId, where.row, where.col, world.text(step.text), note);
      return;
    }
    case 'typeStage': {
      const n = world.stageCount(g);
      if (n === 0) return;
      typeAt(
        world,
        sheetId,
        1 + (step.row % (ROW.footer - 1)),
        FIRST_STAGE_COL + (step.stage % n),
        world.text(step.text),
        note,
      );
      return;
    }
    case 'moveColumn': {
      const n = world.stageCount(g);
      if (n < 2) return;
      moveColumn(world, sheetId, FIRST_STAGE_COL + (step.stage % n), step.by, note, true);
      return;
    }
    case 'menu':
      menu(world, step.cmd, 0, step.at, step.answer, null, sheetId);
      return;
    default:
      if (isStructureStep(step)) structure(world, step, note, sheetId);
      else grid(world, { ...step, sheet: world.refOf(sheetId) } as GridStep, note);
  }
}

export function editStages(world: WorldState, step: Extract<Step, { k: 'editStages' }>): void {
  const mapId = world.mapRef(step.map);
  const client = clientOr(world, mapId, 'stages', step.fresh);
  if (!client) return;
  if (step.colleague && step.colleagueAt !== 'confirm') colleague(world, mapId, step.colleague);
  const n = client.viewStages.length;
  if (n === 0) return;
  const index = step.index % (n + 1) === n ? n : step.index % n; // now and then one past the end
  const intended = client.markers[index] ?? null;
  const viewId = client.viewStages[index]?.id ?? '';
  const name = step.name ? world.text(step.name) : '';
  const edit =
    step.op === 'add'
      ? { kind: 'add', after: index, name }
      : step.op === 'remove'
        ? { kind: 'remove', index }
        : { kind: 'move', index, by: step.by };
  const expect: StageExpectation | 'skip' | null =
    index >= n
      ? null
      : intended === null
        ? 'skip'
        : step.op === 'add'
          ? { op: 'add', after: intended }
          : step.op === 'remove'
            ? { op: 'remove', id: intended }
            : { op: 'move', id: intended, by: step.by };
  let asked: Grid | undefined;
  const send = (confirmed: boolean, token?: string): EditStagesResult | undefined => {
    const obs = world.observe();
    // A confirmed resend takes what the question counted, not what a colleague typed since.
    const g = (confirmed && asked) || obs.grids.get(client.sheetId);
    asked ??= obs.grids.get(client.sheetId);
    const entitled: Entitled[] = [];
    if (step.op === 'remove' && index < n && g) {
      const col = intended === null ? FIRST_STAGE_COL + index : stageColumnOf(g, intended);
      const cur = obs.grids.get(client.sheetId);
      const curCol = cur
        ? intended === null
          ? FIRST_STAGE_COL + index
          : stageColumnOf(cur, intended)
        : null;
      if (col !== null)
        entitled.push(
          ...removalEntitles(
            world,
            g,
            col,
            confirmed,
            cur && curCol !== null ? { grid: cur, col: curCol } : undefined,
          ),
        );
    }
    return callClient(
      world,
      `wizard editStages ${JSON.stringify(edit)} (stage ${intended ?? 'none'}) on map ${mapId}, confirmed ${confirmed}`,
      'editStages',
      { mapId, edit, stageId: viewId, confirmed, ...(token !== undefined ? { token } : {}) },
      { readOnly: false, target: world.mapSheetId(mapId), expect, hostilePayload: index >= n },
      { entitled },
      (result, before, after) => {
        const r = result as EditStagesResult;
        if (!r.ok) return;
        if (step.op === 'add' && name) {
          // The new stage is the column that has the name now (the edit may also mark other
          // stages).
          const ga = after.grids.get(client.sheetId) ?? emptyGrid();
          const col = (ga.values[ROW.header - 1] ?? []).findIndex(
            (v, i) => i + 1 >= FIRST_STAGE_COL && v === name,
          );
          const was = new Set(footerStages(before.grids.get(client.sheetId) ?? emptyGrid()));
          const added = col < 0 ? undefined : stageColumns(ga).get(col + 1);
          if (added && !was.has(added))
            world.track(name, client.sheetId, added, 'as a new stage name in the wizard');
        }
        const next = clientFrom(world, mapId, r.state, after);
        if (next) world.clients.set(mapId, next);
      },
    ) as EditStagesResult | undefined;
  };
  const first = send(step.confirm === 'blind');
  if (first && !first.ok && 'confirm' in first && step.confirm === 'yes') {
    // The user reads the question; meanwhile a colleague may move or fill the stage. The answer
    // carries the question's token when there is one (it names the cells asked about).
    if (step.colleague && step.colleagueAt === 'confirm') colleague(world, mapId, step.colleague);
    send(
      true,
      (first as { token?: unknown }).token === undefined
        ? undefined
        : String((first as { token?: unknown }).token),
    );
  }
}

export const WEIRD: Record<Weird, () => unknown> = {
  null: () => null,
  object: () => ({}),
  array: () => ['x'],
  true: () => true,
  number: () => 42,
  long: () => 'x'.repeat(5000),
  empty: () => '',
  nested: () => ({ a: { b: [1, { c: 'd' }] } }),
  negative: () => -1,
  fraction: () => 1.5,
  huge: () => 1e12,
};

const TEXT_KINDS = new Set(['text', 'longtext']);

const NUMBER_KINDS = new Set(['number', 'money', 'share', 'score']);
