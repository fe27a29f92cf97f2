/**
 * The wizard's server calls, one at a time. A click costs at most one server execution: Save and
 * continue saves and is answered with the next step; a step with no change moves on from what the
 * sidebar holds, at no cost; where the user went meanwhile rides on the next call.
 */
import { useRef } from 'preact/hooks';
import type {
  ActionRow,
  PollAnswer,
  SaveResult,
  Seen,
  StageEdit,
  StepId,
  WizardState,
} from '../../src/contract';
import { t } from '../../src/core/words/i18n-ui';
import { call } from '../rpc';
import { type FocusPlan, focusedControl } from './focus';
import { heldView, isDirty, isWaiting, type Store } from './model';
import {
  actionsToSave,
  editedRow,
  errorsOnFormRows,
  rankedPlaces,
  reordered,
  resolvePlanConflicts,
  sentRowsOf,
} from './plan-rows';
import type { ReviewPeriod, SameSpan } from './review-step';
import { STEP_IDS } from '../../src/core/wizard/step-ids';
import { applyConflictChoices, buildSaveRequest, toInput, type Choice } from './values';

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** `seen` as a request field, when there is something to send. */
const carrying = (seen: Seen | null) => (seen ? { seen } : {});

export interface Saving {
  /** runs one server task at a time; a thrown error is shown and the form stays as typed */
  run(task: () => Promise<void>): void;
  /** saves the open step (Save); true when the sheet took it */
  save(choices?: Record<string, Choice>): Promise<boolean>;
  /** to another step of this map: Save and continue (`next`), Back, or the step list */
  goTo(step: StepId, next: boolean): void;
  /** to another map, on the step it was last on */
  openMap(mapId: string): void;
  /** answers the conflicts on screen */
  resolve(choices: Record<string, Choice>): void;
  editStage(edit: StageEdit, confirmed: boolean, token?: string): void;
  /**
   * step "review": records the review with the step's fields, one call answered with the next
   * step; `ask` gets the question when the period has a review already
   */
  recordReview(
    period: ReviewPeriod,
    sameSpan: SameSpan | undefined,
    ask: (q: string) => void,
  ): void;
  /** a new map made in the wizard: open it (its state came with the answer) */
  created(made: { mapId: string; sheetName: string; state?: WizardState }): Promise<void>;
  /** the poll's answer; true when it showed a change (the user is working in the grid) */
  followed(answer: PollAnswer): boolean;
  /** the plan's rows were edited: remembers the row the user worked on last */
  rowsEdited(before: readonly ActionRow[], after: readonly ActionRow[]): void;
  inFlight(): boolean;
  /** how many calls the wizard has started */
  started(): number;
}

