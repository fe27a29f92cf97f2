/** npm run bench: one JSON object of figures (see the README's Benchmarks section). */
import { bundleFigures } from './bundle';
import { formulaFigures } from './formulas';

const figures = { ...bundleFigures(), ...formulaFigures() };
console.log(JSON.stringify(figures, null, 2));
