/**
 * Plans a map sheet from a Journey: the pure half of "create a map" and "refresh a map".
 * Every formula here is English-syntax Sheets, the form Apps Script's setValues takes
 * whatever the spreadsheet's locale.
 */
import { ALERT, FORMAT, GOOD, moneyFormat, STAGE_TINTS, STYLES } from './formats';
import { DATE_FORMAT, isoToSerial } from './dates';
import { isMessageKey, t, type Lang, type MessageKey } from '../words/i18n';
import {
  CARD_KEYS,
  CONTENT_KEYS,
  TITLE_KEYS,
  type CardKey,
  type CellData,
  type ContentKey,
  type Journey,
} from './journey';
import {
  a1,
  a1Range,
  absA1,
  ECONOMICS_FORMULAS,
  FIRST_STAGE_COL,
  footerMarker,
  NAMED_CELLS,
  namedRangeName,
  ROW,
  ROW_COUNT,
  ROW_ORDER,
  SIDE_COL,
  sideMarker,
  stageCol,
  stageMarker,
  type RowKey,
} from './layout';
import type { ConditionalRule, PlanCell, SheetPlan, ValidationSpec } from './plan';
import { ROLES } from './stages';
import { NAME_MAX, type NameKind } from './names';
import { formulaText } from './links';

export interface PlanOptions {
  sheetName: string;
  /** the spreadsheet's locale, for currency formats */
  locale: string;
}

/** A string as a formula literal. */

const CHOICE_ROWS = {
  barrierType: 'choice.barrierType',
  driverType: 'choice.driverType',
  evidence: 'choice.evidence',
} as const;

/** The dropdown values of a choice row, in the map's language. */
export function choices(journey: Pick<Journey, 'lang'>, row: keyof typeof CHOICE_ROWS): string[] {
  return t(journey.lang, CHOICE_ROWS[row]).split('|');
}

function validations(j: Journey): Record<string, ValidationSpec> {
  const lang = j.lang;
  const list = (values: readonly string[], help: MessageKey): ValidationSpec => ({
    kind: 'list',
    values,
    help: t(lang, help),
  });
  return {
    barrierType: list(choices(j, 'barrierType'), 'valid.choice'),
    driverType: list(choices(j, 'driverType'), 'valid.choice'),
    evidence: list(choices(j, 'evidence'), 'valid.choice'),
    role: list(ROLES, 'valid.role'),
    score: { kind: 'number', min: 1, max: 5, help: t(lang, 'valid.score') },
    count: { kind: 'number', min: 0, max: 1e12, help: t(lang, 'valid.count') },
    share: { kind: 'number', min: 0, max: 1, help: t(lang, 'valid.share') },
    money: { kind: 'number', min: 0, max: 1e15, help: t(lang, 'valid.money') },
    // A name typed by hand past its limit gets a ⚠ on its cell (one rule a cell: each names its own).
    mapName: nameLength(j, 'map', a1(ROW.name, SIDE_COL)),
    ...Object.fromEntries(
      j.stages.map((_, i) => [
        `stageName.${i}`,
        nameLength(j, 'stage', a1(ROW.header, stageCol(i))),
      ]),
    ),
  };
}

function nameLength(j: Journey, kind: NameKind, cell: string): ValidationSpec {
  const n = NAME_MAX[kind];
  return { kind: 'maxLength', cell, max: n, help: t(j.lang, `valid.${kind}Name`, { n }) };
}

/**
 * A target share. Sheets reads 30 typed into a percent cell as 3 000 %: a target above 100 % shows
 * a ⚠ naming the value read, in the stage's own cell, whoever typed it (Google's number formats
 * take a condition in brackets; at most two).
 */
function targetFormat(lang: Lang): string {
  return `[>1]"⚠ "#,##0%"${t(lang, 'warn.targetAbove')}";${FORMAT.share}`;
}

