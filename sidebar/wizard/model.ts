/**
 * The wizard's state and how each event changes it: a pure reducer, so every transition (a
 * server answer arriving, a step shown from what the sidebar holds, a field typed) is tested
 * without a browser, and a store over it. Server calls and focus live in hooks (saving.ts,
 * focus.ts, follow.ts).
 */
import { useRef, useState } from 'preact/hooks';
import type {
  ActionRow,
  CellData,
  Conflict,
  FieldView,
  MapSummary,
  Seen,
  StageEdit,
  StepId,
  StepView,
  WizardState,
} from '../../src/contract';
import { planChanged } from './plan-rows';
import { anyDirty, carryDraft, draftFrom, keepTypedSince, stepFields, type Draft } from './values';

export interface Form {
  fields: FieldView[];
  draft: Draft;
  /** the values the draft was loaded from: what a save is compared against */
  base: Record<string, CellData>;
}

export type Note = { kind: 'ok' | 'error'; text: string } | null;

export interface Confirm {
  message: string;
  edit: StageEdit;
  token: string;
}

/**
 * How a new state meets what is on screen: replace it, keep what the user typed since the save
 * was sent, or carry unsaved text over a change of the map (a stage edit: by the edit; a reload:
 * by stage identity).
 */
export type Arrival =
  | { kind: 'fresh' }
  | { kind: 'saved'; sent: Draft; rows: ActionRow[] }
  | { kind: 'carry'; edit: StageEdit | null };

export interface Model {
  state: WizardState;
  form: Form;
  rows: ActionRow[];
  /** the plan as the server last showed it, with the sheet's side of conflicts the user has seen */
  planBase: ActionRow[] | null;
  /**
   * the plan as last read, and the metrics its impacts were computed with: steps that show it
   * are shown from it while the numbers stay the same
   */
  heldPlan: { mapId: string; metrics: string; actions: ActionRow[] } | null;
  note: Note;
  errors: Record<string, string>;
  conflicts: Conflict[] | null;
  confirm: Confirm | null;
  /** another map the user opened in the grid, offered rather than followed (unsaved edits here) */
  offer: MapSummary | null;
  /** where the user went without a call: sent with the next call, which records it */
  seen: Seen | null;
  busy: boolean;
}

export type Event =
  | { type: 'arrived'; state: WizardState; arrival: Arrival }
  | { type: 'shown'; step: StepId; done: boolean }
  | { type: 'typed'; id: string; value: string }
  | { type: 'rows'; rows: ActionRow[] }
  | { type: 'form'; form: Form }
  | { type: 'planResolved'; rows: ActionRow[]; base: ActionRow[] }
  | { type: 'refused'; errors: Record<string, string>; note: Note }
  | { type: 'conflicts'; conflicts: Conflict[] }
  | { type: 'note'; note: Note }
  | { type: 'confirm'; confirm: Confirm | null }
  | { type: 'offer'; offer: MapSummary | null }
  | { type: 'maps'; maps: MapSummary[] }
  | { type: 'seenSent'; seen: Seen }
  | { type: 'busy'; busy: boolean };

const showsPlan = (step: StepId) => step === 'plan' || step === 'present';
const metricsKey = (view: StepView) => JSON.stringify(view.metrics);

export function formOf(state: WizardState): Form {
  const view = state.view;
  if (!view) return { fields: [], draft: {}, base: {} };
  const fields = stepFields(view);
  return { fields, draft: draftFrom(fields, view.values, view.lang), base: view.values };
}

export function initialModel(state: WizardState): Model {
  const view = state.view;
  return {
    state,
    form: formOf(state),
    rows: view?.actions ?? [],
    planBase: null,
    heldPlan: view && showsPlan(view.step) ? held(view) : null,
    note: state.notice ? { kind: 'ok', text: state.notice } : null,
    errors: {},
    conflicts: null,
    confirm: null,
    offer: null,
    seen: null,
    busy: false,
  };
}

const held = (view: StepView) => ({
  mapId: view.mapId,
  metrics: metricsKey(view),
  actions: view.actions,
});

/** The step's unsaved edits: typed fields, or plan rows changed since it was shown. */
export function isDirty(m: Model): boolean {
  const view = m.state.view;
  if (!view) return false;
  return view.step === 'plan'
    ? planChanged(m.rows, view.actions)
    : anyDirty(m.form.fields, m.form.draft, m.form.base, view.lang);
}

/** Something on screen waits for the user: a question, conflicts, field errors. */
export const isWaiting = (m: Model): boolean =>
  m.confirm !== null || m.conflicts !== null || Object.keys(m.errors).length > 0;

/**
 * The view of another step of the same map from what the sidebar holds, or null when it needs the
 * server (a step that shows the plan, with no plan read for these numbers).
 */
