/**
 * What a period's inputs come to, by the map's own rules: a period is read as the map would be if
 * its stages (in today's order, with today's roles) held that period's customers, targets and
 * scores, so the history, the map and the wizard never disagree on a figure.
 */
import { computeMetrics, mapFunnel, type Metrics } from '../map/metrics';
import { emptyContent, type Journey, type Stage } from '../map/journey';
import type { Period } from './history';

export interface PeriodFigures {
  /** per stage of the map (today's order): step conversion into it, null where it cannot be told */
  step: (number | null)[];
  /** per stage: the period's target step conversion */
  target: (number | null)[];
  metrics: Metrics;
}

/** The map as it would be with the period's inputs (stages it has no column for are blank). */
export function journeyOfPeriod(map: Journey, p: Period): Journey {
  const stages: Stage[] = map.stages.map((s) => ({
    ...s,
    content: { ...emptyContent(), score: p.score[s.id] ?? '' },
    customers: p.customers[s.id] ?? '',
    target: p.target[s.id] ?? '',
  }));
  return { ...map, stages, avgCheck: p.avgCheck ?? '', purchases: p.purchases ?? '' };
}

export function periodFigures(map: Journey, p: Period): PeriodFigures {
  const j = journeyOfPeriod(map, p);
  const funnel = mapFunnel(j);
  return {
    step: funnel.steps.map((s, i) => (i === 0 ? null : s.step)),
    target: funnel.targets.map((x) => (typeof x === 'number' ? x : null)),
    metrics: computeMetrics(j, funnel),
  };
}

/** The inputs a review records from the map as it is now: what its cells hold, numbers as numbers. */
export interface RecordedInputs {
  avgCheck: unknown;
  purchases: unknown;
  customers: Record<string, unknown>;
  target: Record<string, unknown>;
  score: Record<string, unknown>;
}

export function inputsOfMap(map: Journey): RecordedInputs {
  const of = (pick: (s: Stage) => unknown) =>
    Object.fromEntries(map.stages.map((s) => [s.id, pick(s)]));
  return {
    avgCheck: map.avgCheck,
    purchases: map.purchases,
    customers: of((s) => s.customers),
    target: of((s) => s.target),
    score: of((s) => s.content.score),
  };
}
