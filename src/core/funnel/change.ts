/**
 * An expected change of one lever, as a marketer writes it in an action plan:
 * "+10%" (relative), "+2 pp" / "+2 п.п." (points of conversion), or a fraction "0.1".
 */
import { revenue, type Economics, type Lever } from './funnel';
import { parseNumber } from './numbers';

export type Change = { kind: 'relative'; value: number } | { kind: 'points'; value: number };

const POINTS = /\s*(pp|p\.p\.|п\.\s?п\.?|пп|points?|пункт(а|ов)?)\s*$/i;

export function parseChange(text: string | number): Change | null {
  if (typeof text === 'number') return Number.isFinite(text) && Math.abs(text) <= 10 ? { kind: 'relative', value: text } : null;
  const s = text.trim();
  if (POINTS.test(s)) {
    const n = parseNumber(s.replace(POINTS, ''));
    return n === null ? null : { kind: 'points', value: n };
  }
  const n = parseNumber(s);
  if (n === null) return null;
  // "10%" parses to 0.1; a bare number must already be a fraction, or it was meant as percent.
  return s.endsWith('%') || Math.abs(n) <= 1 ? { kind: 'relative', value: n } : null;
}

export type ImpactProblem = 'pointsNotConversion' | 'conversionAboveOne' | 'negativeFactor';

/** Revenue after the change minus revenue now; or why the change cannot apply. */
export function impact(e: Economics, lever: Lever, change: Change): { delta: number } | { problem: ImpactProblem } {
  if (change.kind === 'points' && lever !== 'conversion') return { problem: 'pointsNotConversion' };
  const next = { ...e };
  next[lever] = change.kind === 'points' ? e.conversion + change.value / 100 : e[lever] * (1 + change.value);
  if (lever === 'conversion' && next.conversion > 1) return { problem: 'conversionAboveOne' };
  if (next[lever] < 0) return { problem: 'negativeFactor' };
  return { delta: revenue(next) - revenue(e) };
}
