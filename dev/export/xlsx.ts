/**
 * A SheetPlan as an .xlsx workbook that computes in Excel and LibreOffice: one worksheet
 * with the plan's values, native formulas (with cached results), styles, number formats,
 * validations, notes, frozen panes, column widths, conditional formats and named cells.
 */
import ExcelJS from 'exceljs';
import type { Lang } from '../../src/core/words/i18n';
import type { ConditionalRule, PlanCell, SheetPlan, ValidationSpec } from '../../src/core/map/plan';
import { evaluateGrid, type Computed } from './evaluate';
import { areaRef, cellRef, parseArea, translateFormula, type ExportWords, type HelperCell, type TranslateContext } from './formula';

export interface ExportOptions {
  /** the map's language, for the few words the export adds (notes, helper labels) */
  lang?: Lang;
}

const WORDS: Record<Lang, ExportWords> = {
  en: {
    sparkline: 'The emotion curve is a Google Sheets sparkline; it has no Excel equivalent, so this cell is left blank. Open the map in Google Sheets to see it.',
    helperLabel: 'Export helper (hidden): weakest-transition scores',
  },
  ru: {
    sparkline: 'Кривая эмоций — спарклайн Google Таблиц; в Excel ему нет аналога, поэтому ячейка пуста. Откройте карту в Google Таблицах, чтобы её увидеть.',
    helperLabel: 'Служебная строка экспорта (скрыта): оценки переходов',
  },
};

/** One exported cell: a value, or a native formula (no "=") with its cached result. */
export interface ExportCell {
  value: string | number;
  formula?: string;
  result?: Computed;
  note?: string;
}

export interface ExportModel {
  sheetName: string;
  /** the plan's grid, then the helper rows below it (rows × cols, 1-based via [row-1][col-1]) */
  cells: ExportCell[][];
  /** sheet rows added below the map, hidden in the file */
  helperRows: number[];
  /** list validations too long for an inline list point at helper cells instead */
  listSources: Record<string, string>;
}

/** Excel: at most 31 characters, none of []:*?/\, not starting or ending with an apostrophe. */
export function excelSheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, '-').replace(/^'+|'+$/g, '').trim() || 'CJM';
  return [...clean].length <= 31 ? clean : `${[...clean].slice(0, 30).join('').trimEnd()}…`;
}

/** Inline list validations are limited to 255 characters and cannot hold commas or quotes. */
function inlineList(values: readonly string[]): string | null {
  const joined = values.join(',');
  return joined.length <= 255 && values.every((v) => !/[,"]/.test(v)) ? `"${joined}"` : null;
}

/**
 * Translates and evaluates the plan: the pure half of the export, kept separate so tests
 * can compare the cached (add-on) results with what the native formulas compute.
 */
export function exportModel(plan: SheetPlan, opts: ExportOptions = {}): ExportModel {
  const words = WORDS[opts.lang ?? 'en'];
  const helperRows: number[] = [];
  const ctx: TranslateContext = {
    // One blank row between the map and its helpers keeps them apart if someone unhides them.
    helperRow: () => {
      const row = (helperRows.at(-1) ?? plan.rows + 1) + 1;
      helperRows.push(row);
      return row;
    },
    helpers: [],
    words,
  };

  const planned = plan.cells.map((row) =>
    row.map((cell): ExportCell & { source?: string } => {
      const base = { value: cell.value, ...(cell.note ? { note: cell.note } : {}) };
      if (!cell.formula) return base;
      const t = translateFormula(cell.formula, ctx);
      if (t.formula === null) return { value: '', note: [cell.note, t.note].filter(Boolean).join('\n\n') };
      return { ...base, value: '', formula: t.formula.slice(1), source: cell.formula };
    }),
  );

  const listSources: Record<string, string> = {};
  for (const [key, spec] of Object.entries(plan.validations)) {
    if (spec.kind !== 'list' || inlineList(spec.values) !== null) continue;
    const row = ctx.helperRow();
    spec.values.forEach((v, i) => ctx.helpers.push({ row, col: i + 1, value: v }));
    listSources[key] = areaRef({ row, col: 1, rows: 1, cols: spec.values.length });
  }

  const rows = Math.max(plan.rows, ...helperRows);
  const cols = Math.max(plan.cols, ...ctx.helpers.map((h) => h.col));
  const cells: (ExportCell & { source?: string })[][] = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => planned[r]?.[c] ?? { value: '' }),
  );
  for (const h of ctx.helpers) place(cells, h);

  // The add-on's own formulas give the cached results; helper cells compute natively.
  const computed = evaluateGrid(cells.map((row) => row.map((c) => (c.source ?? (c.formula ? `=${c.formula}` : c.value)))));
  return {
    sheetName: excelSheetName(plan.sheetName),
    cells: cells.map((row, r) =>
      row.map(({ source: _source, ...c }, col) => (c.formula ? { ...c, result: computed[r]?.[col] ?? null } : c)),
    ),
    helperRows,
    listSources,
  };
}

