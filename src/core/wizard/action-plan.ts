/**
 * The action plan of a map: its own sheet, one action a row, each with its live revenue impact
 * alone (one CJM_IMPACT formula on the map's named L, C, P, Q cells), ranked by it; under them the
 * impact of all the actions together (the same call's last row), revenue now and after the plan.
 */
import { changeFits, impactOfText } from '../funnel/change';
import { LEVER_ALIASES, LEVER_LETTER, type Economics } from '../funnel/funnel';
import { LANGS, t, type Lang } from '../words/i18n';
import { once } from '../once';
import { absA1, a1, namedRangeName } from '../map/layout';
import { formulaText, sheetLink } from '../map/links';
import type { PlannedAction } from './mindmap';
import type { WriteCell } from '../map/plan';
import { cellDateText, isoToSerial, parseDate } from '../map/dates';
import { currencyOf } from '../map/formats';
import { formatMoney } from '../funnel/numbers';
import { columnWidth, roomAcross, type ColumnText } from '../words/text-width';

export const PLAN_HEADER_ROW = 3;
export const PLAN_COLS = 9;
export const PLAN_LEVERS = ['L', 'C', 'P', 'Q'] as const;
export const IMPACT_COL = 9;
/**
 * Rows under the actions: the impact of all the actions together, the map's revenue now, and after
 * the plan.
 */
export const PLAN_TOTAL_ROWS = 3;

/** Column order of an action row after the rank column; the impact column is computed. */
export const ACTION_FIELDS = [
  'action',
  'stage',
  'lever',
  'change',
  'owner',
  'deadline',
  'status',
] as const;
/** The deadline's column (G): a real date, shown in the map's date format. */
export const DEADLINE_COL = 2 + ACTION_FIELDS.indexOf('deadline');

export type ActionInput = Omit<PlannedAction, 'impact'> & { status: string };

export function planStatuses(lang: Lang): string[] {
  return t(lang, 'plan.statuses').split('|');
}

/**
 * Revenue impact of an action as the sheet's CJM_IMPACT computes it (the sidebar shows the same
 * while typing); null when it cannot be computed yet.
 */
export function actionImpact(
  e: Economics | null,
  a: Pick<ActionInput, 'lever' | 'change'>,
): number | null {
  return impactOfText(e, a.lever, a.change);
}

/**
 * A lever typed in the plan sheet, in any spelling CJM_IMPACT accepts, as the wizard's L, C, P or Q
 * ("" if unknown).
 */
export function planLever(text: string): (typeof PLAN_LEVERS)[number] | '' {
  const lever = LEVER_ALIASES[text.trim().toLowerCase()];
  return lever ? LEVER_LETTER[lever] : '';
}

/**
 * Whether an action's expected change states its unit and fits its lever: "+2 pp" only moves
 * conversion, "+0,5 покупки" only purchases; a bare number ("+0,5") is refused.
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

/** The plan's header row, A..I. */
export function planHeaderLabels(lang: Lang): string[] {
  return (
    [
      'plan.rank',
      'plan.action',
      'plan.stage',
      'plan.lever',
      'plan.change',
      'plan.owner',
      'plan.deadline',
      'plan.status',
      'plan.impact',
    ] as const
  ).map((k) => t(lang, k));
}

/**
 * Whether a plan sheet's header row (from column A) still has the shape the actions are read by:
 * each of the plan's columns under its own label (in either language). A column inserted, deleted
 * or moved inside the plan puts another label, or none, in some place, and reading by position
 * would then mix up the fields (and a save write over the user's column).
 */
export function planHeaderIntact(row: readonly unknown[] | undefined): boolean {
  if (row === undefined) return false;
  const found = Array.from({ length: PLAN_COLS }, (_, i) =>
    String(row[i] ?? '')
      .trim()
      .toLowerCase(),
  );
  return found.every((label, i) => headerLabels()[i]?.has(label) ?? false);
}

/**
 * Each column's label in every language, lower case (built on first use: the bundle loads for every
 * custom-function call).
 */
