/**
 * The map's review block: the rows under the map's footer that hold its revenue goal, the goal's
 * date, the review cadence, the progress to the goal, and the trend rows (per stage: its step
 * conversion over the last periods, the change since the last review, a ⚠ when it fell below its
 * target two periods running; the revenue's trend and change in column B).
 *
 * It sits under the footer, not among the KPI rows, so a map made before reviews existed takes it
 * on its first review without a single cell of the map moving (rows inserted among the KPIs would
 * move every card row under them). Its first row carries a marker in B, so the block is read only
 * where it is, and a user's notes under an older map are never taken for it.
 */
import { DATE_FORMAT, isoToSerial } from '../map/dates';
import { FORMAT } from '../map/formats';
import type { CellData, Journey } from '../map/journey';
import { formulaText, quoteSheet } from '../map/links';
import {
  a1,
  absA1,
  FIRST_STAGE_COL,
  LABEL_COL,
  ROW,
  ROW_COUNT,
  SIDE_COL,
  stageCol,
} from '../map/layout';
import type { PlanCell } from '../map/plan';
import { toCellData } from '../map/read-map';
import { LANGS, t, type Lang, type MessageKey } from '../words/i18n';
import { CADENCES, cadenceWord, readCadence, type Cadence } from './cadence';
import { columnLetters, type History } from './history';

export const BLOCK_KEYS = [
  'reviewSection',
  'revenueGoal',
  'goalDate',
  'cadence',
  'goalProgress',
  'goalNeeds',
  'trend',
  'trendChange',
  'trendAlert',
] as const;
export type BlockKey = (typeof BLOCK_KEYS)[number];
/** The block's inputs, the user's cells in column B: the revenue goal, its date, the cadence. */
export const REVIEW_FIELDS = [
  'revenueGoal',
  'goalDate',
  'cadence',
] as const satisfies readonly BlockKey[];
export type ReviewField = (typeof REVIEW_FIELDS)[number];
/** The rows a review fills stage by stage (once two periods are recorded). */
const TREND_KEYS: readonly BlockKey[] = ['trend', 'trendChange', 'trendAlert'];

/** One blank row between the footer and the block, so the markers' row stays apart. */
export const BLOCK_FIRST_ROW = ROW_COUNT + 2;
export const BLOCK_ROW = Object.fromEntries(
  BLOCK_KEYS.map((k, i) => [k, BLOCK_FIRST_ROW + i]),
) as Record<BlockKey, number>;
export const BLOCK_LAST_ROW = BLOCK_FIRST_ROW + BLOCK_KEYS.length - 1;

/**
 * Whether the block owns its cell in row `key`, column `c` of the block (0 the labels, 1 column B,
 * 2… the stages): its labels, column B but the inputs, and the trend rows of every stage but the
 * first. Those it draws, and a stage edit draws again; the rest is the user's to write in, and
 * a review keeps it.
 */
function blockOwns(key: BlockKey, c: number): boolean {
  if (c === SIDE_COL - LABEL_COL) return !(REVIEW_FIELDS as readonly BlockKey[]).includes(key);
  return c === 0 || (c > FIRST_STAGE_COL - LABEL_COL && TREND_KEYS.includes(key));
}

/** Whether a sheet cell under the footer of a map of `stages` stages is one its block owns. */
export function isBlockCell(row: number, col: number, stages: number): boolean {
  const key = BLOCK_KEYS[row - BLOCK_FIRST_ROW];
  if (key === undefined || col < LABEL_COL || col > stageCol(stages - 1)) return false;
  return blockOwns(key, col - LABEL_COL);
}

/** Where a stage now at some index was before a stage edit, and whether its cell there was blank. */
export interface StageBefore {
  /** its index before, null for a stage the edit added */
  index: number | null;
  blank: boolean;
}

/**
 * Which of the block's planned cells (`r`, `c` within it) a stage edit draws again. Ours are (the
 * labels, column B's), and a stage's trend cells follow who held them before the edit
 * (`before(i, r)` for the stage now at `i`): ours before, they are drawn for the new order, or
 * cleared where the stage is now the first (its trend is the user's to write in); the user's
 * before (the first stage's), they are drawn only where blank, as a stage edit takes nothing typed.
 */
