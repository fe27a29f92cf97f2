/**
 * The .xlsx computes what the add-on computes: a differential test. Seeded random maps
 * (blanks, zeros, rising counts, negatives, targets of 0 and above 100%, numbers typed as
 * text in ru and en notation, the C stage before the L stage, unnamed stages; some with an
 * action plan; dates and TRUE where numbers belong) are made by the built add-on in the
 * emulator, exported in four workbooks (LibreOffice recalculates one, from the formulas alone,
 * while the emulator makes the next), and every KPI cell (step,
 * overall, drop-off, L, C, revenue, weakest transition) and every plan impact and rank is
 * compared with what the add-on computed. An error on both sides agrees; numbers agree to
 * 1e-9 relative (LibreOffice writes 15 significant digits); texts (the weakest transition,
 * the add-on's "⚠ …" notes in spilled rows) must be the same. Beside the random maps, a list of
 * funnels with no transition to judge (NO_TRANSITION_MAPS: a negative or non-numeric count, 0
 * customers, a rising count, a target above 100% or not a share, counts still missing) checks
 * that both sides show the note the add-on's weakest transition gives a user, or blank.
 *
 * Numbers typed as text ("8 231" after an apostrophe): text is not a number anywhere in the
 * add-on (its native cells, its custom functions, the wizard), and the export writes it as the
 * text it is, so every cell that reads it shows the same "⚠ “8 231” is text …" note on both sides.
 *
 * CJM_DIFF_SAVE=/tmp/diff keeps the exported workbooks (/tmp/diff-0.xlsx …) for a look.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { a1, ROW, SIDE_COL, stageCol } from '../../src/core/map/layout';
import { IMPACT_COL, PLAN_HEADER_ROW } from '../../src/core/wizard/action-plan';
import { recalculate, type LoWorkbook } from '../../xlsx-export/libreoffice';
import { readWorkbook, type SourceWorkbook } from '../../xlsx-export/source';
import { buildWorkbook, mergeWorkbooks, toXlsx } from '../../xlsx-export/xlsx';
import { openSpreadsheet, type Session } from '../support/addon';
import { agree, emulated, show, type Seen } from '../support/differential';

const MAPS = 220;
const SEED = 20_260_509;

/** What a user puts in an input cell. */
type Input =
  | { kind: 'blank' }
  | { kind: 'number'; value: number }
  /**
   * typed into the grid: parsed as the locale reads it (a number, or text when it does not read)
   */
  | { kind: 'typed'; text: string }
  /** typed with a leading apostrophe: text whatever it looks like */
  | { kind: 'text'; text: string };

interface StageSpec {
  name: string;
  role: '' | 'L' | 'C' | 'Q';
  count: Input;
  target: Input;
}

interface MapSpec {
  locale: 'en_US' | 'ru_RU';
  stages: StageSpec[];
  avgCheck: Input;
  purchases: Input;
  actions: { lever: string; change: string; stage: string }[];
  /** what the weakest transition's cell must show, for the maps of NO_TRANSITION_MAPS */
  weakest?: string;
}

const group = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);

/**
 * A number written as text, in en or ru notation (with thousands and decimals), as a marketer might
 * type it.
 */
const numberText = (n: number): fc.Arbitrary<string> => {
  const [whole = '0', frac] = String(Math.abs(n)).split('.');
  const sign = n < 0 ? '-' : '';
  const w = Number(whole);
  return fc.constantFrom(
    `${sign}${whole}${frac ? `.${frac}` : ''}`,
    `${sign}${group(w, ',')}${frac ? `.${frac}` : ''}`,
    `${sign}${whole}${frac ? `,${frac}` : ''}`,
    `${sign}${group(w, ' ')}${frac ? `,${frac}` : ''}`,
    `${sign}${group(w, '\u00a0')}${frac ? `,${frac}` : ''}`,
    ` ${sign}${whole} `,
  );
};

/**
 * A value as an input: mostly a number, sometimes typed text (parsed by the locale or not),
 * sometimes forced text.
 */
const inputOf = (n: number): fc.Arbitrary<Input> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant<Input>({ kind: 'number', value: n }) },
    { weight: 2, arbitrary: numberText(n).map((text): Input => ({ kind: 'typed', text })) },
    { weight: 2, arbitrary: numberText(n).map((text): Input => ({ kind: 'text', text })) },
  );