/** Where the stage rows of the KPI block are, as absolute ranges the economics formulas use. */
function stageRange(row: RowKey, n: number): string {
  return `${absA1(ROW[row], FIRST_STAGE_COL)}:${absA1(ROW[row], stageCol(n - 1))}`;
}

/**
 * The note a cell shows for an input typed as text (x, a cell or an expression, as formula text):
 * "⚠ «8 231» — текст, а не число: введите число…", the same words as the custom functions' brief note for text
 * (formulas/messages isText). A number typed as text is not a number anywhere in the map, as Sheets'
 * own functions do not read it: one reading, which native formulas (and an .xlsx) check with ISTEXT
 * alone. (English quotes it with “ ”: HyperFormula, the emulator's engine, cannot read a doubled ""
 * inside a formula's text.)
 */
function textNote(lang: Journey['lang'], x: string): string {
  const [before = '', after = ''] = t(lang, 'warn.text').split('{value}');
  return `${formulaText(before)}&${x}&${formulaText(after)}`;
}

/** A number and not TRUE/FALSE (LibreOffice's and Excel's ISNUMBER is true for booleans). */
const isNum = (x: string): string => `AND(ISNUMBER(${x}),NOT(ISLOGICAL(${x})))`;

/**
 * A KPI row's formula in stage i's column, or null where the row's one spilling formula
 * (in the first stage) fills the cell. Each custom-function cell is a server execution in
 * Sheets, so step and overall conversion are one formula over the whole row each; each reads the
 * counts as one range from the first stage on, which Sheets stretches or shrinks whole when a
 * column is inserted or deleted inside it (two ranges one column apart would come apart).
 */
function stageFormula(
  j: Journey,
  row: 'step' | 'overall' | 'dropOff',
  i: number,
  n: number,
): string | null {
  const counts = `${a1(ROW.customers, FIRST_STAGE_COL)}:${a1(ROW.customers, stageCol(n - 1))}`;
  if (row === 'step') return i === 0 ? `=CJM_CONVERSION(${counts})` : null;
  if (row === 'overall')
    return i === 0 ? `=CJM_CONVERSION(${absA1(ROW.customers, FIRST_STAGE_COL)},${counts})` : null;
  const cur = a1(ROW.customers, stageCol(i));
  const w = (key: MessageKey) => formulaText(t(j.lang, key));
  const text = (x: string) => textNote(j.lang, x);
  if (i === 0) return firstStageFormula(j, 0);
  const prev = a1(ROW.customers, stageCol(i - 1));
  // A drop-off only where the step row shows a conversion's inputs as valid: else the same
  // brief ⚠ note, in the map's language (highlighted by the ⚠ rule), never #VALUE! or a negative
  // loss. Each count is judged in the order CJM_CONVERSION reads them (the previous one first,
  // text before anything else), so the two rows name the same problem; a count that is itself
  // an error (a lookup's #N/A) is not a number either, never a raw error here.
  const judged = (x: string, rest: string) =>
    `IF(ISTEXT(${x}),${text(x)},IF(NOT(${isNum(x)}),${w('warn.notNumber')},IF(${x}<0,${w('warn.negative')},${rest})))`;
  return `=IFERROR(IF(OR(${prev}="",${cur}=""),"",${judged(prev, judged(cur, `IF(${cur}>${prev},${w('warn.morePrevious')},${prev}-${cur})`))}),${w('warn.notNumber')})`;
}

/** The first stage's own cell of a KPI row: its count checked, then `whole`. */
function firstStageFormula(j: Journey, whole: 0 | 1): string {
  const cur = a1(ROW.customers, FIRST_STAGE_COL);
  return `=IF(${cur}="","",IF(ISTEXT(${cur}),${textNote(j.lang, cur)},${whole}))`;
}

/**
 * The step and overall formulas of maps made before those rows read the counts as one range: a
 * cell of its own in the first stage, then one spilling formula over two ranges a column apart
 * (in words around it for two stages).
 */
