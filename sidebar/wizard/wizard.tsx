/**
 * The CJM wizard: ten steps over one map, each showing what the sheet holds and saving
 * what the user edits. The sheet stays the source of truth; every server answer carries
 * the new state, and one call at most is in flight (plus, while the page is visible, one
 * small poll of the active map: the wizard follows the map the user opens in the grid).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  ActionRow,
  CellData,
  Conflict,
  FieldView,
  MapSummary,
  SaveResult,
  SidebarBoot,
  StageEdit,
  StepId,
  WizardState,
} from '../../src/contract';
import { t } from '../../src/core/words/i18n-ui';
import { STEP_ORDER } from './steps';
import { NewMapView } from '../new-map';
import { stageNote } from '../stage-notes';
import { call } from '../rpc';
import { ConfirmDialog } from './confirm';
import { ConflictPanel } from './conflicts';
import { useActiveMapPoll } from './follow';
import { FollowOffer, MapSwitch } from './map-switch';
import { GoalType, MapPicker } from './goal-step';
import { dealIfGuessed, MetricsPanel } from './kpi-metrics';
import { PlanStep } from './plan-step';
import {
  actionsToSave,
  editedRow,
  errorsOnFormRows,
  planChanged,
  rankedPlaces,
  reordered,
  resolvePlanConflicts,
  sentRowsOf,
} from './plan-rows';
import { PresentStep } from './present-step';
import { Progress, StepTitle } from './progress';
import { StageTools } from './stages-step';
import { StepFields, controlId, fieldName } from './step-fields';
import {
  anyDirty,
  applyConflictChoices,
  buildSaveRequest,
  carryDraft,
  draftFrom,
  keepTypedSince,
  stepFields,
  toInput,
  type Choice,
  type Draft,
} from './values';

type WizardBoot = Extract<SidebarBoot, { view: 'wizard' }>;

interface Form {
  fields: FieldView[];
  draft: Draft;
  /** the values the draft was loaded from: what a save is compared against */
  base: Record<string, CellData>;
}

type Note = { kind: 'ok' | 'error'; text: string } | null;

/** How a new state meets what is on screen: replace it, or keep what the user typed on top. */
type Arrival =
  | { kind: 'fresh' }
  | { kind: 'saved'; sent: Draft; rows: ActionRow[] }
  | { kind: 'carry'; edit: StageEdit | null };

