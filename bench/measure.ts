import { performance } from 'node:perf_hooks';

/**
 * Median wall time of `fn` over `runs` runs, after `warmup` unmeasured ones, in ms (3 decimals).
 */
export function medianMs(fn: () => void, runs = 21, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(times.length / 2)] ?? 0) * 1000) / 1000;
}
