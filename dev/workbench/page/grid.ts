/**
 * The sheet grid: a real <table role="grid"> whose cells are named by A1 (aria-label),
 * drawing the snapshot's computed display values and formats. One cell is selected; the
 * keyboard moves the selection and edits like Sheets (type to replace, Enter/F2 to edit,
 * Enter to commit and move down, Escape to cancel, Delete to clear).
 */
import { a1, colName } from '../../../src/core/map/layout';
import { parseCellName } from '../a1';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, drawnSize } from '../extent';
import type { Selection, SheetDrawing, SheetSnapshot } from '../protocol';
import { cellStyle, editText, wraps, type Cell } from './cell-format';
import { drawChart } from './charts';
import { conditionalStyle } from './conditional';
import { hostWord } from './dialogs';
import { el } from './dom';
import { sparkline } from './sparkline';

export interface GridCallbacks {
  /** Writes what the user typed into a cell; resolves once the new state is drawn. */
  commit(sheet: string, a1: string, input: string): Promise<void>;
}

interface Pos {
  row: number;
  col: number;
}

const ROW_HEADER_WIDTH = 46;

/**
 * A cell's error as Sheets words it, in the user's language: the emulator's parse error
 * (emulator/formula-syntax.ts) is Sheets' own message, so it is the host's to translate.
 */
function errorText(message: string): string {
  return message === 'Formula parse error.' ? hostWord('parseError') : message;
}

export class Grid {
  private snap: SheetSnapshot | null = null;
  private drawing: SheetDrawing = { conditional: {}, charts: [] };
  private locale = 'en_US';
  private cells = new Map<string, Cell>();
  private tds: HTMLTableCellElement[][] = [];
  private rows = 0;
  private cols = 0;
  private readonly positions = new Map<string, Pos>();
  private editing: { input: HTMLInputElement; pos: Pos } | null = null;

  constructor(
    private readonly scroll: HTMLElement,
    private readonly nameBox: HTMLInputElement,
    private readonly formulaBar: HTMLInputElement,
    private readonly cb: GridCallbacks,
  ) {
    formulaBar.addEventListener('keydown', (e) => this.onFormulaKey(e));
  }

  get sheet(): string | null {
    return this.snap?.name ?? null;
  }

  get selection(): Selection | null {
    const sheet = this.sheet;
    return sheet === null ? null : { sheet, a1: a1(this.pos.row, this.pos.col) };
  }

  private get pos(): Pos {
    return this.positions.get(this.sheet ?? '') ?? { row: 1, col: 1 };
  }

  /**
   * Draws a sheet with what Sheets draws over it (`drawing`: conditional formats and charts).
   * `activeRange` is where the add-on put the selection when the sheet is new here.
   */
  render(
    snap: SheetSnapshot,
    locale: string,
    activeRange: string | null,
    drawing: SheetDrawing = { conditional: {}, charts: [] },
  ): void {
    const hadFocus = this.scroll.contains(document.activeElement);
    const { scrollTop, scrollLeft } = this.scroll;
    const sameSheet = snap.name === this.snap?.name;
    // The user may already be typing into the next cell while the last edit comes back.
    const typing = sameSheet ? this.editing : null;
    this.editing = null;
    this.snap = snap;
    this.drawing = drawing;
    this.locale = locale;
    this.cells = new Map(snap.cells.map((c) => [`${c.row},${c.col}`, c]));
    ({ rows: this.rows, cols: this.cols } = drawnSize(snap, drawing.charts));
    if (!this.positions.has(snap.name))
      this.positions.set(
        snap.name,
        (activeRange ? parseCellName(activeRange.split(':')[0] ?? '') : null) ?? { row: 1, col: 1 },
      );
    const p = this.pos;
    this.positions.set(snap.name, {
      row: Math.min(p.row, this.rows),
      col: Math.min(p.col, this.cols),
    });

    const table = this.build(snap);
    this.scroll.replaceChildren(table);
    this.freeze(table, snap);
    this.drawCharts(table, snap);
    if (sameSheet) {
      this.scroll.scrollTop = scrollTop;
      this.scroll.scrollLeft = scrollLeft;
    }
    this.select(this.pos.row, this.pos.col, hadFocus && !typing);
    if (typing) this.reattach(typing);
  }

  private reattach(typing: { input: HTMLInputElement; pos: Pos }): void {
    const td = this.tds[typing.pos.row - 1]?.[typing.pos.col - 1];
    if (!td) return;
    td.classList.add('editing');
    td.append(typing.input);
    this.editing = typing;
    typing.input.focus();
  }

