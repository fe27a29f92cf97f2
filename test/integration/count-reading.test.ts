/**
 * One reading of a count (and of a percentage, a check, purchases): a property test. Random maps
 * whose inputs are typed in their forms (a number; text typed into the grid, which the locale
 * reads as a number or leaves text: "8,231", "8 231", "131 "; text after an apostrophe: "131",
 * "8 231", "8,231", with a no-break space; a target as "30%", "0,3") are made by the built add-on in
 * the emulator. For each map:
 *
 * - every KPI cell (step, overall, drop-off per stage; L, C, revenue, the weakest transition)
 *   shows what its inputs, as the sheet holds them, give: blank while an input is blank, else the
 *   note of the first input that is text, the same words in every cell that reads it ("⚠ “8 231”
 *   is text — …"), else the number (or a ⚠ note of the funnel's rule) the numbers give;
 * - the wizard's sidebar metrics agree with the cells: L, C and revenue are the cells' numbers (or
 *   none where a cell shows a note), the weakest transition is the cell's, a target counts where
 *   the map's highlight rule counts it, and each input typed as text is named;
 * - the .xlsx export, recalculated by LibreOffice, shows the same in every KPI cell.
 *
 * (test/integration/export-differential.test.ts compares the export on messier maps, with plans.)
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WizardState } from '../../src/contract';
import { a1, ROW, SIDE_COL, stageCol } from '../../src/core/map/layout';
import type { Metrics } from '../../src/core/map/metrics';
import { t, type Lang } from '../../src/core/words/i18n';
import { recalculate } from '../../xlsx-export/libreoffice';
import { readWorkbook, type SourceWorkbook } from '../../xlsx-export/source';
import { buildWorkbook, mergeWorkbooks, toXlsx } from '../../xlsx-export/xlsx';
import { openSpreadsheet, type Session } from '../support/addon';
import { agree, emulated, show, type Seen } from '../support/differential';

const MAPS = 40;
const SEED = 20_260_611;
const PER_SPREADSHEET = 10;

/** How a value goes into its cell. */
type Entry =
  | { kind: 'blank' }
  | { kind: 'number'; value: number }
  /** typed into the grid: the locale reads it as a number, or it stays text */
  | { kind: 'typed'; text: string }
  /** typed after an apostrophe: text whatever it looks like */
  | { kind: 'text'; text: string };

interface MapSpec {
  locale: 'en_US' | 'ru_RU';
  counts: Entry[];
  targets: Entry[];
  roles: ('' | 'L' | 'C')[];
  avgCheck: Entry;
  purchases: Entry;
}

const group = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);

/** A whole number in the forms a marketer types it. */
const formsOf = (n: number): string[] => [
  String(n),
  group(n, ' '),
  group(n, ','),
  group(n, '\u00a0'),
  `${n} `,
];

const entryOf = (n: number): fc.Arbitrary<Entry> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant<Entry>({ kind: 'number', value: n }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...formsOf(n)).map((text): Entry => ({ kind: 'typed', text })),
    },
    {
      weight: 3,
      arbitrary: fc.constantFrom(...formsOf(n)).map((text): Entry => ({ kind: 'text', text })),
    },
  );

const countsArb = (n: number): fc.Arbitrary<Entry[]> =>
  fc.integer({ min: 10, max: 200_000 }).chain((first) => {
    let arb: fc.Arbitrary<Entry[]> = entryOf(first).map((e) => [e]);
    let previous = first;
    for (let k = 1; k < n; k++) {
      const prev = previous;
      const next = fc.oneof(
        {
          weight: 8,
          arbitrary: fc
            .integer({ min: 0, max: 100 })
            .chain((pct) => entryOf(Math.round((prev * pct) / 100))),
        },
        { weight: 1, arbitrary: fc.constant<Entry>({ kind: 'blank' }) },
        // more than the stage before: a ⚠ of the funnel's rule, whatever the form
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 5000 }).chain((d) => entryOf(prev + d)) },
      );
      arb = arb.chain((list) => next.map((e) => [...list, e]));
      previous = Math.max(1, Math.round(prev * 0.6));
    }
    return arb;
  });

