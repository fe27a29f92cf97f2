/**
 * The CJM wizard: ten steps over one map, each showing what the sheet holds and saving what the
 * user edits. The sheet stays the source of truth; every server answer carries the new state and
 * every step's page, so moving between steps costs no call until the map changes. Its state is a
 * reducer (model.ts); its calls, focus and following of the grid are hooks (saving.ts, focus.ts,
 * follow.ts).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SidebarBoot, StepId } from '../../src/contract';
import { t } from '../../src/core/words/i18n-ui';
import { NewMapView } from '../new-map';
import { stageNote } from '../stage-notes';
import { ConfirmDialog } from './confirm';
import { ConflictPanel } from './conflicts';
import { useWizardFocus } from './focus';
import { useFollow } from './follow';
import { GoalType, MapPicker } from './goal-step';
import { dealIfGuessed, MetricsPanel } from './kpi-metrics';
import { FollowOffer, MapSwitch } from './map-switch';
import { isDirty, useModel } from './model';
import { PlanStep } from './plan-step';
import { PresentStep } from './present-step';
import { ReviewStep } from './review-step';
import { Progress, StepTitle } from './progress';
import { useSaving } from './saving';
import { StageTools } from './stages-step';
import { StepFields, controlId, fieldName } from './step-fields';
import { STEP_IDS } from '../../src/core/wizard/step-ids';

type WizardBoot = Extract<SidebarBoot, { view: 'wizard' }>;

export function WizardView({ boot }: { boot: WizardBoot }) {
  const [m, store] = useModel(boot.state);
  const [helpOpen, setHelpOpen] = useState(false);
  const title = useRef<HTMLButtonElement>(null);
  const { state, form, rows, errors, conflicts, confirm, note, offer, busy } = m;
  const view = state.view;
  const lang = view?.lang ?? state.lang;
  const step: StepId = view?.step ?? 'goal';
  const index = STEP_IDS.indexOf(step);
  const dirty = isDirty(m);
  // The deal stage of guessed roles, named wherever the revenue they decide is shown.
  const guessedDeal = dealIfGuessed(view);
  const focus = useWizardFocus({ mapId: view?.mapId, step, errors, state, busy }, title);
  const calls = useSaving(store, focus);
  useFollow(
    () => {
      const now = store.get();
      return {
        ...(now.state.view ? { mapId: now.state.view.mapId } : {}),
        ...(now.seen ? { seen: now.seen } : {}),
      };
    },
    calls.followed,
    calls.inFlight,
    calls.started,
  );

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const send = store.send;
  const setField = (id: string, value: string) => send({ type: 'typed', id, value });
  const saveOnly = () =>
    calls.run(async () => {
      await calls.save();
    });
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
  const metricsPanel = () =>
    view && (
      <MetricsPanel
        lang={lang}
        locale={boot.locale}
        metrics={view.metrics}
        guessedDeal={guessedDeal}
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
          onOpen={calls.openMap}
        />
        {(state.maps ?? []).length > 0 && <h3>{t(lang, 'wizard.newMapTitle')}</h3>}
        <NewMapView
          lang={state.lang}
          locale={boot.locale}
          presets={boot.presets}
          onCreated={calls.created}
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
            <button type="button" class="small" disabled={busy} onClick={saveOnly}>
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
              onEdit={(e) => calls.editStage(e, false)}
            />
          ),
          stageNote: (name) => stageNote(lang, boot.presets[lang], name),
        })}
        {view.metrics.leads !== null && metricsPanel()}
      </>
    );
  } else if (step === 'kpis' || step === 'evaluate') {
    // What the sheet computes follows what the user types, where a save brings it into view.
    body = (
      <>
        {fieldsOf()}
        {metricsPanel()}
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
          calls.rowsEdited(rows, next);
          send({ type: 'rows', rows: next });
        }}
      />
    );
  } else if (step === 'review' && view.review) {
    body = (
      <ReviewStep
        key={view.mapId}
        lang={lang}
        review={view.review}
        errors={errors}
        busy={busy}
        onRecord={calls.recordReview}
      >
        {fieldsOf()}
      </ReviewStep>
    );
  } else if (step === 'present') {
    body = (
      <PresentStep
        key={view.mapId}
        lang={lang}
        locale={boot.locale}
        view={view}
        busy={busy}
        run={calls.run}
        onState={(s) => send({ type: 'arrived', state: s, arrival: { kind: 'carry', edit: null } })}
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
          onOpen={calls.openMap}
        />
      )}
      {shownOffer && (
        <FollowOffer
          lang={lang}
          map={shownOffer}
          unsaved={dirty}
          busy={busy}
          onSwitch={() => calls.openMap(shownOffer.id)}
          onStay={() => send({ type: 'offer', offer: null })}
        />
      )}
      {/* Reminders without triggers: a map whose next review has come says so when opened. */}
      {view?.due && step !== 'review' && (
        <div class="notice" role="status">
          {view.due}{' '}
          <button
            type="button"
            class="link"
            disabled={busy}
            onClick={() => calls.goTo('review', false)}
          >
            {t(lang, 'review.go')}
          </button>
        </div>
      )}
      <Progress
        lang={lang}
        step={step}
        done={state.done}
        locked={!view}
        busy={busy}
        onJump={(s) => calls.goTo(s, false)}
        onBack={
          view && index > 0 ? () => calls.goTo(STEP_IDS[index - 1] ?? 'goal', false) : undefined
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
        {view ? view.help : t(lang, 'stepHelp.goal')}
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
          onApply={calls.resolve}
        />
      )}
      {body}
      {view && (
        <div class="wizard-nav">
          {status}
          {/* The main button first: one Tab from the step's last field (Back is at the top). */}
          <div class="actions">
            {index < STEP_IDS.length - 1 && (
              <button
                type="button"
                class="primary"
                disabled={busy}
                onClick={() => calls.goTo(STEP_IDS[index + 1] ?? step, true)}
              >
                {t(lang, 'wizard.saveNext')}
              </button>
            )}
            <button
              type="button"
              class={index === STEP_IDS.length - 1 ? 'primary' : ''}
              disabled={busy}
              onClick={saveOnly}
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
            send({ type: 'confirm', confirm: null });
            calls.editStage(confirm.edit, true, confirm.token);
          }}
          onNo={() => send({ type: 'confirm', confirm: null })}
        />
      )}
    </main>
  );
}
