/**
 * A marketer's whole job, driven through the built add-on exactly as the sidebar calls it (its
 * own model decides what a click costs): open the wizard, New map with the worked example, the
 * steps with an edit and Save and continue each, a revenue goal and Record the review on the Review
 * step (answered with the plan), one plan action, the poster, the portfolio, Add stage from the
 * menu, and the poll that brings that stage into the open wizard. Every server
 * execution (a google.script.run call or a menu command) and its round trips are counted.
 *
 * Waiting is modelled, not timed: Google's published and measured figures put a server execution
 * at about 0.5–1.5 s before any work and a round trip to the spreadsheet at 0.1–0.3 s, so the
 * model takes 1.0 s an execution and 0.2 s a round trip (docs/benchmarks.md).
 */
import { readFileSync } from 'node:fs';
import type {
  ActionRow,
  CreateMapResult,
  PollAnswer,
  ReviewResult,
  SaveResult,
  SidebarBoot,
  WizardState,
} from '../src/contract';
import { createWorkbook, htmlFilesIn, loadAddon } from '../emulator/index';
import { a1, FIRST_STAGE_COL, ROW } from '../src/core/map/layout';
import { heldView, initialModel, isDirty, reduce, type Model } from '../sidebar/wizard/model';
import { actionsToSave } from '../sidebar/wizard/plan-rows';
import { STEP_IDS } from '../src/core/wizard/step-ids';
import { buildSaveRequest } from '../sidebar/wizard/values';
import { pollDelay } from '../sidebar/wizard/follow';

export const SECONDS_PER_EXECUTION = 1.0;
export const SECONDS_PER_ROUND_TRIP = 0.2;

const arrived = (state: WizardState) =>
  ({ type: 'arrived', state, arrival: { kind: 'fresh' } }) as const;

