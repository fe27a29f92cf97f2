/**
 * Every message a CJM formula shows, in English and Russian: the full one (#ERROR! of a
 * single-cell call: the function, the argument, the value, its place and the fix) and the
 * brief one (the "⚠ …" text one element of a spilled range holds when it cannot be computed).
 *
 * `ru` is typed against `en`, so a message added in one language and forgotten in the
 * other fails the type check. Values reach the messages already described (see describe()).
 */
import type { Unit } from '../core/funnel/change';
import type { Lang } from '../core/words/i18n';
import { formatDate, isDate } from '../core/map/dates';

export type { Lang };

/** What a numeric argument means; decides its accepted range and the fix the message suggests. */
export type NumericKind = 'count' | 'share' | 'money' | 'factor';

/** The mark every brief message starts with: a cell holding it is a warning, not a result. */
export const WARNING = '⚠';

const en = {
  // where a bad value sits in a range argument (1-based)
  inRow: (r: number) => ` in row ${r}`,
  inColumn: (c: number) => ` in column ${c}`,
  inCell: (r: number, c: number) => ` in row ${r}, column ${c}`,
  // values as a message shows them
  aDate: (d: string) => `a date (${d})`,
  anInvalidDate: 'an invalid date',
  aBlank: 'a blank cell',
  bool: (b: boolean): string => (b ? 'TRUE' : 'FALSE'),
  decimal: '.',
  singleCell: 'a single cell',
  range: (r: number, c: number) => `${r}×${c}`,
  // numeric arguments
  rule: {
    count: 'must be a number of customers, 0 or more (e.g. 1000)',
    share: 'must be a share from 0 to 1 (5% or 0.05)',
    money: 'must be an amount of money, 0 or more (e.g. 2000)',
    factor: 'must be a number of purchases per customer, 0 or more (e.g. 1.5)',
  } satisfies Record<NumericKind, string>,
  percentHint: (n: string, fraction: string) => ` (for ${n} percent type ${n}% or ${fraction})`,
  notNumber: (arg: string, rule: string, got: string, at: string) =>
    `${arg} ${rule}; got ${got}${at}`,
  notInRange: (arg: string, rule: string, got: string, at: string) =>
    `${arg} ${rule}; got ${got}${at}`,
  isText: (arg: string, rule: string, got: string, at: string) =>
    `${arg} is the text ${got}${at}, not a number: type the number without an apostrophe or spaces (a number typed as text is not read, as Sheets' own SUM does not read it); ${arg} ${rule}`,
  isDate: (arg: string, rule: string, got: string, at: string) =>
    `${arg} is a date, not a number; got ${got}${at}. ${arg} ${rule}: type the number, or set the cell's format to Number (Format → Number → Number)`,
  errorInput: (arg: string, code: string, at: string) =>
    `${arg} is the error ${code} of another cell${at}; fix that cell first`,
  warningInput: (arg: string, got: string, at: string) =>
    `${arg} holds a warning of another formula (${got})${at}; fix what it says first`,
  // CJM_CONVERSION
  fromZero: (at: string) =>
    `from_count is 0${at}: no customers reached the earlier stage, so there is nothing to convert; enter the stage's customer count`,
  toAboveFrom: (to: string, from: string, at: string) =>
    `to_count (${to}) is larger than from_count (${from})${at}: a later stage cannot have more customers than an earlier one; check the order of the arguments`,
  // stage counts (CJM_FUNNEL, CJM_BOTTLENECK)
  countsIncrease: (
    stage: number,
    count: string,
    earlier: number,
    earlierCount: string,
    at: string,
  ) =>
    `counts must not increase along the funnel: stage ${stage} has ${count}, more than stage ${earlier} (${earlierCount})${at}; ` +
    'list the customers who reached each stage, first stage first',
  firstZero:
    'the first stage has 0 customers, so no conversion can be computed; enter how many reached the first stage',
  notVector: (arg: string, r: number, c: number) =>
    `${arg} must be one row or one column; got a ${r}×${c} range`,
  notAligned: (arg: string, argShape: string, countsShape: string, what: string) =>
    `${arg} and counts must be ranges of the same shape, ${what}; ${arg} is ${argShape} and counts is ${countsShape} ` +
    '(for counts in B2:D2 give B1:D1, not one cell more or less)',
  oneLabel: 'one label per stage',
  oneTarget: 'one target per stage',
  /**
   * CJM_BOTTLENECK's answer when its counts are typed but no transition can be judged: why (the
   * first transition of the funnel whose two counts are typed), and how to fix it. A single cell
   * with nowhere else to say it, so it is the cell's text (after "⚠ "), never #ERROR!.
   */
  noTransition: {
    countNotNumber: (stage: string) =>
      `the count of "${stage}" is not a number; enter its customers, 0 or more`,
    countNegative: (stage: string) =>
      `the count of "${stage}" is below 0; enter its customers, 0 or more`,
    fromZero: (stage: string) =>
      `0 customers at "${stage}", so no step from it; enter how many reached it`,
    more: (stage: string, earlier: string) =>
      `"${stage}" has more customers than "${earlier}" before it; check both counts`,
    targetAboveOne: (stage: string) =>
      `the target of "${stage}" is above 100%; enter a share, e.g. 30%`,
    targetNotShare: (stage: string) =>
      `the target of "${stage}" is not a share from 0 to 100%; enter one, e.g. 30%`,
  },
  badLanguage: (got: string) => `language must be "en" or "ru"; got ${got}`,
  stageWord: 'Stage',
  funnelHeaders: ['Stage', 'Customers', 'Step conversion', 'Overall conversion', 'Drop-off'],
  // element-wise shapes
  differentSizes: (a: string, b: string, sa: string, sb: string) =>
    `${a} and ${b} are ranges of different sizes (${sa} and ${sb}); give ranges of the same size, or a single cell to use for every row`,
  // levers (CJM_REQUIRED, CJM_IMPACT)
  unknownLever: (arg: string, got: string, at: string) =>
    `${arg} must name a factor: "leads", "conversion", "avg_check" or "purchases" (or L, C, P, Q; лиды, конверсия, чек, покупки); got ${got}${at}`,
  badChange: (got: string, at: string, forms: string) =>
    `change must state its unit, like ${forms}: a bare number does not say whether it means percent, points or an amount; got ${got}${at}`,
  numberChange: (got: string, at: string, forms: string) =>
    `change is the number ${got}${at}, which does not state its unit; write it as text with its unit: ${forms} ` +
    '(a "10%" typed into a cell becomes the number 0.1 unless the cell is plain text: Format → Number → Plain text)',
  pointsNotConversion: (at: string, forms: string) =>
    `points (pp) apply to conversion only${at}; for this lever write ${forms}`,
  unitNotLever: (unit: string, lever: string, at: string, forms: string) =>
    `the change is counted in ${unit}, which is not the unit of ${lever}${at}; write ${forms}`,
  unitName: { leads: 'leads', money: 'money', purchases: 'purchases' } satisfies Record<
    Unit,
    string
  >,
  orStep: '; or "step" (шаг): the step conversion into the action\'s stage',
  /** an action on a transition (lever "step"): why it has no impact */
  step: {
    noStage: (at: string) =>
      `the lever is the step conversion into a stage, but stage is blank${at}; name the stage the action acts on, one of the map's stages`,
    unknownStage: (stage: string, at: string, names: string) =>
      `the map has no stage ${stage}${at} (renamed or removed?); choose one of its stages: ${names}`,
    twoStages: (stage: string, at: string) =>
      `two of the map's stages are named ${stage}${at}, so it is not clear which transition is meant; rename one of them on the map`,
    firstStage: (stage: string, at: string) =>
      `${stage} is the map's first stage${at}: no step leads into it; choose a later stage, or act on L (leads)`,
    afterDeal: (stage: string, at: string) =>
      `${stage} comes after the deal stage${at}: its customers are repeat buyers, whom Q (purchases per customer) counts, not L × C × P; to plan for them set the lever to Q with a change in purchases (e.g. "+0.5 purchases")`,
    noFunnel: (got: string) =>
      `an action on a step needs the map's stages: give stages, roles and counts, the map's rows of stage names, funnel roles and customers, one row each of the same width, from the column before the first stage to the one after the last; got ${got}`,
    unit: (at: string, forms: string) =>
      `a step conversion changes by points or by a percentage${at}; write ${forms}`,
    toZero: (stage: string, at: string) =>
      `0 customers reached ${stage}${at}: a step of 0% has no ratio to grow by; type how many reached it`,
    aboveOne: (stage: string, at: string) =>
      `the change would take the step into ${stage} above 100%${at}; use a smaller change`,
    belowZero: (stage: string, at: string) =>
      `the change would take the step into ${stage} below 0${at}; use a smaller decrease`,
    fromZero: (stage: string, at: string) =>
      `0 customers at the stage before ${stage}${at}, so there is no step to change; enter its customers`,
    more: (stage: string, at: string) =>
      `${stage} has more customers than the stage before it${at}; check both counts on the map`,
  },
  conversionAboveOne: 'the change would take conversion above 100%; use a smaller change',
  negativeFactor:
    'the change would make the factor negative; use a smaller decrease (above -100%, or less than the factor now)',
  badTogether: (got: string) =>
    `together must be TRUE (one more row under the actions: their impact all together) or FALSE; got ${got}`,
  togetherShape: (got: string) =>
    `with together TRUE, lever, change and stage must be one column (or one cell) and leads, conversion, avg_check and purchases one cell each; got ${got}`,
  zeroFactor: (zero: string, at: string, lever: string, goal: string) =>
    `${zero} is 0${at}, so no ${lever} can reach ${goal}; enter a ${zero} above 0`,
  unreachable: (goal: string, at: string, pct: string, best: string, leads: string) =>
    `the goal ${goal} is unreachable by conversion alone${at}: it would take ${pct}% conversion, ` +
    `and even 100% gives ${best}; raise leads to at least ${leads}, or the check or purchases`,
  /** brief messages: what one element of a spilled range holds (after "⚠ ") */
  brief: {
    notNumber: 'not a number',
    /** the same note as the map's own cells show (core/words/i18n 'warn.text'), after "⚠ " */
    isText: (value: string) =>
      `“${value}” is text, not a number: type a number, without an apostrophe or spaces`,
    isDate: 'a date, not a number',
    negative: 'less than 0',
    aboveOne: 'more than 100%',
    errorInput: (code: string) => `${code} in an input`,
    fromZeroPrevious: '0 customers at the previous stage',
    fromZeroFirst: '0 customers at the first stage',
    morePrevious: 'more than the previous stage',
    moreFirst: 'more than the first stage',
    moreStage: (n: number) => `more than stage ${n}`,
    zeroCustomers: '0 customers',
    unknownLever: 'not L, C, P or Q',
    unknownPlanLever: 'not L, C, P, Q or step',
    noStage: 'name the stage of the step',
    unknownStage: 'no such stage on the map: choose it again',
    twoStages: 'two stages have this name: rename one',
    firstStage: 'no step into the first stage',
    afterDeal: 'after the deal: repeat purchases, act on Q',
    noFunnel: 'no map stages to read the step from',
    stepUnit: 'a step changes in pp or %',
    toZero: '0 customers at the stage: no step to change',
    stepAboveOne: 'step above 100%',
    stepBelowZero: 'step below 0',
    badChange: (forms: string) => `state the unit: ${forms}`,
    pointsNotConversion: 'pp only for conversion',
    unitNotLever: "another lever's unit",
    conversionAboveOne: 'conversion above 100%',
    negativeFactor: 'below 0 after the change',
    negativeTogether: 'a lever below 0',
    zeroFactor: (label: string) => `${label} is 0`,
    unreachable: 'unreachable: needs over 100%',
  },
  /** how a brief message names an argument ("⚠ conversion: not a number") */
  label: {
    leads: 'leads',
    conversion: 'conversion',
    avg_check: 'check',
    purchases: 'purchases',
    target_revenue: 'goal',
    lever: 'lever',
    solve_for: 'lever',
    change: 'change',
    together: 'all together',
    stage: 'stage',
    counts: 'customers',
  } as Record<string, string>,
};

