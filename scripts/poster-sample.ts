/**
 * The worked example (fitness club) with an action plan, for a poster made offline
 * (`npm run poster -- --example`) and for the benchmark. With more stages than the
 * example's six, its stages repeat (numbered) over a longer funnel, as a big map would.
 */
import { exampleJourney } from '../src/core/map/example';
import type { Journey } from '../src/core/map/journey';
import { computeMetrics } from '../src/core/map/metrics';
import { rolesByPosition } from '../src/core/map/stages';
import { actionImpact } from '../src/core/wizard/action-plan';
import type { Lang } from '../src/core/words/i18n';
import type { PosterAction } from '../src/core/poster/poster';

/** A plan for the example: [action, stage index, lever, change, owner]. */
const PLAN: Record<Lang, [string, number, 'L' | 'C' | 'P' | 'Q', string, string][]> = {
  ru: [
    ['Пробная тренировка с тренером и планом на месяц', 1, 'C', '+3 п.п.', 'Отдел продаж'],
    ['Рассрочка без переплаты и оплата по ссылке', 2, 'P', '+10%', 'Финансы'],
    ['Реферальная программа: месяц в подарок за друга', 5, 'L', '+15%', 'Маркетинг'],
    ['Звонок тренера после двух недель без визитов', 4, 'Q', '+10%', 'Тренеры'],
  ],
  en: [
    ['Trial workout with a coach and a one-month plan', 1, 'C', '+3 pp', 'Sales'],
    ['Instalments at no extra cost, payment by link', 2, 'P', '+10%', 'Finance'],
    ['Refer-a-friend: a free month for every friend', 5, 'L', '+15%', 'Marketing'],
    ['Coach calls after two weeks without a visit', 4, 'Q', '+10%', 'Coaches'],
  ],
};

/** Step conversions of the example's funnel, softened so a long one does not run dry. */
const STEP_RATES = [0.8, 0.7, 0.97, 0.9, 0.9];

export function sampleJourney(lang: Lang, stages = 6): Journey {
  const example = { id: 'EXAMPLE', ...exampleJourney(lang) };
  if (stages === example.stages.length) return example;
  const roles = rolesByPosition(stages);
  let customers = 100_000;
  return {
    ...example,
    stages: Array.from({ length: stages }, (_, i) => {
      const base = example.stages[i % example.stages.length]!;
      if (i > 0)
        customers = Math.round(customers * (STEP_RATES[(i - 1) % STEP_RATES.length] ?? 0.8));
      const round = Math.floor(i / example.stages.length);
      return {
        ...base,
        id: `${base.id.slice(0, 6)}${String(i).padStart(2, '0')}`,
        name: round === 0 ? base.name : `${base.name} ${round + 1}`,
        role: roles[i] ?? 'Q',
        content: { ...base.content },
        customers,
        target: i === 0 ? '' : (STEP_RATES[(i - 1) % STEP_RATES.length] ?? 0.8) + 0.05,
      };
    }),
  };
}

/**
 * The example's plan, each action's impact computed from the journey's economics as the sheet
 * computes it.
 */
export function sampleActions(j: Journey): PosterAction[] {
  const m = computeMetrics(j);
  const economics =
    m.leads !== null && m.conversion !== null && m.avgCheck !== null && m.purchases !== null
      ? { leads: m.leads, conversion: m.conversion, avg_check: m.avgCheck, purchases: m.purchases }
      : null;
  return PLAN[j.lang].map(([action, stage, lever, change, owner]) => ({
    action,
    stage: j.stages[stage]?.name ?? '',
    lever,
    change,
    owner,
    impact: actionImpact(economics, { lever, change }),
  }));
}