export function heldView(m: Model, step: StepId): StepView | null {
  const view = m.state.view;
  if (!view) return null;
  const page = view.pages[step];
  // the review step's figures are read for it alone (the history's last periods)
  if (!page || (step === 'review' && !view.review)) return null;
  let actions: ActionRow[] = [];
  if (showsPlan(step)) {
    const plan = m.heldPlan;
    if (!plan || plan.mapId !== view.mapId || plan.metrics !== metricsKey(view)) return null;
    actions = plan.actions;
  }
  return { ...view, ...page, step, actions };
}

/** Field ids of stage `i` in `from` moved to where that stage (by id) is in `to`. */
function byStage(from: readonly { id: string }[], to: readonly { id: string }[]) {
  const index = new Map(to.map((s, i) => [s.id, i]));
  return (id: string): string | null => {
    const m = /^stage\.(\d+)\.(.+)$/.exec(id);
    if (!m) return id;
    const moved = index.get(from[Number(m[1])]?.id ?? '');
    return moved === undefined ? null : `stage.${moved}.${m[2]}`;
  };
}

function arrive(m: Model, arrived: WizardState, arrival: Arrival): Model {
  // A save's answer leaves the list of maps out: it did not change.
  const state = arrived.maps ? arrived : { ...arrived, maps: m.state.maps ?? [] };
  const v = state.view;
  const cur = m.state.view;
  const sameStep = !!v && !!cur && v.mapId === cur.mapId && v.step === cur.step;
  let form = formOf(state);
  let rows = v?.actions ?? [];
  if (v && cur && sameStep && arrival.kind === 'saved') {
    form = { ...form, draft: keepTypedSince(form.draft, arrival.sent, m.form.draft) };
    // Rows edited while savePlan ran stay as typed; otherwise show the sheet's ranking.
    if (m.rows !== arrival.rows) rows = m.rows;
  } else if (v && cur && sameStep && arrival.kind === 'carry') {
    const remap = arrival.edit ? arrival.edit : byStage(cur.stages, v.stages);
    form = { ...form, draft: carryDraft(m.form, v, remap) };
    if (planChanged(m.rows, cur.actions)) rows = m.rows;
  }
  let heldPlan = m.heldPlan;
  if (v && showsPlan(v.step)) heldPlan = held(v);
  else if (!v || (heldPlan && (heldPlan.mapId !== v.mapId || heldPlan.metrics !== metricsKey(v))))
    heldPlan = null;
  return {
    ...m,
    state,
    form,
    rows,
    planBase: null,
    heldPlan,
    errors: {},
    conflicts: null,
    offer: m.offer && m.offer.id === v?.mapId ? null : m.offer,
    note: state.notice ? { kind: 'ok', text: state.notice } : m.note,
  };
}

/** Shows another step from what the sidebar holds; `done`: the user moved on with Next. */
function shown(m: Model, step: StepId, done: boolean): Model {
  const view = heldView(m, step);
  if (!view) return m;
  const from = m.state.step;
  const doneSteps = done && !m.state.done.includes(from) ? [...m.state.done, from] : m.state.done;
  const state = { ...m.state, step, done: doneSteps, view, notice: '' };
  return {
    ...m,
    state,
    form: formOf(state),
    rows: view.actions,
    planBase: null,
    errors: {},
    conflicts: null,
    note: null,
    seen: { mapId: view.mapId, step, done: doneSteps },
  };
}

export function reduce(m: Model, e: Event): Model {
  switch (e.type) {
    case 'arrived':
      return arrive(m, e.state, e.arrival);
    case 'shown':
      return shown(m, e.step, e.done);
    case 'typed':
      return { ...m, form: { ...m.form, draft: { ...m.form.draft, [e.id]: e.value } } };
    case 'rows':
      return { ...m, rows: e.rows };
    case 'form':
      return { ...m, form: e.form };
    case 'planResolved':
      return { ...m, rows: e.rows, planBase: e.base };
    case 'refused':
      return { ...m, errors: e.errors, conflicts: null, note: e.note };
    case 'conflicts':
      return { ...m, errors: {}, conflicts: e.conflicts };
    case 'note':
      return { ...m, note: e.note };
    case 'confirm':
      return { ...m, confirm: e.confirm };
    case 'offer':
      return { ...m, offer: e.offer };
    case 'maps':
      return { ...m, state: { ...m.state, maps: e.maps } };
    case 'seenSent':
      // A step shown while the call ran is still to be sent.
      return m.seen === e.seen ? { ...m, seen: null } : m;
    case 'busy':
      return { ...m, busy: e.busy };
  }
}

/**
 * The model as state for rendering and as a store for async work: `get()` is always the latest
 * (the user may type while a call runs), `send` applies an event to both.
 */
export interface Store {
  get(): Model;
  send(e: Event): void;
}

export function useModel(state: WizardState): [Model, Store] {
  const [model, setModel] = useState(() => initialModel(state));
  const latest = useRef(model);
  const store = useRef<Store>({
    get: () => latest.current,
    send: (e) => {
      latest.current = reduce(latest.current, e);
      setModel(latest.current);
    },
  });
  return [model, store.current];
}
