/**
 * The action plan of a map: its own sheet, one action a row, each with its live revenue impact
 * alone (one CJM_IMPACT formula on the map's named L, C, P, Q cells, and its stages for an action
 * on a transition), ranked by it; under them the impact of all the actions together (the same
 * call's last row), revenue now and after the plan.
 */
import { changeFits } from '../funnel/change';
import { LEVER_LETTER, planLeverOf, type Economics } from '../funnel/funnel';
import { impactOfText } from '../funnel/plan-impact';
import type { PlanFunnel } from '../funnel/transition';
import { LANGS, t, type Lang } from '../words/i18n';
import {
  ACTION_FIELDS,
  IMPACT_COL,
  PLAN_COLS,
  PLAN_COLUMNS,
  PLAN_LAYOUTS,
  columnOf,
  type ActionField,
  type PlanColumn,
  type PlanLayout,
} from '../map/plan-layout';
import { once } from '../once';
import { absA1, a1, namedRangeName, ROW, SIDE_COL, stageCol } from '../map/layout';
import { formulaText, quoteSheet, sheetLink } from '../map/links';
import type { PlannedAction } from './mindmap';
import type { WriteCell } from '../map/plan';
import { cellDateText, isoToSerial, parseDate } from '../map/dates';
import { currencyOf } from '../map/formats';
import { formatMoney } from '../funnel/numbers';
import { columnWidth, roomAcross, type ColumnText } from '../words/text-width';

export const PLAN_HEADER_ROW = 3;
export const PLAN_LEVERS = ['L', 'C', 'P', 'Q'] as const;
/**
 * Rows under the actions: the impact of all the actions together, the map's revenue now, and after
 * the plan.
 */
export const PLAN_TOTAL_ROWS = 3;

export {
  ACTION_FIELDS,
  DEADLINE_COL,
  IMPACT_COL,
  PLAN_COLS,
  PLAN_COLUMNS,
  PLAN_LAYOUTS,
  START_COL,
  columnOf,
  type ActionField,
  type PlanColumn,
  type PlanLayout,
} from '../map/plan-layout';

/** An action as the plan holds it; `start` and `deadline` are ISO dates, or the text typed. */
export type ActionInput = Omit<PlannedAction, 'impact'> & { status: string; start: string };

export function planStatuses(lang: Lang): string[] {
  return t(lang, 'plan.statuses').split('|');
}

/**
 * Revenue impact of an action as the sheet's CJM_IMPACT computes it (the sidebar shows the same
 * while typing); null when it cannot be computed yet.
 */
export function actionImpact(
  e: Economics | null,
  a: Pick<ActionInput, 'lever' | 'change'> & { stage?: string },
  funnel: PlanFunnel | null = null,
): number | null {
  return impactOfText(e, a, funnel);
}

/**
 * A lever typed in the plan sheet, in any spelling CJM_IMPACT accepts, as the wizard's L, C, P, Q
 * or "step" (the transition into the action's stage); "" if unknown.
 */
export function planLever(text: string): (typeof PLAN_LEVERS)[number] | 'step' | '' {
  const lever = planLeverOf(text);
  return lever === null ? '' : lever === 'step' ? 'step' : LEVER_LETTER[lever];
}

/** The levers a plan sheet's dropdown offers, in the map's language. */
export const planLeverChoices = (lang: Lang): string[] => [
  ...PLAN_LEVERS,
  t(lang, 'plan.stepLever'),
];

/**
 * A lever as its plan cell shows it: L, C, P or Q, and the step's word in the map's language ("Шаг");
 * anything else as typed.
 */
export const leverCell = (lang: Lang, lever: string): string =>
  lever === 'step' ? t(lang, 'plan.stepLever') : lever;

/**
 * Whether an action's expected change states its unit and fits its lever: "+2 pp" only moves
 * a conversion (C or a step), "+0,5 покупки" only purchases; a bare number ("+0,5") is refused.
 */
export function changeReadable(a: Pick<ActionInput, 'lever' | 'change'>): boolean {
  return changeFits(a.lever, a.change);
}

/**
 * Actions ranked by impact, largest first; equal impacts keep their order in the list (as typed),
 * and those without an impact keep theirs at the end.
 */
export function rankActions<T extends { impact: number | null }>(actions: readonly T[]): T[] {
  return actions
    .map((a, i) => ({ a, i }))
    .sort((x, y) => (y.a.impact ?? -Infinity) - (x.a.impact ?? -Infinity) || x.i - y.i)
    .map((x) => x.a);
}

/**
 * Where the parts of a plan sheet of `count` actions are (1-based rows), under its header row:
 * PLAN_HEADER_ROW as written, lower when a user inserted rows above it.
 */
