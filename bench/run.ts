/** npm run bench: one JSON object of figures (see the README's Benchmarks section). */
import { bundleFigures } from './bundle';
import { formulaFigures } from './formulas';
import { mapFigures } from './maps';

const figures = { ...bundleFigures(), ...formulaFigures(), ...mapFigures() };
console.log(JSON.stringify(figures, null, 2));
