/**
 * A whole workbook as an .xlsx that computes in Excel and LibreOffice: every sheet (maps,
 * action plans, the portfolio, the user's own), with values, native formulas and the
 * add-on's results cached, number formats, fonts and fills, notes, validations, merges,
 * frozen panes, sizes, tab colours, conditional formats, named ranges and the charts; plus
 * a hidden helper sheet the translated formulas use; set up for printing. See translate.ts for
 * the formulas, charts.ts for the charts (ExcelJS writes none; they are added to the file
 * afterwards) and print.ts for the print setup.
 *
 * Every text from the workbook goes in through `text` (translate.ts excelText): ExcelJS escapes
 * markup and drops most control characters, but lets through characters XML cannot carry. Sheet
 * names are cleaned where they are made (excelSheetName), so formulas and chart references name
 * the sheets as the file does.
 */
import ExcelJS from 'exceljs';
import type JSZip from 'jszip';
import type { Lang } from '../src/core/words/i18n';
import type { Workbook } from '../emulator/index';
import { addCharts, CHART_PX, type ChartPlan } from './charts';
import { colName } from '../src/core/map/layout';
import { formulaText, quoteSheet } from '../src/core/map/links';
import { cellRef } from './formula';
import {
  readWorkbook,
  type CellAttrs,
  type ConditionalRuleSpec,
  type Rect,
  type SourceSheet,
  type SourceWorkbook,
} from './source';
import { openZip, partText, zipBytes } from './zip';
import {
  excelText,
  translateWorkbook,
  type OutCell,
  type OutSheet,
  type Translated,
} from './translate';
import {
  DEFAULT_COL_PX,
  pageFor,
  placeCharts,
  printLayout,
  type ChartBox,
  type Page,
  type PrintLayout,
  type Shown,
} from './print';

/** Text from the workbook as the file can carry it (see the top of this file). */
const text = excelText;

export interface ExportOptions {
  /** the language of the export's own words; default: the workbook's user language */
  lang?: Lang;
  /** only these sheets (original names), in this order; default: every sheet */
  sheets?: readonly string[];
}

export interface ExportReport {
  translated: Translated;
  /**
   * what was left out, for the reader: conditional rules and validations Excel cannot express,
   * protections
   */
  skipped: { conditionalRules: number; validations: number; protections: number; charts: number };
  charts: number;
}

/**
 * Sheets number formats → Excel's; a currency block without a locale gets the locale id Excel
 * writes for it.
 */
const CURRENCY_LOCALE: Record<string, string> = {
  $: '409',
  '£': '809',
  '€': '2',
  '₸': '43F',
  '₽': '419',
};

export function excelNumberFormat(format: string): string {
  return text(format).replace(/\[\$([^\]-]+)\]/g, (whole, symbol: string) => {
    const lcid = CURRENCY_LOCALE[symbol];
    return lcid ? `[$${symbol}-${lcid}]` : whole;
  });
}

/** Sheets column width in pixels → Excel character widths (7 px a character plus 5 px padding). */
export function excelColumnWidth(px: number): number {
  return Math.max(0, Math.round(((px - 5) / 7) * 100) / 100);
}

/** "#1a73e8" → "FF1A73E8"; null for what is not a colour. */
function argb(color: string | null | undefined): string | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((color ?? '').trim());
  if (!m) return null;
  const hex = m[1] as string;
  return `FF${(hex.length === 3 ? [...hex].map((ch) => ch + ch).join('') : hex).toUpperCase()}`;
}

const BOOLEAN_FORMAT = '"TRUE";"TRUE";"FALSE"';

const RESULT_ERRORS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);
const errorCode = (code: string): ExcelJS.CellErrorValue['error'] =>
  (RESULT_ERRORS.has(code) ? code : '#VALUE!') as ExcelJS.CellErrorValue['error'];

function cachedResult(r: OutCell['result']): ExcelJS.CellFormulaValue['result'] {
  if (r === undefined) return undefined;
  if (typeof r === 'object') return { error: errorCode(r.error) };
  return typeof r === 'string' ? text(r) : r;
}