export function redrawsCell(
  cell: PlanCell,
  r: number,
  c: number,
  before: (i: number, r: number) => StageBefore,
): boolean {
  const i = c - (FIRST_STAGE_COL - LABEL_COL);
  const key = BLOCK_KEYS[r];
  if (i < 0 || key === undefined || !TREND_KEYS.includes(key)) return cell.owner === 'template';
  const was = before(i, r);
  if (was.index === null) return cell.owner === 'template';
  return was.index > 0 || (i > 0 && was.blank);
}
/** How many periods the trend rows draw. */
export const TREND_PERIODS = 12;

const BLOCK_MARKER: Record<Lang, string> = { en: 'CJM reviews', ru: 'CJM обзоры' };
export const blockMarker = (lang: Lang): string => BLOCK_MARKER[lang];
export const isBlockMarker = (v: unknown): boolean =>
  Object.values(BLOCK_MARKER).includes(String(v ?? '').trim());

/** What the block's inputs hold: the goal, its date and the cadence, as the user typed them. */
export interface ReviewFields {
  revenueGoal: CellData;
  goalDate: CellData;
  cadence: CellData;
}

export interface ReviewBlock {
  /** whether the map carries the block (else it gets one on its first review) */
  present: boolean;
  fields: ReviewFields;
}

/**
 * The block in a map's values (rows from 1), if its marker is where the block goes. The time zone
 * is asked for only when the goal's date is a date (Apps Script charges a call for it).
 */
export function readBlock(
  values: readonly (readonly unknown[])[],
  timeZone?: () => string | undefined,
): ReviewBlock {
  const at = (key: BlockKey) => values[BLOCK_ROW[key] - 1]?.[SIDE_COL - 1];
  if (!isBlockMarker(at('reviewSection')))
    return { present: false, fields: { revenueGoal: '', goalDate: '', cadence: '' } };
  const date = at('goalDate');
  return {
    present: true,
    fields: {
      revenueGoal: toCellData(at('revenueGoal')),
      goalDate: toCellData(date, typeof date === 'object' && date ? timeZone?.() : undefined),
      cadence: toCellData(at('cadence')),
    },
  };
}

/** The inputs a user types into the block: their rows must still carry their labels. */
const GOAL_LABELS = LANGS.map((l) => t(l, 'review.row.revenueGoal'));

/**
 * Where the block no longer is as the add-on wrote it, else null: the row its marker moved to (a
 * user inserted or deleted rows between the map and the block), the row of an input whose label is
 * not beside it (rows inserted or deleted among the block's), or, its marker's row deleted or
 * cleared, the row its goal's label is on. Such a block is not written to, nor a new one over or
 * under it: the user is asked to put it back.
 */
export function movedBlockRow(values: readonly (readonly unknown[])[]): number | null {
  const at = (row: number, col: number) => String(values[row - 1]?.[col - 1] ?? '').trim();
  for (let r = ROW_COUNT + 1; r <= Math.min(values.length, BLOCK_LAST_ROW); r++) {
    if (GOAL_LABELS.includes(at(r, LABEL_COL))) return r;
    if (!isBlockMarker(at(r, SIDE_COL))) continue;
    if (r !== BLOCK_ROW.reviewSection) return r;
    const astray = REVIEW_FIELDS.find(
      (key) => !LANGS.some((l) => t(l, `review.row.${key}`) === at(BLOCK_ROW[key], LABEL_COL)),
    );
    return astray ? BLOCK_ROW[astray] : null;
  }
  return null;
}

/** Whether the rows the block would take under an older map are free (nothing typed there). */
export function blockRowsFree(values: readonly (readonly unknown[])[]): boolean {
  for (let r = ROW_COUNT + 1; r <= BLOCK_LAST_ROW; r++)
    if ((values[r - 1] ?? []).some((v) => toCellData(v) !== '')) return false;
  return true;
}

/** The cadence of the block (a word in either language), or the default when blank. */
export function blockCadence(fields: ReviewFields): Cadence | null {
  return readCadence(fields.cadence);
}

/** The history's cells the trend formulas read: its sheet and the rows of the last periods. */
export interface TrendSource {
  sheetName: string;
  history: Pick<History, 'columns'>;
  /** the sheet rows of the counted periods, oldest first */
  rows: readonly number[];
}

