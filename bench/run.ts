/** npm run bench: one JSON object of figures (see the README's Benchmarks section). */
import { bundleFigures } from './bundle';
import { formulaFigures } from './formulas';
import { measureNewMap, measureStart } from '../dev/workbench/bench';
import { mapFigures } from './maps';
import { scaleFigures } from './scale';

const figures = {
  ...bundleFigures(),
  ...formulaFigures(),
  ...mapFigures(),
  // The emulator at scale (bench/scale.ts): 100 maps of 30 stages in one workbook.
  ...scaleFigures(),
  workbench_start_ms: Math.round(await measureStart()),
  workbench_new_map_ms: Math.round(await measureNewMap()),
};
console.log(JSON.stringify(figures, null, 2));