export function wholeJobFigures(): Record<string, number> {
  const wb = createWorkbook({ locale: 'en_US' });
  wb.ui.responder = () => 'OK';
  const addon = loadAddon(wb, readFileSync('dist/Code.js', 'utf8'), htmlFilesIn('dist'));
  let executions = 0;
  let trips = 0;
  let polls = 0;
  const execute = <T>(run: () => T): T => {
    wb.calls.reset();
    const answer = run();
    executions++;
    trips += wb.calls.roundTrips;
    return answer;
  };
  const rpc = <T>(name: string, req: unknown) =>
    execute(() => addon.callFromClient(name, req) as T);
  const seen = (m: Model) => (m.seen ? { seen: m.seen } : {});

  execute(() => addon.run('showWizard'));
  const html = wb.ui.surfaces.at(-1)?.html ?? '';
  const boot = JSON.parse(
    /<script id="cjm-boot" type="application\/json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}',
  ) as Extract<SidebarBoot, { view: 'wizard' }>;
  let m = initialModel(boot.state);
  const created = rpc<CreateMapResult>('createMap', {
    name: '',
    segment: 'Office workers',
    product: 'Gym',
    preset: 'checklist6',
    stages: [],
    lang: 'en',
    locale: 'en_US',
    example: true,
    open: true,
  });
  if (!created.ok || !created.state) throw new Error('the whole job: New map refused');
  m = reduce(m, arrived(created.state));

  // Steps 1–8: an edit in the step's first text field, then Save and continue.
  let saveAndContinue = 0;
  for (const step of STEP_IDS.slice(0, STEP_IDS.indexOf('review'))) {
    const v = m.state.view!;
    const field = m.form.fields.find((f) => f.kind === 'text' || f.kind === 'longtext');
    if (field) m = reduce(m, { type: 'typed', id: field.id, value: `Checked: ${step}` });
    const next = STEP_IDS[STEP_IDS.indexOf(step) + 1]!;
    const before = executions;
    const req = { ...buildSaveRequest(v, m.form.draft, m.form.base), next, ...seen(m) };
    const saved = rpc<SaveResult>('saveStep', req);
    if (!saved.ok) throw new Error(`the whole job: step ${step} refused`);
    m = reduce(m, arrived(saved.state));
    saveAndContinue = Math.max(saveAndContinue, executions - before);
  }
  // The Review step: a revenue goal typed, then Record the review, answered with the plan.
  const onReview = m.state.view!;
  if (!onReview.review) throw new Error('the whole job: the Review step came without its page');
  m = reduce(m, { type: 'typed', id: 'side.revenueGoal', value: '5000000' });
  const { values, base } = buildSaveRequest(onReview, m.form.draft, m.form.base);
  const reviewed = rpc<ReviewResult>('recordReviewFromWizard', {
    mapId: onReview.mapId,
    values,
    base,
    ...onReview.review.span,
    note: 'First review',
    next: 'plan',
    ...seen(m),
  });
  if (!reviewed.ok) throw new Error('the whole job: the review refused');
  m = reduce(m, arrived(reviewed.state));
  // The plan: one action, then Save and continue to the last step.
  const view = m.state.view!;
  const action: ActionRow = {
    action: 'Call back every lead within an hour',
    stage: view.stages[2]?.name ?? '',
    lever: 'C',
    change: '+10%',
    owner: 'Sales',
    deadline: '',
    start: '',
    status: '',
    impact: null,
  };
  const planned = rpc<SaveResult>('savePlan', {
    mapId: view.mapId,
    actions: actionsToSave([...m.rows, action]),
    base: view.actions,
    next: 'present',
  });
  if (!planned.ok) throw new Error('the whole job: the plan refused');
  m = reduce(m, arrived(planned.state));
  rpc('exportPoster', { mapId: view.mapId });

  // Back to the first step from the step list and on with Next, nothing changed: no call.
  let unchanged = 0;
  for (const [step, next] of [
    ['goal', false],
    ['persona', true],
  ] as const) {
    if (!isDirty(m) && heldView(m, step)) m = reduce(m, { type: 'shown', step, done: next });
    else {
      m = reduce(m, arrived(rpc('loadStep', { mapId: view.mapId, step, ...seen(m) })));
      unchanged++;
    }
  }

  execute(() => addon.run('showPortfolio'));
  wb.range(m.state.view!.sheetName, a1(ROW.header, FIRST_STAGE_COL + 1)).activate();
  execute(() => addon.run('addStage'));
  // The open wizard's next poll sees the menu's change and shows the new stage.
  const jobExecutions = executions;
  const jobTrips = trips;
  const answer = addon.callFromClient('activeSheetMap', {
    mapId: view.mapId,
    ...seen(m),
  }) as PollAnswer;
  polls++;
  if (answer.stamp !== m.state.stamp) {
    m = reduce(
      m,
      arrived(
        addon.callFromClient('loadStep', { mapId: view.mapId, step: m.state.step }) as WizardState,
      ),
    );
    polls++;
  }
  if (m.state.view?.stages.length !== view.stages.length + 1)
    throw new Error('the whole job: the wizard did not show the stage added from the menu');
  return {
    whole_job_executions: jobExecutions,
    whole_job_round_trips: jobTrips,
    whole_job_modelled_wait_s:
      Math.round((jobExecutions * SECONDS_PER_EXECUTION + jobTrips * SECONDS_PER_ROUND_TRIP) * 10) /
      10,
    whole_job_poll_executions: polls,
    save_and_continue_executions: saveAndContinue,
    unchanged_step_next_executions: unchanged,
    idle_poll_executions_per_minute: idlePollsPerMinute(),
  };
}

/**
 * Polls in the second minute of an idle sidebar, by the schedule the sidebar keeps (follow.ts); the
 * browser test counts them on the real page, and none while it is hidden.
 */
function idlePollsPerMinute(): number {
  let count = 0;
  for (let t = pollDelay(0); t <= 120_000; t += pollDelay(t)) if (t > 60_000) count++;
  return count;
}