function formerFormulas(j: Journey): { row: number; formula: string }[] {
  const [c, d, e] = [
    a1(ROW.customers, stageCol(0)),
    a1(ROW.customers, stageCol(1)),
    a1(ROW.customers, stageCol(2)),
  ];
  const first = absA1(ROW.customers, FIRST_STAGE_COL);
  const text = (x: string) => textNote(j.lang, x);
  const twoStages = (call: string) =>
    `=IFERROR(IF(OR(${c}="",${d}=""),"",IF(ISTEXT(${c}),${text(c)},` +
    `IF(AND(ISTEXT(${d}),${isNum(c)},${c}>=0),${text(d)},${call}))),${formulaText(t(j.lang, 'warn.step'))})`;
  return [
    ...[ROW.step, ROW.overall].map((row) => ({ row, formula: firstStageFormula(j, 1) })),
    { row: ROW.step, formula: `=CJM_CONVERSION(${c}:${d},${d}:${e})` },
    { row: ROW.step, formula: twoStages(`CJM_CONVERSION(${c}:${c},${d}:${d})`) },
    { row: ROW.overall, formula: twoStages(`CJM_CONVERSION(${first},${d}:${d})`) },
  ];
}

function economicsFormula(j: Journey, key: (typeof ECONOMICS_FORMULAS)[number], n: number): string {
  const counts = stageRange('customers', n);
  const roles = stageRange('role', n);
  // The count of the first stage with a role; a map without that role falls back to the first or
  // last stage
  // (COLUMNS, not a number, so the formula stays right when Sheets stretches the range for a new
  // stage).
  const countOf = (role: string, fallback: 'first' | 'last') => {
    const pick = `INDEX(${counts},1,IFERROR(MATCH("${role}",${roles},0),${fallback === 'first' ? 1 : `COLUMNS(${counts})`}))`;
    return `IF(${pick}="","",${pick})`;
  };
  const side = (row: RowKey) => a1(ROW[row], SIDE_COL);
  const w = (key: MessageKey) => formulaText(t(j.lang, key));
  const text = (x: string) => textNote(j.lang, x);
  switch (key) {
    case 'leads': {
      // A count typed as text is not a count: its note, as every cell reading it shows. TRUE/FALSE
      // in a count is not a number: said in words (LibreOffice and Excel read a boolean as 1 once it
      // passes through a formula)
      const pick = `INDEX(${counts},1,IFERROR(MATCH("L",${roles},0),1))`;
      return `=IF(${pick}="","",IF(ISTEXT(${pick}),${text(pick)},IF(ISLOGICAL(${pick}),${w('warn.notNumber')},${pick})))`;
    }
    // A data problem shows as a brief ⚠ note in the map's language (highlighted), never #ERROR!:
    // the portfolio's SUM of revenues skips text. A problem with C is the revenue's reason too.
    // L's own note is passed on, and a deal count typed as text is named, where CJM_CONVERSION
    // would come to it (after L, blanks first).
    case 'conversion': {
      const l = side('leads');
      const deal = countOf('C', 'last');
      return (
        `=IFERROR(IF(OR(${l}="",${deal}=""),"",IF(LEFT(${l},1)="⚠",${l},` +
        `IF(AND(ISTEXT(${deal}),${l}>=0),${text(deal)},CJM_CONVERSION(${l},${deal})))),${w('warn.conversion')})`
      );
    }
    case 'revenue': {
      const [l, c, p, q] = [side('leads'), side('conversion'), side('avgCheck'), side('purchases')];
      // the check and purchases typed as text: their note (C, and so L, is valid by then)
      return (
        `=IF(LEFT(${c},1)="⚠",${c},IFERROR(IF(OR(${l}="",${c}="",${p}="",${q}=""),"",` +
        `IF(ISTEXT(${p}),${text(p)},IF(ISTEXT(${q}),${text(q)},CJM_REVENUE(${l},${c},${p},${q})))),${w('warn.revenue')}))`
      );
    }
    case 'weakest':
      return `=CJM_BOTTLENECK(${counts},${stageRange('header', n)},${stageRange('target', n)})`;
    case 'curve':
      return `=SPARKLINE(${stageRange('score', n)})`;
    default:
      return key satisfies never;
  }
}