export function useSaving(store: Store, focus: FocusPlan): Saving {
  const busy = useRef(false);
  // The calls started so far: a poll answered after one of them began may describe the sheet
  // from before it.
  const started = useRef(0);
  // The plan row the user typed in last (the action a save's ranking tells about).
  const lastEdited = useRef<number | null>(null);
  // The map on the active sheet at the last poll: the wizard follows changes of it, so a map
  // picked here while the grid shows another is not taken back. At first, the map it opened on.
  const gridMap = useRef<string | null>(store.get().state.view?.mapId ?? null);
  // The header row a reload was made for: if the reloaded view still reads it otherwise (a note
  // typed right of the stages), it is not reloaded again.
  const reloadedFor = useRef<string | null>(null);
  const { send } = store;
  const lang = () => {
    const s = store.get().state;
    return s.view?.lang ?? s.lang;
  };

  function run(task: () => Promise<void>): void {
    if (busy.current) return;
    busy.current = true;
    started.current++;
    focus.back = focusedControl();
    send({ type: 'busy', busy: true });
    send({ type: 'note', note: null });
    task()
      .catch((e: unknown) =>
        send({
          type: 'note',
          note: { kind: 'error', text: t(lang(), 'wizard.callFailed', { message: messageOf(e) }) },
        }),
      )
      .finally(() => {
        busy.current = false;
        send({ type: 'busy', busy: false });
      });
  }

  /** A call that carries where the user went meanwhile; once answered, that is recorded. */
  async function withSeen<T>(make: (seen: object) => Promise<T>): Promise<T> {
    const seen = store.get().seen;
    const answer = await make(carrying(seen));
    if (seen) send({ type: 'seenSent', seen });
    return answer;
  }

  const arrived = (state: WizardState) =>
    send({ type: 'arrived', state, arrival: { kind: 'fresh' } });

  async function save(choices?: Record<string, Choice>, next?: StepId): Promise<boolean> {
    const m = store.get();
    const v = m.state.view;
    if (!v) return true;
    const leaving = next !== undefined && next !== v.step;
    const onward = next ? { next } : {};
    let result: SaveResult;
    let ranked: string | null = null;
    if (v.step === 'plan') {
      const sentRows = m.rows;
      const sent = actionsToSave(sentRows);
      const base = m.planBase ?? v.actions;
      result = await withSeen((seen) =>
        call('savePlan', { mapId: v.mapId, actions: sent, base, ...onward, ...seen }),
      );
      if (result.ok) {
        send({
          type: 'arrived',
          state: result.state,
          arrival: { kind: 'saved', sent: m.form.draft, rows: sentRows },
        });
        if (!leaving) ranked = followRanking(sentRows, sent, result.state.view?.actions);
      }
    } else {
      let req = buildSaveRequest(v, m.form.draft, m.form.base);
      if (choices && m.conflicts) req = applyConflictChoices(req, m.conflicts, choices);
      result = await withSeen((seen) => call('saveStep', { ...req, ...onward, ...seen }));
      if (result.ok)
        send({
          type: 'arrived',
          state: result.state,
          arrival: { kind: 'saved', sent: m.form.draft, rows: m.rows },
        });
    }
    if (result.ok) {
      focus.afterSave = 'result';
      // A notice (values for a stage someone removed meanwhile) matters more than "Saved", which is
      // said where the user saved, not on the step a save leads to; a plan the save ranked again
      // says so (the status line is a polite live region).
      const note = result.state.notice
        ? { kind: 'error' as const, text: result.state.notice }
        : leaving
          ? null
          : {
              kind: 'ok' as const,
              text: [t(v.lang, 'wizard.saved'), ranked].filter(Boolean).join('. '),
            };
      send({ type: 'note', note });
      return true;
    }
    if ('fieldErrors' in result) {
      focus.afterSave = 'errors';
      send({
        type: 'refused',
        errors:
          v.step === 'plan' ? errorsOnFormRows(m.rows, result.fieldErrors) : result.fieldErrors,
        note: { kind: 'error', text: t(v.lang, 'wizard.fixErrors') },
      });
    } else send({ type: 'conflicts', conflicts: result.conflicts });
    return false;
  }

  /**
   * After a plan's save: when the ranking put the rows in another order and they are shown so (no
   * edit meanwhile), the words that say so, naming where the action the user worked on went; focus
   * in a row follows its action there.
   */
  function followRanking(
    formRows: readonly ActionRow[],
    sent: readonly ActionRow[],
    ranked: readonly ActionRow[] | undefined,
  ): string | null {
    if (!ranked || store.get().rows !== ranked) return null;
    const places = rankedPlaces(sent, ranked);
    const formToSent = (i: number | null) => (i === null ? -1 : sentRowsOf(formRows).indexOf(i));
    const focused = /^a(\d+)-(\w+)$/.exec(focus.back?.id ?? '');
    const row = focused ? Number(focused[1]) : lastEdited.current;
    const place = places[formToSent(row)] ?? null;
    lastEdited.current = place;
    if (!reordered(places)) return null;
    if (focused && place !== null) focus.followTo = `a${place}-${focused[2]}`;
    const action = place === null ? '' : (ranked[place]?.action ?? '');
    return action
      ? t(lang(), 'plan.reranked', { action, n: (place ?? 0) + 1 })
      : t(lang(), 'plan.rerankedAll');
  }

  function goTo(step: StepId, next: boolean): void {
    const m = store.get();
    const v = m.state.view;
    if (!v || busy.current) return;
    // Saving the stages step confirms guessed roles: Save and continue does it, changed or not.
    const mustSave = isDirty(m) || (next && v.step === 'stages' && v.rolesGuessed);
    if (!mustSave && heldView(m, step)) {
      send({ type: 'shown', step, done: next });
      return;
    }
    run(async () => {
      if (mustSave) {
        await save(undefined, step);
        return;
      }
      arrived(await withSeen((seen) => call('loadStep', { mapId: v.mapId, step, ...seen })));
    });
  }

  const openMap = (mapId: string) =>
    run(async () => {
      if (isDirty(store.get()) && !(await save())) return;
      arrived(await withSeen((seen) => call('loadStep', { mapId, ...seen })));
    });

  function resolve(choices: Record<string, Choice>): void {
    const m = store.get();
    const v = m.state.view;
    const shown = m.conflicts ?? [];
    if (!v) return;
    if (v.step === 'plan') {
      const resolved = resolvePlanConflicts(m.rows, m.planBase ?? v.actions, shown, choices);
      send({ type: 'planResolved', rows: resolved.rows, base: resolved.base });
    } else {
      // The user has now seen the sheet's values: they become the base; "keep the sheet's" shows
      // it.
      const base = { ...m.form.base };
      const draft = { ...m.form.draft };
      for (const c of shown) {
        base[c.id] = c.sheet;
        if (choices[c.id] === 'sheet')
          draft[c.id] = toInput(
            c.sheet,
            m.form.fields.find((f) => f.id === c.id)?.kind ?? 'text',
            v.lang,
          );
      }
      send({ type: 'form', form: { ...m.form, base, draft } });
    }
    run(async () => {
      await save(choices);
    });
  }

  const editStage = (edit: StageEdit, confirmed: boolean, token?: string) =>
    run(async () => {
      const v = store.get().state.view;
      if (!v) return;
      // The stage is named by its id too, so a colleague's move meanwhile cannot redirect the edit.
      const stageId = v.stages[edit.kind === 'add' ? edit.after : edit.index]?.id ?? '';
      const r = await withSeen((seen) =>
        call('editStages', {
          mapId: v.mapId,
          edit,
          stageId,
          confirmed,
          ...(token ? { token } : {}),
          ...seen,
        }),
      );
      if (r.ok) send({ type: 'arrived', state: r.state, arrival: { kind: 'carry', edit } });
      else if ('confirm' in r)
        send({ type: 'confirm', confirm: { message: r.confirm, edit, token: r.token } });
      else send({ type: 'note', note: { kind: 'error', text: r.message } });
    });

  const recordReview = (
    period: ReviewPeriod,
    sameSpan: SameSpan | undefined,
    ask: (q: string) => void,
  ) =>
    run(async () => {
      const v = store.get().state.view;
      if (!v) return;
      const m = store.get();
      const { values, base } = buildSaveRequest(v, m.form.draft, m.form.base);
      const next = STEP_IDS[STEP_IDS.indexOf(v.step) + 1] ?? v.step;
      const r = await withSeen((seen) =>
        call('recordReviewFromWizard', {
          mapId: v.mapId,
          values,
          base,
          ...period,
          ...(sameSpan ? { sameSpan } : {}),
          next,
          ...seen,
        }),
      );
      if (r.ok) {
        focus.afterSave = 'result';
        arrived(r.state);
      } else if ('ask' in r) ask(r.ask.question);
      else if ('conflicts' in r) send({ type: 'conflicts', conflicts: r.conflicts });
      else {
        focus.afterSave = 'errors';
        send({
          type: 'refused',
          errors: r.fieldErrors,
          note: { kind: 'error', text: t(v.lang, 'wizard.fixErrors') },
        });
      }
    });

  async function created({
    mapId,
    sheetName,
    state,
  }: {
    mapId: string;
    sheetName: string;
    state?: WizardState;
  }): Promise<void> {
    try {
      arrived(state ?? (await call('loadStep', { mapId, step: 'goal' })));
    } catch (e) {
      // The map exists now: list it so the user opens it instead of creating a second one.
      send({ type: 'maps', maps: [...(store.get().state.maps ?? []), { id: mapId, sheetName }] });
      send({
        type: 'note',
        note: { kind: 'error', text: t(lang(), 'wizard.failed', { message: messageOf(e) }) },
      });
    }
  }

  function followed(answer: PollAnswer): boolean {
    const m = store.get();
    const before = gridMap.current;
    const active = answer.active;
    gridMap.current = active?.id ?? null;
    if (active) {
      // A map made (or renamed) meanwhile shows in the switcher.
      const maps = m.state.maps ?? [];
      const known = maps.find((x) => x.id === active.id);
      if (!known || known.sheetName !== active.sheetName)
        send({
          type: 'maps',
          maps: known ? maps.map((x) => (x.id === active.id ? active : x)) : [...maps, active],
        });
    }
    const shown = m.state.view;
    if (shown && (!active || active.id === shown.mapId)) {
      if (m.offer) send({ type: 'offer', offer: null });
      return reloadIfChanged(answer);
    }
    if (!active || before === active.id) return false;
    // The user opened another map in the grid: follow it, unless that would leave something
    // unsaved or unanswered.
    if (shown && !isDirty(m) && !isWaiting(m) && !busy.current) {
      run(async () => {
        // on the step that map was last on (a new map: its first), never this map's
        const state = await withSeen((seen) => call('loadStep', { mapId: active.id, ...seen }));
        focus.quiet = true;
        arrived(state);
        send({
          type: 'note',
          note: {
            kind: 'ok',
            text: t(state.view?.lang ?? shown.lang, 'flow.followed', { name: active.sheetName }),
          },
        });
      });
    } else send({ type: 'offer', offer: active });
    return true;
  }

  /**
   * The wizard's map changed under it (a command's stamp, or its header row edited by hand): the
   * step is shown again from the sheet, what the user typed carried to the same stages.
   */
  function reloadIfChanged(answer: PollAnswer): boolean {
    const m = store.get();
    const v = m.state.view;
    if (!v) return false;
    const headers = answer.headers ? JSON.stringify(answer.headers) : null;
    const byHand =
      headers !== null && headers !== JSON.stringify(v.headers) && headers !== reloadedFor.current;
    if (answer.stamp === m.state.stamp && !byHand) return false;
    if (busy.current || isWaiting(m)) return true;
    reloadedFor.current = headers;
    run(async () => {
      const state = await withSeen((seen) =>
        call('loadStep', { mapId: v.mapId, step: v.step, ...seen }),
      );
      send({ type: 'arrived', state, arrival: { kind: 'carry', edit: null } });
    });
    return true;
  }

  return {
    run,
    save: (choices) => save(choices),
    goTo,
    openMap,
    resolve,
    editStage,
    recordReview,
    created,
    followed,
    rowsEdited: (before, after) => {
      lastEdited.current = editedRow(before, after, lastEdited.current);
    },
    inFlight: () => busy.current,
    started: () => started.current,
  };
}
