import { funnelSteps } from '../core/funnel/funnel';
import { readCounts, readLabels } from './counts';
import { FormulaError } from './errors';
import { isBlank, type Argument } from './grid';
import { toText } from './kinds';
import type { FormulaSpec } from './spec';

const NAME = 'CJM_FUNNEL';

const HEADERS = {
  en: ['Stage', 'Customers', 'Step conversion', 'Overall conversion', 'Drop-off'],
  ru: ['Этап', 'Клиенты', 'Конверсия шага', 'Общая конверсия', 'Отток'],
} as const;
const STAGE_WORD = { en: 'Stage', ru: 'Этап' } as const;

function readLanguage(arg: Argument | undefined): 'en' | 'ru' {
  if (arg === undefined || isBlank(arg as string)) return 'en';
  const lang = toText(arg as string).toLowerCase();
  if (lang === 'en' || lang === 'ru') return lang;
  throw new FormulaError(NAME, `language must be "en" or "ru"; got "${lang}"`);
}

export const CJM_FUNNEL: FormulaSpec = {
  name: NAME,
  summary: {
    en: 'A funnel table from the customers who reached each stage: step and overall conversion, drop-off.',
    ru: 'Таблица воронки по числу клиентов на каждом этапе: конверсия шага, общая конверсия, отток.',
  },
  params: [
    { name: 'counts', type: 'Array<Array<number>>', help: { en: 'Customers who reached each stage, in order (a row or a column).', ru: 'Клиенты, дошедшие до каждого этапа, по порядку (строка или столбец).' } },
    { name: 'labels', type: 'Array<Array<string>>', optional: true, help: { en: 'Stage names, aligned with counts; "Stage 1", "Stage 2"… if omitted.', ru: 'Названия этапов по порядку; по умолчанию «Этап 1», «Этап 2»…' } },
    { name: 'language', type: 'string', optional: true, help: { en: 'Header language: "en" (default) or "ru".', ru: 'Язык заголовков: "en" (по умолчанию) или "ru".' } },
  ],
  returns: {
    en: 'A table with a header row: Stage | Customers | Step conversion | Overall conversion | Drop-off.',
    ru: 'Таблица с заголовком: Этап | Клиенты | Конверсия шага | Общая конверсия | Отток.',
  },
  examples: [
    { given: { en: 'A2:A4 = 1000, 400, 100', ru: 'A2:A4 = 1000, 400, 100' }, formula: '=CJM_FUNNEL(A2:A4)', result: { en: 'step conversions 1, 0.4, 0.25; drop-off 0, 600, 300', ru: 'конверсии шагов 1; 0,4; 0,25; отток 0, 600, 300' } },
    { given: { en: 'B1:D1 = stage names, B2:D2 = counts', ru: 'B1:D1 = названия этапов, B2:D2 = клиенты' }, formula: '=CJM_FUNNEL(B2:D2, B1:D1, "ru")', result: { en: 'the same table with Russian headers', ru: 'та же таблица с русскими заголовками' } },
  ],
  run: (counts, labels, language) => {
    const lang = readLanguage(language);
    const values = readCounts(NAME, counts);
    if (values[0] === 0) {
      throw new FormulaError(NAME, 'the first stage has 0 customers, so no conversion can be computed; enter how many reached the first stage');
    }
    const names = readLabels(NAME, labels, values.length, STAGE_WORD[lang]);
    const blankIfNull = (n: number | null): number | string => (n === null ? '' : n);
    return [
      [...HEADERS[lang]],
      ...funnelSteps(values).map((s, i) => [names[i] ?? '', blankIfNull(s.customers), blankIfNull(s.step), blankIfNull(s.overall), blankIfNull(s.dropOff)]),
    ];
  },
};