const SPARK_OPTIONS = (type: 'line' | 'column') =>
  `{"charttype","${type}";"empty","ignore";"nan","ignore";"color","${type === 'line' ? '#1a73e8' : '#188038'}"}`;

/** The deal stage (first with role C, else the last) and the leads stage (first L, else the first). */
function roleIndex(j: Journey, role: 'L' | 'C'): number {
  const i = j.stages.findIndex((s) => s.role === role);
  return i >= 0 ? i : role === 'L' ? 0 : j.stages.length - 1;
}

/**
 * The block as cells: rows BLOCK_KEYS × columns A, B and one per stage. Without periods to draw
 * (none yet, or one), the trend rows say what they will show.
 */
export function planBlock(
  j: Journey,
  fields: ReviewFields,
  source: TrendSource | null,
  money: string,
): PlanCell[][] {
  const lang = j.lang;
  const w = (key: MessageKey) => t(lang, key);
  const cell = (value: CellData, style: PlanCell['style'], numberFormat: string = FORMAT.text) =>
    ({ value, owner: 'template', style, numberFormat }) satisfies PlanCell;
  const formula = (f: string, style: PlanCell['style'], numberFormat: string): PlanCell => ({
    ...cell('', style, numberFormat),
    formula: f,
  });
  const blank = cell('', 'plain');
  const side = (key: BlockKey) => a1(BLOCK_ROW[key], SIDE_COL);
  const stageRow = (row: number) =>
    `${absA1(row, FIRST_STAGE_COL)}:${absA1(row, stageCol(j.stages.length - 1))}`;

  const rows = source ? source.rows.slice(-TREND_PERIODS) : [];
  const h = (marker: string, row: number): string | null => {
    const letters = source ? columnLetters(source.history, marker) : null;
    return letters && source ? `${quoteSheet(source.sheetName)}!$${letters}$${row}` : null;
  };
  const span = (marker: string): string | null => {
    const first = rows[0];
    const last = rows[rows.length - 1];
    const a = first === undefined ? null : h(marker, first);
    const b = last === undefined ? null : h(marker, last);
    return a && b ? `${a}:${b.replace(/^.*!/, '')}` : null;
  };
  const drawn = rows.length >= 2;
  const lastRow = rows[rows.length - 1];
  const prevRow = rows[rows.length - 2];

  const deal = j.stages[roleIndex(j, 'C')]?.id ?? '';
  const revenueAt = (row: number) => {
    const [c, p, q] = [h(`customers ${deal}`, row), h('P', row), h('Q', row)];
    return c && p && q ? `${c}*${p}*${q}` : null;
  };
  const stepAt = (i: number, row: number) => {
    const cur = j.stages[i];
    const prev = j.stages[i - 1];
    const [x, y] = [cur && h(`customers ${cur.id}`, row), prev && h(`customers ${prev.id}`, row)];
    return x && y ? `${x}/${y}` : null;
  };
  const stepSpan = (i: number) => {
    const cur = j.stages[i];
    const prev = j.stages[i - 1];
    const [x, y] = [cur && span(`customers ${cur.id}`), prev && span(`customers ${prev.id}`)];
    return x && y ? `${x}/${y}` : null;
  };
  const targetAt = (i: number, row: number) => {
    const s = j.stages[i];
    return s ? h(`target ${s.id}`, row) : null;
  };

  const revenueSpan = (() => {
    const [c, p, q] = [span(`customers ${deal}`), span('P'), span('Q')];
    return c && p && q ? `${c}*${p}*${q}` : null;
  })();
  const sideCell = (key: BlockKey): PlanCell => {
    switch (key) {
      case 'reviewSection':
        return cell(blockMarker(lang), 'footer');
      case 'revenueGoal':
        return { ...cell(fields.revenueGoal, 'input', money), validation: 'money' };
      case 'goalDate': {
        const serial =
          typeof fields.goalDate === 'string' ? isoToSerial(fields.goalDate) : fields.goalDate;
        return cell(serial ?? fields.goalDate, 'plain', DATE_FORMAT[lang]);
      }
      case 'cadence':
        return {
          ...cell(fields.cadence === '' ? cadenceWord('month', lang) : fields.cadence, 'input'),
          validation: 'cadence',
        };
      case 'goalProgress': {
        const [rev, goal] = [a1(ROW.revenue, SIDE_COL), side('revenueGoal')];
        return formula(
          `=IF(AND(ISNUMBER(${rev}),ISNUMBER(${goal})),IF(${goal}>0,${rev}/${goal},""),"")`,
          'computed',
          FORMAT.share,
        );
      }
      case 'goalNeeds': {
        // The weakest transition's step, found by the stage its cell names ("A → B"), times what
        // the revenue lacks: only for a transition between the leads and the deal stage.
        const weak = a1(ROW.weakest, SIDE_COL);
        const progress = side('goalProgress');
        const k = `MATCH(TRIM(MID(${weak},FIND("→",${weak})+1,1000)),${stageRow(ROW.header)},0)`;
        const roles = stageRow(ROW.role);
        const inSpan = `AND(${k}>IFERROR(MATCH("L",${roles},0),1),${k}<=IFERROR(MATCH("C",${roles},0),COLUMNS(${roles})))`;
        return formula(
          `=IFERROR(IF(AND(ISNUMBER(${progress}),${progress}>0,${progress}<1,${inSpan}),INDEX(${stageRow(ROW.step)},1,${k})/${progress},""),"")`,
          'computed',
          FORMAT.share,
        );
      }
      case 'trend':
        return drawn && revenueSpan
          ? formula(
              `=ARRAYFORMULA(SPARKLINE(IFERROR(${revenueSpan},""),${SPARK_OPTIONS('column')}))`,
              'formula',
              FORMAT.text,
            )
          : cell(w('review.noTrend'), 'hint');
      case 'trendChange': {
        const [a, b] = [lastRow && revenueAt(lastRow), prevRow && revenueAt(prevRow)];
        return drawn && a && b
          ? formula(`=IFERROR(${a}-(${b}),"")`, 'computed', money)
          : cell('', 'plain');
      }
      case 'trendAlert':
        return cell(w('review.alertHint'), 'hint');
      default:
        return key satisfies never;
    }
  };
  const stageCell = (key: BlockKey, i: number): PlanCell => {
    if (i === 0 || !TREND_KEYS.includes(key) || !drawn || !lastRow || !prevRow) return blank;
    if (key === 'trend') {
      const s = stepSpan(i);
      return s
        ? formula(
            `=ARRAYFORMULA(SPARKLINE(IFERROR(${s},""),${SPARK_OPTIONS('line')}))`,
            'formula',
            FORMAT.text,
          )
        : blank;
    }
    const [now, before] = [stepAt(i, lastRow), stepAt(i, prevRow)];
    if (!now || !before) return blank;
    if (key === 'trendChange')
      return formula(`=IFERROR((${now}-${before})*100,"")`, 'computed', POINTS_FORMAT[lang]);
    if (key === 'trendAlert') {
      const [tn, tb] = [targetAt(i, lastRow), targetAt(i, prevRow)];
      if (!tn || !tb) return blank;
      return formula(
        `=IFERROR(IF(AND(ISNUMBER(${tn}),ISNUMBER(${tb}),${now}<${tn},${before}<${tb}),${formulaText(w('review.belowTwice'))},""),"")`,
        'computed',
        FORMAT.text,
      );
    }
    return blank;
  };
  return BLOCK_KEYS.map((key) =>
    [
      key === 'reviewSection'
        ? cell(w('review.section'), 'sectionLabel')
        : cell(w(`review.row.${key}`), 'label'),
      sideCell(key),
      ...j.stages.map((_, i) =>
        key === 'reviewSection' ? cell('', 'section') : stageCell(key, i),
      ),
    ].map((c, i): PlanCell => (blockOwns(key, i) ? c : { ...c, owner: 'user' })),
  );
}

/** A change in percentage points, signed: "+3.0 pp", "−1,5 п.п.". */
export const POINTS_FORMAT: Record<Lang, string> = {
  en: '+0.0" pp";-0.0" pp";0.0" pp"',
  ru: '+0.0" п.п.";-0.0" п.п.";0.0" п.п."',
};

/** The cadence dropdown's words in the map's language. */
export const cadenceChoices = (lang: Lang): string[] => CADENCES.map((c) => cadenceWord(c, lang));
