/**
 * The wizard's action plan saved: its actions' texts tracked on the plan sheet.
 */
import type { SaveResult } from '../../../src/contract';
import type { ActionPick, ColleagueStep } from './steps';
import type { WorldState, Entitled } from './world-state';
import { callClient } from './act';
import { clientFrom, clientOr, colleague } from './steps-wizard';

export function savePlan(
  world: WorldState,
  mapId: string,
  picks: ActionPick[],
  fresh: boolean,
  colleagueStep: ColleagueStep | null,
): void {
  const client = clientOr(world, mapId, 'plan', fresh);
  if (!client) return;
  if (colleagueStep) colleague(world, mapId, colleagueStep);
  // (an action on a step names its stage: the sidebar offers the map's stages)
  const levers = ['L', 'C', 'P', 'Q', '', 'step'];
  const changes = ['+10%', '+2 pp', '', '-5%', '+1 pp'];
  const tracked: string[] = [];
  const actions = picks.map((p) => {
    const action = world.text(p.action);
    const owner = world.text(p.owner);
    tracked.push(action, owner);
    const lever = levers[p.lever % levers.length]!;
    return {
      action,
      stage: client.viewStages.length
        ? client.viewStages[p.stage % client.viewStages.length]!.name
        : '',
      lever,
      change:
        lever === 'C' || lever === '' || lever === 'step'
          ? changes[p.change % changes.length]!
          : changes[p.change % 2 === 0 ? 0 : 3]!,
      owner,
      deadline: p.change % 2 ? '2026-03-01' : '',
      status: client.statuses.length ? client.statuses[p.status % client.statuses.length]! : '',
      start: p.status % 2 ? '2026-02-01' : '',
      impact: null,
    };
  });
  const planSheet = world.planSheetId(mapId);
  const loaded = new Set(
    [...client.actions.flatMap((a) => Object.values(a)), ...client.planTexts].filter(
      (t) => t !== '',
    ),
  );
  const entitled: Entitled[] =
    planSheet === null
      ? []
      : [...loaded].map((text) => ({ sheetId: planSheet, text, stage: null }));
  callClient(
    world,
    `wizard savePlan of map ${mapId}: ${actions.length} actions ${JSON.stringify(actions.map((a) => a.action))}`,
    'savePlan',
    { mapId, actions, base: client.actions },
    { readOnly: false, target: world.mapSheetId(mapId) },
    { entitled },
    (result, _b, after) => {
      const r = result as SaveResult;
      if (!r.ok) return;
      const sheetId = world.planSheetId(mapId);
      if (sheetId !== null)
        for (const t of tracked) world.track(t, sheetId, null, 'in the action plan');
      const next = clientFrom(world, mapId, r.state, after);
      if (next) world.clients.set(mapId, next);
    },
  );
}
