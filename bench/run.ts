/** npm run bench: one JSON object of figures (see the README's Benchmarks section). */
import { bundleFigures } from './bundle';
import { formulaFigures } from './formulas';
import { measureNewMap, measureStart } from '../dev/workbench/bench';
import { mapFigures } from './maps';

const figures = {
  ...bundleFigures(),
  ...formulaFigures(),
  ...mapFigures(),
  workbench_start_ms: Math.round(await measureStart()),
  workbench_new_map_ms: Math.round(await measureNewMap()),
};
console.log(JSON.stringify(figures, null, 2));
