import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { medianMs } from './measure';

type Fn = (...args: unknown[]) => unknown;

/** Formula throughput through the built bundle, one call over whole ranges as a sheet makes it. */
export function formulaFigures(): Record<string, number> {
  const g: Record<string, Fn> = {};
  runInNewContext(readFileSync('dist/Code.js', 'utf8'), g);
  const rows = 10_000;
  const column = (f: (i: number) => number) => Array.from({ length: rows }, (_, i) => [f(i)]);
  const leads = column((i) => 1000 + i);
  const conversion = column((i) => (i % 100) / 100);
  const check = column((i) => 500 + (i % 50));
  const purchases = column(() => 1.5);
  const counts = [Array.from({ length: 1000 }, (_, i) => 1_000_000 - i * 900)];
  const labels = [counts[0]!.map((_, i) => `Stage ${i + 1}`)];
  return {
    revenue_10k_rows_ms: medianMs(() => g.CJM_REVENUE!(leads, conversion, check, purchases), 11, 2),
    funnel_1k_stages_ms: medianMs(() => g.CJM_FUNNEL!(counts, labels), 11, 2),
    bottleneck_1k_stages_ms: medianMs(() => g.CJM_BOTTLENECK!(counts, labels), 11, 2),
  };
}