const countArb = (previous: number): fc.Arbitrary<Input> =>
  fc.oneof(
    {
      weight: 10,
      arbitrary: fc
        .integer({ min: 0, max: 100 })
        .chain((pct) => inputOf(Math.round((previous * pct) / 100))),
    },
    { weight: 2, arbitrary: fc.constant<Input>({ kind: 'blank' }) },
    { weight: 1, arbitrary: inputOf(0) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 5000 }).chain((d) => inputOf(previous + d)) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 500 }).chain((d) => inputOf(-d)) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 9999 }).chain((d) => inputOf(d / 10)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Input>(
        { kind: 'typed', text: 'n/a' },
        { kind: 'text', text: 'about 100' },
        { kind: 'typed', text: 'TRUE' },
        { kind: 'typed', text: '2026-01-05' },
      ),
    },
  );

const targetArb: fc.Arbitrary<Input> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Input>({ kind: 'blank' }) },
  {
    weight: 4,
    arbitrary: fc
      .integer({ min: 1, max: 100 })
      .map((p): Input => ({ kind: 'number', value: p / 100 })),
  },
  { weight: 2, arbitrary: fc.constant<Input>({ kind: 'number', value: 0 }) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 101, max: 300 })
      .map((p): Input => ({ kind: 'number', value: p / 100 })),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 2, max: 90 }).map((p): Input => ({ kind: 'number', value: p })),
  },
  { weight: 1, arbitrary: fc.constant<Input>({ kind: 'number', value: -0.2 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<Input>(
      { kind: 'typed', text: '30%' },
      { kind: 'text', text: '30%' },
      { kind: 'text', text: '0,25' },
      { kind: 'text', text: '0.4' },
      { kind: 'typed', text: '150%' },
      { kind: 'text', text: 'high' },
      { kind: 'typed', text: '2026-01-05' },
    ),
  },
);

const moneyArb: fc.Arbitrary<Input> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 200_000 }).chain((n) => inputOf(n)) },
  { weight: 1, arbitrary: fc.constant<Input>({ kind: 'blank' }) },
  { weight: 1, arbitrary: inputOf(0) },
  { weight: 1, arbitrary: inputOf(-50) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 50 }).chain((n) => inputOf(n / 4)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Input>(
      { kind: 'typed', text: '2026-03-01' },
      { kind: 'typed', text: 'FALSE' },
      { kind: 'text', text: 'TBD' },
    ),
  },
);

const NAMES = [
  'Visit',
  'Trial',
  'Cart',
  'Order',
  'Repeat',
  'Визит',
  'Пробное',
  'Сделка',
  'Stage 7',
  'A',
  'Очень длинное название этапа',
];

const stagesArb = (n: number): fc.Arbitrary<StageSpec[]> =>
  fc
    .tuple(
      fc.array(
        fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom(...NAMES) },
          { weight: 1, arbitrary: fc.constant('') },
        ),
        { minLength: n, maxLength: n },
      ),
      fc.array(targetArb, { minLength: n, maxLength: n }),
      fc.integer({ min: 0, max: n - 1 }),
      fc.integer({ min: 0, max: n - 1 }),
      fc.constantFrom('ordered', 'ordered', 'ordered', 'reversed', 'none', 'Lonly', 'twice'),
      fc.integer({ min: 10, max: 1_000_000 }),
    )
    .chain(([names, targets, i, j, roles, first]) => {
      // counts: a funnel drawn stage by stage from the previous one
      let arb: fc.Arbitrary<Input[]> = fc.constant([]);
      let previous = first;
      for (let k = 0; k < n; k++) {
        const prev = previous;
        arb = arb.chain((list) =>
          (k === 0 ? inputOf(first) : countArb(prev)).map((c) => [...list, c]),
        );
        previous = Math.max(1, Math.round(prev * 0.6));
      }
      const [l, c] = [Math.min(i, j), Math.max(i, j)];
      const role = (k: number): StageSpec['role'] => {
        if (roles === 'none') return '';
        if (roles === 'Lonly') return k === l ? 'L' : '';
        if (roles === 'reversed') return k === l ? 'C' : k === c ? 'L' : '';
        if (roles === 'twice') return k === l || k === c ? 'L' : k === n - 1 ? 'C' : '';
        return k === l ? 'L' : k === c ? 'C' : k === n - 1 ? 'Q' : '';
      };
      return arb.map((counts) =>
        names.map((name, k) => ({
          name,
          role: role(k),
          count: counts[k] as Input,
          target: targets[k] as Input,
        })),
      );
    });