export function planRows(
  count: number,
  header = PLAN_HEADER_ROW,
): { first: number; last: number; total: number } {
  const first = header + 1;
  const last = header + Math.max(1, count);
  return { first, last, total: last + 1 };
}

/**
 * Whether a cell holds a plan title the add-on wrote (in either language), so a rename may rewrite
 * it.
 */
export function isPlanTitle(text: unknown): boolean {
  const s = String(text ?? '');
  return LANGS.some((lang) => {
    const [before = '', after = ''] = t(lang, 'plan.title', { name: '\u0000' }).split('\u0000');
    return s.length > before.length + after.length && s.startsWith(before) && s.endsWith(after);
  });
}

/** The plan's header row from A, in a layout (the current one unless told). */
export function planHeaderLabels(lang: Lang, layout: PlanLayout = PLAN_COLUMNS): string[] {
  return layout.map((k) => t(lang, `plan.${k}`));
}

/**
 * The layout a plan sheet's header row (from column A) shows, or null when it shows none: each of
 * the layout's columns under its own label (in either language). A column inserted, deleted or
 * moved inside the plan puts another label, or none, in some place, and reading by position would
 * then mix up the fields (and a save write over the user's column).
 */
export function planLayoutOf(row: readonly unknown[] | undefined): PlanLayout | null {
  if (row === undefined) return null;
  const found = (i: number) =>
    String(row[i] ?? '')
      .trim()
      .toLowerCase();
  return PLAN_LAYOUTS.find((layout) => layout.every((k, i) => labelsOf(k).has(found(i)))) ?? null;
}

/**
 * A column's label in every language, lower case (built on first use: the bundle loads for every
 * custom-function call).
 */
const headerLabels = once(
  (): ReadonlyMap<PlanColumn, ReadonlySet<string>> =>
    new Map(
      PLAN_COLUMNS.map((k) => [
        k,
        new Set(LANGS.map((lang) => t(lang, `plan.${k}`).toLowerCase())),
      ]),
    ),
);
const labelsOf = (k: PlanColumn): ReadonlySet<string> => headerLabels().get(k) ?? new Set();

/**
 * The rank of impact `x` among `all` (larger first), ties by their order (`upTo`: the impacts from
 * the first to x's own): those above x, and those up to x that equal it, within a billionth.
 */
function rankOf(x: string, all: string, upTo: string): string {
  const near = `ABS(${x})/1000000000`;
  const [above, atLeast] = [`">"&(${x}+${near})`, `">="&(${x}-${near})`];
  return `COUNTIF(${all},${above})+COUNTIF(${upTo},${atLeast})-COUNTIF(${upTo},${above})`;
}

/** The map a plan is written for: its id, its sheet's name and id, and its number of stages. */
export interface PlanMap {
  id: string;
  sheetName: string;
  /** null while its sheet is not known: the plan then has no link back to it */
  sheetId: number | null;
  stages: number;
}

/**
 * The map's rows CJM_IMPACT reads an action on a transition from (stage names, roles, counts), each
 * from the side column B to the column after the last stage: Sheets stretches or shrinks a range
 * whole when a column is inserted, deleted or moved inside it, so the edges (never stages) keep
 * every stage in, whichever stage is added, removed or moved, and the map's Move stage, which
 * refuses to move a column at the edge of a range a formula reads, never meets them.
 */
function mapRows(map: PlanMap): string[] {
  const sheet = quoteSheet(map.sheetName);
  const last = stageCol(map.stages - 1) + 1;
  return (['header', 'role', 'customers'] as const).map(
    (row) => `${sheet}!${absA1(ROW[row], SIDE_COL)}:${absA1(ROW[row], last)}`,
  );
}

/**
 * The plan sheet from row `top`: title (and a link back to the map, when its sheet id is known),
 * note, header, one row per action, then the totals. Every cell of ours under the header is in
 * column A (rank, the totals' labels) or the impact column (the totals): what a user types between
 * them is an action. Under a header a user moved down (`header` > PLAN_HEADER_ROW) the rows above
 * it may be theirs: the grid then starts at the header and leaves the title and the note where they
 * are. `oldRows`: the sheet's last row with content, blanked below the plan.
 */