export type Messages = typeof en;

const ru: Messages = {
  inRow: (r) => ` в строке ${r}`,
  inColumn: (c) => ` в столбце ${c}`,
  inCell: (r, c) => ` в строке ${r}, столбце ${c}`,
  aDate: (d) => `дата (${d})`,
  anInvalidDate: 'неверная дата',
  aBlank: 'пустая ячейка',
  bool: (b) => (b ? 'ИСТИНА' : 'ЛОЖЬ'),
  decimal: ',',
  singleCell: 'одна ячейка',
  range: (r, c) => `${r}×${c}`,
  rule: {
    count: 'должен быть числом клиентов, 0 или больше (например, 1000)',
    share: 'должен быть долей от 0 до 1 (5% или 0,05)',
    money: 'должен быть суммой денег, 0 или больше (например, 2000)',
    factor: 'должен быть числом покупок на клиента, 0 или больше (например, 1,5)',
  },
  percentHint: (n, fraction) => ` (для ${n} процентов введите ${n}% или ${fraction})`,
  notNumber: (arg, rule, got, at) => `аргумент ${arg} ${rule}; получено: ${got}${at}`,
  notInRange: (arg, rule, got, at) => `аргумент ${arg} ${rule}; получено: ${got}${at}`,
  isText: (arg, rule, got, at) =>
    `аргумент ${arg} — текст ${got}${at}, а не число: введите число без апострофа и пробелов (число, введённое как текст, не читается, как не читает его и СУММ самих Таблиц); аргумент ${arg} ${rule}`,
  isDate: (arg, rule, got, at) =>
    `аргумент ${arg} — дата, а не число; получено: ${got}${at}. Аргумент ${arg} ${rule}: введите число или задайте ячейке числовой формат (Формат → Числа → Число)`,
  errorInput: (arg, code, at) =>
    `в аргументе ${arg} ошибка ${code} другой ячейки${at}; сначала исправьте ту ячейку`,
  warningInput: (arg, got, at) =>
    `в аргументе ${arg} предупреждение другой формулы (${got})${at}; сначала исправьте то, о чём оно говорит`,
  fromZero: (at) =>
    `from_count равен 0${at}: до более раннего этапа не дошёл ни один клиент, конверсию не из чего считать; введите число клиентов этого этапа`,
  toAboveFrom: (to, from, at) =>
    `to_count (${to}) больше, чем from_count (${from})${at}: на более позднем этапе не может быть больше клиентов, чем на более раннем; проверьте порядок аргументов`,
  countsIncrease: (stage, count, earlier, earlierCount, at) =>
    `числа в counts не должны расти по воронке: на этапе ${stage} ${count} — больше, чем на этапе ${earlier} (${earlierCount})${at}; ` +
    'укажите, сколько клиентов дошло до каждого этапа, начиная с первого',
  firstZero:
    'на первом этапе 0 клиентов, поэтому конверсию не посчитать; введите, сколько клиентов дошло до первого этапа',
  notVector: (arg, r, c) =>
    `аргумент ${arg} должен быть одной строкой или одним столбцом; получен диапазон ${r}×${c}`,
  notAligned: (arg, argShape, countsShape, what) =>
    `${arg} и counts должны быть диапазонами одной формы, ${what}; ${arg} — ${argShape}, counts — ${countsShape} ` +
    '(для чисел в B2:D2 укажите B1:D1, ни ячейкой больше или меньше)',
  oneLabel: 'по одному названию на этап',
  oneTarget: 'по одной цели на этап',
  noTransition: {
    countNotNumber: (stage) =>
      `у этапа «${stage}» клиенты указаны не числом; введите число, 0 или больше`,
    countNegative: (stage) => `у этапа «${stage}» клиентов меньше 0; введите число, 0 или больше`,
    fromZero: (stage) =>
      `у этапа «${stage}» 0 клиентов, шаг от него не посчитать; введите, сколько клиентов дошло`,
    more: (stage, earlier) =>
      `у этапа «${stage}» больше клиентов, чем у предыдущего «${earlier}»; проверьте оба числа`,
    targetAboveOne: (stage) => `цель этапа «${stage}» больше 100%; введите долю, например 30%`,
    targetNotShare: (stage) =>
      `цель этапа «${stage}» — не доля от 0 до 100%; введите долю, например 30%`,
  },
  badLanguage: (got) => `аргумент language должен быть "en" или "ru"; получено: ${got}`,
  stageWord: 'Этап',
  funnelHeaders: ['Этап', 'Клиенты', 'Конверсия шага', 'Общая конверсия', 'Отток'],
  differentSizes: (a, b, sa, sb) =>
    `${a} и ${b} — диапазоны разного размера (${sa} и ${sb}); дайте диапазоны одного размера или одну ячейку, общую для всех строк`,
  unknownLever: (arg, got, at) =>
    `аргумент ${arg} должен называть множитель: "лиды", "конверсия", "чек" или "покупки" (или L, C, P, Q; leads, conversion, avg_check, purchases); получено: ${got}${at}`,
  badChange: (got, at, forms) =>
    `аргумент change должен указывать единицу, например ${forms}: по числу без единицы не понять, проценты это, пункты или количество; получено: ${got}${at}`,
  numberChange: (got, at, forms) =>
    `аргумент change — число ${got}${at}, по нему не видно единицы; запишите изменение текстом с единицей: ${forms} ` +
    '(введённое в ячейку "10%" становится числом 0,1, если у ячейки не текстовый формат: Формат → Числа → Обычный текст)',
  pointsNotConversion: (at, forms) =>
    `пункты (п.п.) применимы только к конверсии${at}; для этого рычага напишите ${forms}`,
  unitNotLever: (unit, lever, at, forms) =>
    `изменение указано в ${unit}, а это не единица рычага «${lever}»${at}; напишите ${forms}`,
  unitName: { leads: 'лидах', money: 'деньгах', purchases: 'покупках' },
  orStep: '; или "шаг" (step): конверсия шага в этап действия',
  step: {
    noStage: (at) =>
      `рычаг — конверсия шага в этап, но этап не указан${at}; укажите этап, на который действует действие, один из этапов карты`,
    unknownStage: (stage, at, names) =>
      `на карте нет этапа ${stage}${at} (переименован или удалён?); выберите один из её этапов: ${names}`,
    twoStages: (stage, at) =>
      `на карте два этапа с названием ${stage}${at}, и непонятно, о каком переходе речь; переименуйте один из них на карте`,
    firstStage: (stage, at) =>
      `${stage} — первый этап карты${at}: в него не ведёт ни один шаг; выберите этап дальше или действуйте на L (лиды)`,
    afterDeal: (stage, at) =>
      `этап ${stage} идёт после сделки${at}: его клиенты — повторные покупатели, их считает Q (покупок на клиента), а не L × C × P; чтобы планировать для них, выберите рычаг Q и изменение в покупках (например, "+0,5 покупки")`,
    noFunnel: (got) =>
      `действию на шаг нужны этапы карты: укажите stages, roles и counts — строки карты с названиями этапов, ролями в воронке и числом клиентов, по одной строке одной ширины, от столбца перед первым этапом до столбца после последнего; получено: ${got}`,
    unit: (at, forms) =>
      `конверсия шага меняется в пунктах или в процентах${at}; напишите ${forms}`,
    toZero: (stage, at) =>
      `до этапа ${stage} дошло 0 клиентов${at}: у шага 0% нет отношения, на которое он вырос бы; введите, сколько клиентов дошло`,
    aboveOne: (stage, at) =>
      `изменение подняло бы шаг в этап ${stage} выше 100%${at}; возьмите изменение поменьше`,
    belowZero: (stage, at) =>
      `изменение опустило бы шаг в этап ${stage} ниже 0${at}; возьмите уменьшение поменьше`,
    fromZero: (stage, at) =>
      `на этапе перед ${stage} 0 клиентов${at}, и менять нечего; введите число клиентов`,
    more: (stage, at) =>
      `на этапе ${stage} больше клиентов, чем на этапе перед ним${at}; проверьте оба числа на карте`,
  },
  conversionAboveOne: 'изменение подняло бы конверсию выше 100%; возьмите изменение поменьше',
  negativeFactor:
    'изменение сделало бы множитель отрицательным; возьмите уменьшение поменьше (больше -100% или меньше самого множителя)',
  badTogether: (got) =>
    `аргумент together должен быть TRUE (ещё одна строка под действиями: их влияние всех вместе) или FALSE; получено: ${got}`,
  togetherShape: (got) =>
    `при together = TRUE аргументы lever, change и stage должны быть одним столбцом (или одной ячейкой), а leads, conversion, avg_check и purchases — по одной ячейке; получено: ${got}`,
  zeroFactor: (zero, at, lever, goal) =>
    `${zero} = 0${at}, поэтому никакое значение ${lever} не даст ${goal}; введите ${zero} больше 0`,
  unreachable: (goal, at, pct, best, leads) =>
    `цель ${goal} недостижима одной конверсией${at}: понадобилась бы конверсия ${pct}%, а даже 100% дают ${best}; ` +
    `поднимите лиды хотя бы до ${leads} или увеличьте чек или покупки`,
  brief: {
    notNumber: 'не число',
    isText: (value) => `«${value}» — текст, а не число: введите число без апострофа и пробелов`,
    isDate: 'дата, а не число',
    negative: 'меньше 0',
    aboveOne: 'больше 100%',
    errorInput: (code) => `${code} во входных данных`,
    fromZeroPrevious: '0 клиентов на предыдущем этапе',
    fromZeroFirst: '0 клиентов на первом этапе',
    morePrevious: 'больше, чем на предыдущем этапе',
    moreFirst: 'больше, чем на первом этапе',
    moreStage: (n) => `больше, чем на этапе ${n}`,
    zeroCustomers: '0 клиентов',
    unknownLever: 'не L, C, P или Q',
    unknownPlanLever: 'не L, C, P, Q или шаг',
    noStage: 'укажите этап шага',
    unknownStage: 'такого этапа нет на карте: выберите заново',
    twoStages: 'два этапа с таким названием: переименуйте один',
    firstStage: 'в первый этап нет шага',
    afterDeal: 'после сделки: повторные покупки, меняйте Q',
    noFunnel: 'нет этапов карты, чтобы прочесть шаг',
    stepUnit: 'шаг меняется в п.п. или %',
    toZero: '0 клиентов на этапе: шаг не изменить',
    stepAboveOne: 'шаг выше 100%',
    stepBelowZero: 'шаг меньше 0',
    badChange: (forms) => `укажите единицу: ${forms}`,
    pointsNotConversion: 'п.п. — только для конверсии',
    unitNotLever: 'единица другого рычага',
    conversionAboveOne: 'конверсия выше 100%',
    negativeFactor: 'меньше 0 после изменения',
    negativeTogether: 'рычаг меньше 0',
    zeroFactor: (label) => `${label}: 0`,
    unreachable: 'недостижимо: нужно больше 100%',
  },
  label: {
    leads: 'лиды',
    conversion: 'конверсия',
    avg_check: 'чек',
    purchases: 'покупки',
    target_revenue: 'цель',
    lever: 'рычаг',
    solve_for: 'рычаг',
    change: 'изменение',
    together: 'все вместе',
    stage: 'этап',
    counts: 'клиенты',
  },
};