const headerLabels = once((): ReadonlySet<string>[] =>
  Array.from(
    { length: PLAN_COLS },
    (_, i) => new Set(LANGS.map((lang) => (planHeaderLabels(lang)[i] ?? '').toLowerCase())),
  ),
);

/**
 * The plan sheet from row `top`: title (and a link back to the map, when its sheet id is known),
 * note, header, one row per action, then the totals. Every cell of ours under the header is in
 * column A (rank, the totals' labels) or I (impact, the totals): what a user types in B..H is an
 * action. Under a header a user moved down (`header` > PLAN_HEADER_ROW) the rows above it may be
 * theirs: the grid then starts at the header and leaves the title and the note where they are.
 * `oldRows`: the sheet's last row with content, blanked below the plan.
 */
export function planSheetGrid(
  lang: Lang,
  mapId: string,
  mapName: string,
  actions: readonly ActionInput[],
  oldRows: number,
  mapSheetId: number | null = null,
  header = PLAN_HEADER_ROW,
): { top: number; rows: WriteCell[][] } {
  const { first, last, total } = planRows(actions.length, header);
  const named = (k: 'L' | 'C' | 'P' | 'Q') => namedRangeName(mapId, k);
  const text = (s: string): WriteCell => ({ text: s });
  const line = (cells: WriteCell[]) => [
    ...cells,
    ...Array<WriteCell>(PLAN_COLS - cells.length).fill(text('')),
  ];
  // One formula for the whole column (each custom-function cell is a server execution in Sheets):
  // it spills down, each action's impact alone, and one row more, over the first total row: the
  // impact of all the actions together. Always a range, so a bad row holds a ⚠ note.
  const impactFormula = `=CJM_IMPACT(${named('L')},${named('C')},${named('P')},${named('Q')},${a1(first, 4)}:${a1(last, 4)},${a1(first, 5)}:${a1(last, 5)},TRUE())`;
  const impactRange = `${absA1(first, IMPACT_COL)}:${absA1(last, IMPACT_COL)}`;
  const row = (a: ActionInput, i: number): WriteCell[] => {
    const r = first + i;
    const impactCell = a1(r, IMPACT_COL);
    return [
      // Ranked by impact, larger first; equal impacts by their order in the plan (as typed).
      {
        formula: `=IF(ISNUMBER(${impactCell}),COUNTIF(${impactRange},">"&${impactCell})+COUNTIF(${absA1(first, IMPACT_COL)}:${impactCell},${impactCell}),"")`,
      },
      ...ACTION_FIELDS.map((k) => (k === 'deadline' ? deadlineCell(a.deadline) : text(a[k]))),
      i === 0 ? { formula: impactFormula } : text(''),
    ];
  };
  // Label in A (it reads across the empty B..H), value in I.
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
    totalRow(t(lang, 'plan.revenueNow'), { formula: `=${namedRangeName(mapId, 'REVENUE')}` }),
    totalRow(t(lang, 'plan.revenueAfter'), {
      formula: `=IF(AND(ISNUMBER(${impact(total)}),ISNUMBER(${impact(total + 1)})),${impact(total + 1)}+${impact(total)},"")`,
    }),
  ];
  const rows = [
    line([text(t(lang, 'plan.title', { name: mapName }))]),
    // (the order the total applies the actions in is said where the totals are shown: the sidebar)
    line([text(t(lang, 'plan.note'))]),
    planHeaderLabels(lang).map(text),
    ...actions.map(row),
    ...(actions.length ? [] : [line([])]),
    ...totals,
  ];
  // Back to the map, above the impact column (the title reads across the empty cells before it).
  if (mapSheetId !== null)
    rows[0]![IMPACT_COL - 1] = {
      formula: `=${sheetLink(mapSheetId, formulaText(t(lang, 'plan.openMap')))}`,
    };
  const titled = header === PLAN_HEADER_ROW;
  const top = titled ? 1 : header;
  const body = titled ? rows : rows.slice(PLAN_HEADER_ROW - 1);
  // Rows of a longer previous plan (and its totals) are blanked, so nothing removed lingers below.
  const blanks = Math.max(0, oldRows - (top - 1) - body.length);
  return { top, rows: [...body, ...Array.from({ length: blanks }, () => line([]))] };
}

