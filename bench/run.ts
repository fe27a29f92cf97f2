/** npm run bench: one JSON object of figures (see docs/benchmarks.md). */
import { bundleFigures } from './bundle';
import { formulaFigures } from './formulas';
import { measureNewMap, measureStart } from './workbench';
import { mapFigures } from './maps';
import { posterFigures } from './poster';
import { reviewFigures } from './review';
import { scaleFigures } from './scale';
import { wholeJobFigures } from './whole-job';
import { hostileFigures } from '../test/support/hostile';

const figures = {
  ...bundleFigures(),
  ...formulaFigures(),
  ...mapFigures(),
  // A marketer's whole job as the sidebar calls it (bench/whole-job.ts): executions and waiting.
  ...wholeJobFigures(),
  // The one-page journey poster of the example map at 30 stages (bench/poster.ts).
  ...posterFigures(),
  // Recording a review of 40 stages with 120 periods of history (bench/review.ts).
  ...reviewFigures(),
  // The emulator at scale (bench/scale.ts): 100 maps of 30 stages in one workbook.
  ...scaleFigures(),
  workbench_start_ms: Math.round(await measureStart()),
  workbench_new_map_ms: Math.round(await measureNewMap()),
  // Hostile use (test/support/hostile): seeded sequences of 30–40 steps; violations counted, 0 is
  // the aim.
  ...hostileFigures(Number(process.env.HOSTILE_BENCH_RUNS ?? 200)),
};
console.log(JSON.stringify(figures, null, 2));