const CHANGES = [
  '+10%',
  '-5%',
  '+2 pp',
  '+2,5 п.п.',
  '+15 %',
  '−20%',
  '+1 пункт',
  '3 points',
  '+0,5%',
  '1,5%',
  '+25%',
  '+60 pp',
  '-200%',
  '+300 leads',
  '+1 000 лидов',
  '+1000 ₽',
  '+$1,000',
  '-500 руб.',
  '+0,5 покупки',
  '+0.5 purchases',
  '+2 purchases',
  '0.1',
  '15',
  '+0,5',
  'soon',
  '',
  '+$5 pp',
  '1,234.5%',
  '+1.200,5 ₽',
];
const actionArb = fc.record({
  lever: fc.constantFrom('L', 'C', 'P', 'Q', 'лиды', 'conversion', 'x', '', 'step', 'Шаг'),
  change: fc.constantFrom(...CHANGES),
  // the stage of an action on a step: one of the map's (in any case), none, or one it has not
  stage: fc.constantFrom(...NAMES, 'trial', '', 'Nope'),
});

const mapArb: fc.Arbitrary<MapSpec> = fc
  .tuple(
    fc.constantFrom<MapSpec['locale']>('en_US', 'ru_RU'),
    fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 2, max: 8 }) },
      { weight: 1, arbitrary: fc.integer({ min: 9, max: 30 }) },
    ),
  )
  .chain(([locale, n]) =>
    fc.record({
      locale: fc.constant(locale),
      stages: stagesArb(n),
      avgCheck: moneyArb,
      purchases: moneyArb,
      actions: fc.oneof(
        { weight: 2, arbitrary: fc.constant<MapSpec['actions']>([]) },
        { weight: 1, arbitrary: fc.array(actionArb, { minLength: 1, maxLength: 6 }) },
      ),
    }),
  );

const num = (value: number): Input => ({ kind: 'number', value });
const typed = (text: string): Input => ({ kind: 'typed', text });
const text = (text: string): Input => ({ kind: 'text', text });
const blank: Input = { kind: 'blank' };

/**
 * Funnels where no transition can be judged, besides the random ones (where that is rare): the
 * weakest transition's cell says why, in the spreadsheet's language, naming the stage to fix, or
 * stays blank while counts are missing; the .xlsx must say the same. `weakest` is what a user
 * sees in the add-on and in the file.
 */
function noTransitionMap(
  locale: MapSpec['locale'],
  counts: Input[],
  weakest: string,
  targets: Input[] = [],
  names?: string[],
): MapSpec {
  const own =
    locale === 'ru_RU'
      ? ['Визит', 'Корзина', 'Заказ', 'Повтор']
      : ['Visit', 'Cart', 'Order', 'Repeat'];
  return {
    locale,
    stages: counts.map((count, k) => ({
      name: names?.[k] ?? own[k] ?? '',
      role: '',
      count,
      target: targets[k] ?? blank,
    })),
    avgCheck: num(2000),
    purchases: num(1.5),
    actions: [],
    weakest,
  };
}

const EN_NEGATIVE = (stage: string) =>
  `⚠ the count of "${stage}" is below 0; enter its customers, 0 or more`;
const EN_NOT_NUMBER = (stage: string) =>
  `⚠ the count of "${stage}" is not a number; enter its customers, 0 or more`;
const RU_NOT_NUMBER = (stage: string) =>
  `⚠ у этапа «${stage}» клиенты указаны не числом; введите число, 0 или больше`;