/**
 * A deadline as its cell is written: a date (ISO from the sidebar's date input, or typed as
 * "15.06.2026") as its serial number, so the cell holds a real date that the column's date
 * format shows in the map's language; anything else as the text it is.
 */
export function deadlineCell(deadline: string): WriteCell {
  const iso = parseDate(deadline);
  const serial = iso === null ? null : isoToSerial(iso);
  return serial === null ? { text: deadline } : { number: serial };
}

/**
 * Reads actions back from the plan sheet's values (the user may have edited them there): the rows
 * under its header row. A deadline that is a date (a Date from getValues, or text typed as one,
 * "15.06.2026") reads as ISO text, what the sidebar's date input takes; anything else as typed.
 * `timeZone`: the spreadsheet's, asked for only when a Date is met (see dates.ts).
 */
export function readActions(
  values: unknown[][],
  header = PLAN_HEADER_ROW,
  timeZone: () => string | undefined = () => undefined,
): (ActionInput & { impact: number | null })[] {
  const cell = (v: unknown, field: (typeof ACTION_FIELDS)[number]) =>
    field === 'deadline' ? cellDateText(v, timeZone) : String(v ?? '').trim();
  return values.slice(header).flatMap((row) => {
    const cells = ACTION_FIELDS.map((f, i) => cell(row[i + 1], f));
    if (cells.every((c) => c === '')) return [];
    const entry = Object.fromEntries(
      ACTION_FIELDS.map((k, i) => [k, cells[i] ?? '']),
    ) as ActionInput;
    const v = row[IMPACT_COL - 1];
    return [{ ...entry, impact: typeof v === 'number' && Number.isFinite(v) ? v : null }];
  });
}

/**
 * The least width of each plan column A..I (rank, action, stage, lever, change, owner, deadline,
 * status, impact), the widths the plan had before they were sized by their text.
 */
const PLAN_LEAST = [60, 260, 140, 70, 110, 110, 110, 110, 140] as const;

/**
 * The plan's column widths in pixels, A..I, from what the columns hold (text-width.ts): the header
 * labels (bold, wrapped: no word split), the actions' words, a date, a list's value with its
 * dropdown (the statuses of both languages whole: a status is never split, whichever language a
 * colleague typed it in), money up to a billion in the totals' bold, the link back to the map. The
 * title runs on over B..H (I holds the link) and the note over B..I: the action column widens when
 * they would not hold there.
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
    const typed = field ? actions.map((a) => words(a[field], { dropdown: field === 'lever' })) : [];
    if (i === 0) return [header, { text: '40' }];
    if (field === 'deadline')
      return [header, { text: lang === 'ru' ? '28.12.2026' : '2026-12-28' }];
    if (field === 'status')
      return [
        header,
        ...typed.map((c) => ({ ...c, dropdown: true })),
        ...LANGS.flatMap((l) => planStatuses(l)).map((text) => ({ text, dropdown: true })),
      ];
    if (field === 'lever')
      return [header, ...typed, ...PLAN_LEVERS.map((text) => ({ text, dropdown: true }))];
    if (i === IMPACT_COL - 1)
      return [header, { text: money, bold: true }, { text: t(lang, 'plan.openMap') }];
    return [header, ...typed];
  };
  const widths = PLAN_LEAST.map((least, i) => columnWidth(least, column(i)));
  const action = ACTION_FIELDS.indexOf('action') + 1;
  roomAcross(widths, { text: t(lang, 'plan.title', { name: mapName }) }, 0, IMPACT_COL - 2, action);
  roomAcross(widths, { text: t(lang, 'plan.note') }, 0, IMPACT_COL - 1, action);
  for (const key of ['plan.total', 'plan.revenueNow', 'plan.revenueAfter'] as const)
    roomAcross(widths, { text: t(lang, key), bold: true }, 0, IMPACT_COL - 2, action);
  return widths;
}