  /**
   * Moves a sheet's selection where the add-on put it; drawn by the next render (which keeps
   * focus in the grid if it was there).
   */
  follow(selection: Selection): void {
    const pos = parseCellName(selection.a1.split(':')[0] ?? '');
    if (pos) this.positions.set(selection.sheet, pos);
  }

  /** Forgets every sheet's selection (a new workbook has other sheets of the same names). */
  forget(): void {
    this.positions.clear();
    this.snap = null;
  }

  cellAt(row: number, col: number): Cell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  focus(): void {
    this.tds[this.pos.row - 1]?.[this.pos.col - 1]?.focus();
  }

  select(row: number, col: number, focus = true): void {
    const sheet = this.sheet;
    if (sheet === null) return;
    const r = clamp(row, 1, this.rows);
    const c = clamp(col, 1, this.cols);
    const old = this.tds[this.pos.row - 1]?.[this.pos.col - 1];
    old?.classList.remove('selected');
    old?.setAttribute('aria-selected', 'false');
    old?.setAttribute('tabindex', '-1');
    this.positions.set(sheet, { row: r, col: c });
    const td = this.tds[r - 1]?.[c - 1];
    if (!td) return;
    td.classList.add('selected');
    td.setAttribute('aria-selected', 'true');
    td.setAttribute('tabindex', '0');
    if (focus) td.focus({ preventScroll: true });
    td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    this.nameBox.value = a1(r, c);
    this.formulaBar.value = editText(this.cellAt(r, c), this.locale);
  }

  /**
   * Scrolls the selection to the top-left of the pane below and beside the frozen ones, as Sheets
   * does for a selection the add-on made, so what is anchored there is in view.
   */
  reveal(): void {
    this.tds[this.pos.row - 1]?.[this.pos.col - 1]?.scrollIntoView({
      block: 'start',
      inline: 'start',
    });
  }

  private build(snap: SheetSnapshot): HTMLTableElement {
    const widths = Array.from(
      { length: this.cols },
      (_, i) => snap.colWidths[i + 1] ?? DEFAULT_WIDTH,
    );
    const colgroup = el('colgroup', {}, [
      el('col', { style: `width:${ROW_HEADER_WIDTH}px` }),
      ...widths.map((w) => el('col', { style: `width:${w}px` })),
    ]);
    const head = el('tr', {}, [
      el('th', { class: 'corner', 'aria-hidden': 'true' }),
      ...widths.map((_, i) =>
        el('th', { role: 'columnheader', scope: 'col', text: colName(i + 1) }),
      ),
    ]);
    this.tds = [];
    const body: HTMLTableRowElement[] = [];
    for (let r = 1; r <= this.rows; r++) {
      const tds: HTMLTableCellElement[] = [];
      for (let c = 1; c <= this.cols; c++) tds.push(this.buildCell(r, c));
      this.tds.push(tds);
      const height = snap.rowHeights[r] ?? DEFAULT_HEIGHT;
      body.push(
        el('tr', { style: `height:${height}px` }, [
          el('th', { role: 'rowheader', scope: 'row', text: String(r) }),
          ...tds,
        ]),
      );
    }
    const table = el(
      'table',
      {
        role: 'grid',
        class: 'grid',
        'aria-label': snap.name,
        'aria-rowcount': snap.maxRows + 1,
        'aria-colcount': snap.maxCols + 1,
        style: `width:${ROW_HEADER_WIDTH + widths.reduce((a, b) => a + b, 0)}px`,
      },
      [colgroup, el('thead', {}, [head]), el('tbody', {}, body)],
    );
    table.addEventListener('keydown', (e) => this.onKey(e));
    table.addEventListener('mousedown', (e) => {
      const p = this.posOf(e.target);
      if (!p || this.editing) return;
      e.preventDefault(); // keep focus handling ours, not the browser's text selection
      this.select(p.row, p.col);
    });
    table.addEventListener('dblclick', (e) => {
      const p = this.posOf(e.target);
      if (p) this.startEdit(null);
    });
    return table;
  }

