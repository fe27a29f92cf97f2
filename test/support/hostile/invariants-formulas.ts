/**
 * Invariants of formulas: no text a user typed ever becomes a formula, and a map keeps at most five
 * custom-function cells.
 */
import { a1 } from '../../../src/core/map/layout';
import type { Grid } from './scan';
import { formulaWithoutSheetNames, TOKEN_RE } from './texts';
import type { WorldState, Observation, Ctx } from './world-state';

export function checkFormulas(world: WorldState, ctx: Ctx, after: Observation): void {
  for (const g of after.grids.values()) {
    g.formulas.forEach((line, r) => {
      line.forEach((f, c) => {
        if (!f) return;
        for (const token of formulaWithoutSheetNames(f).match(TOKEN_RE) ?? []) {
          if (!world.userTokens.has(token) || world.reportedFormulas.has(token)) continue;
          world.reportedFormulas.add(token);
          const typed = world.userTexts.find((x) => x.includes(token)) ?? token;
          world.violate(
            ctx,
            'formula',
            `'${g.name}'!${a1(r + 1, c + 1)} holds the formula ${f}, made of the user's text ${JSON.stringify(typed)}`,
          );
        }
      });
    });
  }
}

/** A map keeps at most five custom-function cells (each is an execution of its own). */
export function checkCustomFunctions(
  world: WorldState,
  ctx: Ctx,
  base: Observation,
  after: Observation,
): void {
  const count = (g: Grid | undefined) =>
    g ? g.formulas.flat().filter((f) => /\bCJM_[A-Z]+\s*\(/.test(f)).length : 0;
  for (const [id, h] of after.health) {
    if (h.kind === 'notMap') continue;
    const n = count(after.grids.get(id));
    if (n > 5 && n > count(base.grids.get(id)))
      world.violate(
        ctx,
        'custom-functions',
        `${ctx.call?.name} left ${n} custom-function cells on '${after.grids.get(id)?.name}'`,
      );
  }
}
