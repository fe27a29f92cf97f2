import { funnelSteps } from '../core/funnel/funnel';
import { readCounts, readLabels } from './counts';
import { callProblem, warning, type Call } from './errors';
import { readArg } from './kinds';
import { messages } from './messages';
import { defineFormula, type ParamSpec } from './spec';

const NAME = 'CJM_FUNNEL';

const PARAMS = [
  {
    name: 'counts',
    kind: 'count',
    shape: 'row',
    help: {
      en: 'Customers who reached each stage, in order (a row or a column).',
      ru: 'Клиенты, дошедшие до каждого этапа, по порядку (строка или столбец).',
    },
  },
  {
    name: 'labels',
    kind: 'text',
    shape: 'row',
    optional: true,
    help: {
      en: 'Stage names, a range of the same shape as counts; "Stage 1", "Stage 2"… if omitted or blank.',
      ru: 'Названия этапов, диапазон той же формы, что counts; «Этап 1», «Этап 2»…, если не заданы или пусты.',
    },
  },
  {
    name: 'language',
    kind: 'language',
    shape: 'cell',
    optional: true,
    help: {
      en: 'Language of headers and notes: "en" or "ru"; the spreadsheet\'s language if omitted.',
      ru: 'Язык заголовков и пояснений: "en" или "ru"; по умолчанию язык таблицы.',
    },
  },
] as const satisfies readonly ParamSpec[];
const [COUNTS, LABELS, LANGUAGE] = PARAMS;

export const CJM_FUNNEL = defineFormula({
  name: NAME,
  summary: {
    en: 'A funnel table from the customers who reached each stage: step and overall conversion, drop-off.',
    ru: 'Таблица воронки по числу клиентов на каждом этапе: конверсия шага, общая конверсия, отток.',
  },
  params: PARAMS,
  returns: {
    en: 'A table with a header row: Stage | Customers | Step conversion | Overall conversion | Drop-off. A stage whose count is wrong shows a short ⚠ note and the others are computed.',
    ru: 'Таблица с заголовком: Этап | Клиенты | Конверсия шага | Общая конверсия | Отток. У этапа с неверным числом — короткое ⚠ пояснение, остальные считаются.',
  },
  examples: [
    {
      given: { en: 'A2:A4 = 1000, 400, 100', ru: 'A2:A4 = 1000, 400, 100' },
      formula: '=CJM_FUNNEL(A2:A4)',
      result: {
        en: 'step conversions 1, 0.4, 0.25; drop-off 0, 600, 300',
        ru: 'конверсии шагов 1; 0,4; 0,25; отток 0, 600, 300',
      },
    },
    {
      given: {
        en: 'B1:D1 = stage names, B2:D2 = counts',
        ru: 'B1:D1 = названия этапов, B2:D2 = клиенты',
      },
      formula: '=CJM_FUNNEL(B2:D2, B1:D1, "ru")',
      result: {
        en: 'the same table with Russian headers',
        ru: 'та же таблица с русскими заголовками',
      },
    },
  ],
  evaluate: (userLang, [counts, labels, language]) => {
    // the language argument (omitted: the spreadsheet's) speaks every word after it
    const lang = readArg({ fn: NAME, lang: userLang }, LANGUAGE, language);
    const call: Call = { fn: NAME, lang };
    const t = messages(lang);
    const read = readCounts(call, COUNTS, counts ?? '');
    const names = readLabels(call, LABELS, labels, read);
    const single = read.counts.length === 1;
    const firstIssue = read.issues[0];
    // One stage is one cell: its problem is the call's, shown in full by #ERROR!.
    if (single && firstIssue) throw firstIssue.error;
    if (read.counts[0] === 0 && single) throw callProblem(call, t.firstZero);
    const blankIfNull = (n: number | null): number | string => (n === null ? '' : n);
    const rows = funnelSteps(read.counts).map((s, i): (number | string)[] => {
      const name = names[i] ?? '';
      const issue = read.issues[i];
      if (issue?.kind === 'value') return [name, issue.error.brief, '', '', ''];
      if (issue?.kind === 'order') return [name, issue.count ?? '', issue.error.brief, '', ''];
      if (i === 0 && s.customers === 0)
        return [name, 0, warning(call, t.brief.zeroCustomers), '', blankIfNull(s.dropOff)];
      return [
        name,
        blankIfNull(s.customers),
        blankIfNull(s.step),
        blankIfNull(s.overall),
        blankIfNull(s.dropOff),
      ];
    });
    return [[...t.funnelHeaders], ...rows];
  },
});