const targetArb: fc.Arbitrary<Entry> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Entry>({ kind: 'blank' }) },
  {
    weight: 3,
    arbitrary: fc
      .integer({ min: 5, max: 90 })
      .map((p): Entry => ({ kind: 'number', value: p / 100 })),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom<Entry>(
      { kind: 'typed', text: '30%' },
      { kind: 'typed', text: '0,3' },
      { kind: 'text', text: '30%' },
      { kind: 'text', text: '0,3' },
      { kind: 'text', text: '0.25' },
      { kind: 'text', text: '45 %' },
    ),
  },
);

const mapArb: fc.Arbitrary<MapSpec> = fc
  .tuple(fc.constantFrom<MapSpec['locale']>('en_US', 'ru_RU'), fc.integer({ min: 2, max: 7 }))
  .chain(([locale, n]) =>
    fc.record({
      locale: fc.constant(locale),
      counts: countsArb(n),
      targets: fc.array(targetArb, { minLength: n, maxLength: n }),
      roles: fc
        .tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), fc.boolean())
        .map(([l, c, none]) =>
          Array.from({ length: n }, (_, k): '' | 'L' | 'C' =>
            none ? '' : k === l ? 'L' : k === c ? 'C' : '',
          ),
        ),
      avgCheck: fc.oneof(
        { weight: 5, arbitrary: fc.integer({ min: 1, max: 50_000 }).chain(entryOf) },
        { weight: 1, arbitrary: fc.constant<Entry>({ kind: 'blank' }) },
      ),
      purchases: fc.oneof(
        { weight: 4, arbitrary: fc.constant<Entry>({ kind: 'number', value: 1.5 }) },
        { weight: 2, arbitrary: fc.integer({ min: 1, max: 3 }).chain(entryOf) },
        {
          weight: 1,
          arbitrary: fc.constantFrom<Entry>(
            { kind: 'text', text: '1,5' },
            { kind: 'typed', text: '1,5' },
          ),
        },
      ),
    }),
  );

const written = (e: Entry): unknown =>
  e.kind === 'blank'
    ? ''
    : e.kind === 'number'
      ? e.value
      : e.kind === 'typed'
        ? e.text
        : `'${e.text}`;

/** An input as the sheet holds it: blank, a number, or text. */
type Held = '' | number | { text: string };

function held(v: unknown): Held {
  if (v === '') return '';
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return { text: v };
  throw new Error(`an input the test does not generate: ${String(v)}`);
}

const isText = (h: Held): h is { text: string } => typeof h === 'object';

/** What a cell must show: exactly this, or any ⚠ note that is not a text's (the funnel's rule). */
type Expected = Seen | { warn: true };
const WARN: Expected = { warn: true };

const KPI = ['step', 'overall', 'dropOff'] as const;
const SIDE = ['leads', 'conversion', 'revenue', 'weakest'] as const;

interface Built {
  id: number;
  spec: MapSpec;
  lang: Lang;
  sheet: string;
  inputs: { counts: Held[]; targets: Held[]; avgCheck: Held; purchases: Held };
  cells: { row: number; col: number; what: string; seen: Seen }[];
  metrics: Metrics;
}

