/**
 * Running one action with the invariants checked around it: a user action in the grid, a
 * server call as the sidebar makes it, a menu command (its alerts and the add-on's dialogs
 * answered), and how an answer is classified.
 */
import type { DialogResult, WizardState } from '../../../src/contract';
import type { Lang } from '../../../src/core/words/i18n';
import { bootOf } from '../addon';
import {
  type WorldState,
  EmulatorLimit,
  type Entitled,
  type Observation,
  type CallInfo,
  type Ctx,
  type Outcome,
} from './world-state';
import { check } from './invariants';
import { checkView } from './invariants-stages';

/**
 * Runs one action with the checks around it. `perform` returns the outcome; the checks
 * compare the workbook before and after.
 */
export function act(
  world: WorldState,
  ctx: Ctx,
  perform: () => Outcome,
  afterOk?: (before: Observation, after: Observation) => void,
): Outcome {
  const before = world.observe();
  ctx.shown = world.shown();
  let outcome: Outcome;
  world.cache = null;
  try {
    outcome = perform();
  } catch (e) {
    // Only the emulator or this harness gets here (calls catch their own errors).
    outcome = {
      result: 'raw',
      messages: [],
      detail: `harness: ${(e as Error).stack ?? String(e)}`,
    };
  }
  if (outcome.result === 'raw' && ENGINE_LOST_RANGE.test(outcome.detail))
    throw new EmulatorLimit(`${ctx.label}: ${outcome.detail.slice(0, 200)}`);
  const after = world.observeFresh();
  world.cache = after;
  world.log.push(`${ctx.label} → ${outcome.result}${outcome.detail ? `: ${outcome.detail}` : ''}`);
  if (outcome.result === 'ok' && afterOk) afterOk(before, after);
  check(world, ctx, before, after, outcome);
  return outcome;
}

/** A user action in the grid: `perform` returns what the user removed on purpose. */
export function userAct(
  world: WorldState,
  label: string,
  perform: () => Entitled[],
  after?: (before: Observation, after: Observation) => void,
): void {
  const ctx: Ctx = { label: world.label(label), entitled: [] };
  act(
    world,
    ctx,
    () => {
      // What the user removes themselves goes wherever its stage marker went.
      try {
        ctx.entitled = perform().map((e) => ({ ...e, stage: '*' }));
      } catch (e) {
        // Sheets refuses what cannot be done (a column past the edge, the last sheet): nothing
        // happened.
        if ((e as Error).name !== 'Exception') throw e;
        return { result: 'ok', messages: [], detail: `nothing done: ${(e as Error).message}` };
      }
      return { result: 'ok', messages: [], detail: '' };
    },
    after,
  );
}

/** A server call as the sidebar makes it; the outcome classifies the answer. */
export function callClient(
  world: WorldState,
  label: string,
  fn: string,
  payload: unknown,
  info: Omit<CallInfo, 'name' | 'lang'> & { lang?: Lang },
  ctxExtra: Partial<Ctx> = {},
  afterOk?: (result: unknown, before: Observation, after: Observation) => void,
): unknown {
  let result: unknown;
  const langBase = world.observe();
  const ctx: Ctx = {
    label: world.label(label),
    entitled: [],
    ...ctxExtra,
    call: { name: fn, lang: world.lang, ...info },
  };
  act(
    world,
    ctx,
    () => {
      if (ctx.call && info.lang === undefined)
        ctx.call.lang = world.langOfSheet(langBase, info.target);
      try {
        result = world.s.addon.callFromClient(fn, payload);
      } catch (e) {
        const err = e as Error;
        if (err.name === 'UserError')
          return {
            result: 'refused',
            messages: [err.message],
            detail: `UserError: ${err.message}`,
          };
        return {
          result: 'raw',
          messages: [],
          detail: `${err.name}: ${err.message} ${(err.stack ?? '').split('\n').slice(1, 3).join(' ').trim()}`,
        };
      }
      return classify(result);
    },
    (before, after) => {
      checkView(world, ctx, result, after);
      afterOk?.(result, before, after);
    },
  );
  return result;
}

/**
 * A menu command; alerts are answered by `world.answer`, and so are the add-on's own dialogs
 * (Remove stage, Rename map), the way their pages answer: "Yes" / "OK" call the dialog's
 * server function with what the dialog was shown with, "No" / "Cancel" just close it.
 */