export function planSheetGrid(
  lang: Lang,
  map: PlanMap,
  actions: readonly ActionInput[],
  oldRows: number,
  header = PLAN_HEADER_ROW,
): { top: number; rows: WriteCell[][] } {
  const { first, last, total } = planRows(actions.length, header);
  const named = (k: 'L' | 'C' | 'P' | 'Q') => namedRangeName(map.id, k);
  const text = (s: string): WriteCell => ({ text: s });
  const line = (cells: WriteCell[]) => [
    ...cells,
    ...Array<WriteCell>(PLAN_COLS - cells.length).fill(text('')),
  ];
  const column = (field: ActionField) =>
    `${a1(first, columnOf(field))}:${a1(last, columnOf(field))}`;
  // One formula for the whole column (each custom-function cell is a server execution in Sheets):
  // it spills down, each action's impact alone, and one row more, over the first total row: the
  // impact of all the actions together. Always a range, so a bad row holds a ⚠ note.
  const impactFormula = `=CJM_IMPACT(${named('L')},${named('C')},${named('P')},${named('Q')},${column('lever')},${column('change')},TRUE(),${column('stage')},${mapRows(map).join(',')})`;
  const impactRange = `${absA1(first, IMPACT_COL)}:${absA1(last, IMPACT_COL)}`;
  const field = (a: ActionInput, k: ActionField): WriteCell =>
    k === 'deadline' || k === 'start'
      ? deadlineCell(a[k])
      : text(k === 'lever' ? leverCell(lang, a.lever) : a[k]);
  const upTo = (r: number) => `${absA1(first, IMPACT_COL)}:${a1(r, IMPACT_COL)}`;
  const row = (a: ActionInput, i: number): WriteCell[] => {
    const r = first + i;
    const impactCell = a1(r, IMPACT_COL);
    return [
      // Ranked by impact, larger first; equal impacts by their order in the plan (as typed).
      // COUNTIF's ">"&x compares with x written as text, to 15 digits in Sheets and LibreOffice,
      // which may put x above itself: impacts within a billionth of x count as equal to it.
      { formula: `=IF(ISNUMBER(${impactCell}),${rankOf(impactCell, impactRange, upTo(r))},"")` },
      ...ACTION_FIELDS.map((k) => field(a, k)),
      i === 0 ? { formula: impactFormula } : text(''),
    ];
  };
  // Label in A (it reads across the empty cells after it), value in the impact column.
  const totalRow = (label: string, value: WriteCell) => [
    text(label),
    ...Array<WriteCell>(PLAN_COLS - 2).fill(text('')),
    value,
  ];
  const impact = (r: number) => a1(r, IMPACT_COL);
  const totals = [
    // the impact of all the actions together: the last row of CJM_IMPACT's spill (a plan without
    // actions has no formula: it changes nothing)
    totalRow(t(lang, 'plan.total'), actions.length ? text('') : { number: 0 }),
    totalRow(t(lang, 'plan.revenueNow'), { formula: `=${namedRangeName(map.id, 'REVENUE')}` }),
    totalRow(t(lang, 'plan.revenueAfter'), {
      formula: `=IF(AND(ISNUMBER(${impact(total)}),ISNUMBER(${impact(total + 1)})),${impact(total + 1)}+${impact(total)},"")`,
    }),
  ];
  const rows = [
    line([text(t(lang, 'plan.title', { name: map.sheetName }))]),
    // (the order the total applies the actions in is said where the totals are shown: the sidebar)
    line([text(t(lang, 'plan.note'))]),
    planHeaderLabels(lang).map(text),
    ...actions.map(row),
    ...(actions.length ? [] : [line([])]),
    ...totals,
  ];
  // Back to the map, above the impact column (the title reads across the empty cells before it).
  if (map.sheetId !== null)
    rows[0]![IMPACT_COL - 1] = {
      formula: `=${sheetLink(map.sheetId, formulaText(t(lang, 'plan.openMap')))}`,
    };
  const titled = header === PLAN_HEADER_ROW;
  const top = titled ? 1 : header;
  const body = titled ? rows : rows.slice(PLAN_HEADER_ROW - 1);
  // Rows of a longer previous plan (and its totals) are blanked, so nothing removed lingers below.
  const blanks = Math.max(0, oldRows - (top - 1) - body.length);
  return { top, rows: [...body, ...Array.from({ length: blanks }, () => line([]))] };
}

/**
 * A date of an action (its deadline, its start) as its cell is written: a date (ISO from the
 * sidebar's date input, or typed as "15.06.2026") as its serial number, so the cell holds a real
 * date that the column's date format shows in the map's language; anything else as the text it is.
 */
export function deadlineCell(deadline: string): WriteCell {
  const iso = parseDate(deadline);
  const serial = iso === null ? null : isoToSerial(iso);
  return serial === null ? { text: deadline } : { number: serial };
}