function buildMap(s: Session, spec: MapSpec, id: number): Built {
  const lang: Lang = spec.locale === 'ru_RU' ? 'ru' : 'en';
  const n = spec.counts.length;
  const sheet = s.newMap({
    name: `c${String(id).padStart(3, '0')}`,
    preset: 'custom',
    stages: spec.counts.map((_, k) => `S${k + 1}`),
    lang,
    locale: spec.locale,
  });
  const wb = s.wb;
  const row = (r: number) => wb.range(sheet, `${a1(r, stageCol(0))}:${a1(r, stageCol(n - 1))}`);
  const side = (key: 'avgCheck' | 'purchases') => wb.range(sheet, a1(ROW[key], SIDE_COL));
  row(ROW.role).setValues([spec.roles]);
  row(ROW.customers).setValues([spec.counts.map(written)]);
  row(ROW.target).setValues([spec.targets.map(written)]);
  side('avgCheck').setValue(written(spec.avgCheck));
  side('purchases').setValue(written(spec.purchases));
  const cells = [
    ...KPI.flatMap((key) =>
      spec.counts.map((_, k) => ({ row: ROW[key], col: stageCol(k), what: `${key} ${k + 1}` })),
    ),
    ...SIDE.map((key) => ({ row: ROW[key], col: SIDE_COL, what: key })),
  ].map((c) => ({ ...c, seen: emulated(wb, sheet, c.row, c.col) }));
  const mapId = String(wb.value(sheet, `A${ROW.footer}`)).split(' ')[2];
  const state = s.addon.callFromClient('loadStep', { mapId, step: 'kpis' }) as WizardState;
  if (!state.view) throw new Error(`loadStep gave no view for ${sheet}`);
  return {
    id,
    spec,
    lang,
    sheet,
    inputs: {
      counts: (row(ROW.customers).getValues()[0] ?? []).map(held),
      targets: (row(ROW.target).getValues()[0] ?? []).map(held),
      avgCheck: held(side('avgCheck').getValue()),
      purchases: held(side('purchases').getValue()),
    },
    cells,
    metrics: state.view.metrics,
  };
}

/**
 * What the map shows for what a cell reads, in the order its formula reads it: blank while one is
 * blank, else the note of the first that is text, else what the numbers give.
 */
function reading(lang: Lang, inputs: Held[], numbers: (x: number[]) => Expected): Expected {
  if (inputs.some((x) => x === '')) return '';
  const text = inputs.find(isText);
  if (text) return t(lang, 'warn.text', { value: text.text });
  return numbers(inputs as number[]);
}

/** A conversion by the map's rule: none from 0, none to more. */
const conversion = ([from, to]: number[]) =>
  from === 0 || (to as number) > (from as number) ? WARN : (to as number) / (from as number);

/** Every cell's expected value, from the inputs as the sheet holds them. */
function expectedCells(b: Built): Map<string, Expected> {
  const { lang } = b;
  const { counts, avgCheck, purchases } = b.inputs;
  const n = counts.length;
  const out = new Map<string, Expected>();
  const c = (k: number) => counts[k] as Held;
  for (let k = 0; k < n; k++) {
    if (k === 0) {
      out.set(
        'step 1',
        reading(lang, [c(0)], () => 1),
      );
      out.set(
        'overall 1',
        reading(lang, [c(0)], () => 1),
      );
      out.set(
        'dropOff 1',
        reading(lang, [c(0)], () => 0),
      );
      continue;
    }
    out.set(`step ${k + 1}`, reading(lang, [c(k - 1), c(k)], conversion));
    out.set(`overall ${k + 1}`, reading(lang, [c(0), c(k)], conversion));
    out.set(
      `dropOff ${k + 1}`,
      reading(lang, [c(k - 1), c(k)], ([x, y]) =>
        (y as number) > (x as number) ? WARN : (x as number) - (y as number),
      ),
    );
  }
  const role = (r: 'L' | 'C', fallback: number) => {
    const i = b.spec.roles.indexOf(r);
    return c(i >= 0 ? i : fallback);
  };
  const l = role('L', 0);
  const deal = role('C', n - 1);
  out.set(
    'leads',
    reading(lang, [l], ([x]) => x as number),
  );
  const conv = reading(lang, [l, deal], conversion);
  out.set('conversion', conv);
  out.set(
    'revenue',
    typeof conv === 'object' || (typeof conv === 'string' && conv.startsWith('⚠'))
      ? conv
      : reading(lang, [conv as number | '', avgCheck, purchases], ([cv, p, q]) => {
          const leads = l as number;
          return leads * (cv as number) * (p as number) * (q as number);
        }),
  );
  return out;
}