/** Excel limits: input titles 32, messages 255 characters. */
const clip = (text: string, max: number) =>
  [...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`;

const H_ALIGN: Record<string, ExcelJS.Alignment['horizontal']> = {
  left: 'left',
  center: 'center',
  right: 'right',
};
const V_ALIGN: Record<string, ExcelJS.Alignment['vertical']> = {
  top: 'top',
  middle: 'middle',
  bottom: 'bottom',
};

function styleCell(target: ExcelJS.Cell, a: CellAttrs): void {
  const fill = argb(a.background);
  if (fill) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  const color = argb(a.fontColor);
  const font: Partial<ExcelJS.Font> = { name: 'Arial', size: a.fontSize ?? 10 };
  if (a.fontWeight === 'bold') font.bold = true;
  if (a.fontStyle === 'italic') font.italic = true;
  if (color) font.color = { argb: color };
  target.font = font;
  const wrap = a.wrapStrategy ? a.wrapStrategy === 'WRAP' : a.wrap;
  const horizontal = H_ALIGN[(a.horizontalAlignment ?? '').toLowerCase()];
  const vertical = V_ALIGN[(a.verticalAlignment ?? '').toLowerCase()];
  if (wrap || horizontal || vertical) {
    target.alignment = {
      ...(wrap ? { wrapText: true } : {}),
      ...(horizontal ? { horizontal } : {}),
      ...(vertical ? { vertical } : {}),
    };
  }
  if (a.numberFormat) target.numFmt = excelNumberFormat(a.numberFormat);
}

const rectRef = (r: Rect): string =>
  r.rows === 1 && r.cols === 1
    ? cellRef(r.row + 1, r.col + 1)
    : `${cellRef(r.row + 1, r.col + 1)}:${cellRef(r.row + r.rows, r.col + r.cols)}`;

/**
 * A Sheets conditional rule as an Excel formula rule on the top-left cell of its first range; null
 * when Excel has no equivalent.
 */
function conditionalRule(
  rule: ConditionalRuleSpec,
  sheet: SourceSheet,
  t: Translated,
): string | null {
  const first = rule.ranges[0];
  if (!first) return null;
  const tl = cellRef(first.row + 1, first.col + 1);
  const [a, b] = rule.values.map((v) =>
    typeof v === 'number' ? String(v) : formulaText(text(String(v))),
  );
  switch (rule.criteria) {
    case 'CUSTOM_FORMULA': {
      const formula = t.plainFormula(String(rule.values[0] ?? ''), sheet.name);
      return formula === null ? null : text(formula);
    }
    case 'NUMBER_LESS_THAN':
      return `AND(ISNUMBER(${tl}),${tl}<${a})`;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return `AND(ISNUMBER(${tl}),${tl}<=${a})`;
    case 'NUMBER_GREATER_THAN':
      return `AND(ISNUMBER(${tl}),${tl}>${a})`;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return `AND(ISNUMBER(${tl}),${tl}>=${a})`;
    case 'NUMBER_EQUAL_TO':
      return `AND(ISNUMBER(${tl}),${tl}=${a})`;
    case 'NUMBER_NOT_EQUAL_TO':
      return `AND(ISNUMBER(${tl}),${tl}<>${a})`;
    case 'NUMBER_BETWEEN':
      return `AND(ISNUMBER(${tl}),${tl}>=MIN(${a},${b}),${tl}<=MAX(${a},${b}))`;
    case 'NUMBER_NOT_BETWEEN':
      return `AND(ISNUMBER(${tl}),OR(${tl}<MIN(${a},${b}),${tl}>MAX(${a},${b})))`;
    case 'TEXT_CONTAINS':
      return `ISNUMBER(SEARCH(${a},${tl}))`;
    case 'TEXT_EQUAL_TO':
      return `${tl}=${a}`;
    case 'CELL_EMPTY':
      return `${tl}=""`;
    case 'CELL_NOT_EMPTY':
      return `${tl}<>""`;
    default:
      return null;
  }
}

/** Sheets' number criteria as Excel's operators; "between" and "notBetween" take two bounds. */
const NUMBER_OPERATORS: Partial<Record<string, ExcelJS.DataValidationOperator>> = {
  NUMBER_BETWEEN: 'between',
  NUMBER_NOT_BETWEEN: 'notBetween',
  NUMBER_GREATER_THAN: 'greaterThan',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  NUMBER_LESS_THAN: 'lessThan',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
  NUMBER_EQUAL_TO: 'equal',
};

/** A Sheets validation as an Excel one; null when Excel has no equivalent (checkboxes, dates). */
function dataValidation(
  v: NonNullable<CellAttrs['validation']>,
  t: Translated,
  listSource: (values: string[]) => string,
): ExcelJS.DataValidation | null {
  const help = text(v.helpText ?? '');
  // Sheets rejects (allowInvalid false) or marks (true) bad input; Excel stops it, or takes it
  // silently.
  const messages = {
    showErrorMessage: !v.allowInvalid,
    errorStyle: 'stop',
    ...(help ? { error: clip(help, 225), showInputMessage: true, prompt: clip(help, 255) } : {}),
  };
  const [a, b] = v.values;
  const num = (x: unknown) => (typeof x === 'number' ? x : Number(x));
  const operator = NUMBER_OPERATORS[v.criteria];
  if (operator) {
    const bounds = operator === 'between' || operator === 'notBetween' ? [a, b] : [a];
    return {
      type: 'decimal',
      operator,
      allowBlank: true,
      formulae: bounds.map(num),
      ...messages,
    };
  }
  switch (v.criteria) {
    case 'VALUE_IN_LIST': {
      const values = Array.isArray(a) ? a.map((x) => text(String(x))) : [];
      return { type: 'list', allowBlank: true, formulae: [listSource(values)], ...messages };
    }
    case 'VALUE_IN_RANGE': {
      const text = String(a ?? '');
      const bang = text.lastIndexOf('!');
      if (bang < 0) return null;
      const sheet = text
        .slice(0, bang)
        .replace(/^'(.*)'$/, '$1')
        .replace(/''/g, "'");
      const abs = text.slice(bang + 1).replace(/([A-Z]+)(\d+)/gi, '$$$1$$$2');
      return {
        type: 'list',
        allowBlank: true,
        formulae: [`${quoteSheet(t.sheetName(sheet))}!${abs}`],
        ...messages,
      };
    }
    case 'CUSTOM_FORMULA': {
      // relative to the cell itself, as Sheets reads it for each cell of the range
      return null;
    }
    default:
      return null;
  }
}

/**
 * Several workbooks as one (sheets must not share names): the differential test batches maps from
 * separate workbooks.
 */
export function mergeWorkbooks(
  books: readonly SourceWorkbook[],
  keep: (sheet: SourceSheet) => boolean = () => true,
): SourceWorkbook {
  const first = books[0];
  if (!first) throw new Error('mergeWorkbooks needs at least one workbook');
  const sheets = books.flatMap((b) =>
    b.sheets.filter(keep).map((s) => ({ ...s, userLocale: s.userLocale ?? b.userLocale })),
  );
  const seen = new Set<string>();
  for (const s of sheets) {
    if (seen.has(s.name.toLowerCase()))
      throw new Error(`mergeWorkbooks: two sheets are named "${s.name}"`);
    seen.add(s.name.toLowerCase());
  }
  return {
    ...first,
    sheets,
    activeSheet: sheets[0]?.name ?? first.activeSheet,
    namedRanges: books.flatMap((b) => b.namedRanges.filter((n) => seen.has(n.sheet.toLowerCase()))),
  };
}

/** The workbook as an ExcelJS workbook and the charts still to be added (see toXlsx). */
export function buildWorkbook(
  book: SourceWorkbook,
  opts: ExportOptions = {},
): { excel: ExcelJS.Workbook; charts: ChartPlan[]; report: ExportReport } {
  const selected: SourceWorkbook = opts.sheets
    ? {
        ...book,
        sheets: opts.sheets.map(
          (n) =>
            book.sheets.find((s) => s.name.toLowerCase() === n.toLowerCase()) ??
            fail(`no sheet named "${n}"`),
        ),
      }
    : book;
  const t = translateWorkbook(selected, opts.lang ? { lang: opts.lang } : {});
  const excel = new ExcelJS.Workbook();
  excel.creator = 'CJM add-on export';
  // Excel recomputes everything on open; the cached results serve readers that do not.
  excel.calcProperties.fullCalcOnLoad = true;
  const skipped = { conditionalRules: 0, validations: 0, protections: 0, charts: 0 };
  const charts: ChartPlan[] = [];

  // Long lists go to the helper sheet and are referenced from there (inline lists: 255 characters,
  // no commas or quotes).
  const lists = new Map<string, string>();
  const listSource = (values: string[]): string => {
    const joined = values.join(',');
    if (joined.length <= 255 && values.every((v) => !/[,"]/.test(v))) return `"${joined}"`;
    const k = JSON.stringify(values);
    let ref = lists.get(k);
    if (!ref) {
      const row = t.helper.rows.length + 3;
      t.helper.rows.push({ label: 'list', formulas: [], values });
      ref = `${quoteSheet(t.helper.name)}!$B$${row}:$${colName(1 + values.length)}$${row}`;
      lists.set(k, ref);
    }
    return ref;
  };

  const page = pageFor(selected.locale);
  // The add-on's sheets (maps, action plans, the portfolio) carry its named ranges.
  const addonSheets = new Set(
    selected.namedRanges.filter((n) => n.name.startsWith('CJM_')).map((n) => n.sheet.toLowerCase()),
  );

  t.sheets.forEach((out, index) => {
    const s = out.source;
    const frozen = s.frozenRows > 0 || s.frozenCols > 0;
    const ws = excel.addWorksheet(out.name, {
      views: [
        frozen
          ? {
              state: 'frozen',
              xSplit: s.frozenCols,
              ySplit: s.frozenRows,
              topLeftCell: cellRef(s.frozenRows + 1, s.frozenCols + 1),
              showGridLines: true,
            }
          : { state: 'normal', showGridLines: true },
      ],
    });
    if (index === 0 || s.name === book.activeSheet)
      excel.views = [
        {
          x: 0,
          y: 0,
          width: 20000,
          height: 12000,
          firstSheet: 0,
          activeTab: index,
          visibility: 'visible',
        },
      ];
    // Sheets' default column is 100 px wide and its rows 21 px high.
    ws.properties.defaultColWidth = excelColumnWidth(DEFAULT_COL_PX);
    ws.properties.defaultRowHeight = 15.75;
    const shown = shownIn(s, out);
    const boxes = placeCharts(
      s,
      shown,
      s.charts.map((c) => c.position),
      CHART_PX,
    );
    const ours = addonSheets.has(s.name.toLowerCase());
    // the user's own sheets keep their column widths, as Sheets shows them
    const print = printLayout(s, shown, boxes, page, { widen: ours });
    for (const [col, px] of new Map([...s.colWidths, ...print.colWidths]))
      ws.getColumn(col).width = excelColumnWidth(px);
    for (const [row, pt] of print.rowHeights) ws.getRow(row).height = pt;
    for (const row of print.hiddenRows) ws.getRow(row).hidden = true;
    if (ours) setUpPage(ws, s, print, page);

    const written = new Set<string>();
    for (const { row, col, attrs } of s.cells()) {
      const cell = out.cells.get(`${row},${col}`);
      if (!cell && !attrs) continue;
      written.add(`${row},${col}`);
      const target = ws.getCell(row, col);
      if (cell) writeCell(target, cell);
      if (attrs) {
        styleCell(target, attrs);
        if (attrs.note) target.note = text([attrs.note, cell?.note].filter(Boolean).join('\n\n'));
        if (attrs.validation) {
          const dv = dataValidation(attrs.validation, t, listSource);
          if (dv) target.dataValidation = dv;
          else skipped.validations++;
        }
      }
      if (cell?.note && !attrs?.note) target.note = text(cell.note);
      // LibreOffice keeps TRUE/FALSE apart from 1/0 only by a boolean number format (Excel by
      // type).
      if (typeof cell?.value === 'boolean') target.numFmt = BOOLEAN_FORMAT;
    }
    // cells the translation added (spilled elements) that the source held no content for
    for (const [k, cell] of out.cells) {
      if (written.has(k)) continue;
      const [row, col] = k.split(',').map(Number) as [number, number];
      const target = ws.getCell(row, col);
      writeCell(target, cell);
      if (cell.note) target.note = text(cell.note);
    }
    // Text too long for a widened column wraps across the empty cells it would run over (their
    // merge takes the place of the cell's own, if it had one).
    const across = new Set(print.wrapAcross.map((w) => `${w.row},${w.col}`));
    for (const m of s.merges)
      if (!across.has(`${m.row + 1},${m.col + 1}`))
        ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
    for (const w of print.wrapAcross) {
      const cell = ws.getCell(w.row, w.col);
      cell.alignment = { ...cell.alignment, wrapText: true };
      if (w.cols > 1) ws.mergeCells(w.row, w.col, w.row, w.col + w.cols - 1);
    }

    s.conditionalRules.forEach((rule, i) => {
      const formula = conditionalRule(rule, s, t);
      if (!formula) {
        skipped.conditionalRules++;
        return;
      }
      const bg = argb(rule.background);
      const fg = argb(rule.fontColor);
      ws.addConditionalFormatting({
        ref: rule.ranges.map(rectRef).join(' '),
        rules: [
          {
            type: 'expression',
            priority: i + 1,
            formulae: [formula],
            style: {
              ...(bg
                ? {
                    fill: {
                      type: 'pattern',
                      pattern: 'solid',
                      fgColor: { argb: bg },
                      bgColor: { argb: bg },
                    },
                  }
                : {}),
              font: {
                ...(fg ? { color: { argb: fg } } : {}),
                ...(rule.bold ? { bold: true } : {}),
                ...(rule.italic ? { italic: true } : {}),
              },
            },
          },
        ],
      });
    });
    skipped.protections += s.protections.length;
    s.charts.forEach((chart, i) => {
      const plan = chartPlan(chart, s, ws.name);
      const box = boxes[i] as ChartBox;
      if (plan)
        charts.push({
          ...plan,
          sheetIndex: index,
          anchor: { row: box.row, col: box.col, dx: box.dx, dy: box.dy },
          size: { width: box.widthPx, height: box.heightPx },
        });
      else skipped.charts++;
    });
  });

  // The helper sheet, hidden: the translated formulas' working cells.
  const h = excel.addWorksheet(t.helper.name, { state: 'hidden' });
  h.getCell(1, 1).value = t.helper.title;
  t.helper.rows.forEach((r, i) => {
    const row = i + 3;
    h.getCell(row, 1).value = r.label;
    r.formulas.forEach((f, k) => {
      h.getCell(row, 2 + k).value = { formula: f };
    });
    r.values?.forEach((v, k) => {
      h.getCell(row, 2 + k).value = v;
    });
  });

  for (const n of selected.namedRanges) {
    if (!selected.sheets.some((s) => s.name.toLowerCase() === n.sheet.toLowerCase())) continue;
    const abs = rectRef(n.rect).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    excel.definedNames.add(`${quoteSheet(t.sheetName(n.sheet))}!${abs}`, n.name);
  }
  return { excel, charts, report: { translated: t, skipped, charts: charts.length } };
}

/** What a cell shows, for measuring it: its value or the error it shows, or the translation's. */
function shownIn(s: SourceSheet, out: OutSheet): Shown {
  return (row, col) => {
    const cell = s.cell(row, col);
    if (cell?.error) return cell.error.code;
    if (cell && cell.value !== '') return cell.value;
    const o = out.cells.get(`${row},${col}`);
    const v = o?.formula !== undefined ? o.result : o?.value;
    if (v === undefined || v === null) return cell?.value ?? null;
    return typeof v === 'object' ? v.error : v;
  };
}

/**
 * Landscape, fitted to the page width (as many pages down as it takes), the header row (the last
 * frozen one: a map's stage names under its label "Stage") repeated on every page, the print
 * area, the page breaks, the sheet's name and page numbers in the footer. Columns are not
 * repeated: fitted to the width, every page has the label columns already (and each repeated
 * range costs LibreOffice a noticeable moment per sheet when it opens the file).
 */
function setUpPage(ws: ExcelJS.Worksheet, s: SourceSheet, print: PrintLayout, page: Page): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: 'landscape',
    // ExcelJS's list of paper sizes lacks Letter (1), which the format has.
    paperSize: page.paperSize as number as ExcelJS.PaperSize,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: page.margins,
    // ExcelJS writes "$" before each part it is given: "A$1" becomes the absolute "$A$1".
    printArea: `A$1:${colName(print.area.cols)}$${print.area.rows}`,
    ...(s.frozenRows > 0 ? { printTitlesRow: `${s.frozenRows}:${s.frozenRows}` } : {}),
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: '&L&A&R&P / &N' };
  for (const row of print.breaksBefore) ws.getRow(row - 1).addPageBreak();
}

function fail(message: string): never {
  throw new Error(message);
}

function writeCell(target: ExcelJS.Cell, cell: OutCell): void {
  if (cell.formula !== undefined) {
    const result = cachedResult(cell.result);
    target.value =
      result === undefined
        ? { formula: text(cell.formula) }
        : ({ formula: text(cell.formula), result } as ExcelJS.CellFormulaValue);
  } else if (cell.value !== null && typeof cell.value === 'object')
    target.value = { error: errorCode(cell.value.error) };
  else if (cell.value !== null)
    target.value = typeof cell.value === 'string' ? text(cell.value) : cell.value;
}

function chartPlan(
  chart: SourceSheet['charts'][number],
  s: SourceSheet,
  sheetInFile: string,
): Omit<ChartPlan, 'sheetIndex' | 'anchor' | 'size'> | null {
  const kind = chart.chartType.toUpperCase();
  const type =
    kind === 'BAR'
      ? 'bar'
      : kind === 'COLUMN'
        ? 'column'
        : kind === 'LINE'
          ? 'line'
          : kind === 'AREA'
            ? 'area'
            : kind === 'PIE'
              ? 'pie'
              : null;
  const [labels, ...series] = chart.ranges;
  if (!type || !labels || series.length === 0) return null;
  const ref = (r: Rect) =>
    `${quoteSheet(sheetInFile)}!${rectRef(r).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
  const value = (row: number, col: number): string | number => {
    const v = s.cell(row + 1, col + 1)?.value;
    return typeof v === 'number' || typeof v === 'string' ? v : '';
  };
  const cells = (r: Rect) => {
    const out: (string | number)[] = [];
    for (let i = 0; i < r.rows; i++)
      for (let j = 0; j < r.cols; j++) out.push(value(r.row + i, r.col + j));
    return out;
  };
  const title = typeof chart.options.title === 'string' ? chart.options.title : '';
  const legend = (chart.options.legend as { position?: string } | undefined)?.position;
  return {
    type,
    title,
    legend: legend !== 'none',
    categories: { ref: ref(labels), cache: cells(labels).map(String) },
    series: series.map((r) => ({
      ref: ref(r),
      cache: cells(r).map((v) => (typeof v === 'number' ? v : null)),
    })),
  };
}

/** The .xlsx bytes of a workbook model, charts included. */
export async function toXlsx(built: {
  excel: ExcelJS.Workbook;
  charts: ChartPlan[];
}): Promise<Buffer> {
  const zip = await openZip(new Uint8Array(await built.excel.xlsx.writeBuffer()));
  await arialByDefault(zip);
  await addCharts(zip, built.charts);
  return zipBytes(zip);
}

/**
 * The workbook's default font Arial 10, Sheets' default and every written cell's, where ExcelJS
 * writes Calibri 11. Column widths count characters of this font: Excel draws both 7 px a digit,
 * so nothing moves there; LibreOffice without either draws it in a fallback font, and with
 * Calibri's stand-in the columns came out a third wider than the text they were sized for.
 */
async function arialByDefault(zip: JSZip): Promise<void> {
  const styles = await partText(zip, 'xl/styles.xml');
  const font = /(<fonts\b[^>]*>)<font>[\s\S]*?<\/font>/;
  if (styles === undefined || !font.test(styles)) return;
  zip.file(
    'xl/styles.xml',
    styles.replace(
      font,
      '$1<font><sz val="10"/><color theme="1"/><name val="Arial"/><family val="2"/></font>',
    ),
  );
}

/** An emulator workbook (the add-on's spreadsheet) as .xlsx bytes. */
export async function workbookToXlsx(wb: Workbook, opts: ExportOptions = {}): Promise<Buffer> {
  return toXlsx(buildWorkbook(readWorkbook(wb), opts));
}