  private buildCell(r: number, c: number): HTMLTableCellElement {
    const cell = this.cellAt(r, c);
    const ref = a1(r, c);
    const td = el('td', {
      role: 'gridcell',
      'aria-label': ref,
      'aria-selected': 'false',
      tabindex: '-1',
      'data-row': r,
      'data-col': c,
    });
    Object.assign(td.style, cellStyle(cell), conditionalStyle(this.drawing.conditional[ref]));
    if (this.drawing.conditional[ref])
      td.dataset.conditional = String(this.drawing.conditional[ref]?.rule);
    const spark = cell?.sparkline ? sparkline(cell.sparkline) : null;
    const text = cell?.error ? cell.error.code : (cell?.display ?? '');
    const wrap = wraps(cell);
    // Unwrapped text runs on over the empty cells to its right, as in Sheets ("so long as that cell
    // is empty"), up to the first one that is not; otherwise it is cut at its own cell.
    const empty = (cell: Cell | undefined) =>
      cell === undefined || (cell.display === '' && !cell.formula && !cell.error);
    let room = 0;
    if (!wrap && text !== '' && cellStyle(cell).textAlign === 'left')
      for (let k = c + 1; k <= this.cols && empty(this.cellAt(r, k)); k++)
        room += this.snap?.colWidths[k] ?? DEFAULT_WIDTH;
    const spill = room > 0;
    const own = (this.snap?.colWidths[c] ?? DEFAULT_WIDTH) - 6;
    td.append(
      spark ??
        el('div', {
          class: `v${wrap ? ' wrap' : spill ? ' spill' : ''}`,
          text,
          ...(spill ? { style: `width:${own + room}px` } : {}),
        }),
    );
    const tips: string[] = [];
    if (cell?.error) {
      td.classList.add('error');
      tips.push(errorText(cell.error.message));
    }
    if (cell?.attrs?.note) {
      td.classList.add('has-note');
      tips.push(cell.attrs.note);
    }
    if (cell?.attrs?.validation?.criteria === 'VALUE_IN_LIST') td.classList.add('list');
    if (tips.length) td.title = tips.join('\n\n');
    return td;
  }

  /**
   * Embedded charts over the cells, their top-left corner at the anchor cell plus the offset, as in
   * Sheets.
   */
  private drawCharts(table: HTMLTableElement, snap: SheetSnapshot): void {
    if (this.drawing.charts.length === 0) return;
    const rows = table.tBodies[0]?.rows;
    const layer = el('div', { class: 'chart-layer' });
    for (const chart of this.drawing.charts) {
      const tr = rows?.[chart.anchor.row - 1];
      if (!tr) continue;
      let left = ROW_HEADER_WIDTH + chart.anchor.offsetX;
      for (let c = 1; c < chart.anchor.col; c++) left += snap.colWidths[c] ?? DEFAULT_WIDTH;
      const node = drawChart(chart, this.locale);
      node.style.left = `${left}px`;
      node.style.top = `${tr.offsetTop + chart.anchor.offsetY}px`;
      layer.append(node);
    }
    this.scroll.append(layer);
  }

  /** Frozen rows and columns stay in view while the rest scrolls (sticky cells). */
  private freeze(table: HTMLTableElement, snap: SheetSnapshot): void {
    const headHeight = table.tHead?.offsetHeight ?? 0;
    const rows = [...(table.tBodies[0]?.rows ?? [])];
    let top = headHeight;
    const frozenRows = Math.min(snap.frozenRows, rows.length);
    const frozenHeight = rows.slice(0, frozenRows).reduce((h, tr) => h + tr.offsetHeight, 0);
    // Freezing more than half the view would leave no room to scroll: Sheets warns, we skip it.
    const canFreezeRows = frozenHeight < this.scroll.clientHeight * 0.55;
    const lefts: number[] = [];
    let left = ROW_HEADER_WIDTH;
    for (let c = 1; c <= Math.min(snap.frozenCols, this.cols); c++) {
      lefts.push(left);
      left += snap.colWidths[c] ?? DEFAULT_WIDTH;
    }
    rows.forEach((tr, i) => {
      const frozenRow = canFreezeRows && i < frozenRows;
      [...tr.cells].forEach((cell, j) => {
        const frozenCol = j >= 1 && j <= lefts.length;
        if (frozenRow) {
          cell.classList.add('frozen-row');
          cell.style.top = `${top}px`;
        }
        if (frozenCol) {
          cell.classList.add('frozen-col');
          cell.style.left = `${lefts[j - 1]}px`;
          if (j === lefts.length) cell.classList.add('frozen-edge');
        }
      });
      if (frozenRow) {
        top += tr.offsetHeight;
        if (i === frozenRows - 1) tr.classList.add('frozen-bottom');
      }
    });
    // Keyboard moves scroll the selection into view below and beside the frozen panes, not under
    // them.
    this.scroll.style.scrollPaddingTop = `${canFreezeRows ? top : headHeight}px`;
    this.scroll.style.scrollPaddingLeft = `${left}px`;
    table.tHead?.querySelectorAll('th').forEach((th, j) => {
      if (j >= 1 && j <= lefts.length) {
        th.classList.add('frozen-col');
        th.style.left = `${lefts[j - 1]}px`;
      }
    });
  }