const NO_TRANSITION_MAPS: MapSpec[] = [
  noTransitionMap('en_US', [num(1000), num(-5)], EN_NEGATIVE('Cart')),
  noTransitionMap(
    'ru_RU',
    [num(1000), num(-5)],
    '⚠ у этапа «Корзина» клиентов меньше 0; введите число, 0 или больше',
  ),
  // text is not a number, whatever it looks like
  noTransitionMap('en_US', [text('-3'), num(10)], EN_NOT_NUMBER('Visit')),
  noTransitionMap('en_US', [num(1000), text('about 100')], EN_NOT_NUMBER('Cart')),
  noTransitionMap('ru_RU', [num(1000), typed('n/a')], RU_NOT_NUMBER('Корзина')),
  noTransitionMap('en_US', [num(1000), typed('TRUE')], EN_NOT_NUMBER('Cart')),
  // a date typed into the count row is its serial number there (46 027 in the row's format)
  noTransitionMap(
    'en_US',
    [num(1000), typed('2026-01-05')],
    '⚠ "Cart" has more customers than "Visit" before it; check both counts',
  ),
  noTransitionMap('en_US', [num(1000), typed('=1/0')], EN_NOT_NUMBER('Cart')),
  noTransitionMap(
    'en_US',
    [num(0), num(0)],
    '⚠ 0 customers at "Visit", so no step from it; enter how many reached it',
  ),
  noTransitionMap(
    'ru_RU',
    [num(10), num(500)],
    '⚠ у этапа «Корзина» больше клиентов, чем у предыдущего «Визит»; проверьте оба числа',
  ),
  noTransitionMap(
    'en_US',
    [num(1000), num(50)],
    '⚠ the target of "Cart" is above 100%; enter a share, e.g. 30%',
    [blank, num(40)],
  ),
  noTransitionMap(
    'ru_RU',
    [num(1000), num(50)],
    '⚠ цель этапа «Корзина» больше 100%; введите долю, например 30%',
    [blank, typed('150%')],
  ),
  ...[text('high'), num(-0.2)].map((target) =>
    noTransitionMap(
      'en_US',
      [num(1000), num(50)],
      '⚠ the target of "Cart" is not a share from 0 to 100%; enter one, e.g. 30%',
      [blank, target],
    ),
  ),
  noTransitionMap(
    'ru_RU',
    [num(1000), num(50)],
    '⚠ цель этапа «Корзина» — не доля от 0 до 100%; введите долю, например 30%',
    [blank, text('высокая')],
  ),
  // a date typed into the target row is its serial number there: far above 100%
  noTransitionMap(
    'ru_RU',
    [num(1000), num(50)],
    '⚠ цель этапа «Корзина» больше 100%; введите долю, например 30%',
    [blank, typed('2026-01-05')],
  ),
  // counts still missing: blank
  noTransitionMap('en_US', [num(1000), blank, num(-5)], ''),
  noTransitionMap('ru_RU', [blank, num(-5), blank], ''),
  // the first transition whose two counts are typed speaks
  noTransitionMap('en_US', [blank, text('x'), num(-3), num(5)], EN_NOT_NUMBER('Cart')),
  noTransitionMap(
    'ru_RU',
    [num(0), num(0), text('x'), num(5)],
    '⚠ у этапа «Визит» 0 клиентов, шаг от него не посчитать; введите, сколько клиентов дошло',
  ),
  noTransitionMap('en_US', [num(10), num(-1)], EN_NEGATIVE('Stage 2'), [], ['', '']),
  // one judged transition is enough for an answer
  noTransitionMap('en_US', [num(100), num(50), num(-5)], 'Visit → Cart'),
  noTransitionMap('ru_RU', [num(1000), num(50)], 'Визит → Корзина', [blank, num(0.25)]),
  // a target typed as text is not a share, whatever it looks like
  noTransitionMap(
    'ru_RU',
    [num(1000), num(50)],
    '⚠ цель этапа «Корзина» — не доля от 0 до 100%; введите долю, например 30%',
    [blank, text('0,25')],
  ),
];

const input = (i: Input): unknown =>
  i.kind === 'blank'
    ? ''
    : i.kind === 'number'
      ? i.value
      : i.kind === 'typed'
        ? i.text
        : `'${i.text}`;

/** A KPI or plan cell of a map, and what the add-on showed in it. */
interface Probe {
  row: number;
  col: number;
  what: string;
  plan: boolean;
  mine?: Seen;
}

interface Built {
  id: number;
  spec: MapSpec;
  sheet: string;
  plan: string | null;
  probes: Probe[];
  /** what to print next to a disagreement: the formula of the cell or of its spill anchor */
  formula(row: number, col: number): string;
}

/**
 * Maps made in one spreadsheet: creating a map costs more as a workbook grows, loading the add-on
 * costs more than a map.
 */
