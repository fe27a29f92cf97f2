/**
 * The emulator at scale: the built bundle driven as the tests drive it
 * (test/support/addon.ts: createMap through google.script.run, then menu commands), in one
 * workbook that grows to `maps` maps of `stages` stages.
 *
 *   create_map_ms_1st / create_map_ms_100th   wall time of createMap for the first and the
 *                                             last map (the 100th with the default size);
 *                                             target: 100th ≤ 1.5 × 1st
 *   add_stage_ms_100_maps                     Add stage on a map of that full workbook (median
 *                                             of a few runs); target ≤ 100 ms
 *
 * Run alone: `npm run build && node --import tsx bench/scale.ts [maps]`.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createWorkbook, htmlFilesIn, loadAddon } from '../emulator/index';
import { newMapForm } from './maps';

export interface ScaleFigures {
  create_map_ms_1st: number;
  create_map_ms_100th: number;
  add_stage_ms_100_maps: number;
  [key: string]: number;
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

/** Creates `maps` maps one after another in one workbook; the times of each createMap. */
function createMaps(
  code: string,
  files: Record<string, string>,
  maps: number,
  stages: number,
  log: (line: string) => void,
) {
  const wb = createWorkbook({ locale: 'en_US' });
  wb.ui.responder = () => 'OK';
  const addon = loadAddon(wb, code, files);
  const times: number[] = [];
  let last = '';
  for (let i = 1; i <= maps; i++) {
    const t0 = performance.now();
    const result = addon.callFromClient('createMap', newMapForm(stages, `Map ${i}`)) as {
      ok: boolean;
      sheetName: string;
    };
    times.push(performance.now() - t0);
    if (!result.ok) throw new Error(`createMap refused map ${i}: ${JSON.stringify(result)}`);
    last = result.sheetName;
    if (i % 10 === 0) log(`map ${i}: ${round(times[i - 1] ?? 0)} ms`);
  }
  return { wb, addon, times, last };
}

/**
 * Add stage after the fourth stage of the last map (timed), then Remove stage on it (not timed).
 */
function addThenRemove(w: ReturnType<typeof createMaps>): number {
  w.wb.range(w.last, 'E8').activate();
  const t0 = performance.now();
  w.addon.run('addStage');
  const ms = performance.now() - t0;
  w.wb.range(w.last, 'F8').activate();
  w.addon.run('removeStage');
  return ms;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

/**
 * Creates `maps` maps one after another, then times Add stage in the full workbook. A first,
 * discarded workbook of 10 maps warms the JIT up; "1st" and "100th" are the medians of the
 * first and of the last five maps (single runs are at the mercy of a garbage collection).
 */
export function scaleFigures(
  maps = 100,
  stages = 30,
  log: (line: string) => void = () => {},
): ScaleFigures {
  const code = readFileSync('dist/Code.js', 'utf8');
  const files = htmlFilesIn('dist');
  const warm = createMaps(code, files, Math.min(10, maps), stages, () => {});
  for (let i = 0; i < 5; i++) addThenRemove(warm);
  const full = createMaps(code, files, maps, stages, log);
  // Add stage on the last map of the full workbook, after its fourth stage (column E), then
  // Remove stage on the new one (not timed), a few times.
  const addStage: number[] = [];
  for (let i = 0; i < 5; i++) addStage.push(addThenRemove(full));
  const { times } = full;
  return {
    create_map_ms_1st: round(median(times.slice(0, 5))),
    create_map_ms_100th: round(median(times.slice(-5))),
    add_stage_ms_100_maps: round(median(addStage)),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const maps = Number(process.argv[2] ?? 100);
  console.log(
    JSON.stringify(
      scaleFigures(maps, 30, (l) => console.error(l)),
      null,
      2,
    ),
  );
}