const NOTE_ROWS: Partial<Record<RowKey, MessageKey>> = {
  segment: 'note.segment',
  persona: 'note.persona',
  job: 'note.job',
  questions: 'note.questions',
  touchpoints: 'note.touchpoints',
  channels: 'note.channels',
  content: 'note.content',
  barriers: 'note.barriers',
  drivers: 'note.drivers',
  jobs: 'note.jobs',
  score: 'note.score',
  evidence: 'note.evidence',
  weakSpots: 'note.weakSpots',
  role: 'note.role',
  customers: 'note.customers',
  target: 'note.target',
  revenue: 'note.revenue',
  weakest: 'note.weakest',
};

const SIDE_FORMAT: Partial<Record<RowKey, string>> = {
  leads: FORMAT.count,
  conversion: FORMAT.share,
  purchases: FORMAT.factor,
};

/** Text the template writes (labels, hints, markers): the add-on's to rewrite, never a number. */
function templateText(value: string, style: PlanCell['style']): PlanCell {
  return { value, owner: 'template', style, numberFormat: FORMAT.text };
}

/**
 * A review date: a real date (its serial number, shown by the map language's date format),
 * so Sheets sorts, compares and shows it as a date; text that is not a date stays text.
 */
function dateCell(j: Journey, value: CellData): PlanCell {
  const serial = typeof value === 'number' ? value : isoToSerial(value);
  return {
    value: serial ?? value,
    owner: 'user',
    style: 'plain',
    numberFormat: DATE_FORMAT[j.lang],
  };
}

function sideCell(j: Journey, key: RowKey, n: number, money: string): PlanCell {
  const text = (value: CellData, style: PlanCell['style'] = 'titleValue'): PlanCell => ({
    value,
    owner: 'user',
    style,
    numberFormat: FORMAT.text,
  });
  if (key === 'reviewed' || key === 'nextReview') return dateCell(j, j.title[key]);
  if (key === 'name') return { ...text(j.title.name), validation: 'mapName' };
  if ((TITLE_KEYS as readonly string[]).includes(key))
    return text(j.title[key as (typeof TITLE_KEYS)[number]], 'plain');
  if ((CARD_KEYS as readonly string[]).includes(key)) return text(j.card[key as CardKey], 'text');
  if (key === 'avgCheck' || key === 'purchases') {
    return {
      value: j[key],
      owner: 'user',
      style: 'input',
      numberFormat: key === 'avgCheck' ? money : FORMAT.factor,
      validation: 'money',
    };
  }
  if ((ECONOMICS_FORMULAS as readonly string[]).includes(key)) {
    const econ = key as (typeof ECONOMICS_FORMULAS)[number];
    return {
      value: '',
      formula: economicsFormula(j, econ, n),
      owner: 'template',
      // C and the weakest transition may hold a ⚠ note (a sentence): they wrap, so it is never cut
      style:
        econ === 'revenue'
          ? 'result'
          : econ === 'conversion' || econ === 'weakest'
            ? 'computed'
            : 'formula',
      numberFormat: econ === 'revenue' ? money : (SIDE_FORMAT[key] ?? FORMAT.count),
    };
  }
  if (key === 'footer') return templateText(sideMarker(j.lang), 'footer');
  // Guessed roles say so where the roles are, until someone confirms them (read back by read-map).
  if (key === 'role' && j.rolesGuessed) return templateText(t(j.lang, 'roles.guessed'), 'hint');
  const hint = `hint.${key}`;
  const section = key === 'kpiSection' || key === 'cardSection';
  return templateText(isMessageKey(hint) ? t(j.lang, hint) : '', section ? 'section' : 'hint');
}