const CATALOGUE: Record<Lang, Messages> = { en, ru };

export function messages(lang: Lang): Messages {
  return CATALOGUE[lang] ?? en;
}

/** A number as a message shows it: as typed, up to 9 decimals, "1.5" (en) or "1,5" (ru). */
export function describeNumber(n: number, lang: Lang): string {
  return String(Math.round(n * 1e9) / 1e9).replace('.', messages(lang).decimal);
}

/** A date as its cell shows it in the language's usual form: 2026-05-15 (en), 15.05.2026 (ru). */
export function describeDate(d: Date, lang: Lang): string {
  const time = d.getTime();
  if (!Number.isFinite(time)) return messages(lang).anInvalidDate;
  // Apps Script's Date is midnight of the cell's day in the script's time zone: read local fields.
  const y = String(d.getFullYear()).padStart(4, '0');
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return formatDate(`${y}-${m}-${day}`, lang);
}

/**
 * Short human form of a cell value for messages: numbers as typed, text quoted and cut, dates
 * named.
 */
export function describe(value: unknown, lang: Lang): string {
  const t = messages(lang);
  // Sheets passes a blank cell (and an omitted argument reaches us) as ''.
  if (value === '' || value === null || value === undefined) return t.aBlank;
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value === 'number') return describeNumber(value, lang);
  if (typeof value === 'boolean') return t.bool(value);
  if (isDate(value))
    return Number.isFinite(value.getTime()) ? t.aDate(describeDate(value, lang)) : t.anInvalidDate;
  return String(value);
}