function place(cells: ExportCell[][], h: HelperCell): void {
  const row = cells[h.row - 1];
  if (row) row[h.col - 1] = h.formula ? { value: '', formula: h.formula } : { value: h.value ?? '' };
}

/** "#1a73e8" → "FF1A73E8" */
function argb(color: string): string {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) throw new Error(`unsupported colour ${color}; use #rrggbb`);
  const hex = m[1] as string;
  return `FF${(hex.length === 3 ? [...hex].map((ch) => ch + ch).join('') : hex).toUpperCase()}`;
}

/**
 * Sheets number formats → Excel's. Most are the same; a currency block without a locale
 * ("[$$]") gets the locale id Excel itself writes for that symbol, so both Excel and
 * LibreOffice read it as currency rather than as literal text.
 */
const CURRENCY_LOCALE: Record<string, string> = { $: '409', '£': '809', '€': '2', '₸': '43F', '₽': '419' };

export function excelNumberFormat(format: string): string {
  return format.replace(/\[\$([^\]-]+)\]/g, (whole, symbol: string) => {
    const lcid = CURRENCY_LOCALE[symbol];
    return lcid ? `[$${symbol}-${lcid}]` : whole;
  });
}

/** Sheets column width in pixels → Excel character widths (7 px per character plus 5 px padding). */
export function excelColumnWidth(px: number): number {
  return Math.max(0, Math.round(((px - 5) / 7) * 100) / 100);
}

const RESULT_ERRORS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);

function cachedResult(r: Computed | undefined): ExcelJS.CellFormulaValue['result'] {
  if (r === null || r === undefined) return undefined;
  if (typeof r === 'object') return { error: (RESULT_ERRORS.has(r.error) ? r.error : '#VALUE!') as ExcelJS.CellErrorValue['error'] };
  return r;
}