// (a target's format depends on the map's language: targetFormat)
const STAGE_FORMAT: Partial<Record<RowKey, { format?: string; validation?: string }>> = {
  barrierType: { format: FORMAT.text, validation: 'barrierType' },
  driverType: { format: FORMAT.text, validation: 'driverType' },
  evidence: { format: FORMAT.text, validation: 'evidence' },
  score: { format: FORMAT.score, validation: 'score' },
  role: { format: FORMAT.text, validation: 'role' },
  customers: { format: FORMAT.count, validation: 'count' },
  target: { validation: 'share' },
  step: { format: FORMAT.share },
  overall: { format: FORMAT.share },
  dropOff: { format: FORMAT.count },
};

function stageCell(j: Journey, key: RowKey, i: number): PlanCell {
  const stage = j.stages[i];
  const tint = STAGE_TINTS[i % STAGE_TINTS.length];
  const fmt = STAGE_FORMAT[key];
  if (!stage) return templateText('', 'plain');
  if (key === 'header')
    return {
      value: stage.name,
      owner: 'user',
      style: 'header',
      tint,
      numberFormat: FORMAT.text,
      validation: `stageName.${i}`,
    };
  if (key === 'footer') return templateText(stageMarker(stage.id, j.lang), 'footer');
  if ((CONTENT_KEYS as readonly string[]).includes(key)) {
    return {
      value: stage.content[key as ContentKey],
      owner: 'user',
      style: 'text',
      tint,
      numberFormat: fmt?.format ?? FORMAT.text,
      ...(fmt?.validation ? { validation: fmt.validation } : {}),
    };
  }
  if (key === 'role' || key === 'customers' || key === 'target') {
    return {
      value: key === 'role' ? stage.role : stage[key],
      owner: 'user',
      style: 'input',
      numberFormat: key === 'target' ? targetFormat(j.lang) : (fmt?.format ?? FORMAT.text),
      ...(fmt?.validation ? { validation: fmt.validation } : {}),
    };
  }
  if (key === 'step' || key === 'overall' || key === 'dropOff') {
    const formula = stageFormula(j, key, i, j.stages.length);
    // wraps: a ⚠ note is never cut by the next column (a number stays one line)
    const cell: PlanCell = {
      value: '',
      owner: 'template',
      style: 'computed',
      numberFormat: fmt?.format ?? FORMAT.count,
    };
    return formula ? { ...cell, formula } : { ...cell, spill: true };
  }
  if (key === 'kpiSection' || key === 'cardSection') return templateText('', 'section');
  // ...and next to the revenue they decide.
  if (i === 0 && key === 'revenue' && j.rolesGuessed)
    return templateText(t(j.lang, 'roles.revenue', { row: t(j.lang, 'row.role') }), 'hint');
  if (i === 0 && (key === 'leads' || key === 'conversion')) {
    return templateText(t(j.lang, key === 'leads' ? 'econ.leads' : 'econ.conversion'), 'hint');
  }
  return templateText('', 'plain');
}

function labelCell(j: Journey, key: RowKey): PlanCell {
  const note = NOTE_ROWS[key];
  if (key === 'footer') return templateText(footerMarker(j.id, j.lang), 'footer');
  const style =
    key === 'name'
      ? 'title'
      : key === 'kpiSection' || key === 'cardSection'
        ? 'sectionLabel'
        : 'label';
  return {
    ...templateText(t(j.lang, `row.${key}` as MessageKey), style),
    ...(note ? { note: t(j.lang, note) } : {}),
  };
}