/**
 * Reads actions back from the plan sheet's values (the user may have edited them there): the rows
 * under its header row, by the columns of its layout (a plan saved before actions had a start date
 * reads with none). A date (a Date from getValues, or text typed as one, "15.06.2026") reads as ISO
 * text, what the sidebar's date input takes; anything else as typed. `timeZone`: the
 * spreadsheet's, asked for only when a Date is met (see dates.ts).
 */
export function readActions(
  values: unknown[][],
  header = PLAN_HEADER_ROW,
  timeZone: () => string | undefined = () => undefined,
  layout: PlanLayout = PLAN_COLUMNS,
): (ActionInput & { impact: number | null })[] {
  const cell = (row: readonly unknown[], field: ActionField) => {
    const col = columnOf(field, layout);
    if (col === 0) return '';
    const v = row[col - 1];
    return field === 'deadline' || field === 'start'
      ? cellDateText(v, timeZone)
      : String(v ?? '').trim();
  };
  return values.slice(header).flatMap((row) => {
    const cells = ACTION_FIELDS.map((f) => cell(row, f));
    if (cells.every((c) => c === '')) return [];
    const entry = Object.fromEntries(
      ACTION_FIELDS.map((k, i) => [k, cells[i] ?? '']),
    ) as ActionInput;
    const v = row[columnOf('impact', layout) - 1];
    return [{ ...entry, impact: typeof v === 'number' && Number.isFinite(v) ? v : null }];
  });
}

/**
 * The least width of each plan column (PLAN_COLUMNS), the widths the plan had before they were
 * sized by their text.
 */
const PLAN_LEAST = {
  rank: 60,
  action: 260,
  stage: 140,
  lever: 70,
  change: 110,
  owner: 110,
  deadline: 110,
  status: 110,
  start: 110,
  impact: 140,
} as const satisfies Record<PlanColumn, number>;

/**
 * The plan's column widths in pixels, PLAN_COLUMNS in order, from what the columns hold (text-width.ts): the header
 * labels (bold, wrapped: no word split), the actions' words, a date, a list's value with its
 * dropdown (the statuses of both languages whole: a status is never split, whichever language a
 * colleague typed it in), money up to a billion in the totals' bold, the link back to the map. The
 * title runs on up to the impact column (which holds the link) and the note over it: the action
 * column widens when they would not hold there.
 */
export function planColumnWidths(
  lang: Lang,
  mapName: string,
  actions: readonly ActionInput[],
  locale: string,
): number[] {
  const numbers = locale.toLowerCase().startsWith('ru') ? 'ru' : 'en';
  const money = formatMoney(-999_999_999, numbers, currencyOf(locale));
  const labels = planHeaderLabels(lang);
  const words = (text: string, extra: Partial<ColumnText> = {}): ColumnText => ({
    text,
    wrap: true,
    ...extra,
  });
  const column = (i: number): ColumnText[] => {
    const header = words(labels[i] ?? '', { bold: true });
    const field = ACTION_FIELDS[i - 1];
    const shown = (a: ActionInput, f: ActionField) =>
      f === 'lever' ? leverCell(lang, a[f]) : a[f];
    const typed = field
      ? actions.map((a) => words(shown(a, field), { dropdown: field === 'lever' }))
      : [];
    if (i === 0) return [header, { text: '40' }];
    if (field === 'deadline' || field === 'start')
      return [header, { text: lang === 'ru' ? '28.12.2026' : '2026-12-28' }];
    if (field === 'status')
      return [
        header,
        ...typed.map((c) => ({ ...c, dropdown: true })),
        ...LANGS.flatMap((l) => planStatuses(l)).map((text) => ({ text, dropdown: true })),
      ];
    if (field === 'lever')
      return [
        header,
        ...typed,
        ...planLeverChoices(lang).map((text) => ({ text, dropdown: true })),
      ];
    if (i === IMPACT_COL - 1)
      return [header, { text: money, bold: true }, { text: t(lang, 'plan.openMap') }];
    return [header, ...typed];
  };
  const widths = PLAN_COLUMNS.map((k, i) => columnWidth(PLAN_LEAST[k], column(i)));
  const action = ACTION_FIELDS.indexOf('action') + 1;
  roomAcross(widths, { text: t(lang, 'plan.title', { name: mapName }) }, 0, IMPACT_COL - 2, action);
  roomAcross(widths, { text: t(lang, 'plan.note') }, 0, IMPACT_COL - 1, action);
  for (const key of ['plan.total', 'plan.revenueNow', 'plan.revenueAfter'] as const)
    roomAcross(widths, { text: t(lang, key), bold: true }, 0, IMPACT_COL - 2, action);
  return widths;
}