function matches(seen: Seen, want: Expected): boolean {
  if (typeof want === 'object' && 'warn' in want)
    return (
      typeof seen === 'string' && seen.startsWith('⚠') && !/^⚠ ([^:]+: )?[“«]/.test(seen) // a note of the funnel's rule, not a text's
    );
  return agree(seen, want as Seen);
}

let built: Built[] = [];
let books: SourceWorkbook[] = [];
// Mutation runs (vitest.stryker.config.ts) leave the LibreOffice comparison out: its subject is
// the export, which is not mutated, and it would recalculate the file for every mutant.
const exported = process.env.CJM_MUTATION === '1' ? it.skip : it;

beforeAll(async () => {
  const specs = fc.sample(mapArb, { seed: SEED, numRuns: MAPS });
  // one spreadsheet per locale and every few maps: a map costs more as a workbook grows
  books = [];
  let session: Session | null = null;
  let inSession = 0;
  const order = specs.map((spec, i) => ({ spec, id: i + 1 }));
  order.sort((x, y) => x.spec.locale.localeCompare(y.spec.locale) || x.id - y.id);
  for (const { spec, id } of order) {
    if (!session || inSession >= PER_SPREADSHEET || session.wb.model.locale !== spec.locale) {
      if (session) books.push(readWorkbook(session.wb));
      session = openSpreadsheet(spec.locale);
      inSession = 0;
    }
    built.push(buildMap(session, spec, id));
    inSession++;
  }
  if (session) books.push(readWorkbook(session.wb));
  built = built.sort((x, y) => x.id - y.id);
}, 240_000);

