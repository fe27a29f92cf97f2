/** How the wizard names a field to a screen reader and in its error summary. */
import type { FieldView, Lang, StepView } from '../../src/contract';
import { t } from '../../src/core/words/i18n-ui';
import type { Draft } from './values';

/** The accessible name of a stage's cell: "Stage 2: Purchase — Customer actions". */
export function cellLabel(
  lang: Lang,
  index: number,
  stageName: string,
  fieldLabel: string,
): string {
  return `${t(lang, 'wizard.stage', { n: index + 1, name: stageName })} — ${fieldLabel}`;
}

/**
 * A field as the error summary names it: a stage's cell with its stage ("Stage 2: Purchase —
 * Customers reaching the stage"), a plan action's with its number ("2. Action — Expected change").
 */
export function fieldName(
  lang: Lang,
  id: string,
  fields: readonly FieldView[],
  view: StepView | null,
  draft: Draft,
): string | undefined {
  const plan = /^actions?\.(\d+)\.(action|stage|lever|change|owner|deadline|status)$/.exec(id);
  if (plan) {
    const column = plan[2] as
      | 'action'
      | 'stage'
      | 'lever'
      | 'change'
      | 'owner'
      | 'deadline'
      | 'status';
    return `${Number(plan[1]) + 1}. ${t(lang, 'plan.action')} — ${t(lang, `plan.${column}`)}`;
  }
  const label = fields.find((f) => f.id === id)?.label;
  const stage = /^stage\.(\d+)\./.exec(id);
  if (!label || !stage) return label;
  const i = Number(stage[1]);
  return cellLabel(lang, i, draft[`stage.${i}.header`] || (view?.stages[i]?.name ?? ''), label);
}
