/**
 * What every part of the poster reads, worked out once: the map's funnel and figures, the plan
 * ranked by impact, the words of its reviews, and the map's language and money.
 */
import { formatMoney, formatNumber, formatShare } from '../funnel/numbers';
import { currencyOf } from '../map/formats';
import type { Journey } from '../map/journey';
import { computeMetrics, mapFunnel, type MapFunnel, type Metrics } from '../map/metrics';
import { formatDate } from '../map/dates';
import type { ReviewSummary } from '../review/summary';
import { rankActions } from '../wizard/action-plan';
import { t, type MessageKey } from '../words/i18n';

/** An action of the plan as the poster shows it (the wizard's ActionRow fits). */
export interface PosterAction {
  action: string;
  stage: string;
  lever: string;
  change: string;
  owner?: string;
  /** revenue impact; null while it cannot be computed */
  impact: number | null;
}

export interface PosterInput {
  journey: Journey;
  /** the plan, in any order: the poster ranks it by impact */
  actions: readonly PosterAction[];
  /** the spreadsheet locale ("ru_RU"), for the currency; the map's language decides the rest */
  locale: string;
  /** the map's reviews: the day its figures are as of, the revenue's change, progress to the goal */
  review?: ReviewSummary | null;
}

export interface PosterView {
  j: Journey;
  lang: Journey['lang'];
  tr: (key: MessageKey, vars?: Record<string, string | number>) => string;
  num: (n: number) => string;
  money: (n: number) => string;
  m: Metrics;
  counts: MapFunnel['counts'];
  steps: MapFunnel['steps'];
  /** each stage's target step conversion, or null */
  targets: (number | null)[];
  /** the weakest transition's stage, or -1 */
  weakest: number;
  /** the plan's actions with words, best impact first */
  ranked: PosterAction[];
  reviewed: ReviewWords;
  /** the map's name, and its segment · product */
  name: string;
  sub: string;
}

export function posterView(input: PosterInput): PosterView {
  const j = input.journey;
  const lang = j.lang;
  // the map's funnel by the rule its formulas use (map/metrics mapFunnel), as the sheet shows it
  const funnel = mapFunnel(j);
  const currency = currencyOf(input.locale);
  const money = (n: number) => formatMoney(n, lang, currency);
  const tr = (key: MessageKey, vars?: Record<string, string | number>) => t(lang, key, vars);
  return {
    j,
    lang,
    tr,
    num: (n: number) => formatNumber(n, lang),
    money,
    m: computeMetrics(j, funnel),
    counts: funnel.counts,
    steps: funnel.steps,
    targets: funnel.targets.map((g) => (typeof g === 'number' ? g : null)),
    weakest: funnel.weakest ?? -1,
    ranked: rankActions(input.actions.filter((a) => a.action.trim() !== '')),
    reviewed: reviewWords(input.review, lang, money),
    name: String(j.title.name).trim() || tr('map.title'),
    sub: [j.title.segment, j.title.product]
      .map((v) => String(v).trim())
      .filter(Boolean)
      .join(' · '),
  };
}

interface ReviewWords {
  asOf: string[];
  change: string | null;
  goal: string[];
}

/**
 * What the poster says of the map's reviews: the day its figures are as of (in the caption), the
 * revenue's change since the last review (under the revenue) and progress to the goal (in the
 * footer line); nothing for a map never reviewed.
 */
function reviewWords(
  r: ReviewSummary | null | undefined,
  lang: Journey['lang'],
  money: (n: number) => string,
): ReviewWords {
  if (!r) return { asOf: [], change: null, goal: [] };
  const signed = (n: number) => `${n >= 0 ? '+' : '−'}${money(Math.abs(n))}`;
  return {
    asOf: [t(lang, 'review.asOf', { date: formatDate(r.asOf, lang) })],
    change:
      r.revenueChange === null || r.periods.length < 2
        ? null
        : t(lang, 'review.changeShort', { change: signed(r.revenueChange) }),
    goal:
      r.goal === null || r.progress === null
        ? []
        : [
            t(lang, 'review.goalShort', {
              goal: money(r.goal),
              share: formatShare(r.progress, lang),
            }),
          ],
  };
}