describe('a count or a percentage typed in any of its forms is read the same way everywhere', () => {
  it('the maps have counts, targets and money typed as text and as numbers', () => {
    const all = built.flatMap((b) => [
      ...b.inputs.counts,
      ...b.inputs.targets,
      b.inputs.avgCheck,
      b.inputs.purchases,
    ]);
    expect(all.filter(isText).length).toBeGreaterThan(60);
    expect(all.filter((h) => typeof h === 'number').length).toBeGreaterThan(150);
    // the typed forms the locale reads as numbers, and those it leaves text
    const typed = built.flatMap((b) => b.spec.counts.filter((e) => e.kind === 'typed'));
    expect(typed.length).toBeGreaterThan(10);
  });

  it('every KPI cell shows what its inputs give: the same note for a text in every cell that reads it', () => {
    const wrong: string[] = [];
    for (const b of built) {
      const want = expectedCells(b);
      for (const c of b.cells) {
        if (c.what === 'weakest') continue;
        const w = want.get(c.what);
        if (w === undefined) throw new Error(`no expectation for ${c.what}`);
        if (!matches(c.seen, w))
          wrong.push(
            `${b.sheet} (${b.spec.locale}) ${c.what}: ${show(c.seen)}, expected ${'warn' in (w as object) ? 'a ⚠ of the rule' : show(w as Seen)}; inputs ${JSON.stringify(b.spec)}`,
          );
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it("the sidebar's metrics agree with the map's cells", () => {
    const wrong: string[] = [];
    for (const b of built) {
      const cell = (what: string) => b.cells.find((c) => c.what === what)?.seen;
      const m = b.metrics;
      const num = (v: Seen | undefined) => (typeof v === 'number' ? v : null);
      const same = (what: string, a: number | null, x: number | null) => {
        if (a === null || x === null ? a !== x : !agree(a, x))
          wrong.push(`${b.sheet} ${what}: sidebar ${a}, cell ${x}`);
      };
      same('L', m.leads, num(cell('leads')));
      same('C', m.conversion, num(cell('conversion')));
      same('revenue', m.revenue, num(cell('revenue')));
      // (where no transition can be judged the cell says why, and the sidebar names none)
      const weakest = cell('weakest');
      const why = typeof weakest === 'string' && weakest.startsWith('⚠');
      if (m.weakest !== (why ? '' : weakest))
        wrong.push(`${b.sheet} weakest: sidebar ${m.weakest}, cell ${show(weakest)}`);
      // the weakest transition is one whose step the step row shows as a number
      if (typeof weakest === 'string' && weakest !== '' && !why) {
        const to = Number(/→ S(\d+)$/.exec(weakest)?.[1]);
        if (typeof cell(`step ${to}`) !== 'number')
          wrong.push(
            `${b.sheet} weakest ${weakest} but its step shows ${show(cell(`step ${to}`))}`,
          );
      }
      // a target counts where the map's highlight (step < target, both numbers) counts it
      const highlighted = b.inputs.targets.flatMap((target, k) => {
        const step = cell(`step ${k + 1}`);
        return k > 0 &&
          typeof step === 'number' &&
          typeof target === 'number' &&
          target > 0 &&
          target <= 1 &&
          step < target
          ? [`S${k + 1}`]
          : [];
      });
      const under = m.underTarget.map((u) => u.stage);
      if (JSON.stringify(under) !== JSON.stringify(highlighted))
        wrong.push(`${b.sheet} under target: sidebar ${under}, highlighted ${highlighted}`);
      // every input typed as text is named, with what to do
      const named: string[] = [];
      b.inputs.counts.forEach((h, k) => {
        if (isText(h))
          named.push(t(b.lang, 'metrics.textCount', { stage: `S${k + 1}`, value: h.text }));
      });
      b.inputs.targets.forEach((h, k) => {
        if (isText(h) && k > 0)
          named.push(t(b.lang, 'metrics.textTarget', { stage: `S${k + 1}`, value: h.text }));
      });
      for (const key of ['avgCheck', 'purchases'] as const) {
        const h = b.inputs[key];
        if (isText(h))
          named.push(
            t(b.lang, 'metrics.textValue', { field: t(b.lang, `row.${key}`), value: h.text }),
          );
      }
      for (const text of named)
        if (!m.errors.includes(text)) wrong.push(`${b.sheet}: the sidebar does not say ${text}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  exported(
    'the .xlsx recalculated by LibreOffice shows the same in every KPI cell',
    async () => {
      const model = buildWorkbook(
        mergeWorkbooks(books, (s) => /^c\d{3}/.test(s.name)),
        { lang: 'en' },
      );
      const sheetName = model.report.translated.sheetName;
      const lo = await recalculate(await toXlsx(model));
      const wrong: string[] = [];
      let cells = 0;
      for (const b of built) {
        const sheet = lo.sheets.find((s) => s.name === sheetName(b.sheet));
        if (!sheet) throw new Error(`LibreOffice's file has no sheet ${sheetName(b.sheet)}`);
        for (const c of b.cells) {
          cells++;
          const theirs = sheet.values.get(`${c.row},${c.col}`);
          if (!agree(c.seen, theirs))
            wrong.push(
              `${b.sheet} ${a1(c.row, c.col)} ${c.what}: add-on ${show(c.seen)} | LibreOffice ${show(theirs)}`,
            );
        }
      }
      const notes = built
        .flatMap((b) => b.cells)
        .filter((c) => /^⚠ ([^:]+: )?[“«]/.test(String(c.seen)));
      console.log(
        `count reading: ${built.length} maps, ${cells} KPI cells, ${notes.length} of them the note of an input typed as text; ${wrong.length} disagree with LibreOffice`,
      );
      expect(notes.length).toBeGreaterThan(50);
      expect(cells).toBeGreaterThan(500);
      expect(wrong.slice(0, 10), `${wrong.length} of ${cells} cells disagree`).toEqual([]);
    },
    240_000,
  );
});