function conditionalRules(n: number): ConditionalRule[] {
  const last = stageCol(n - 1);
  const rules: ConditionalRule[] = [
    { kind: 'numberAtMost', range: a1Range(ROW.score, FIRST_STAGE_COL, 1, n), value: 2, ...ALERT },
    {
      kind: 'numberBetween',
      range: a1Range(ROW.score, FIRST_STAGE_COL, 1, n),
      min: 4,
      max: 5,
      ...GOOD,
    },
  ];
  // A data problem shows in a KPI cell as a brief note starting with ⚠ (from the formula):
  // highlight it, never a raw #ERROR!.
  rules.push({
    kind: 'textContains',
    range: a1Range(ROW.step, FIRST_STAGE_COL, ROW.dropOff - ROW.step + 1, n),
    text: '⚠',
    ...ALERT,
  });
  rules.push({
    kind: 'textContains',
    range: a1Range(ROW.leads, SIDE_COL, ROW.weakest - ROW.leads + 1, 1),
    text: '⚠',
    ...ALERT,
  });
  // guessed funnel roles: where the roles are and next to the revenue
  for (const cell of [a1(ROW.role, SIDE_COL), a1(ROW.revenue, FIRST_STAGE_COL)])
    rules.push({ kind: 'textContains', range: cell, text: '⚠', ...ALERT });
  if (n > 1) {
    const step = a1(ROW.step, FIRST_STAGE_COL + 1);
    const target = a1(ROW.target, FIRST_STAGE_COL + 1);
    rules.push({
      kind: 'formula',
      range: `${step}:${a1(ROW.step, last)}`,
      // (a target above 100 % is no target: its own cell says so, the step is not judged by it)
      formula: `=AND(ISNUMBER(${step}),ISNUMBER(${target}),${target}<=1,${step}<${target})`,
      ...ALERT,
    });
  }
  return rules;
}

/**
 * The writes that confirm a map's guessed roles (its role row was saved by someone who saw it):
 * the roles' hint back in place of the note, and the note beside the revenue cleared. `now` is
 * what the sheet holds: a cell where someone typed over the note keeps what they typed.
 */
export function confirmRolesWrites(
  j: Journey,
  now: (row: number, col: number) => unknown,
): { row: number; col: number; value: string }[] {
  const guessed = { ...j, rolesGuessed: true };
  const confirmed = { ...j, rolesGuessed: false };
  const note = String(stageCell(guessed, 'revenue', 0).value);
  const cells = [
    // the role row's note is what makes the roles guessed (read-map): it always goes
    { row: ROW.role, col: SIDE_COL, ours: true, cell: (x: Journey) => sideCell(x, 'role', 0, '') },
    {
      row: ROW.revenue,
      col: FIRST_STAGE_COL,
      ours: String(now(ROW.revenue, FIRST_STAGE_COL) ?? '') === note,
      cell: (x: Journey) => stageCell(x, 'revenue', 0),
    },
  ];
  return cells
    .filter((c) => c.ours)
    .map((c) => ({ row: c.row, col: c.col, value: String(c.cell(confirmed).value) }));
}

export function planMap(j: Journey, opts: PlanOptions): SheetPlan {
  const n = j.stages.length;
  const cols = FIRST_STAGE_COL - 1 + n;
  const money = moneyFormat(opts.locale);
  const cells = ROW_ORDER.map((key) => [
    labelCell(j, key),
    sideCell(j, key, n, money),
    ...j.stages.map((_, i) => stageCell(j, key, i)),
  ]);
  return {
    sheetName: opts.sheetName,
    rows: ROW_COUNT,
    cols,
    cells,
    styles: STYLES,
    validations: validations(j),
    conditionalRules: conditionalRules(n),
    namedRanges: Object.entries(NAMED_CELLS).map(([suffix, row]) => ({
      name: namedRangeName(j.id, suffix as keyof typeof NAMED_CELLS),
      range: a1(ROW[row], SIDE_COL),
    })),
    protectedRange: a1Range(ROW.step, SIDE_COL, ROW.curve - ROW.step + 1, cols - SIDE_COL + 1),
    frozen: { rows: ROW.header, cols: SIDE_COL },
    columnWidth: 200,
    formerFormulas: formerFormulas(j),
  };
}
