/**
 * The invariant of the texts a user typed: each is still in its sheet (or a copy), under the same
 * stage, unless the user removed it (or a command they confirmed did).
 */
import { a1 } from '../../../src/core/map/layout';
import { stageColumns } from './scan';
import { tokensIn } from './texts';
import type { WorldState, Tracked, Observation, Ctx } from './world-state';

export function checkValues(
  world: WorldState,
  ctx: Ctx,
  after: Observation,
  entitledApply: boolean,
): void {
  // Where each text is now: sheet → text → stages of the cells holding it.
  const index = new Map<number, Map<string, (string | null)[]>>();
  const columnStages = new Map<number, Map<number, string>>();
  for (const [id, g] of after.grids) {
    const byText = new Map<string, (string | null)[]>();
    const stageOf = stageColumns(g);
    columnStages.set(id, stageOf);
    g.values.forEach((line, r) => {
      line.forEach((v, c) => {
        if (typeof v !== 'string' || v === '' || g.formulas[r]?.[c] || g.spilled.has(`${r},${c}`))
          return;
        const list = byText.get(v) ?? [];
        list.push(stageOf.get(c + 1) ?? null);
        byText.set(v, list);
      });
    });
    index.set(id, byText);
  }
  // A user's own structural edit can remove a stage marker: the values of that column keep their
  // sheet only.
  if (!ctx.call) {
    for (const t of world.tracked) {
      const stages = columnStages.get(t.sheetId);
      if (t.stage !== null && stages && ![...stages.values()].includes(t.stage)) t.stage = null;
    }
  }
  const groups = new Map<string, Tracked[]>();
  for (const t of world.tracked) {
    const k = `${t.sheetId}\u0000${t.stage ?? ''}\u0000${t.text}`;
    groups.set(k, [...(groups.get(k) ?? []), t]);
  }
  const gone = new Set<Tracked>();
  // Cells holding a text under a stage go to the values typed under that stage first; the
  // values typed outside any stage take the cells left.
  const claimed = new Map<string, number>();
  const ordered = [...groups.values()].sort(
    (a, b) => Number(a[0]!.stage === null) - Number(b[0]!.stage === null),
  );
  for (const list of ordered) {
    const first = list[0]!;
    const where = index.get(first.sheetId)?.get(first.text) ?? [];
    const key = `${first.sheetId}\u0000${first.text}`;
    let available: number;
    if (first.stage === null) available = where.length - (claimed.get(key) ?? 0);
    else {
      available = where.filter((s) => s === first.stage).length;
      claimed.set(key, (claimed.get(key) ?? 0) + Math.min(available, list.length));
    }
    if (available >= list.length) continue;
    for (const t of list.slice(available)) {
      gone.add(t);
      if (t.volatile) continue;
      const entitled =
        entitledApply &&
        ctx.entitled.some(
          (e) =>
            e.sheetId === t.sheetId &&
            !e.formula &&
            (e.text === '*' || e.text === t.text) &&
            (e.stage === '*' || e.stage === t.stage),
        );
      if (entitled) continue;
      world.violate(ctx, where.length > 0 ? 'wrong-stage' : 'lost', describeLoss(t, after, where));
    }
  }
  if (gone.size) world.tracked = world.tracked.filter((t) => !gone.has(t));
}

function describeLoss(t: Tracked, after: Observation, where: (string | null)[]): string {
  const sheet = after.grids.get(t.sheetId);
  const what = `${JSON.stringify(t.text)} (typed ${t.origin}${t.stage ? `, stage ${t.stage}` : ''})`;
  if (!sheet) return `${what}: its sheet is gone`;
  if (where.length > 0)
    return `${what} is now under ${where.map((s) => (s ? `stage ${s}` : 'no stage')).join(', ')} in '${sheet.name}'`;
  const token = tokensIn(t.text)[0];
  const elsewhere: string[] = [];
  for (const g of after.grids.values()) {
    g.values.forEach((line, r) => {
      line.forEach((v, c) => {
        const f = g.formulas[r]?.[c] ?? '';
        const hit = token
          ? String(v).includes(token) || f.includes(token)
          : v === t.text || String(v) === t.text;
        if (hit)
          elsewhere.push(
            `'${g.name}'!${a1(r + 1, c + 1)} = ${f ? `formula ${f}` : JSON.stringify(v)}`,
          );
      });
    });
  }
  return `${what} is no longer in '${sheet.name}'${elsewhere.length ? `; found: ${elsewhere.slice(0, 3).join('; ')}` : ''}`;
}