function formOf(state: WizardState): Form {
  const view = state.view;
  if (!view) return { fields: [], draft: {}, base: {} };
  const fields = stepFields(view);
  return { fields, draft: draftFrom(fields, view.values, view.lang), base: view.values };
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function WizardView({ boot }: { boot: WizardBoot }) {
  const [state, setState] = useState(boot.state);
  const [form, setForm] = useState(() => formOf(boot.state));
  const [rows, setRows] = useState<ActionRow[]>(() => boot.state.view?.actions ?? []);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(
    boot.state.notice ? { kind: 'ok', text: boot.state.notice } : null,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const [confirm, setConfirm] = useState<{
    message: string;
    edit: StageEdit;
    token: string;
  } | null>(null);
  // Another map the user opened in the grid, offered rather than followed (unsaved edits here).
  const [offer, setOffer] = useState<MapSummary | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  // Async tasks read the latest screen through refs: the user may type while a call runs.
  const live = useRef({ state, form, rows, conflicts, dirty: false, waiting: false });
  const inFlight = useRef(false);
  // The plan as the server last showed it, with the sheet's side of any conflict the user has seen.
  const planBase = useRef<ActionRow[] | null>(null);
  const title = useRef<HTMLButtonElement>(null);

  const view = state.view;
  const lang = view?.lang ?? state.lang;
  const step: StepId = view?.step ?? 'goal';
  const index = STEP_ORDER.indexOf(step);
  const dirty = view
    ? step === 'plan'
      ? planChanged(rows, view.actions)
      : anyDirty(form.fields, form.draft, form.base, lang)
    : false;
  // The deal stage of guessed roles, named wherever the revenue they decide is shown.
  const guessedDeal = dealIfGuessed(view);
  // Something on screen waits for the user: a question, conflicts, field errors.
  const waiting = confirm !== null || conflicts !== null || Object.keys(errors).length > 0;
  live.current = { state, form, rows, conflicts, dirty, waiting };
  // After a failed save the first field in error takes focus; after a save the computed result is
  // shown.
  const afterSave = useRef<'errors' | 'result' | null>(null);
  // The control the user worked with when a call started: focus comes back to it when the call
  // ends.
  const focusBack = useRef<HTMLElement | null>(null);
  // A plan control the save moved to another row with its action: focus follows it there.
  const followTo = useRef<string | null>(null);
  // The plan row the user typed in last (the action a save's ranking tells about).
  const lastEdited = useRef<number | null>(null);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  // The wizard opening, and then each new step, moves keyboard focus to the step's title, so Tab
  // continues from the top of the step.
  // Following the grid is not a reason to pull focus out of it.
  const quiet = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the map or the step changes
  useEffect(() => {
    if (quiet.current) quiet.current = false;
    else title.current?.focus();
  }, [view?.mapId, step]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a save's errors arrive
  useEffect(() => {
    if (afterSave.current !== 'errors') return;
    afterSave.current = null;
    const control = document.querySelector<HTMLElement>('main [aria-invalid="true"]');
    control?.focus();
    control?.scrollIntoView({ block: 'center' });
  }, [errors]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a save's result arrives
  useEffect(() => {
    if (afterSave.current !== 'result') return;
    afterSave.current = null;
    // The numbers the sheet computed from what was just saved (the "Saved" line is in the footer,
    // always in view).
    const result =
      step === 'kpis' || step === 'evaluate'
        ? '.metrics'
        : step === 'present'
          ? '.summary'
          : step === 'plan'
            ? '.plan-total'
            : null;
    if (result) document.querySelector(result)?.scrollIntoView({ block: 'nearest' });
  }, [state]);
  useEffect(() => {
    if (busy) return;
    const back = focusBack.current;
    focusBack.current = null;
    const follow = followTo.current;
    followTo.current = null;
    const moved = follow === null ? null : document.getElementById(follow);
    if (moved) {
      moved.focus();
      return;
    }
    // Only when nothing else took focus (a new step's title, a field in error): the user stays
    // where they were.
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (back?.isConnected && lost && !(back as HTMLButtonElement).disabled)
      back.focus({ preventScroll: true });
  }, [busy]);

  function show(arrived: WizardState, arrival: Arrival): void {
    const cur = live.current;
    // A save's answer leaves the list of maps out: it did not change.
    const next = arrived.maps ? arrived : { ...arrived, maps: cur.state.maps ?? [] };
    const v = next.view;
    const sameStep =
      !!v && !!cur.state.view && v.mapId === cur.state.view.mapId && v.step === cur.state.view.step;
    let nextForm = formOf(next);
    let nextRows = v?.actions ?? [];
    if (v && sameStep && arrival.kind === 'saved') {
      nextForm = {
        ...nextForm,
        draft: keepTypedSince(nextForm.draft, arrival.sent, cur.form.draft),
      };
      // Rows edited while savePlan ran stay as typed; otherwise show the sheet's ranking.
      if (cur.rows !== arrival.rows) nextRows = cur.rows;
    } else if (v && sameStep && arrival.kind === 'carry') {
      nextForm = { ...nextForm, draft: carryDraft(cur.form, v, arrival.edit) };
      if (cur.state.view && planChanged(cur.rows, cur.state.view.actions)) nextRows = cur.rows;
    }
    live.current = { ...cur, state: next, form: nextForm, rows: nextRows, conflicts: null };
    planBase.current = null;
    setState(next);
    setForm(nextForm);
    setRows(nextRows);
    setErrors({});
    setConflicts(null);
    setOffer((o) => (o && o.id === v?.mapId ? null : o));
    if (next.notice) setNote({ kind: 'ok', text: next.notice });
  }

  /** Runs one server task at a time; a thrown error is shown and the form stays as typed. */
  function run(task: () => Promise<void>): void {
    if (inFlight.current) return;
    inFlight.current = true;
    focusBack.current =
      document.activeElement instanceof HTMLElement && document.activeElement !== document.body
        ? document.activeElement
        : null;
    setBusy(true);
    setNote(null);
    task()
      .catch((e: unknown) =>
        setNote({ kind: 'error', text: t(lang, 'wizard.callFailed', { message: messageOf(e) }) }),
      )
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  }

  /**
   * Saves the open step; true when the sheet took it. `choices` answers the conflicts on screen.
   */
  async function save(choices?: Record<string, Choice>, leaving = false): Promise<boolean> {
    const { state: cur, form: f, rows: sentRows, conflicts: shown } = live.current;
    const v = cur.view;
    if (!v) return true;
    let result: SaveResult;
    let ranked: string | null = null;
    if (v.step === 'plan') {
      const sent = actionsToSave(sentRows);
      result = await call('savePlan', {
        mapId: v.mapId,
        actions: sent,
        base: planBase.current ?? v.actions,
      });
      if (result.ok) {
        show(result.state, { kind: 'saved', sent: f.draft, rows: sentRows });
        ranked = followRanking(sentRows, sent, live.current.rows, result.state.view?.actions);
      }
    } else {
      let req = buildSaveRequest(v, f.draft, f.base);
      if (choices && shown) req = applyConflictChoices(req, shown, choices);
      result = await call('saveStep', req);
      if (result.ok) show(result.state, { kind: 'saved', sent: f.draft, rows: sentRows });
    }
    if (result.ok) {
      afterSave.current = 'result';
      // A notice (values for a stage someone removed meanwhile) matters more than "Saved", which is
      // said where the user saved, not on the step a save leads to; a plan the save ranked again
      // says so (the status line is a polite live region).
      setNote(
        result.state.notice
          ? { kind: 'error', text: result.state.notice }
          : leaving
            ? null
            : {
                kind: 'ok',
                text: [t(v.lang, 'wizard.saved'), ranked].filter(Boolean).join('. '),
              },
      );
      return true;
    }
    if ('fieldErrors' in result) {
      afterSave.current = 'errors';
      setErrors(
        v.step === 'plan' ? errorsOnFormRows(sentRows, result.fieldErrors) : result.fieldErrors,
      );
      setConflicts(null);
      setNote({ kind: 'error', text: t(v.lang, 'wizard.fixErrors') });
    } else {
      setErrors({});
      setConflicts(result.conflicts);
    }
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
    shown: readonly ActionRow[],
    ranked: readonly ActionRow[] | undefined,
  ): string | null {
    if (!ranked || shown !== ranked) return null;
    const places = rankedPlaces(sent, ranked);
    const formToSent = (i: number | null) => (i === null ? -1 : sentRowsOf(formRows).indexOf(i));
    const focused = /^a(\d+)-(\w+)$/.exec(focusBack.current?.id ?? '');
    const row = focused ? Number(focused[1]) : lastEdited.current;
    const place = places[formToSent(row)] ?? null;
    lastEdited.current = place;
    if (!reordered(places)) return null;
    if (focused && place !== null) followTo.current = `a${place}-${focused[2]}`;
    const action = place === null ? '' : (ranked[place]?.action ?? '');
    return action
      ? t(lang, 'plan.reranked', { action, n: (place ?? 0) + 1 })
      : t(lang, 'plan.rerankedAll');
  }

  /**
   * Leaves the step for another (or another map); unsaved edits are saved first, Next always saves.
   * `target` null: another map, opened on the step it was last on.
   */
  const go = (mapId: string, target: StepId | null, saveFirst: boolean) =>
    run(async () => {
      if ((saveFirst || dirty) && !(await save(undefined, true))) return;
      const req = target === null ? { mapId } : { mapId, step: target };
      show(await call('loadStep', req), { kind: 'fresh' });
    });

  const resolve = (choices: Record<string, Choice>) => {
    const shown = conflicts ?? [];
    if (step === 'plan' && view) {
      const resolved = resolvePlanConflicts(
        live.current.rows,
        planBase.current ?? view.actions,
        shown,
        choices,
      );
      planBase.current = resolved.base;
      live.current = { ...live.current, rows: resolved.rows };
      setRows(resolved.rows);
      run(async () => {
        await save();
      });
      return;
    }
    // The user has now seen the sheet's values: they become the base; a "keep the sheet's" shows
    // it.
    const base = { ...form.base };
    const draft = { ...form.draft };
    for (const c of shown) {
      base[c.id] = c.sheet;
      if (choices[c.id] === 'sheet')
        draft[c.id] = toInput(
          c.sheet,
          form.fields.find((f) => f.id === c.id)?.kind ?? 'text',
          lang,
        );
    }
    const next = { ...form, base, draft };
    live.current = { ...live.current, form: next };
    setForm(next);
    run(async () => {
      await save(choices);
    });
  };

  const editStage = (edit: StageEdit, confirmed: boolean, token?: string) =>
    run(async () => {
      if (!view) return;
      // The stage is named by its id too, so a colleague's move meanwhile cannot redirect the edit.
      const stageId = view.stages[edit.kind === 'add' ? edit.after : edit.index]?.id ?? '';
      const r = await call('editStages', {
        mapId: view.mapId,
        edit,
        stageId,
        confirmed,
        ...(token ? { token } : {}),
      });
      if (r.ok) show(r.state, { kind: 'carry', edit });
      else if ('confirm' in r) setConfirm({ message: r.confirm, edit, token: r.token });
      else setNote({ kind: 'error', text: r.message });
    });

  // The map on the active sheet at the last poll: the wizard follows changes of it, so a map picked
  // here while the grid shows another is not taken back. At first, the map the wizard opened on.
  const seen = useRef<string | null>(boot.state.view?.mapId ?? null);
  useActiveMapPoll(
    (active) => {
      const before = seen.current;
      seen.current = active?.id ?? null;
      const cur = live.current;
      if (active) {
        // A map made (or renamed) meanwhile shows in the switcher.
        const maps = cur.state.maps ?? [];
        const known = maps.find((m) => m.id === active.id);
        if (!known || known.sheetName !== active.sheetName) {
          const next = known
            ? maps.map((m) => (m.id === active.id ? active : m))
            : [...maps, active];
          setState((st) => ({ ...st, maps: next }));
        }
      }
      const shown = cur.state.view;
      if (!active || active.id === shown?.mapId) return setOffer(null);
      if (before === active.id) return;
      // The user opened another map in the grid: follow it, unless that would leave something
      // unsaved or unanswered.
      if (shown && !cur.dirty && !cur.waiting && !inFlight.current) {
        run(async () => {
          // on the step that map was last on (a new map: its first), never this map's
          const arrived = await call('loadStep', { mapId: active.id });
          quiet.current = true;
          show(arrived, { kind: 'fresh' });
          setNote({
            kind: 'ok',
            text: t(arrived.view?.lang ?? shown.lang, 'flow.followed', { name: active.sheetName }),
          });
        });
      } else setOffer(active);
    },
    () => inFlight.current,
  );

  const onCreated = async (mapId: string, sheetName: string) => {
    try {
      show(await call('loadStep', { mapId, step: 'goal' }), { kind: 'fresh' });
    } catch (e) {
      // The map exists now: list it so the user opens it instead of creating a second one.
      setState((s) => ({ ...s, maps: [...(s.maps ?? []), { id: mapId, sheetName }] }));
      setNote({ kind: 'error', text: t(lang, 'wizard.failed', { message: messageOf(e) }) });
    }
  };

  const setField = (id: string, value: string) =>
    setForm((f) => ({ ...f, draft: { ...f.draft, [id]: value } }));
  const fieldsOf = (extra: Partial<Parameters<typeof StepFields>[0]> = {}) =>
    view && (
      <StepFields
        key={`${view.mapId}:${step}`}
        view={view}
        lang={lang}
        draft={form.draft}
        errors={errors}
        onChange={setField}
        {...extra}
      />
    );

  let body;
  if (!view) {
    body = (
      <>
        <p>{t(lang, 'wizard.noMap')}</p>
        <MapPicker
          lang={lang}
          maps={state.maps ?? []}
          current={null}
          busy={busy}
          onOpen={(id) => go(id, null, false)}
        />
        {(state.maps ?? []).length > 0 && <h3>{t(lang, 'wizard.newMapTitle')}</h3>}
        <NewMapView
          lang={state.lang}
          locale={boot.locale}
          presets={boot.presets}
          onCreated={onCreated}
        />
      </>
    );
  } else if (step === 'goal') {
    body = (
      <>
        <GoalType
          key={view.mapId}
          lang={lang}
          goalText={form.draft['side.goal'] ?? ''}
          onGoal={(text) => setField('side.goal', text)}
        />
        {fieldsOf()}
      </>
    );
  } else if (step === 'stages') {
    // The roles decide the revenue: once there are counts, it is shown where the roles are set.
    body = (
      <>
        {guessedDeal !== null && (
          <div class="notice" role="status">
            <p>{t(lang, 'wizard.rolesGuessed', { deal: guessedDeal })}</p>
            {/* saving the stages step confirms the roles, with or without a change */}
            <button
              type="button"
              class="small"
              disabled={busy}
              onClick={() =>
                run(async () => {
                  await save();
                })
              }
            >
              {t(lang, 'wizard.rolesConfirm')}
            </button>
          </div>
        )}
        {fieldsOf({
          stageTools: (i) => (
            <StageTools
              lang={lang}
              index={i}
              count={view.stages.length}
              name={form.draft[`stage.${i}.header`] || (view.stages[i]?.name ?? '')}
              busy={busy}
              onEdit={(e) => editStage(e, false)}
            />
          ),
          stageNote: (name) => stageNote(lang, boot.presets[lang], name),
        })}
        {view.metrics.leads !== null && (
          <MetricsPanel
            lang={lang}
            locale={boot.locale}
            metrics={view.metrics}
            guessedDeal={guessedDeal}
          />
        )}
      </>
    );
  } else if (step === 'kpis' || step === 'evaluate') {
    // What the sheet computes follows what the user types, where a save brings it into view.
    body = (
      <>
        {fieldsOf()}
        <MetricsPanel
          lang={lang}
          locale={boot.locale}
          metrics={view.metrics}
          guessedDeal={guessedDeal}
        />
      </>
    );
  } else if (step === 'plan') {
    body = (
      <PlanStep
        lang={lang}
        locale={boot.locale}
        view={view}
        rows={rows}
        errors={errors}
        busy={busy}
        onChange={(next) => {
          lastEdited.current = editedRow(rows, next, lastEdited.current);
          setRows(next);
        }}
      />
    );
  } else if (step === 'present') {
    body = (
      <PresentStep
        key={view.mapId}
        lang={lang}
        locale={boot.locale}
        view={view}
        busy={busy}
        run={run}
        onState={(s) => show(s, { kind: 'carry', edit: null })}
      >
        {fieldsOf()}
      </PresentStep>
    );
  } else body = fieldsOf();

  const labelOf = (id: string) => fieldName(lang, id, form.fields, view, form.draft);
  const focusField = (id: string) => {
    const plan = /^actions?\.(\d+)\.(\w+)$/.exec(id);
    document.getElementById(plan ? `a${plan[1]}-${plan[2]}` : controlId(id))?.focus();
  };
  const status = (
    <div role="status" class="status">
      {note?.kind === 'ok' && note.text}
      {busy && <span class="muted"> {t(lang, 'wizard.loading')}</span>}
    </div>
  );
  const shownOffer = offer && offer.id !== view?.mapId ? offer : null;
  const errorIds = Object.keys(errors);

  return (
    <main class="wizard" aria-busy={busy}>
      {/* The host already titles the sidebar "CJM wizard": the heading names the map being worked on. */}
      <h1 class="map-name">{view ? view.sheetName : t(lang, 'wizard.title')}</h1>
      {view && (
        <MapSwitch
          lang={lang}
          maps={state.maps ?? []}
          current={view.mapId}
          busy={busy}
          onOpen={(id) => go(id, null, false)}
        />
      )}
      {shownOffer && (
        <FollowOffer
          lang={lang}
          map={shownOffer}
          unsaved={dirty}
          busy={busy}
          onSwitch={() => go(shownOffer.id, null, false)}
          onStay={() => setOffer(null)}
        />
      )}
      <Progress
        lang={lang}
        step={step}
        done={state.done}
        locked={!view}
        busy={busy}
        onJump={(s) => view && go(view.mapId, s, false)}
        onBack={
          view && index > 0
            ? () => go(view.mapId, STEP_ORDER[index - 1] ?? 'goal', false)
            : undefined
        }
      />
      <StepTitle
        lang={lang}
        step={step}
        open={helpOpen}
        onToggle={() => setHelpOpen((o) => !o)}
        focusRef={title}
      />
      {/* Two lines of the step's help, the rest on request: the form gets the room. */}
      <p id="step-help" class={`muted step-help${helpOpen ? '' : ' clamped'}`}>
        {t(lang, `stepHelp.${step}`)}
      </p>
      {!view && status}
      {/* Stays until the user repairs what it names: not a passing note. */}
      {state.problem && (
        <div class="error note problem" role="alert">
          {state.problem}
        </div>
      )}
      {note?.kind === 'error' && (
        <div class="error note" role="alert">
          {note.text}
        </div>
      )}
      {errorIds.length > 0 && (
        <ul class="error-summary">
          {errorIds.map((id) => (
            <li key={id}>
              {labelOf(id) ? (
                <button type="button" class="link" onClick={() => focusField(id)}>
                  {labelOf(id)}
                </button>
              ) : null}{' '}
              {errors[id]}
            </li>
          ))}
        </ul>
      )}
      {conflicts && (
        <ConflictPanel
          lang={lang}
          locale={boot.locale}
          conflicts={conflicts}
          fields={form.fields}
          busy={busy}
          onApply={resolve}
        />
      )}
      {body}
      {view && (
        <div class="wizard-nav">
          {status}
          {/* The main button first: one Tab from the step's last field (Back is at the top). */}
          <div class="actions">
            {index < STEP_ORDER.length - 1 && (
              <button
                type="button"
                class="primary"
                disabled={busy}
                onClick={() => go(view.mapId, STEP_ORDER[index + 1] ?? step, true)}
              >
                {t(lang, 'wizard.saveNext')}
              </button>
            )}
            <button
              type="button"
              class={index === STEP_ORDER.length - 1 ? 'primary' : ''}
              disabled={busy}
              onClick={() => run(async () => void (await save()))}
            >
              {t(lang, 'wizard.save')}
            </button>
          </div>
        </div>
      )}
      {confirm && (
        <ConfirmDialog
          message={confirm.message}
          yes={t(lang, 'stages.confirmRemove')}
          no={t(lang, 'form.cancel')}
          onYes={() => {
            setConfirm(null);
            editStage(confirm.edit, true, confirm.token);
          }}
          onNo={() => setConfirm(null)}
        />
      )}
    </main>
  );
}