const PER_SPREADSHEET = 11;

const KPI = ['step', 'overall', 'dropOff'] as const;
const SIDE = ['leads', 'conversion', 'revenue', 'weakest'] as const;

function buildMap(session: Session, spec: MapSpec, id: number): Built {
  const title = `m${String(id).padStart(3, '0')}`;
  const lang = spec.locale.startsWith('ru') ? 'ru' : 'en';
  const sheet = session.newMap({
    name: title,
    preset: 'custom',
    stages: spec.stages.map((_, k) => `S${k + 1}`),
    lang,
    locale: spec.locale,
  });
  const wb = session.wb;
  const n = spec.stages.length;
  const row = (r: number) => wb.range(sheet, `${a1(r, stageCol(0))}:${a1(r, stageCol(n - 1))}`);
  // Script writes parse text as typing does in these cells (the emulator's reading); an apostrophe
  // keeps text.
  row(ROW.header).setValues([spec.stages.map((s) => (s.name === '' ? '' : `'${s.name}`))]);
  row(ROW.role).setValues([spec.stages.map((s) => s.role)]);
  row(ROW.customers).setValues([spec.stages.map((s) => input(s.count))]);
  row(ROW.target).setValues([spec.stages.map((s) => input(s.target))]);
  wb.range(sheet, a1(ROW.avgCheck, SIDE_COL)).setValue(input(spec.avgCheck));
  wb.range(sheet, a1(ROW.purchases, SIDE_COL)).setValue(input(spec.purchases));
  let plan: string | null = null;
  if (spec.actions.length) {
    const revenueName =
      wb.toJSON().namedRanges.find((x) => x.name.endsWith('_REVENUE') && x.sheet === sheet)?.name ??
      '';
    const saved = session.addon.callFromClient('savePlan', {
      mapId: /^CJM_([A-Z0-9]+)_REVENUE$/.exec(revenueName)?.[1],
      base: [],
      actions: spec.actions.map((a, k) => ({
        action: `Action ${k + 1}`,
        stage: '',
        lever: ['L', 'C', 'P', 'Q'].includes(a.lever) ? a.lever : '',
        change: '',
        owner: '',
        deadline: '',
        status: '',
      })),
    }) as { ok: boolean };
    if (!saved.ok) throw new Error(`savePlan refused: ${JSON.stringify(saved)}`);
    plan = wb.sheetNames().find((x) => x !== sheet && x.startsWith(title)) ?? null;
    if (!plan) throw new Error('no plan sheet');
    // what the user then types into the plan sheet: levers in any spelling, changes as written
    const names = wb.values(
      plan,
      `B${PLAN_HEADER_ROW + 1}:B${PLAN_HEADER_ROW + spec.actions.length}`,
    );
    names.forEach((r, k) => {
      const a = spec.actions.find((_, i) => `Action ${i + 1}` === r[0]);
      if (!a) return;
      wb.setCell(plan as string, `C${PLAN_HEADER_ROW + 1 + k}`, a.stage);
      wb.setCell(plan as string, `D${PLAN_HEADER_ROW + 1 + k}`, a.lever);
      wb.setCell(plan as string, `E${PLAN_HEADER_ROW + 1 + k}`, a.change);
    });
  }
  const probes: Probe[] = [
    ...KPI.flatMap((key) =>
      spec.stages.map(
        (_, k): Probe => ({
          row: ROW[key],
          col: stageCol(k),
          what: key,
          plan: false,
        }),
      ),
    ),
    ...SIDE.map(
      (key): Probe => ({
        row: ROW[key],
        col: SIDE_COL,
        what: key,
        plan: false,
      }),
    ),
    ...spec.actions.flatMap((_, k): Probe[] =>
      [1, IMPACT_COL].map((col) => ({
        row: PLAN_HEADER_ROW + 1 + k,
        col,
        what: col === 1 ? 'rank' : 'impact',
        plan: true,
      })),
    ),
    // under the actions: their impact all together (the last row of CJM_IMPACT's spill), and
    // revenue after the plan
    ...(spec.actions.length
      ? [0, 2].map(
          (k): Probe => ({
            row: PLAN_HEADER_ROW + 1 + spec.actions.length + k,
            col: IMPACT_COL,
            what: k === 0 ? 'together' : 'after',
            plan: true,
          }),
        )
      : []),
  ];
  for (const p of probes) p.mine = emulated(wb, p.plan ? (plan as string) : sheet, p.row, p.col);
  const formula = (r: number, c: number): string => {
    for (let col = c; col >= 1; col--) {
      const f = wb.formula(sheet, a1(r, col));
      if (f) return col === c ? f : `${f} (spilled from ${a1(r, col)})`;
    }
    return '(no formula)';
  };
  return { id, spec, sheet, plan, probes, formula };
}

