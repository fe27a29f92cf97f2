import { conversionProblem } from '../core/funnel/funnel';
import { describePosition, problem } from './errors';
import { elementwise } from './elementwise';
import { toGrid, type Argument, type CellValue } from './grid';
import { readArg } from './kinds';
import { describeNumber, messages } from './messages';
import { defineFormula, type ParamSpec } from './spec';

const NAME = 'CJM_CONVERSION';

const PARAMS = [
  {
    name: 'from_count',
    kind: 'count',
    shape: 'each',
    help: { en: 'Customers at the earlier stage.', ru: 'Клиентов на более раннем этапе.' },
  },
  {
    name: 'to_count',
    kind: 'count',
    shape: 'each',
    optional: true,
    help: {
      en: 'Customers who reached the later stage (not more than from_count). Omitted: from_count is the customers of every stage in order, and each is divided by its neighbour before it (the first stage shows 1).',
      ru: 'Дошедших до следующего этапа (не больше from_count). Если не задано, from_count — клиенты всех этапов по порядку, и каждый делится на соседа перед ним (у первого этапа 1).',
    },
  },
] as const satisfies readonly ParamSpec[];

export const CJM_CONVERSION = defineFormula({
  name: NAME,
  summary: {
    en: 'Conversion between two stages: customers who reached the next stage ÷ customers at this one.',
    ru: 'Конверсия между этапами: дошедшие до следующего этапа ÷ клиенты на этом этапе.',
  },
  params: PARAMS,
  returns: {
    en: 'A share from 0 to 1; format the cell as % to read it as a percentage. In a range, an element that cannot be computed holds a short ⚠ note ("⚠ more than the previous stage").',
    ru: 'Доля от 0 до 1; формат ячейки «%» покажет проценты. В диапазоне элемент, который не посчитать, содержит короткое ⚠ пояснение («⚠ больше, чем на предыдущем этапе»).',
  },
  examples: [
    { formula: '=CJM_CONVERSION(1000, 50)', result: { en: '0.05 (5%)', ru: '0,05 (5%)' } },
    {
      given: { en: 'B20:G20 hold customers per stage', ru: 'в B20:G20 клиенты по этапам' },
      formula: '=CJM_CONVERSION(B20:G20)',
      result: {
        en: '1, then the five step conversions (a column inserted inside B:G joins the range)',
        ru: '1, затем пять конверсий шагов (столбец, вставленный внутри B:G, входит в диапазон)',
      },
    },
    {
      given: { en: 'the same', ru: 'то же' },
      formula: '=CJM_CONVERSION($B$20, B20:G20)',
      result: {
        en: 'the overall conversion of each stage from the first',
        ru: 'общая конверсия каждого этапа от первого',
      },
    },
  ],
  evaluate: (lang, args) => {
    const call = { fn: NAME, lang };
    const t = messages(lang);
    // One range alone is the customers of every stage: each step from its neighbour. The map's
    // step row is this form, so that a column inserted or deleted inside the range keeps it whole.
    const along = args[1] === undefined && toGrid(args[0] ?? '').isRange;
    // One from_count cell for a range of to_counts is the first stage (overall conversion,
    // "=CJM_CONVERSION($C$25, C25:H25)"); a range of from_counts goes stage to stage.
    const fromFirst = !along && !toGrid(args[0] ?? '').isRange;
    const [from, to] = along ? neighbours(args[0] as Argument) : [args[0], args[1]];
    return elementwise(call, PARAMS, [from, to], (a, at) => {
      if (a.blank('from_count') || a.blank('to_count')) return '';
      // the first stage of a row of counts: its own count checked (it is from_count's), its step
      // is the whole
      if (along && at?.row === 0 && at.col === 0) {
        readArg(call, PARAMS[0], a.raw('to_count'), at);
        return 1;
      }
      const from = a.get('from_count');
      const to = a.get('to_count');
      const where = describePosition(at, lang);
      // the map's one rule for a transition (core/funnel conversionProblem)
      const why = conversionProblem(from, to);
      if (why === 'fromZero')
        throw problem(
          call,
          t.fromZero(where),
          fromFirst ? t.brief.fromZeroFirst : t.brief.fromZeroPrevious,
        );
      if (why === 'more') {
        throw problem(
          call,
          t.toAboveFrom(describeNumber(to, lang), describeNumber(from, lang), where),
          fromFirst ? t.brief.moreFirst : t.brief.morePrevious,
        );
      }
      return to / from;
    });
  },
});

/**
 * A row (or column) of counts as the two ranges of its steps: each count's neighbour before it
 * (the first count stands for itself) and the counts.
 */
function neighbours(counts: Argument): [CellValue[][], CellValue[][]] {
  const g = toGrid(counts);
  const byRow = g.rows === 1;
  const before = (r: number, c: number) =>
    byRow ? g.at(r, Math.max(c - 1, 0)) : g.at(Math.max(r - 1, 0), c);
  const shape = (cell: (r: number, c: number) => CellValue) =>
    Array.from({ length: g.rows }, (_, r) => Array.from({ length: g.cols }, (_, c) => cell(r, c)));
  return [shape(before), shape(g.at)];
}