export function menuCall(world: WorldState, ctx: Ctx, handler: string): Outcome {
  const requests = world.wb.ui.requests.length;
  const toasts = world.wb.ui.toasts.length;
  const surfaces = world.wb.ui.surfaces.length;
  const raw = (e: unknown): Outcome => {
    const err = e as Error;
    return {
      result: 'raw',
      messages: [],
      detail: `${err.name}: ${err.message} ${(err.stack ?? '').split('\n').slice(1, 3).join(' ').trim()}`,
    };
  };
  try {
    world.s.addon.run(handler);
  } catch (e) {
    return raw(e);
  }
  const shown = world.wb.ui.requests.slice(requests);
  const dialogs = world.wb.ui.surfaces
    .slice(surfaces)
    .filter((x) => x.kind === 'modal')
    .map((x) => bootOf(x.html))
    .filter((b) => b?.view === 'removeStage' || b?.view === 'renameMap');
  const messages = [
    ...shown.flatMap((r) => [r.request.title ?? '', r.request.prompt].filter((x) => x !== '')),
    ...world.wb.ui.toasts.slice(toasts).map((t) => t.message),
    ...dialogs.flatMap((d) =>
      d?.view === 'removeStage' ? [d.title, d.body] : d?.view === 'renameMap' ? [d.label] : [],
    ),
  ];
  const alerts = shown.filter((r) => r.request.kind === 'alert' && r.request.buttons === 'OK');
  if (alerts.length)
    return {
      result: 'refused',
      messages,
      detail: alerts.map((a) => a.request.prompt).join(' | '),
    };
  const dialog = dialogs.at(-1);
  const answered = (fn: string, req: unknown, detail: string): Outcome => {
    let r: DialogResult;
    try {
      r = world.s.addon.callFromClient(fn, req) as DialogResult;
    } catch (e) {
      return raw(e);
    }
    if (!r.ok) return { result: 'refused', messages: [...messages, r.message], detail: r.message };
    return { result: 'ok', messages, detail };
  };
  if (dialog?.view === 'removeStage') {
    const colleague = world.answer.inDialog;
    world.answer.inDialog = null;
    colleague?.();
    if (world.answer.confirm !== 'YES')
      return { result: 'cancelled', messages, detail: 'answered No' };
    return answered(
      'removeStageConfirmed',
      {
        mapId: dialog.mapId,
        sheetId: dialog.sheetId,
        stageId: dialog.stageId,
        token: dialog.token,
        lang: dialog.lang,
      },
      'confirmed',
    );
  }
  if (dialog?.view === 'renameMap') {
    const prompt = world.answer.prompt;
    if (prompt?.button !== 'OK')
      return { result: 'cancelled', messages, detail: 'cancelled the prompt' };
    return answered(
      'renameMapTo',
      { mapId: dialog.mapId, sheetId: dialog.sheetId, name: prompt.text, lang: dialog.lang },
      '',
    );
  }
  void ctx;
  return { result: 'ok', messages, detail: '' };
}

const ENGINE_LOST_RANGE = /Range does not exist[\s\S]*hyperformula/;

function classify(result: unknown): Outcome {
  if (
    result !== null &&
    typeof result === 'object' &&
    'ok' in result &&
    (result as { ok: unknown }).ok === false
  ) {
    const r = result as {
      fieldErrors?: Record<string, string>;
      conflicts?: { label: string }[];
      message?: string;
      confirm?: string;
    };
    const messages = [
      ...Object.values(r.fieldErrors ?? {}),
      ...(r.message ? [r.message] : []),
      ...(r.confirm ? [r.confirm] : []),
    ];
    const detail = r.fieldErrors
      ? `fieldErrors ${JSON.stringify(r.fieldErrors)}`
      : r.conflicts
        ? `conflicts on ${r.conflicts.map((c) => (c as { id?: string }).id ?? c.label).join(', ')}`
        : r.confirm
          ? `asks: ${r.confirm}`
          : `message: ${r.message}`;
    return { result: r.confirm ? 'cancelled' : 'refused', messages, detail };
  }
  const state = (result as { state?: WizardState } | null)?.state;
  const notice =
    [state?.notice, state?.problem].filter(Boolean).join(' ') ||
    (result as { notice?: string } | null)?.notice;
  return {
    result: 'ok',
    messages: notice ? [notice] : [],
    detail: notice ? `notice: ${notice}` : '',
  };
}