interface Outcome {
  maps: number;
  stages: number;
  cells: number;
  planCells: number;
  disagreements: string[];
  /** compared cells holding the note of a number typed as text ("⚠ “8 231” is text …") */
  textNotes: number;
  timings: Record<string, number>;
  helperCells: number;
  staticValues: number;
  /** the weakest transition of each NO_TRANSITION_MAPS map: expected, the add-on's, LibreOffice's */
  noTransition: { map: string; expected: string; addon: unknown; libreoffice: unknown }[];
}

let outcome: Outcome;

/**
 * How many workbooks the maps are exported in: LibreOffice recalculates one while the emulator
 * makes the next.
 */
const CHUNKS = 4;

beforeAll(async () => {
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const timings = { emulator: 0, export: 0, waitForLibreOffice: 0, total: 0 };
  const specs = [...fc.sample(mapArb, { seed: SEED, numRuns: MAPS }), ...NO_TRANSITION_MAPS];
  const stats = { helperCells: 0, staticValues: 0 };
  const chunks: { built: Built[]; sheetName: (s: string) => string; lo: Promise<LoWorkbook> }[] =
    [];
  const size = Math.ceil(specs.length / CHUNKS);
  for (let from = 0; from < specs.length; from += size) {
    let t = performance.now();
    const built: Built[] = [];
    const books: SourceWorkbook[] = [];
    let session: Session | null = null;
    let pending = 0;
    const close = () => {
      if (!session) return;
      books.push(readWorkbook(session.wb));
      pending = 0;
    };
    for (let i = from; i < Math.min(specs.length, from + size); i++) {
      const spec = specs[i] as MapSpec;
      if (!session || pending >= PER_SPREADSHEET || session.wb.model.locale !== spec.locale) {
        close();
        session = openSpreadsheet(spec.locale);
      }
      built.push(buildMap(session, spec, i + 1));
      pending++;
    }
    close();
    timings.emulator += performance.now() - t;
    t = performance.now();
    const model = buildWorkbook(
      mergeWorkbooks(books, (s) => /^m\d{3}/.test(s.name)),
      { lang: 'en' },
    );
    const bytes = await toXlsx(model);
    if (process.env.CJM_DIFF_SAVE)
      (await import('node:fs')).writeFileSync(
        `${process.env.CJM_DIFF_SAVE}-${chunks.length}.xlsx`,
        bytes,
      );
    timings.export += performance.now() - t;
    const s9 = model.report.translated.stats;
    stats.helperCells += s9.helperCells;
    stats.staticValues += s9.staticValues;
    const lo = recalculate(bytes);
    lo.catch(() => undefined);
    chunks.push({ built, sheetName: model.report.translated.sheetName, lo });
  }
  const waited = performance.now();
  const computed = await Promise.all(chunks.map((c) => c.lo));
  timings.waitForLibreOffice = performance.now() - waited;

  const disagreements: string[] = [];
  const noTransition: Outcome['noTransition'] = [];
  let textNotes = 0;
  /**
   * what the compared cells held on the add-on's side: numbers, blanks, errors, "⚠ …" notes, other
   * texts
   */
  const kinds: Record<string, number> = {};
  let cells = 0;
  let planCells = 0;
  let stages = 0;
  chunks.forEach((chunk, c) => {
    const lo = computed[c] as LoWorkbook;
    const sheetOf = (name: string) => {
      const found = lo.sheets.find((x) => x.name === chunk.sheetName(name));
      if (!found) throw new Error(`LibreOffice's file has no sheet ${chunk.sheetName(name)}`);
      return found;
    };
    for (const b of chunk.built) {
      const n = b.spec.stages.length;
      stages += n;
      const ms = sheetOf(b.sheet);
      const ps = b.plan ? sheetOf(b.plan) : null;
      for (const p of b.probes) {
        if (p.plan) planCells++;
        else cells++;
        const sheet = p.plan ? (ps as NonNullable<typeof ps>) : ms;
        const theirs = sheet.values.get(`${p.row},${p.col}`);
        if (p.what === 'weakest' && b.spec.weakest !== undefined)
          noTransition.push({
            map: `${b.sheet} (${b.spec.locale})`,
            expected: b.spec.weakest,
            addon: p.mine ?? '',
            libreoffice: theirs ?? '',
          });
        const expected = p.mine;
        if (typeof expected === 'string' && /^⚠ (.+: )?[“«].*(is text|текст)/.test(expected))
          textNotes++;
        const kind =
          typeof expected === 'object'
            ? 'error'
            : expected === '' || expected === undefined
              ? 'blank'
              : typeof expected === 'number'
                ? 'number'
                : typeof expected === 'string' && expected.startsWith('⚠')
                  ? 'warning'
                  : 'text';
        kinds[kind] = (kinds[kind] ?? 0) + 1;
        if (agree(expected, theirs)) continue;
        const where = `${p.plan ? b.plan : b.sheet} (${b.spec.locale}, ${n} stages) ${a1(p.row, p.col)} ${p.what}`;
        const why = p.plan
          ? `lever ${JSON.stringify(b.spec.actions[p.row - PLAN_HEADER_ROW - 1]?.lever)}, change ${JSON.stringify(b.spec.actions[p.row - PLAN_HEADER_ROW - 1]?.change)}`
          : `${b.formula(p.row, p.col)}; counts ${JSON.stringify(b.spec.stages.map((s) => input(s.count)))}, targets ${JSON.stringify(b.spec.stages.map((s) => input(s.target)))}`;
        disagreements.push(
          `${where}: add-on ${show(expected)} | LibreOffice ${show(theirs)} | ${why} | LibreOffice's formula: ${sheet.formulas.get(`${p.row},${p.col}`)?.slice(0, 300) ?? '(none)'}`,
        );
      }
    }
  });
  timings.total = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  const nodeCpu = Math.round((cpu.user + cpu.system) / 1000);
  for (const k of Object.keys(timings) as (keyof typeof timings)[])
    timings[k] = Math.round(timings[k]);
  outcome = {
    maps: chunks.reduce((n, c) => n + c.built.length, 0),
    stages,
    cells,
    planCells,
    disagreements,
    textNotes,
    timings,
    ...stats,
    noTransition,
  };
  console.log(
    `export differential: ${outcome.maps} maps (${stages} stages) in ${chunks.length} workbooks, ${cells} KPI cells and ${planCells} plan cells compared, ` +
      `${disagreements.length} disagreements; the add-on's side held ${JSON.stringify(kinds)}, ${textNotes} of them the note of a number typed as text; ` +
      `${outcome.helperCells} helper cells, ${outcome.staticValues} static values; ms ${JSON.stringify(timings)}, test process CPU ${nodeCpu} ms`,
  );
}, 300_000);

describe('the .xlsx export against the add-on, recalculated by LibreOffice', () => {
  it(`${MAPS} seeded random maps and ${NO_TRANSITION_MAPS.length} with no transition to judge: every KPI cell and plan impact agrees`, () => {
    expect(outcome.maps).toBeGreaterThanOrEqual(200 + NO_TRANSITION_MAPS.length);
    expect(
      outcome.disagreements.slice(0, 25),
      `${outcome.disagreements.length} of ${outcome.cells + outcome.planCells} cells disagree`,
    ).toEqual([]);
  });

  it('a funnel with no transition to judge: the add-on and the .xlsx say the same why, naming the stage to fix; blank only while counts are missing', () => {
    expect(outcome.noTransition).toHaveLength(NO_TRANSITION_MAPS.length);
    expect(
      outcome.noTransition.map((f) => ({ map: f.map, addon: f.addon, libreoffice: f.libreoffice })),
    ).toEqual(
      outcome.noTransition.map((f) => ({ map: f.map, addon: f.expected, libreoffice: f.expected })),
    );
  });

  it('a number typed as text is text on both sides: the cells reading it agree on its note', () => {
    expect(outcome.textNotes).toBeGreaterThan(50);
    expect(outcome.staticValues).toBe(0);
  });
});