  private posOf(target: EventTarget | null): Pos | null {
    const td = (target as HTMLElement | null)?.closest?.('td[data-row]');
    if (!td) return null;
    return { row: Number(td.getAttribute('data-row')), col: Number(td.getAttribute('data-col')) };
  }

  private onKey(e: KeyboardEvent): void {
    if (this.editing || e.target instanceof HTMLInputElement) return;
    const { row, col } = this.pos;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      if (e.ctrlKey || e.metaKey)
        this.select(
          move[0] ? (move[0] < 0 ? 1 : this.rows) : row,
          move[1] ? (move[1] < 0 ? 1 : this.cols) : col,
        );
      else this.select(row + move[0], col + move[1]);
      return;
    }
    switch (e.key) {
      case 'Tab':
        // Tab moves along the row like Sheets, but leaves the grid at its edges (no keyboard trap).
        if (e.shiftKey ? col === 1 : col === this.cols) return;
        e.preventDefault();
        this.select(row, col + (e.shiftKey ? -1 : 1));
        return;
      case 'Home':
        e.preventDefault();
        this.select(e.ctrlKey ? 1 : row, 1);
        return;
      case 'End':
        e.preventDefault();
        this.select(row, this.cols);
        return;
      case 'PageDown':
      case 'PageUp':
        e.preventDefault();
        this.select(row + (e.key === 'PageDown' ? 20 : -20), col);
        return;
      case 'Enter':
      case 'F2':
        e.preventDefault();
        this.startEdit(null);
        return;
      case 'Delete':
      case 'Backspace':
        e.preventDefault();
        void this.write(row, col, '', { row, col });
        return;
    }
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.startEdit(e.key);
    }
  }

  /**
   * Opens the in-cell editor: with the cell's content (Enter, F2, double-click) or replacing it
   * with a typed key.
   */
  private startEdit(initial: string | null): void {
    const pos = this.pos;
    const td = this.tds[pos.row - 1]?.[pos.col - 1];
    if (!td || this.editing) return;
    const input = el('input', {
      class: 'cell-editor',
      'aria-label': `Edit ${a1(pos.row, pos.col)}`,
      autocomplete: 'off',
      spellcheck: 'false',
    });
    input.value = initial ?? editText(this.cellAt(pos.row, pos.col), this.locale);
    this.editing = { input, pos };
    td.classList.add('editing');
    td.append(input);
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    input.addEventListener('input', () => (this.formulaBar.value = input.value));
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.cancelEdit();
      } else if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        const next =
          e.key === 'Enter'
            ? { row: pos.row + (e.shiftKey ? -1 : 1), col: pos.col }
            : { row: pos.row, col: pos.col + (e.shiftKey ? -1 : 1) };
        this.finishEdit(next);
      }
    });
    input.addEventListener('blur', () => {
      if (this.editing?.input === input) this.finishEdit(null);
    });
  }

  private cancelEdit(): void {
    const ed = this.editing;
    if (!ed) return;
    this.editing = null;
    ed.input.parentElement?.classList.remove('editing');
    ed.input.remove();
    this.select(ed.pos.row, ed.pos.col);
  }

  private finishEdit(next: Pos | null): void {
    const ed = this.editing;
    if (!ed) return;
    this.editing = null;
    const value = ed.input.value;
    const unchanged = value === editText(this.cellAt(ed.pos.row, ed.pos.col), this.locale);
    ed.input.parentElement?.classList.remove('editing');
    ed.input.remove();
    if (unchanged) {
      if (next) this.select(next.row, next.col);
      return;
    }
    void this.write(ed.pos.row, ed.pos.col, value, next);
  }

  private onFormulaKey(e: KeyboardEvent): void {
    const { row, col } = this.pos;
    if (e.key === 'Enter') {
      e.preventDefault();
      void this.write(row, col, this.formulaBar.value, { row: row + 1, col });
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.select(row, col);
    }
  }

  private async write(row: number, col: number, input: string, next: Pos | null): Promise<void> {
    const sheet = this.sheet;
    if (sheet === null) return;
    if (next) this.select(next.row, next.col);
    await this.cb.commit(sheet, a1(row, col), input);
    if (!this.editing && this.sheet === sheet) this.focus();
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}
