/**
 * What must hold after every action (the World's promises about user data): no raw error, refusals
 * in the map's language, a refused or read-only call writes nothing, damaged maps refused with the
 * place named and not written to; then the subjects' own invariants: stages, cells, numbers,
 * the user's formulas, histories, custom-function cells.
 */
import { failedChanges, otherMapWrites, unparsedFormulas, vagueRefusals } from './boundaries';
import { sameContent } from './scan';
import { languageProblem, namesThePlace } from './texts';
import type { CallInfo, Ctx, Observation, Outcome, ViolationKind, WorldState } from './world-state';
import { checkStages, checkSelection, checkOutside } from './invariants-stages';
import { checkValues } from './invariants-cells';
import { checkFormulas, checkCustomFunctions } from './invariants-formulas';

export function check(
  world: WorldState,
  ctx: Ctx,
  before: Observation,
  after: Observation,
  outcome: Outcome,
): void {
  const call = ctx.call;
  if (outcome.result === 'raw') world.violate(ctx, 'raw-error', outcome.detail);
  if (call) {
    // what a colleague did inside the call (in a dialog) is not the call's
    const base = ctx.mid ?? before;
    checkCall(world, ctx, call, base, after, outcome);
    checkStages(world, ctx, call, base, after, outcome);
    checkSelection(world, ctx, call, base, after, outcome);
    if (outcome.result === 'ok') checkOutside(world, ctx, call, base, after);
  }
  checkValues(world, ctx, after, outcome.result === 'ok' || !call);
  world.values.check(
    after.grids,
    !call,
    outcome.result === 'ok' || !call ? ctx.entitled : [],
    (k, m) => world.violate(ctx, k, m),
  );
  if (call) world.userFormulas.heard(world.stepNo, outcome.messages);
  world.userFormulas.check(world.stepNo, after.grids, !call, (m) =>
    world.violate(ctx, 'user-formula-broken', m),
  );
  const report = (k: ViolationKind, m: string) => world.violate(ctx, k, m);
  if (call) {
    world.history.check(after.grids, (g, r, c) => world.dayAt(g, r, c), report);
    checkCustomFunctions(world, ctx, ctx.mid ?? before, after);
  } else world.history.follow(after.grids);
  world.formulasUnder.check(
    after.grids,
    !!call,
    report,
    outcome.result === 'ok' ? ctx.entitled : [],
  );
  checkFormulas(world, ctx, after);
}

/**
 * A call's messages are in the language it owes; a refused or read-only call writes nothing, a
 * failed one changes nothing at all; no call writes to another map or writes a formula Sheets
 * cannot parse; and damaged maps are refused with the place named, and not written to.
 */
function checkCall(
  world: WorldState,
  ctx: Ctx,
  call: CallInfo,
  base: Observation,
  after: Observation,
  outcome: Outcome,
): void {
  for (const m of outcome.messages) {
    const problem = languageProblem(m, call.lang, world.userTexts);
    if (problem) world.violate(ctx, 'language', `${problem}: ${JSON.stringify(m)}`);
  }
  const changed = (sheetId: number): string | null => {
    const b = base.grids.get(sheetId);
    const a = after.grids.get(sheetId);
    if (!b) return null;
    if (!a) return 'the sheet was deleted';
    const same = sameContent(b, a);
    return same.same ? null : same.where;
  };
  const changes = [...base.grids.keys()].flatMap((id) => {
    const where = changed(id);
    return where ? [`'${base.grids.get(id)?.name}'!${where}`] : [];
  });
  if (outcome.result !== 'ok' && changes.length)
    world.violate(
      ctx,
      'refusal-wrote',
      `${call.name} was refused (${outcome.detail}) but changed ${changes.join('; ')}`,
    );
  else if (call.readOnly && changes.length)
    world.violate(
      ctx,
      'read-only-wrote',
      `${call.name} should only read, but changed ${changes.join('; ')}`,
    );
  for (const f of [
    ...otherMapWrites(world.wb, call.name, call.target, base, after),
    ...(outcome.result !== 'ok' && !changes.length
      ? failedChanges(call.name, outcome.detail, base, after)
      : []),
    ...(outcome.result === 'refused'
      ? vagueRefusals(world.wb, call.name, outcome.messages, !call.hostilePayload)
      : []),
    ...unparsedFormulas(world.wb, call.name, base, after),
  ])
    world.violate(ctx, f.kind, f.message);
  checkDamaged(world, ctx, call, base, outcome, changed);
}

/** Damaged maps are not written to; the one a call targets is refused, with the place named. */
function checkDamaged(
  world: WorldState,
  ctx: Ctx,
  call: CallInfo,
  base: Observation,
  outcome: Outcome,
  changed: (sheetId: number) => string | null,
): void {
  for (const [id, h] of base.health) {
    if (h.kind !== 'damaged') continue;
    const where = changed(id);
    if (where)
      world.violate(
        ctx,
        'damaged-written',
        `${call.name} wrote to the damaged map '${base.grids.get(id)?.name}' (${h.why}): ${where}`,
      );
  }
  const targetHealth = call.target === null ? undefined : base.health.get(call.target);
  if (targetHealth?.kind !== 'damaged' || call.mayProceedOnDamage) return;
  if (outcome.result === 'ok')
    world.violate(
      ctx,
      'damaged-accepted',
      `${call.name} went ahead on the damaged map '${base.grids.get(call.target!)?.name}' (${targetHealth.why})`,
    );
  else if (
    outcome.result === 'refused' &&
    !call.hostilePayload &&
    outcome.messages.length > 0 &&
    !outcome.messages.some(namesThePlace)
  )
    world.violate(
      ctx,
      'damaged-vague',
      `${call.name} refused the damaged map '${base.grids.get(call.target!)?.name}' (${targetHealth.why}) without saying where: ${JSON.stringify(outcome.messages)}`,
    );
}