/** Excel limits: input titles 32, messages 255 characters. */
const clip = (text: string, max: number) => ([...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`);

function dataValidation(spec: ValidationSpec, listSource: string | undefined): ExcelJS.DataValidation {
  // Sheets rejects invalid input (setAllowInvalid(false)); "stop" is Excel's equivalent.
  const messages = { showErrorMessage: true, errorStyle: 'stop', error: clip(spec.help, 225), showInputMessage: true, prompt: clip(spec.help, 255) };
  if (spec.kind === 'list') {
    return { type: 'list', allowBlank: true, formulae: [listSource ?? inlineList(spec.values)], ...messages };
  }
  return { type: 'decimal', operator: 'between', allowBlank: true, formulae: [spec.min, spec.max], ...messages };
}

/** Sheets conditional rules → Excel expressions relative to the range's top-left cell. */
function conditionalFormatting(rule: ConditionalRule, priority: number, ctx: TranslateContext): ExcelJS.ConditionalFormattingOptions {
  const area = parseArea(rule.range.split(':')[0] ?? '');
  if (!area) throw new Error(`unsupported conditional format range ${rule.range}`);
  const first = cellRef(area.row, area.col);
  const formula =
    rule.kind === 'formula'
      ? (translateFormula(rule.formula, ctx).formula ?? '=FALSE()').slice(1)
      : rule.kind === 'numberAtMost'
        ? `AND(ISNUMBER(${first}),${first}<=${rule.value})`
        : `AND(ISNUMBER(${first}),${first}>=${rule.min},${first}<=${rule.max})`;
  return {
    ref: rule.range,
    rules: [
      {
        type: 'expression',
        priority,
        formulae: [formula],
        style: {
          fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(rule.background) }, bgColor: { argb: argb(rule.background) } },
          font: { color: { argb: argb(rule.color) } },
        },
      },
    ],
  };
}

function styleCell(target: ExcelJS.Cell, cell: PlanCell, plan: SheetPlan): void {
  const style = plan.styles[cell.style];
  // As sheets/apply does: a stage tint colours every stage cell except the yellow inputs.
  const background = cell.tint && cell.style !== 'input' ? cell.tint : style.background;
  if (background) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(background) } };
  target.font = { name: 'Arial', size: style.size, bold: style.bold, italic: style.italic, color: { argb: argb(style.color) } };
  target.alignment = { wrapText: style.wrap };
  target.numFmt = excelNumberFormat(cell.numberFormat);
}

/** The plan as an ExcelJS workbook (write it with `workbook.xlsx.writeBuffer()` or `writeFile()`). */
export function planToWorkbook(plan: SheetPlan, opts: ExportOptions = {}): ExcelJS.Workbook {
  const model = exportModel(plan, opts);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CJM add-on export';
  // Excel recomputes everything on open; the cached results serve readers that do not.
  wb.calcProperties.fullCalcOnLoad = true;
  const ws = wb.addWorksheet(model.sheetName, {
    views: [{ state: 'frozen', xSplit: plan.frozen.cols, ySplit: plan.frozen.rows, topLeftCell: cellRef(plan.frozen.rows + 1, plan.frozen.cols + 1) }],
  });
  const width = excelColumnWidth(plan.columnWidth);
  for (let c = 1; c <= plan.cols; c++) ws.getColumn(c).width = width;

  model.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      const planCell = plan.cells[r]?.[c];
      if (!planCell && cell.value === '' && !cell.formula) return;
      const target = ws.getCell(r + 1, c + 1);
      if (cell.formula) {
        const result = cachedResult(cell.result);
        target.value = result === undefined ? { formula: cell.formula } : { formula: cell.formula, result };
      } else if (cell.value !== '') target.value = cell.value;
      if (cell.note) target.note = cell.note;
      if (!planCell) return;
      styleCell(target, planCell, plan);
      const spec = planCell.validation ? plan.validations[planCell.validation] : undefined;
      if (spec) target.dataValidation = dataValidation(spec, model.listSources[planCell.validation ?? '']);
    }),
  );
  for (const r of model.helperRows) ws.getRow(r).hidden = true;

  const ctx: TranslateContext = { helperRow: () => { throw new Error('conditional formats cannot use helper rows'); }, helpers: [], words: WORDS[opts.lang ?? 'en'] };
  plan.conditionalRules.forEach((rule, i) => ws.addConditionalFormatting(conditionalFormatting(rule, i + 1, ctx)));

  const quotedSheet = `'${model.sheetName.replace(/'/g, "''")}'`;
  for (const n of plan.namedRanges) {
    const area = parseArea(n.range);
    if (!area) throw new Error(`unsupported named range ${n.name} = ${n.range}`);
    wb.definedNames.add(`${quotedSheet}!${areaRef(area)}`, n.name);
  }
  return wb;
}

/** The plan as .xlsx bytes. */
export async function planToXlsx(plan: SheetPlan, opts: ExportOptions = {}): Promise<Buffer> {
  return Buffer.from(await planToWorkbook(plan, opts).xlsx.writeBuffer());
}
