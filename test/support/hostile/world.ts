/**
 * Replays hostile steps against the built add-on in the emulator and checks, after every
 * action, what the add-on promises about user data:
 *  (a) no raw error escapes; refusals are user errors in the map's language;
 *  (b) every value a user typed is still in its sheet (or a copy), under the same stage,
 *      unless the user removed it (typed over it, deleted its row, column or sheet, saved
 *      another value over it from the wizard, confirmed its stage's removal);
 *  (c) no string a user typed is ever a formula;
 *  (d) a damaged map is refused with a message that says where, and is not written to;
 * plus: a map's history keeps every period recorded and every cell pasted (history.ts), and a
 * review writes one period holding the map's figures; a refused or read-only call writes
 * nothing; a call changes the stages of the map it edits only as asked (by stage identity),
 * never those of another sheet, and leaves what is right of the map as it was; the wizard shows
 * the sheet's stages in the sheet's order.
 *
 * The model is small: the values typed (text, sheet, stage id from the footer marker of
 * their column), the maps made, the add-on's portfolio sheets, and the wizard's client state
 * per map (the last loaded step: its values as base and its stages). Whether a sheet is an
 * intact map, a damaged one or none is read off the sheet each time (scan.ts).
 */
import type {
  CreateMapResult,
  DialogResult,
  EditStagesResult,
  FieldView,
  SaveResult,
  Seen,
  StepView,
  WizardState,
} from '../../../src/contract';
import type { CellData } from '../../../src/core/map/journey';
import {
  a1,
  FIRST_STAGE_COL,
  LABEL_COL,
  ROW,
  SIDE_COL,
  stageCol,
} from '../../../src/core/map/layout';
import { COL } from '../../../src/core/portfolio/columns';
import { IMPACT_COL } from '../../../src/core/wizard/action-plan';
import { fieldCell } from '../../../src/core/wizard/fields';
import { parseFieldId } from '../../../src/core/wizard/steps';
import type { StepId } from '../../../src/core/wizard/steps';
import { languageOf, type Lang } from '../../../src/core/words/i18n';
import {
  BLOCK_FIRST_ROW,
  BLOCK_KEYS,
  BLOCK_LAST_ROW,
  BLOCK_ROW,
  isBlockMarker,
} from '../../../src/core/review/block';
import { type FormulaSeparators, isDateFormat } from '../../../emulator/index';
import { bootOf, type Session } from '../addon';
import {
  contentChange,
  failedChanges,
  mapSheetIdOf,
  otherMapWrites,
  shapesOf,
  unparsedFormulas,
  vagueRefusals,
} from './boundaries';
import { placeAt, rowKeyAt, SIDE } from './places';
import { returnSession, takeSession } from './session';
import {
  COLLEAGUE,
  copyOfSpreadsheet,
  isStructureStep,
  planSheets,
  runStructure,
  type StructureStep,
} from './structure';
import {
  columnKind,
  FormulaTracker,
  HistoryTracker,
  pastedInput,
  recordedRow,
  show,
  type HistoryViolation,
} from './history';
import {
  cellAt,
  footerStages,
  health,
  readGrid,
  sameContent,
  stageColumnOf,
  stageColumns,
  type Grid,
  type Health,
} from './scan';
import type {
  ActionPick,
  AreaPick,
  CellPick,
  ColleagueStep,
  CreatePick,
  DialogStep,
  FieldEdit,
  GridStep,
  HistoryStep,
  MenuCommand,
  NamePick,
  ServerFn,
  Step,
  ValuePick,
  Weird,
} from './steps';
import {
  bareText,
  formulaWithoutSheetNames,
  languageProblem,
  namesThePlace,
  tokensIn,
  tokenText,
  TOKEN_RE,
  type TextPick,
} from './texts';
import { UserFormulas } from './user-formulas';
import { ValueTracker, type ValueViolation } from './values';

export type ViolationKind =
  | 'raw-error'
  | 'lost'
  | 'wrong-stage'
  | 'formula'
  | 'language'
  | 'refusal-wrote'
  | 'read-only-wrote'
  | 'damaged-accepted'
  | 'damaged-vague'
  | 'damaged-written'
  | 'stages-changed'
  | 'outside-write'
  | 'selection'
  | ValueViolation
  | 'user-formula-broken'
  // history.ts: a history's periods and pasted cells, a user's formulas under a map
  | HistoryViolation
  /** a map holds more than five custom-function cells */
  | 'custom-functions'
  // boundaries.ts
  | 'other-map-write'
  | 'refusal-changed'
  | 'refusal-vague'
  | 'refusal-raw'
  | 'formula-unparsed';

export interface Violation {
  kind: ViolationKind;
  /** the action it was seen after, e.g. "#12.3" */
  at: string;
  /** that action, e.g. "menu addStage on 'Map'!C5 (stage ab12cd34), answer YES" */
  action: string;
  message: string;
}

export class HostileFailure extends Error {
  constructor(
    readonly violation: Violation,
    readonly log: readonly string[],
  ) {
    super(
      `${violation.kind} after ${violation.at}: ${violation.message}\n\nWhat happened (resolved):\n${log.map((l) => `  ${l}`).join('\n')}`,
    );
    this.name = 'HostileFailure';
  }
}

/**
 * The emulator's formula engine lost track of a range (HyperFormula's "Range does not exist":
 * an array formula over columns a move shifted, then its sheet deleted or the cell edited). No
 * call of Sheets' API reaches that state in Sheets, and the engine stays broken: the sequence
 * ends there, without a verdict on the add-on.
 */
export class EmulatorLimit extends Error {
  override name = 'EmulatorLimit';
}
const ENGINE_LOST_RANGE = /Range does not exist[\s\S]*hyperformula/;

interface Tracked {
  text: string;
  sheetId: number;
  stage: string | null;
  origin: string;
  /**
   * typed into a cell the add-on rebuilds by design (its own portfolio's columns, the plan's header
   * and computed cells)
   */
  volatile: boolean;
}

interface Entitled {
  sheetId: number;
  /** '*' = any text */
  text: string;
  /** '*' = any stage */
  stage: string | null;
}

interface Observation {
  grids: Map<number, Grid>;
  health: Map<number, Health>;
  /** what a sheet is besides its cells (boundaries.ts) */
  shapes: Map<number, string>;
}

type StageExpectation =
  | { op: 'add'; after: string | null }
  | { op: 'remove'; id: string }
  | { op: 'move'; id: string; by: number };

interface CallInfo {
  name: string;
  readOnly: boolean;
  /** sheet id of the map the call edits or reads, if any */
  target: number | null;
  /** refusing is not required even if the target is damaged (showWizard shows a notice) */
  mayProceedOnDamage?: boolean;
  /** a malformed payload: refusing it for that, before looking at the map, is fine */
  hostilePayload?: boolean;
  /**
   * the language its messages must be in; 'any' for the wizard's own notices (the interface is the
   * spreadsheet's, a map's refusal the map's)
   */
  lang: Lang | 'any';
  /** how the call may change the stages of its target; 'skip' when the stage cannot be named */
  expect?: StageExpectation | 'skip' | null;
}

interface Ctx {
  label: string;
  call?: CallInfo;
  entitled: Entitled[];
  /**
   * the workbook after a colleague acted inside the call (in a dialog): the base for the call's own
   * writes
   */
  mid?: Observation;
  /** the sheet shown and the selection on it when the call started (set by act) */
  shown?: Shown;
}

/** The sheet the user is looking at and their selection there (0-based, as the emulator keeps it). */
interface Shown {
  sheetId: number;
  rect: { row: number; col: number; rows: number; cols: number } | null;
}

interface Outcome {
  result: 'ok' | 'refused' | 'cancelled' | 'raw';
  messages: string[];
  detail: string;
}

interface Client {
  mapId: string;
  step: StepId;
  sheetId: number;
  base: Record<string, CellData>;
  /** the stages shown, as the view names them (ids when the product sends them) */
  viewStages: { id?: string; name: string }[];
  /**
   * the stage ids of the map's columns when the step was loaded (read from the footer; null: a
   * stage without a marker)
   */
  markers: (string | null)[];
  fields: Map<string, FieldView>;
  actions: {
    action: string;
    stage: string;
    lever: string;
    change: string;
    owner: string;
    deadline: string;
    status: string;
    start: string;
  }[];
  statuses: string[];
  /** every step's page of the view the client was made from: steps shown without a call */
  view: StepView;
  /**
   * texts in the plan sheet's action rows when the plan was shown: the rows the user edits as a
   * whole
   */
  planTexts: string[];
}

export interface WorldOptions {
  lang: Lang;
  /** throw at the first violation (the property) or count them all (the bench) */
  stopAtFirst: boolean;
  /** only these violations count (to shrink one kind of failure at a time); all by default */
  only?: (v: Violation) => boolean;
  /** how Sheets takes a script's formulas in a decimal-comma locale (formula-syntax.ts) */
  syntax?: FormulaSeparators;
}

const WEIRD: Record<Weird, () => unknown> = {
  null: () => null,
  object: () => ({}),
  array: () => ['x'],
  true: () => true,
  number: () => 42,
  long: () => 'x'.repeat(5000),
  empty: () => '',
  nested: () => ({ a: { b: [1, { c: 'd' }] } }),
  negative: () => -1,
  fraction: () => 1.5,
  huge: () => 1e12,
};

const TEXT_KINDS = new Set(['text', 'longtext']);
const NUMBER_KINDS = new Set(['number', 'money', 'share', 'score']);

export class World {
  /** the spreadsheet and the add-on in it (another after File → Make a copy) */
  s: Session;
  readonly locale: string;
  readonly violations: Violation[] = [];
  readonly log: string[] = [];
  steps = 0;
  private readonly stopAtFirst: boolean;
  private readonly only: ((v: Violation) => boolean) | undefined;
  private tracked: Tracked[] = [];
  /** the numbers typed, by sheet, row and stage */
  private readonly values = new ValueTracker();
  private readonly userFormulas = new UserFormulas();
  /** the periods recorded and the cells pasted into history sheets */
  private readonly history = new HistoryTracker();
  /** the user's formulas under maps' footers, where the review block goes */
  private readonly formulasUnder = new FormulaTracker();
  private readonly maps: { id: string; lang: Lang }[] = [];
  private readonly portfolioSheets = new Set<number>();
  private readonly clients = new Map<string, Client>();
  /** where the sidebar went without a call: sent with its next save or poll */
  private seen: Seen | null = null;
  private readonly userTokens = new Map<string, string>();
  private readonly reportedFormulas = new Set<string>();
  private readonly userTexts: string[] = [];
  private tokenCount = 0;
  private stepNo = 0;
  private subNo = 0;
  private answer: {
    confirm: 'YES' | 'NO' | 'CANCEL';
    prompt: { button: 'OK' | 'CANCEL'; text: string } | null;
    inDialog: (() => void) | null;
  } = { confirm: 'NO', prompt: null, inDialog: null };

  constructor(opts: WorldOptions) {
    this.locale = opts.lang === 'ru' ? 'ru_RU' : 'en_US';
    this.stopAtFirst = opts.stopAtFirst;
    this.only = opts.only;
    this.s = takeSession(this.locale);
    if (opts.syntax) this.s.wb.model.formulaSeparators = opts.syntax;
    this.s.wb.ui.responder = (req) => {
      if (req.kind === 'prompt') return this.answer.prompt ?? 'CANCEL';
      if (req.buttons === 'YES_NO' || req.buttons === 'YES_NO_CANCEL') {
        const colleague = this.answer.inDialog;
        this.answer.inDialog = null;
        colleague?.();
        return this.answer.confirm;
      }
      return 'OK';
    };
  }

  get wb() {
    return this.s.wb;
  }

  /** The spreadsheet's language: its locale's, which a user may change between steps. */
  get lang(): Lang {
    return languageOf(this.wb.model.locale);
  }

  // ------------------------------------------------------------------ setup

  /** The first map of the session: a custom map of 2–4 stages named by the user. */
  setup(stageNames: TextPick[]): void {
    this.stepNo = 0;
    this.createMap({
      name: { kind: 'token', shape: 'plain' },
      segment: { kind: 'token', shape: 'plain' },
      product: { kind: 'token', shape: 'importxml' },
      stages: stageNames,
      lang: 'ok',
      preset: 'custom',
      example: 'no',
      deal: 'none',
    });
    if (this.maps.length === 0)
      throw new Error(`hostile setup: the first map was not created (${this.log.join(' | ')})`);
  }

  // ------------------------------------------------------------------ texts

  private text(pick: TextPick): string {
    let t: string;
    if (pick.kind === 'token') {
      const token = `Tq${++this.tokenCount}x`;
      t = tokenText(pick.shape, token);
      this.userTokens.set(token, `#${this.stepNo}`);
    } else t = bareText(pick.index);
    this.userTexts.push(t);
    return t;
  }

  // ------------------------------------------------------------------ observing

  /** The last observation, valid until the next action starts changing the workbook. */
  private cache: Observation | null = null;

  private observe(): Observation {
    this.cache ??= this.observeFresh();
    return this.cache;
  }

  /**
   * Reads every sheet: an edit on one sheet changes formulas and values on others that refer to it.
   */
  private observeFresh(): Observation {
    const grids = new Map<number, Grid>();
    const hs = new Map<number, Health>();
    for (const sheet of this.wb.model.sheets) {
      const g = readGrid(this.wb, sheet.name);
      grids.set(g.sheetId, g);
      hs.set(g.sheetId, health(g));
    }
    return { grids, health: hs, shapes: shapesOf(this.wb) };
  }

  private sheetName(sheetId: number): string | null {
    return this.wb.model.sheets.find((s) => s.sheetId === sheetId)?.name ?? null;
  }

  /**
   * A sheet by number: mostly an intact map, now and then any map (damaged ones too) or any
   * sheet at all.
   */
  private sheetByRef(ref: number): { name: string; sheetId: number } {
    const sheets = this.wb.model.sheets;
    const obs = this.observe();
    const maps = sheets.filter((s) => (obs.health.get(s.sheetId)?.kind ?? 'notMap') !== 'notMap');
    const intact = maps.filter((s) => obs.health.get(s.sheetId)?.kind === 'healthy');
    const pick = ref % 8;
    const pool =
      pick < 5 && intact.length > 0 ? intact : pick < 7 && maps.length > 0 ? maps : sheets;
    const s = pool[Math.floor(ref / 8) % pool.length]!;
    return { name: s.name, sheetId: s.sheetId };
  }

  /**
   * Mostly a sheet that is not a map (so that sessions go on with their maps), now and then any.
   */
  private sheetToDelete(ref: number): { name: string; sheetId: number } {
    const obs = this.observe();
    const others = this.wb.model.sheets.filter((s) => obs.health.get(s.sheetId)?.kind === 'notMap');
    const pool = others.length > 0 && ref % 3 !== 0 ? others : this.wb.model.sheets;
    const s = pool[Math.floor(ref / 3) % pool.length]!;
    return { name: s.name, sheetId: s.sheetId };
  }

  private mapSheetId(mapId: string): number | null {
    return mapSheetIdOf(this.wb, mapId, this.observe().health);
  }

  private planSheetId(mapId: string): number | null {
    const target = this.wb.model.engine.namedRangeTarget(`CJM_${mapId}_PLAN`);
    return target ? (this.wb.model.sheet(target.sheet)?.sheetId ?? null) : null;
  }

  /**
   * A map by number: mostly an intact one, now and then one that is damaged or whose sheet is gone.
   */
  private mapRef(ref: number): string {
    if (this.maps.length === 0) return 'ZZZZ99';
    const obs = this.observe();
    const alive = this.maps.filter((m) => this.mapSheetId(m.id) !== null);
    const intact = alive.filter((m) => obs.health.get(this.mapSheetId(m.id)!)?.kind === 'healthy');
    const pick = ref % 8;
    const pool =
      pick < 5 && intact.length > 0 ? intact : pick < 7 && alive.length > 0 ? alive : this.maps;
    return pool[Math.floor(ref / 8) % pool.length]!.id;
  }

  private langOfSheet(obs: Observation, sheetId: number | null): Lang {
    if (sheetId === null) return this.lang;
    const h = obs.health.get(sheetId);
    if (h?.kind === 'healthy') return h.lang;
    if (h?.kind === 'damaged' && h.lang) return h.lang;
    return this.lang;
  }

  /** The stages of a map-like sheet, in column order from C (null: a stage without a marker). */
  private stagesOf(g: Grid | undefined, h: Health | undefined): (string | null)[] {
    if (!g) return [];
    if (h?.kind === 'healthy') return h.stages;
    const cols = stageColumns(g);
    const out: string[] = [];
    while (cols.has(FIRST_STAGE_COL + out.length))
      out.push(cols.get(FIRST_STAGE_COL + out.length)!);
    return out;
  }

  private stageCount(g: Grid): number {
    return this.stagesOf(g, health(g)).length;
  }

  private resolveCell(g: Grid, h: Health, pick: CellPick): { row: number; col: number } {
    if (h.kind === 'notMap') return { row: 1 + (pick.row % 12), col: 1 + (pick.i % 8) };
    const n = Math.max(1, this.stageCount(g));
    const row = 1 + (pick.row % (ROW.footer - 1));
    switch (pick.zone) {
      case 'stage':
      case 'same':
        return { row, col: FIRST_STAGE_COL + (pick.i % n) };
      case 'side':
        return { row, col: SIDE_COL };
      case 'label':
        return { row, col: 1 };
      case 'right':
        return { row, col: FIRST_STAGE_COL + n + (pick.i % 2) };
      case 'footer':
        return { row: ROW.footer, col: 1 + (pick.i % (n + 2)) };
    }
  }

  private isVolatile(sheetId: number, row: number, col: number): boolean {
    // the portfolio's own columns but its map id, which keeps what is typed there
    if (this.portfolioSheets.has(sheetId) && col < COL.id) return true;
    // a history's titles and column names: the add-on names its columns on every review
    if (this.isHistory(sheetId) && row <= 2) return true;
    const g = this.observe().grids.get(sheetId);
    if (g && this.blockOwned(g, row, col)) return true;
    const planSheets = new Set(this.maps.map((m) => this.planSheetId(m.id)));
    return planSheets.has(sheetId) && (row <= 3 || col === 1 || col === IMPACT_COL);
  }

  /**
   * A cell a review writes in a map's review block, where the block is: its labels, its computed
   * cells in B, the stages' cells of its trend rows (the goal, its date, the cadence and the
   * cells beside them are the user's).
   */
  private blockOwned(g: Grid, row: number, col: number): boolean {
    const key = BLOCK_KEYS[row - BLOCK_FIRST_ROW];
    if (!key || !isBlockMarker(cellAt(g, BLOCK_ROW.reviewSection, SIDE_COL).value)) return false;
    if (col === LABEL_COL) return true;
    if (col === SIDE_COL) return !['revenueGoal', 'goalDate', 'cadence'].includes(key);
    const trend = ['trend', 'trendChange', 'trendAlert'].includes(key);
    return trend && col > FIRST_STAGE_COL && col < FIRST_STAGE_COL + this.stageCount(g);
  }

  /** Whether a sheet is a map's history (its named cell is there). */
  private isHistory(sheetId: number): boolean {
    return [...planSheets(this.wb, 'HISTORY').values()].includes(sheetId);
  }

  private textAt(g: Grid, row: number, col: number): string {
    const c = cellAt(g, row, col);
    return c.formula || g.spilled.has(`${row - 1},${col - 1}`) ? '' : String(c.value ?? '');
  }

  /** Every non-empty text in a block of a sheet, with the stage of its column. */
  private entitledIn(g: Grid, rows: [number, number], cols: [number, number]): Entitled[] {
    const stageOf = stageColumns(g);
    const out: Entitled[] = [];
    for (let r = rows[0]; r <= Math.min(rows[1], g.values.length); r++) {
      for (let c = cols[0]; c <= Math.min(cols[1], g.values[r - 1]?.length ?? 0); c++) {
        const t = this.textAt(g, r, c);
        if (t !== '') out.push({ sheetId: g.sheetId, text: t, stage: stageOf.get(c) ?? null });
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ running actions

  /** One step of a sequence (composite steps run as several checked actions). */
  run(step: Step): void {
    this.stepNo++;
    this.subNo = 0;
    this.steps++;
    switch (step.k) {
      case 'menu':
        this.menu(step.cmd, step.sheet, step.at, step.answer, step.inDialog);
        return;
      case 'rename':
        this.rename(step.sheet, step.text, step.button);
        return;
      case 'portfolio':
        this.portfolio(step.sheet);
        return;
      case 'showWizard':
        this.showWizard(step.sheet);
        return;
      case 'load':
        this.load(this.mapRef(step.map), step.step);
        return;
      case 'save':
        this.save(this.mapRef(step.map), step.edits, undefined, step.next);
        return;
      case 'held':
        this.held(this.mapRef(step.map), step.step);
        return;
      case 'poll':
        this.poll(this.mapRef(step.map));
        return;
      case 'importTable':
        this.importTable(step.sheet, step.at, step.unmatched, step.create);
        return;
      case 'round': {
        const mapId = this.mapRef(step.map);
        if (step.step === 'plan') {
          const actions = step.edits.map((e, i) => ({
            action:
              e.value.kind === 'text'
                ? e.value.text
                : { kind: 'token' as const, shape: 'plain' as const },
            owner: { kind: 'bare' as const, index: e.field },
            stage: e.field,
            lever: i,
            change: e.field,
            status: e.field,
          }));
          this.savePlan(mapId, actions, true, step.colleague);
          return;
        }
        this.load(mapId, step.step);
        if (step.colleague) this.colleague(mapId, step.colleague);
        this.save(mapId, step.edits);
        return;
      }
      case 'editStages':
        this.editStages(step);
        return;
      case 'removeRace': {
        const sheet = this.sheetByRef(step.sheet);
        const g = this.observe().grids.get(sheet.sheetId)!;
        const n = this.stageCount(g);
        if (n === 0) return;
        const col = FIRST_STAGE_COL + (step.stage % n);
        this.typeAt(sheet.sheetId, 1 + (step.row % (ROW.footer - 1)), col, this.text(step.text));
        this.menu(
          'removeStage',
          0,
          { zone: 'stage', row: step.row, i: step.stage },
          'YES',
          step.inDialog,
          sheet.sheetId,
        );
        return;
      }
      case 'savePlan':
        this.savePlan(this.mapRef(step.map), step.actions, step.fresh, step.colleague);
        return;
      case 'createMap':
        this.createMap(step.form);
        return;
      case 'garbage':
        this.garbage(step.fn, step.key, step.w);
        return;
      case 'charts':
      case 'mindmap': {
        const mapId = this.mapRef(step.map);
        const fn = step.k === 'charts' ? 'insertCharts' : 'exportMindMap';
        this.callClient(
          `${fn} ${mapId}`,
          fn,
          { mapId },
          { readOnly: true, target: this.mapSheetId(mapId) },
        );
        return;
      }
      case 'merge':
      case 'unmerge':
      case 'hide':
      case 'unhide':
      case 'group':
      case 'protect':
      case 'unprotect':
      case 'locale':
        this.structure(step);
        return;
      case 'copySpreadsheet':
        this.makeACopy();
        return;
      case 'review':
        this.review(step);
        return;
      case 'pastePeriods':
        this.pastePeriods(step);
        return;
      case 'editHistory':
        this.editHistory(step);
        return;
      case 'typeUnder':
        this.typeUnder(step);
        return;
      default:
        this.grid(step);
        return;
    }
  }

  /** File → Make a copy, and the user goes on in the copy (its sidebar not open yet). */
  private makeACopy(): void {
    const old = this.s;
    this.userAct('user makes a copy of the spreadsheet and goes on in it', () => {
      this.s = copyOfSpreadsheet(old);
      this.s.wb.ui.responder = old.wb.ui.responder;
      this.clients.clear();
      this.seen = null;
      return [];
    });
    if (this.s !== old) returnSession(this.locale, old);
  }

  /** Merges, hidden and grouped lines, a colleague's protections, the locale (structure.ts). */
  private structure(step: StructureStep, note = '', sheetId?: number): void {
    const name = sheetId === undefined ? null : this.sheetName(sheetId);
    runStructure(
      {
        wb: this.wb,
        observe: () => this.observe(),
        sheetByRef: (ref) => this.sheetByRef(ref),
        area: (g, h, pick) => this.area(g, h, pick),
        text: (pick) => this.text(pick),
        entitledIn: (g, rows, cols) => this.entitledIn(g, rows, cols),
        userAct: (label, perform) => this.userAct(label, perform),
      },
      step,
      note,
      name !== null && sheetId !== undefined ? { name, sheetId } : undefined,
    );
  }

  private label(text: string): string {
    const id = `#${this.stepNo}${this.subNo ? `.${this.subNo}` : ''}`;
    this.subNo++;
    return `${id} ${text}`;
  }

  /**
   * Runs one action with the checks around it. `perform` returns the outcome; the checks
   * compare the workbook before and after.
   */
  private act(
    ctx: Ctx,
    perform: () => Outcome,
    afterOk?: (before: Observation, after: Observation) => void,
  ): Outcome {
    const before = this.observe();
    ctx.shown = this.shown();
    let outcome: Outcome;
    this.cache = null;
    try {
      outcome = perform();
    } catch (e) {
      // Only the emulator or this harness gets here (calls catch their own errors).
      outcome = {
        result: 'raw',
        messages: [],
        detail: `harness: ${(e as Error).stack ?? String(e)}`,
      };
    }
    if (outcome.result === 'raw' && ENGINE_LOST_RANGE.test(outcome.detail))
      throw new EmulatorLimit(`${ctx.label}: ${outcome.detail.slice(0, 200)}`);
    const after = this.observeFresh();
    this.cache = after;
    this.log.push(`${ctx.label} → ${outcome.result}${outcome.detail ? `: ${outcome.detail}` : ''}`);
    if (outcome.result === 'ok' && afterOk) afterOk(before, after);
    this.check(ctx, before, after, outcome);
    return outcome;
  }

  private shown(): Shown {
    const m = this.wb.model;
    return { sheetId: m.active.sheetId, rect: m.activeRange ? { ...m.activeRange } : null };
  }

  private violate(ctx: Ctx, kind: ViolationKind, message: string): void {
    const v: Violation = {
      kind,
      at: ctx.label.split(' ')[0] ?? '',
      action: ctx.label.replace(/^\S+ /, ''),
      message,
    };
    if (this.only && !this.only(v)) return;
    this.violations.push(v);
    if (this.stopAtFirst) throw new HostileFailure(v, this.log);
  }

  // ------------------------------------------------------------------ checks

  private check(ctx: Ctx, before: Observation, after: Observation, outcome: Outcome): void {
    const call = ctx.call;
    if (outcome.result === 'raw') this.violate(ctx, 'raw-error', outcome.detail);
    if (call) {
      for (const m of outcome.messages) {
        const problem = languageProblem(m, call.lang, this.userTexts);
        if (problem) this.violate(ctx, 'language', `${problem}: ${JSON.stringify(m)}`);
      }
      const base = ctx.mid ?? before;
      const changed = (sheetId: number): string | null => {
        const b = base.grids.get(sheetId);
        const a = after.grids.get(sheetId);
        if (!b) return null;
        if (!a) return 'the sheet was deleted';
        const same = sameContent(b, a);
        return same.same ? null : same.where;
      };
      const changes = [...base.grids.keys()].flatMap((id) => {
        const where = changed(id);
        return where ? [`'${base.grids.get(id)?.name}'!${where}`] : [];
      });
      if (outcome.result !== 'ok' && changes.length)
        this.violate(
          ctx,
          'refusal-wrote',
          `${call.name} was refused (${outcome.detail}) but changed ${changes.join('; ')}`,
        );
      else if (call.readOnly && changes.length)
        this.violate(
          ctx,
          'read-only-wrote',
          `${call.name} should only read, but changed ${changes.join('; ')}`,
        );
      for (const f of [
        ...otherMapWrites(this.wb, call.name, call.target, base, after),
        ...(outcome.result !== 'ok' && !changes.length
          ? failedChanges(call.name, outcome.detail, base, after)
          : []),
        ...(outcome.result === 'refused'
          ? vagueRefusals(this.wb, call.name, outcome.messages, !call.hostilePayload)
          : []),
        ...unparsedFormulas(this.wb, call.name, base, after),
      ])
        this.violate(ctx, f.kind, f.message);
      for (const [id, h] of base.health) {
        if (h.kind !== 'damaged') continue;
        const where = changed(id);
        if (where)
          this.violate(
            ctx,
            'damaged-written',
            `${call.name} wrote to the damaged map '${base.grids.get(id)?.name}' (${h.why}): ${where}`,
          );
      }
      const targetHealth = call.target === null ? undefined : base.health.get(call.target);
      if (targetHealth?.kind === 'damaged' && !call.mayProceedOnDamage) {
        if (outcome.result === 'ok')
          this.violate(
            ctx,
            'damaged-accepted',
            `${call.name} went ahead on the damaged map '${base.grids.get(call.target!)?.name}' (${targetHealth.why})`,
          );
        else if (
          outcome.result === 'refused' &&
          !call.hostilePayload &&
          outcome.messages.length > 0 &&
          !outcome.messages.some(namesThePlace)
        ) {
          this.violate(
            ctx,
            'damaged-vague',
            `${call.name} refused the damaged map '${base.grids.get(call.target!)?.name}' (${targetHealth.why}) without saying where: ${JSON.stringify(outcome.messages)}`,
          );
        }
      }
      this.checkStages(ctx, call, base, after, outcome);
      this.checkSelection(ctx, call, base, after, outcome);
      if (outcome.result === 'ok') this.checkOutside(ctx, call, base, after);
    }
    this.checkValues(ctx, after, outcome.result === 'ok' || !call);
    this.values.check(
      after.grids,
      !call,
      outcome.result === 'ok' || !call ? ctx.entitled : [],
      (k, m) => this.violate(ctx, k, m),
    );
    if (call) this.userFormulas.heard(this.stepNo, outcome.messages);
    this.userFormulas.check(this.stepNo, after.grids, !call, (m) =>
      this.violate(ctx, 'user-formula-broken', m),
    );
    const report = (k: ViolationKind, m: string) => this.violate(ctx, k, m);
    if (call) {
      this.history.check(after.grids, (g, r, c) => this.dayAt(g, r, c), report);
      this.checkCustomFunctions(ctx, ctx.mid ?? before, after);
    } else this.history.follow(after.grids);
    this.formulasUnder.check(after.grids, !!call, report);
    this.checkFormulas(ctx, after);
  }

  /** The day a cell shows as a date (a serial under a date format), or null. */
  private dayAt(g: Grid, row: number, col: number): string | null {
    const v = cellAt(g, row, col).value;
    const format = this.wb.model.sheet(g.name)?.attr(row - 1, col - 1)?.numberFormat;
    if (typeof v !== 'number' || !isDateFormat(format)) return null;
    return new Date(Date.UTC(1899, 11, 30) + Math.floor(v) * 86_400_000).toISOString().slice(0, 10);
  }

  /** A map keeps at most five custom-function cells (each is an execution of its own). */
  private checkCustomFunctions(ctx: Ctx, base: Observation, after: Observation): void {
    const count = (g: Grid | undefined) =>
      g ? g.formulas.flat().filter((f) => /\bCJM_[A-Z]+\s*\(/.test(f)).length : 0;
    for (const [id, h] of after.health) {
      if (h.kind === 'notMap') continue;
      const n = count(after.grids.get(id));
      if (n > 5 && n > count(base.grids.get(id)))
        this.violate(
          ctx,
          'custom-functions',
          `${ctx.call?.name} left ${n} custom-function cells on '${after.grids.get(id)?.name}'`,
        );
    }
  }

  private checkStages(
    ctx: Ctx,
    call: CallInfo,
    base: Observation,
    after: Observation,
    outcome: Outcome,
  ): void {
    const nonNull = (x: string | null): x is string => x !== null;
    const same = (x: string[], y: string[]) =>
      x.length === y.length && x.every((v, i) => v === y[i]);
    for (const [id, h] of base.health) {
      if (h.kind !== 'healthy') continue;
      const g = after.grids.get(id);
      if (!g) continue; // a deleted sheet is reported by the value checks
      const ah = after.health.get(id);
      const name = g.name;
      const expect = call.target === id && outcome.result === 'ok' ? call.expect : null;
      if (expect === 'skip') continue;
      if (ah?.kind === 'damaged') {
        this.violate(
          ctx,
          'stages-changed',
          `${call.name} left the map '${name}' damaged: ${ah.why}`,
        );
        continue;
      }
      const was = h.stages;
      const wasIds = was.filter(nonNull);
      const nowAll = ah?.kind === 'healthy' ? ah.stages : footerStages(g);
      const now = nowAll.filter(nonNull);
      // A stage without a marker (typed over, or a column a user inserted and named) may get one.
      let maxFresh = was.length - wasIds.length;
      let count = was.length;
      let expected = wasIds;
      let what = 'keep its stages';
      if (expect?.op === 'add') {
        maxFresh += 1;
        count += 1;
        what = 'add one stage';
      } else if (expect?.op === 'remove') {
        expected = wasIds.filter((s) => s !== expect.id);
        count -= 1;
        what = `remove stage ${expect.id}`;
      } else if (expect?.op === 'move') {
        const moved = [...was];
        const i = moved.indexOf(expect.id);
        const j = i + expect.by;
        if (i >= 0 && j >= 0 && j < moved.length) [moved[i], moved[j]] = [moved[j]!, moved[i]!];
        expected = moved.filter(nonNull);
        what = `move stage ${expect.id} by ${expect.by}`;
      }
      const fresh = now.filter((s) => !wasIds.includes(s));
      const kept = now.filter((s) => wasIds.includes(s));
      const other = call.target === id ? '' : ' (not the sheet it works on)';
      // Rename on a duplicated sheet makes it a map of its own: new map id, every stage a new id.
      // (the map's named ranges, which stay with the original, lead to another sheet)
      const engine = this.wb.model.engine;
      const sheetNow = base.grids.get(id)?.name;
      const twin = engine
        .namedRangeNames()
        .some((n) => n.includes(h.mapId) && engine.namedRangeTarget(n)?.sheet !== sheetNow);
      if (
        twin &&
        call.target === id &&
        /^renameMap/.test(call.name) &&
        outcome.result === 'ok' &&
        fresh.length === nowAll.length &&
        nowAll.length === was.length
      )
        continue;
      if (!same(kept, expected) || fresh.length > maxFresh || nowAll.length !== count) {
        this.violate(
          ctx,
          'stages-changed',
          `${call.name} should ${what} of '${name}'${other}: [${was}] → [${nowAll}]`,
        );
      } else if (expect?.op === 'add' && expect.after !== null && fresh.length > 0) {
        const next = nowAll[nowAll.indexOf(expect.after) + 1];
        if (next === undefined || (next !== null && wasIds.includes(next)))
          this.violate(
            ctx,
            'stages-changed',
            `${call.name} added the stage of '${name}' after the wrong one (asked after ${expect.after}): [${was}] → [${nowAll}]`,
          );
      }
    }
  }

  /**
   * After a stage edit the selection is on the stage the user was working on: the new
   * stage's name after Add, the moved stage after Move, after Remove the one that took its place
   * or the previous one, in the row the user was on, so the menu's next Move or Remove acts on the
   * same stage. When the user was looking at another sheet, the add-on neither moves their
   * selection nor takes them to the map. (Not judged when a colleague acted inside the call: the
   * emulator has one selection for everyone.)
   */
  private checkSelection(
    ctx: Ctx,
    call: CallInfo,
    base: Observation,
    after: Observation,
    outcome: Outcome,
  ): void {
    const start = ctx.shown;
    const expect = call.expect;
    if (outcome.result !== 'ok' || call.target === null || !start || ctx.mid) return;
    if (!expect || expect === 'skip') return;
    const hb = base.health.get(call.target);
    const ha = after.health.get(call.target);
    if (hb?.kind !== 'healthy' || ha?.kind !== 'healthy') return;
    const now = this.shown();
    const name = after.grids.get(call.target)?.name ?? '';
    const at = (x: Shown) =>
      `'${this.sheetName(x.sheetId) ?? x.sheetId}'!${x.rect ? a1(x.rect.row + 1, x.rect.col + 1) : 'none'}`;
    if (start.sheetId !== call.target) {
      if (now.sheetId !== start.sheetId || JSON.stringify(now.rect) !== JSON.stringify(start.rect))
        this.violate(
          ctx,
          'selection',
          `${call.name} on '${name}' moved the selection on another sheet: ${at(start)} → ${at(now)}`,
        );
      return;
    }
    let index: number;
    if (expect.op === 'move') index = ha.stages.indexOf(expect.id);
    else if (expect.op === 'add') {
      if (expect.after === null) return;
      index = ha.stages.indexOf(expect.after) + 1;
    } else index = Math.min(hb.stages.indexOf(expect.id), ha.stages.length - 1);
    if (index < 0) return;
    const row = expect.op === 'add' ? ROW.header : (start.rect?.row ?? 0) + 1;
    const want: Shown = {
      sheetId: call.target,
      rect: { row: row - 1, col: FIRST_STAGE_COL + index - 1, rows: 1, cols: 1 },
    };
    if (at(now) !== at(want))
      this.violate(
        ctx,
        'selection',
        `${call.name} on '${name}' should leave the selection on stage ${ha.stages[index]} at ${at(want)}, not ${at(now)} (was ${at(start)}; [${hb.stages}] → [${ha.stages}])`,
      );
  }

  /**
   * Right of a map is the user's: whatever a call did to the map (stages added, removed or
   * moved by Sheets' own column operations), what is right of its last stage column stays as
   * it was, relative to that column (a note typed there never becomes a stage or gets formulas).
   */
  private checkOutside(ctx: Ctx, call: CallInfo, base: Observation, after: Observation): void {
    if (call.target === null) return;
    const hb = base.health.get(call.target);
    const ha = after.health.get(call.target);
    const gb = base.grids.get(call.target);
    const ga = after.grids.get(call.target);
    if (hb?.kind !== 'healthy' || ha?.kind !== 'healthy' || !gb || !ga) return;
    const lb = FIRST_STAGE_COL + hb.stages.length - 1;
    const la = FIRST_STAGE_COL + ha.stages.length - 1;
    const width = Math.max(
      ...gb.values.map((l) => l.length - lb),
      ...ga.values.map((l) => l.length - la),
      0,
    );
    // A review may move what is under the footer down, whole, to make room for its block: the
    // texts and numbers there are followed by the value checks.
    const rows =
      call.name === 'recordReview' ? ROW.footer : Math.max(gb.values.length, ga.values.length);
    for (let r = 1; r <= rows; r++) {
      for (let k = 1; k <= width; k++) {
        const x = cellAt(gb, r, lb + k);
        const y = cellAt(ga, r, la + k);
        const computed =
          gb.spilled.has(`${r - 1},${lb + k - 1}`) || ga.spilled.has(`${r - 1},${la + k - 1}`);
        // (a formula's references follow the columns Sheets moves: its shape stays)
        const shape = (f: string) => f.replace(/#REF!|\$?[A-Z]{1,3}\$?\d+/g, '#');
        if (
          shape(x.formula) !== shape(y.formula) ||
          (!x.formula && !computed && String(x.value) !== String(y.value))
        ) {
          this.violate(
            ctx,
            'outside-write',
            `${call.name} changed '${ga.name}' right of the map: ${a1(r, lb + k)} ${JSON.stringify(x.formula || x.value)} is now ${a1(r, la + k)} ${JSON.stringify(y.formula || y.value)}`,
          );
          return;
        }
      }
    }
  }

  private checkValues(ctx: Ctx, after: Observation, entitledApply: boolean): void {
    // Where each text is now: sheet → text → stages of the cells holding it.
    const index = new Map<number, Map<string, (string | null)[]>>();
    const columnStages = new Map<number, Map<number, string>>();
    for (const [id, g] of after.grids) {
      const byText = new Map<string, (string | null)[]>();
      const stageOf = stageColumns(g);
      columnStages.set(id, stageOf);
      g.values.forEach((line, r) => {
        line.forEach((v, c) => {
          if (typeof v !== 'string' || v === '' || g.formulas[r]?.[c] || g.spilled.has(`${r},${c}`))
            return;
          const list = byText.get(v) ?? [];
          list.push(stageOf.get(c + 1) ?? null);
          byText.set(v, list);
        });
      });
      index.set(id, byText);
    }
    // A user's own structural edit can remove a stage marker: the values of that column keep their
    // sheet only.
    if (!ctx.call) {
      for (const t of this.tracked) {
        const stages = columnStages.get(t.sheetId);
        if (t.stage !== null && stages && ![...stages.values()].includes(t.stage)) t.stage = null;
      }
    }
    const groups = new Map<string, Tracked[]>();
    for (const t of this.tracked) {
      const k = `${t.sheetId}\u0000${t.stage ?? ''}\u0000${t.text}`;
      groups.set(k, [...(groups.get(k) ?? []), t]);
    }
    const gone = new Set<Tracked>();
    // Cells holding a text under a stage go to the values typed under that stage first; the
    // values typed outside any stage take the cells left.
    const claimed = new Map<string, number>();
    const ordered = [...groups.values()].sort(
      (a, b) => Number(a[0]!.stage === null) - Number(b[0]!.stage === null),
    );
    for (const list of ordered) {
      const first = list[0]!;
      const where = index.get(first.sheetId)?.get(first.text) ?? [];
      const key = `${first.sheetId}\u0000${first.text}`;
      let available: number;
      if (first.stage === null) available = where.length - (claimed.get(key) ?? 0);
      else {
        available = where.filter((s) => s === first.stage).length;
        claimed.set(key, (claimed.get(key) ?? 0) + Math.min(available, list.length));
      }
      if (available >= list.length) continue;
      for (const t of list.slice(available)) {
        gone.add(t);
        if (t.volatile) continue;
        const entitled =
          entitledApply &&
          ctx.entitled.some(
            (e) =>
              e.sheetId === t.sheetId &&
              (e.text === '*' || e.text === t.text) &&
              (e.stage === '*' || e.stage === t.stage),
          );
        if (entitled) continue;
        this.violate(
          ctx,
          where.length > 0 ? 'wrong-stage' : 'lost',
          this.describeLoss(t, after, where),
        );
      }
    }
    if (gone.size) this.tracked = this.tracked.filter((t) => !gone.has(t));
  }

  private describeLoss(t: Tracked, after: Observation, where: (string | null)[]): string {
    const sheet = after.grids.get(t.sheetId);
    const what = `${JSON.stringify(t.text)} (typed ${t.origin}${t.stage ? `, stage ${t.stage}` : ''})`;
    if (!sheet) return `${what}: its sheet is gone`;
    if (where.length > 0)
      return `${what} is now under ${where.map((s) => (s ? `stage ${s}` : 'no stage')).join(', ')} in '${sheet.name}'`;
    const token = tokensIn(t.text)[0];
    const elsewhere: string[] = [];
    for (const g of after.grids.values()) {
      g.values.forEach((line, r) => {
        line.forEach((v, c) => {
          const f = g.formulas[r]?.[c] ?? '';
          const hit = token
            ? String(v).includes(token) || f.includes(token)
            : v === t.text || String(v) === t.text;
          if (hit)
            elsewhere.push(
              `'${g.name}'!${a1(r + 1, c + 1)} = ${f ? `formula ${f}` : JSON.stringify(v)}`,
            );
        });
      });
    }
    return `${what} is no longer in '${sheet.name}'${elsewhere.length ? `; found: ${elsewhere.slice(0, 3).join('; ')}` : ''}`;
  }

  private checkFormulas(ctx: Ctx, after: Observation): void {
    for (const g of after.grids.values()) {
      g.formulas.forEach((line, r) => {
        line.forEach((f, c) => {
          if (!f) return;
          for (const token of formulaWithoutSheetNames(f).match(TOKEN_RE) ?? []) {
            if (!this.userTokens.has(token) || this.reportedFormulas.has(token)) continue;
            this.reportedFormulas.add(token);
            const typed = this.userTexts.find((x) => x.includes(token)) ?? token;
            this.violate(
              ctx,
              'formula',
              `'${g.name}'!${a1(r + 1, c + 1)} holds the formula ${f}, made of the user's text ${JSON.stringify(typed)}`,
            );
          }
        });
      });
    }
  }

  // ------------------------------------------------------------------ calls

  /** A server call as the sidebar makes it; the outcome classifies the answer. */
  private callClient(
    label: string,
    fn: string,
    payload: unknown,
    info: Omit<CallInfo, 'name' | 'lang'> & { lang?: Lang },
    ctxExtra: Partial<Ctx> = {},
    afterOk?: (result: unknown, before: Observation, after: Observation) => void,
  ): unknown {
    let result: unknown;
    const langBase = this.observe();
    const ctx: Ctx = {
      label: this.label(label),
      entitled: [],
      ...ctxExtra,
      call: { name: fn, lang: this.lang, ...info },
    };
    this.act(
      ctx,
      () => {
        if (ctx.call && info.lang === undefined)
          ctx.call.lang = this.langOfSheet(langBase, info.target);
        try {
          result = this.s.addon.callFromClient(fn, payload);
        } catch (e) {
          const err = e as Error;
          if (err.name === 'UserError')
            return {
              result: 'refused',
              messages: [err.message],
              detail: `UserError: ${err.message}`,
            };
          return {
            result: 'raw',
            messages: [],
            detail: `${err.name}: ${err.message} ${(err.stack ?? '').split('\n').slice(1, 3).join(' ').trim()}`,
          };
        }
        return classify(result);
      },
      (before, after) => {
        this.checkView(ctx, result, after);
        afterOk?.(result, before, after);
      },
    );
    return result;
  }

  /**
   * The stages a wizard answer shows are the sheet's, in its order: a stage the view names by
   * a marker id is the one whose marker its column carries (else a save from that view is
   * told the stage is gone, or lands under another).
   */
  private checkView(ctx: Ctx, result: unknown, after: Observation): void {
    const r = result as { view?: WizardState['view']; state?: WizardState } | null;
    const view = r?.state?.view ?? r?.view;
    if (!view || !Array.isArray(view.stages)) return;
    const sheetId = this.mapSheetId(view.mapId);
    const g = sheetId === null ? undefined : after.grids.get(sheetId);
    if (!g) return;
    const columns = stageColumns(g);
    view.stages.forEach((st, i) => {
      const id = (st as { id?: string }).id;
      if (!id || id.startsWith('~')) return;
      const actual = columns.get(FIRST_STAGE_COL + i) ?? null;
      if (actual !== id)
        this.violate(
          ctx,
          'stages-changed',
          `the wizard shows stage ${i + 1} of '${g.name}' as ${id} ("${st.name}"), but its column carries ${actual ? `stage ${actual}` : 'no stage marker'}`,
        );
    });
  }

  /**
   * A menu command; alerts are answered by `this.answer`, and so are the add-on's own dialogs
   * (Remove stage, Rename map), the way their pages answer: "Yes" / "OK" call the dialog's
   * server function with what the dialog was shown with, "No" / "Cancel" just close it.
   */
  private menuCall(ctx: Ctx, handler: string): Outcome {
    const requests = this.wb.ui.requests.length;
    const toasts = this.wb.ui.toasts.length;
    const surfaces = this.wb.ui.surfaces.length;
    const raw = (e: unknown): Outcome => {
      const err = e as Error;
      return {
        result: 'raw',
        messages: [],
        detail: `${err.name}: ${err.message} ${(err.stack ?? '').split('\n').slice(1, 3).join(' ').trim()}`,
      };
    };
    try {
      this.s.addon.run(handler);
    } catch (e) {
      return raw(e);
    }
    const shown = this.wb.ui.requests.slice(requests);
    const dialogs = this.wb.ui.surfaces
      .slice(surfaces)
      .filter((x) => x.kind === 'modal')
      .map((x) => bootOf(x.html))
      .filter((b) => b?.view === 'removeStage' || b?.view === 'renameMap');
    const messages = [
      ...shown.flatMap((r) => [r.request.title ?? '', r.request.prompt].filter((x) => x !== '')),
      ...this.wb.ui.toasts.slice(toasts).map((t) => t.message),
      ...dialogs.flatMap((d) =>
        d?.view === 'removeStage' ? [d.title, d.body] : d?.view === 'renameMap' ? [d.label] : [],
      ),
    ];
    const alerts = shown.filter((r) => r.request.kind === 'alert' && r.request.buttons === 'OK');
    if (alerts.length)
      return {
        result: 'refused',
        messages,
        detail: alerts.map((a) => a.request.prompt).join(' | '),
      };
    const dialog = dialogs.at(-1);
    const answered = (fn: string, req: unknown, detail: string): Outcome => {
      let r: DialogResult;
      try {
        r = this.s.addon.callFromClient(fn, req) as DialogResult;
      } catch (e) {
        return raw(e);
      }
      if (!r.ok)
        return { result: 'refused', messages: [...messages, r.message], detail: r.message };
      return { result: 'ok', messages, detail };
    };
    if (dialog?.view === 'removeStage') {
      const colleague = this.answer.inDialog;
      this.answer.inDialog = null;
      colleague?.();
      if (this.answer.confirm !== 'YES')
        return { result: 'cancelled', messages, detail: 'answered No' };
      return answered(
        'removeStageConfirmed',
        {
          mapId: dialog.mapId,
          sheetId: dialog.sheetId,
          stageId: dialog.stageId,
          token: dialog.token,
          lang: dialog.lang,
        },
        'confirmed',
      );
    }
    if (dialog?.view === 'renameMap') {
      const prompt = this.answer.prompt;
      if (prompt?.button !== 'OK')
        return { result: 'cancelled', messages, detail: 'cancelled the prompt' };
      return answered(
        'renameMapTo',
        { mapId: dialog.mapId, sheetId: dialog.sheetId, name: prompt.text, lang: dialog.lang },
        '',
      );
    }
    void ctx;
    return { result: 'ok', messages, detail: '' };
  }

  // ------------------------------------------------------------------ menu

  private menu(
    cmd: MenuCommand,
    sheetRef: number,
    at: CellPick,
    answer: 'YES' | 'NO',
    inDialog: DialogStep | null,
    forceSheetId?: number,
  ): void {
    const obs = this.observe();
    // No click: the command runs on the sheet shown and the cell selected there.
    const m = this.wb.model;
    const same = at.zone === 'same' && forceSheetId === undefined && m.activeRange !== null;
    const sheet = same
      ? { sheetId: m.active.sheetId, name: m.active.name }
      : forceSheetId !== undefined
        ? { sheetId: forceSheetId, name: this.sheetName(forceSheetId) ?? '' }
        : this.sheetByRef(sheetRef);
    if (!sheet.name) return;
    const g = obs.grids.get(sheet.sheetId)!;
    const h = obs.health.get(sheet.sheetId)!;
    const cell =
      same && m.activeRange
        ? { row: m.activeRange.row + 1, col: m.activeRange.col + 1 }
        : this.resolveCell(g, h, at);
    this.s.select(sheet.name, a1(cell.row, cell.col));
    const stages = h.kind === 'healthy' ? h.stages : [];
    const index = cell.col - FIRST_STAGE_COL;
    const selectedIsStage = index >= 0 && index < stages.length;
    const selected = selectedIsStage ? (stages[index] ?? null) : null;
    let expect: StageExpectation | 'skip' | null = null;
    if (selectedIsStage && selected === null) expect = 'skip';
    else if (cmd === 'addStage')
      expect = { op: 'add', after: selectedIsStage ? selected : (stages.at(-1) ?? null) };
    else if (selected !== null && cmd === 'removeStage') expect = { op: 'remove', id: selected };
    else if (selected !== null)
      expect = { op: 'move', id: selected, by: cmd === 'moveStageLeft' ? -1 : 1 };
    const ctx: Ctx = {
      label: this.label(
        `menu ${cmd} on '${sheet.name}'!${a1(cell.row, cell.col)}${selected ? ` (stage ${selected})` : ''}, answer ${answer}`,
      ),
      entitled: [],
      call: {
        name: cmd,
        readOnly: false,
        target: sheet.sheetId,
        lang: this.langOfSheet(obs, sheet.sheetId),
        expect,
      },
    };
    this.answer = {
      confirm: answer,
      prompt: null,
      inDialog: inDialog
        ? () => {
            this.cache = null; // the command may have written before asking
            const note = ' (a colleague, while the dialog is open)';
            if (inDialog.k === 'typeSame')
              this.typeAt(
                sheet.sheetId,
                1 + (inDialog.row % (ROW.footer - 1)),
                cell.col,
                this.text(inDialog.text),
                note,
              );
            else if (inDialog.k === 'moveSame')
              this.moveColumn(sheet.sheetId, cell.col, inDialog.by, note, true);
            else if (isStructureStep(inDialog)) this.structure(inDialog, note, sheet.sheetId);
            else this.grid({ ...inDialog, sheet: this.refOf(sheet.sheetId) } as GridStep, note);
            ctx.mid = this.observeFresh();
            this.cache = null;
          }
        : null,
    };
    this.act(ctx, () => {
      const out = this.menuCall(ctx, cmd);
      if (cmd === 'removeStage' && out.result === 'ok' && selectedIsStage) {
        // The dialog counted the stage's cells before a colleague could act: entitled is what was
        // there then.
        const mid = ctx.mid?.grids.get(sheet.sheetId);
        const midCol = mid && selected !== null ? stageColumnOf(mid, selected) : cell.col;
        ctx.entitled.push(
          ...this.removalEntitles(
            g,
            cell.col,
            out.detail === 'confirmed',
            mid && midCol !== null ? { grid: mid, col: midCol } : undefined,
          ),
        );
      }
      return out;
    });
    this.answer = { confirm: 'NO', prompt: null, inDialog: null };
  }

  /**
   * What removing a stage may take: everything in its column once the user confirmed (the
   * dialog counted it), else only its name and role. A stage without a marker is its column.
   */
  private removalEntitles(
    g: Grid,
    col: number,
    confirmed: boolean,
    now?: { grid: Grid; col: number },
  ): Entitled[] {
    // What the question counted: the cells as they were when it was asked (`g`), not what a
    // colleague typed since — except the stage's name and role, which are the stage itself.
    if (confirmed) {
      const nameAndRole = now
        ? [ROW.header, ROW.role].map((row) => ({
            sheetId: g.sheetId,
            text: this.textAt(now.grid, row, now.col),
            stage: '*' as const,
          }))
        : [];
      return [
        ...this.entitledIn(g, [1, g.values.length], [col, col]).map((e) => ({
          ...e,
          stage: '*' as const,
        })),
        ...nameAndRole,
      ];
    }
    // (whatever stage the text was typed under: a note in a column the add-on later adopted as a
    // stage is its name now)
    return [ROW.header, ROW.role].map((row) => ({
      sheetId: g.sheetId,
      text: this.textAt(g, row, col),
      stage: '*',
    }));
  }

  private refOf(sheetId: number): number {
    return Math.max(
      0,
      this.wb.model.sheets.findIndex((s) => s.sheetId === sheetId),
    );
  }

  private rename(sheetRef: number, pick: TextPick, button: 'OK' | 'CANCEL'): void {
    const obs = this.observe();
    const sheet = this.sheetByRef(sheetRef);
    const text = this.text(pick);
    this.s.select(sheet.name, 'C10');
    const g = obs.grids.get(sheet.sheetId)!;
    const ctx: Ctx = {
      label: this.label(`menu renameMap on '${sheet.name}' → ${JSON.stringify(text)}, ${button}`),
      entitled: [{ sheetId: sheet.sheetId, text: this.textAt(g, ROW.name, SIDE_COL), stage: null }],
      call: {
        name: 'renameMap',
        readOnly: false,
        target: sheet.sheetId,
        lang: this.langOfSheet(obs, sheet.sheetId),
      },
    };
    this.answer = { confirm: 'NO', prompt: { button, text }, inDialog: null };
    this.act(
      ctx,
      () => this.menuCall(ctx, 'renameMap'),
      (b, after) => {
        if (button === 'OK' && after.grids.has(sheet.sheetId))
          this.track(text, sheet.sheetId, null, 'by Rename map');
        this.followOwnMap(sheet.sheetId, b, after);
      },
    );
    this.answer = { confirm: 'NO', prompt: null, inDialog: null };
  }

  /**
   * A duplicated sheet renamed became a map of its own: its stages have new ids, column for column,
   * and what was typed under each stays that stage's.
   */
  private followOwnMap(sheetId: number, before: Observation, after: Observation): void {
    const was = before.health.get(sheetId);
    const now = after.health.get(sheetId);
    if (was?.kind !== 'healthy' || now?.kind !== 'healthy' || was.mapId === now.mapId) return;
    const moved = new Map<string, string>();
    was.stages.forEach((id, i) => {
      const to = now.stages[i];
      if (id && to) moved.set(id, to);
    });
    for (const t of this.tracked)
      if (t.sheetId === sheetId && t.stage !== null) t.stage = moved.get(t.stage) ?? t.stage;
    this.values.restaged(sheetId, moved);
    this.userFormulas.restaged(sheetId, moved);
  }

  private portfolio(sheetRef: number): void {
    const sheet = this.sheetByRef(sheetRef);
    this.wb.model.active = this.wb.model.sheets.find((s) => s.sheetId === sheet.sheetId)!;
    this.wb.model.activeRange = null;
    const ctx: Ctx = {
      label: this.label(`menu showPortfolio (from '${sheet.name}')`),
      entitled: [],
      call: { name: 'showPortfolio', readOnly: false, target: null, lang: this.lang },
    };
    this.act(
      ctx,
      () => this.menuCall(ctx, 'showPortfolio'),
      () => {
        this.portfolioSheets.add(this.wb.model.active.sheetId);
        const marked = this.wb.model.engine.namedRangeTarget('CJM_PORTFOLIO');
        const id = marked ? this.wb.model.sheet(marked.sheet)?.sheetId : undefined;
        if (id !== undefined) this.portfolioSheets.add(id);
      },
    );
  }

  private showWizard(sheetRef: number): void {
    const sheet = this.sheetByRef(sheetRef);
    this.wb.model.active = this.wb.model.sheets.find((s) => s.sheetId === sheet.sheetId)!;
    this.wb.model.activeRange = null;
    const ctx: Ctx = {
      label: this.label(`menu showWizard on '${sheet.name}'`),
      entitled: [],
      call: {
        name: 'showWizard',
        readOnly: true,
        target: sheet.sheetId,
        mayProceedOnDamage: true,
        lang: 'any',
      },
    };
    this.act(ctx, () => {
      const out = this.menuCall(ctx, 'showWizard');
      const html = this.wb.ui.sidebar?.html ?? '';
      const boot = /<script id="cjm-boot" type="application\/json">([\s\S]*?)<\/script>/.exec(
        html,
      )?.[1];
      if (out.result === 'ok' && boot) {
        try {
          const state = (JSON.parse(boot) as { state?: WizardState }).state;
          for (const m of [state?.notice, state?.problem]) if (m) out.messages.push(m);
        } catch {
          /* the page is checked by the product's own tests */
        }
      }
      return out;
    });
  }

  // ------------------------------------------------------------------ wizard

  private clientFrom(mapId: string, state: WizardState, obs: Observation): Client | null {
    const view = state.view;
    if (!view || view.mapId !== mapId) return null;
    const sheetId = this.mapSheetId(mapId);
    const g = sheetId === null ? undefined : obs.grids.get(sheetId);
    const fields = new Map<string, FieldView>();
    for (const f of view.sideFields) fields.set(f.id, f);
    view.stages.forEach((_, i) => {
      view.stageFields.forEach((f) => {
        fields.set(`stage.${i}.${f.id}`, { ...f, id: `stage.${i}.${f.id}` });
      });
    });
    return {
      mapId,
      step: view.step,
      sheetId: sheetId ?? -1,
      base: { ...view.values },
      viewStages: view.stages.map((s) => ({ ...s })),
      markers: this.stagesOf(g, sheetId === null ? undefined : obs.health.get(sheetId)),
      fields,
      actions: view.actions.map((a) => ({
        action: a.action,
        stage: a.stage,
        lever: a.lever,
        change: a.change,
        owner: a.owner,
        deadline: a.deadline,
        status: a.status,
        start: a.start,
      })),
      statuses: view.statuses,
      planTexts: this.planTexts(mapId, obs),
      view,
    };
  }

  /**
   * Make a map from this table, on whatever the cell picked is part of (a map, a plan, a data
   * sheet, nothing): the command only reads and shows its dialog (or says why not); Create makes a
   * new map and never touches the source.
   */
  private importTable(
    sheetRef: number,
    at: CellPick,
    unmatched: 'rows' | 'notes',
    create: boolean,
  ): void {
    const obs = this.observe();
    const sheet = this.sheetByRef(sheetRef);
    const g = obs.grids.get(sheet.sheetId)!;
    const h = obs.health.get(sheet.sheetId)!;
    const cell = this.resolveCell(g, h, at);
    this.s.select(sheet.name, a1(cell.row, cell.col));
    const ctx: Ctx = {
      label: this.label(`menu makeMapFromTable on '${sheet.name}' ${a1(cell.row, cell.col)}`),
      entitled: [],
      call: { name: 'makeMapFromTable', readOnly: true, target: null, lang: this.lang },
    };
    const surfaces = this.wb.ui.surfaces.length;
    this.act(ctx, () => this.menuCall(ctx, 'makeMapFromTable'));
    const boot = this.wb.ui.surfaces
      .slice(surfaces)
      .map((x) => bootOf(x.html))
      .find((b) => b?.view === 'importTable');
    if (!create || boot?.view !== 'importTable') return;
    const r = boot.reading;
    const req = {
      lang: boot.lang,
      name: r.name,
      source: { sheet: r.sheetName, range: r.range },
      stages: r.stages,
      rows: r.rows.map((row) => ({ label: row.label, values: row.values, target: row.target })),
      pairs: r.pairs,
      unmatched,
      deal: r.deal,
    };
    this.callClient(
      `dialog createMapFromTable from '${r.sheetName}'!${r.range}`,
      'createMapFromTable',
      req,
      { readOnly: false, target: null, lang: boot.lang },
      {},
      (result, _b, after) => {
        const made = result as { ok: boolean; mapId?: string; sheetName?: string };
        if (!made.ok || !made.sheetName || !made.mapId) return;
        const created = this.wb.model.sheet(made.sheetName);
        const health = created ? after.health.get(created.sheetId) : undefined;
        if (health?.kind !== 'healthy') {
          this.violate(
            { label: `#${this.stepNo}`, entitled: [] },
            'stages-changed',
            `createMapFromTable made a sheet that is not an intact map: ${health?.kind === 'damaged' ? health.why : (health?.kind ?? 'none')}`,
          );
          return;
        }
        this.maps.push({ id: made.mapId, lang: health.lang });
      },
    );
  }

  /** The sidebar's poll, carrying where it went without a call: it changes no cell. */
  private poll(mapId: string): void {
    this.callClient(
      'the sidebar polls',
      'activeSheetMap',
      { mapId, ...(this.seen ? { seen: this.seen } : {}) },
      // It reports which map the grid shows and its header row, damaged or not: it writes nothing.
      { readOnly: true, target: this.mapSheetId(mapId), mayProceedOnDamage: true },
      {},
      () => {
        this.seen = null;
      },
    );
  }

  /**
   * The sidebar shows another step from the pages it holds, as the step list and Next on an
   * unchanged step do: no call, and a later save of that step is judged against what the page
   * showed. Steps that show the plan are not held (the sidebar loads them).
   */
  private held(mapId: string, step: StepId): void {
    const client = this.clients.get(mapId);
    if (!client || step === 'plan' || step === 'present') return;
    const page = client.view.pages[step];
    const view = { ...client.view, ...page, step, actions: [] };
    const fields = new Map<string, FieldView>();
    for (const f of view.sideFields) fields.set(f.id, f);
    view.stages.forEach((_, i) => {
      view.stageFields.forEach((f) => {
        fields.set(`stage.${i}.${f.id}`, { ...f, id: `stage.${i}.${f.id}` });
      });
    });
    this.clients.set(mapId, { ...client, step, base: { ...view.values }, fields, view });
    this.seen = { mapId, step, done: [] };
  }

  private planTexts(mapId: string, obs: Observation): string[] {
    const id = this.planSheetId(mapId);
    const g = id === null ? undefined : obs.grids.get(id);
    if (!g) return [];
    return this.entitledIn(g, [4, g.values.length], [2, IMPACT_COL - 1]).map((e) => e.text);
  }

  private load(mapId: string, step: StepId): Client | null {
    let client: Client | null = null;
    this.callClient(
      `wizard loadStep ${step} of map ${mapId}`,
      'loadStep',
      { mapId, step },
      { readOnly: true, target: this.mapSheetId(mapId) },
      {},
      (result, _b, after) => {
        client = this.clientFrom(mapId, result as WizardState, after);
        if (client) this.clients.set(mapId, client);
      },
    );
    if (!client) this.clients.delete(mapId);
    return client;
  }

  private clientOr(mapId: string, step: StepId, fresh = false): Client | null {
    const c = this.clients.get(mapId);
    if (c && !fresh && c.step === step) return c;
    return this.load(mapId, step);
  }

  private valueFor(
    pick: ValuePick,
    field: FieldView | undefined,
  ): { value: unknown; text: string | null } {
    switch (pick.kind) {
      case 'fit': {
        // What the form's control would send for this field.
        const kind = field?.kind ?? 'text';
        if (kind === 'number' || kind === 'money') return { value: pick.n, text: null };
        if (kind === 'share') return { value: (pick.n % 100) / 100, text: null };
        if (kind === 'score') return { value: 1 + (pick.n % 5), text: null };
        if (kind === 'date')
          return { value: `2026-0${1 + (pick.n % 9)}-1${pick.n % 10}`, text: null };
        if (kind === 'select') {
          const options = field?.options ?? [];
          return { value: options.length ? options[pick.n % options.length] : '', text: null };
        }
        const t = this.text(pick.text);
        return { value: t, text: t };
      }
      case 'text': {
        const t = this.text(pick.text);
        return { value: t, text: t };
      }
      case 'number':
        return { value: pick.n, text: null };
      case 'option': {
        const options = field?.options ?? [];
        return { value: options.length ? options[pick.i % options.length] : '', text: null };
      }
      case 'weird':
        return { value: WEIRD[pick.w](), text: null };
    }
  }

  /**
   * Where a field's cell is now: its row, and its stage's column as the footer says (by the stage
   * shown at load).
   */
  private fieldCellNow(
    client: Client,
    id: string,
    g: Grid | undefined,
  ): { row: number; col: number; stage: string | null } | null {
    const cell = fieldCell(id);
    if (!cell || !g) return null;
    const m = /^stage\.(\d+)\./.exec(id);
    if (!m) return { row: cell.row, col: cell.col, stage: null };
    const i = Number(m[1]);
    if (i >= client.markers.length) return null;
    const stage = client.markers[i] ?? null;
    // A stage without a marker can only be found where it was.
    const col = stage === null ? FIRST_STAGE_COL + i : stageColumnOf(g, stage);
    return col === null ? null : { row: cell.row, col, stage };
  }

  private save(
    mapId: string,
    edits: FieldEdit[],
    requestOverride?: (req: Record<string, unknown>) => unknown,
    next: StepId | null = null,
  ): void {
    const client = this.clients.get(mapId) ?? this.load(mapId, 'goal');
    if (!client) return;
    const ids = Object.keys(client.base);
    if (ids.length === 0) return;
    const values: Record<string, unknown> = { ...client.base };
    const typedById = new Map<string, string>();
    const numberById = new Map<string, number>();
    for (const e of edits) {
      const id = ids[e.field % ids.length]!;
      const field = client.fields.get(id);
      const { value, text } = this.valueFor(e.value, field);
      values[id] = value;
      if (text !== null && TEXT_KINDS.has(field?.kind ?? 'text')) typedById.set(id, text);
      else typedById.delete(id);
      if (
        typeof value === 'number' &&
        e.value.kind !== 'weird' &&
        NUMBER_KINDS.has(field?.kind ?? '')
      )
        numberById.set(id, value);
      else numberById.delete(id);
    }
    const typed = [...typedById].map(([id, text]) => ({ id, text }));
    const req: Record<string, unknown> = {
      mapId,
      step: client.step,
      values,
      base: client.base,
      stages: client.viewStages.map((s) => ({ id: s.id ?? '', name: s.name })),
      stageIds: client.viewStages.map((s) => s.id ?? ''),
      ...(next ? { next } : {}),
      ...(this.seen ? { seen: this.seen } : {}),
    };
    const payload = requestOverride ? requestOverride(req) : req;
    const obs = this.observe();
    const g = obs.grids.get(client.sheetId);
    const entitled: Entitled[] = [];
    for (const id of ids) {
      if (String(values[id] ?? '') === String(client.base[id] ?? '')) continue;
      const where = this.fieldCellNow(client, id, g);
      if (!where || !g) continue;
      const now = cellAt(g, where.row, where.col);
      // The user overwrites what they were shown; what a colleague typed since is not theirs to
      // lose.
      // (any stage: the cell is known, and its column may have been adopted as a stage since the
      // text was typed)
      if (!now.formula && String(now.value ?? '') === String(client.base[id] ?? ''))
        entitled.push({ sheetId: client.sheetId, text: String(now.value ?? ''), stage: '*' });
    }
    const shown = Object.fromEntries(
      edits.map((e) => ids[e.field % ids.length]!).map((id) => [id, values[id]]),
    );
    this.callClient(
      `wizard saveStep ${client.step} of map ${mapId} ${JSON.stringify(shown)}${requestOverride ? ' (hostile payload)' : ''}`,
      'saveStep',
      payload,
      {
        readOnly: false,
        target: this.mapSheetId(mapId),
        hostilePayload:
          requestOverride !== undefined || edits.some((e) => e.value.kind === 'weird'),
        // a payload without the map's id is answered in the spreadsheet's language
        ...((payload as { mapId?: unknown } | null)?.mapId === mapId ? {} : { lang: this.lang }),
      },
      { entitled },
      (result, before, after) => {
        const r = result as SaveResult;
        if (!r.ok) return;
        const bg = before.grids.get(client.sheetId);
        // What the request carried (a hostile payload may not carry the values at all).
        const sentValues = (payload as { values?: Record<string, unknown> } | null)?.values;
        const notice = r.state.notice ?? '';
        for (const { id, text } of typed) {
          if (sentValues?.[id] !== text || String(client.base[id] ?? '') === text) continue;
          // The save said this value was not saved (its stage was removed meanwhile): the user was
          // told.
          if (notice.includes(text)) continue;
          const where = this.fieldCellNow(client, id, bg);
          if (where || !/^stage\./.test(id))
            this.track(text, client.sheetId, where?.stage ?? null, `in the wizard (${id})`);
        }
        for (const [id, n] of numberById) {
          const where = this.fieldCellNow(client, id, bg);
          if (sentValues?.[id] !== n || String(client.base[id] ?? '') === String(n) || !where)
            continue;
          const row = parseFieldId(id)!.row;
          const place = /^stage\./.test(id) ? where.stage : SIDE;
          this.values.track(n, client.sheetId, row, place, `in the wizard (${id})`);
        }
        const next = this.clientFrom(mapId, r.state, after);
        if (next) this.clients.set(mapId, next);
      },
    );
    this.seen = null;
  }

  private colleague(mapId: string, step: ColleagueStep): void {
    const sheetId = this.mapSheetId(mapId);
    if (sheetId === null) return;
    const client = this.clients.get(mapId);
    const obs = this.observe();
    const g = obs.grids.get(sheetId);
    if (!g) return;
    const note = ' (a colleague)';
    switch (step.k) {
      case 'typeField': {
        if (!client) return;
        const ids = Object.keys(client.base);
        if (ids.length === 0) return;
        const where = this.fieldCellNow(client, ids[step.field % ids.length]!, g);
        if (where) this.typeAt(sheetId, where.row, where.col, this.text(step.text), note);
        return;
      }
      case 'typeStage': {
        const n = this.stageCount(g);
        if (n === 0) return;
        this.typeAt(
          sheetId,
          1 + (step.row % (ROW.footer - 1)),
          FIRST_STAGE_COL + (step.stage % n),
          this.text(step.text),
          note,
        );
        return;
      }
      case 'moveColumn': {
        const n = this.stageCount(g);
        if (n < 2) return;
        this.moveColumn(sheetId, FIRST_STAGE_COL + (step.stage % n), step.by, note, true);
        return;
      }
      case 'menu':
        this.menu(step.cmd, 0, step.at, step.answer, null, sheetId);
        return;
      default:
        if (isStructureStep(step)) this.structure(step, note, sheetId);
        else this.grid({ ...step, sheet: this.refOf(sheetId) } as GridStep, note);
    }
  }

  private editStages(step: Extract<Step, { k: 'editStages' }>): void {
    const mapId = this.mapRef(step.map);
    const client = this.clientOr(mapId, 'stages', step.fresh);
    if (!client) return;
    if (step.colleague && step.colleagueAt !== 'confirm') this.colleague(mapId, step.colleague);
    const n = client.viewStages.length;
    if (n === 0) return;
    const index = step.index % (n + 1) === n ? n : step.index % n; // now and then one past the end
    const intended = client.markers[index] ?? null;
    const viewId = client.viewStages[index]?.id ?? '';
    const name = step.name ? this.text(step.name) : '';
    const edit =
      step.op === 'add'
        ? { kind: 'add', after: index, name }
        : step.op === 'remove'
          ? { kind: 'remove', index }
          : { kind: 'move', index, by: step.by };
    const expect: StageExpectation | 'skip' | null =
      index >= n
        ? null
        : intended === null
          ? 'skip'
          : step.op === 'add'
            ? { op: 'add', after: intended }
            : step.op === 'remove'
              ? { op: 'remove', id: intended }
              : { op: 'move', id: intended, by: step.by };
    let asked: Grid | undefined;
    const send = (confirmed: boolean, token?: string): EditStagesResult | undefined => {
      const obs = this.observe();
      // A confirmed resend takes what the question counted, not what a colleague typed since.
      const g = (confirmed && asked) || obs.grids.get(client.sheetId);
      asked ??= obs.grids.get(client.sheetId);
      const entitled: Entitled[] = [];
      if (step.op === 'remove' && index < n && g) {
        const col = intended === null ? FIRST_STAGE_COL + index : stageColumnOf(g, intended);
        const cur = obs.grids.get(client.sheetId);
        const curCol = cur
          ? intended === null
            ? FIRST_STAGE_COL + index
            : stageColumnOf(cur, intended)
          : null;
        if (col !== null)
          entitled.push(
            ...this.removalEntitles(
              g,
              col,
              confirmed,
              cur && curCol !== null ? { grid: cur, col: curCol } : undefined,
            ),
          );
      }
      return this.callClient(
        `wizard editStages ${JSON.stringify(edit)} (stage ${intended ?? 'none'}) on map ${mapId}, confirmed ${confirmed}`,
        'editStages',
        { mapId, edit, stageId: viewId, confirmed, ...(token !== undefined ? { token } : {}) },
        { readOnly: false, target: this.mapSheetId(mapId), expect, hostilePayload: index >= n },
        { entitled },
        (result, before, after) => {
          const r = result as EditStagesResult;
          if (!r.ok) return;
          if (step.op === 'add' && name) {
            // The new stage is the column that has the name now (the edit may also mark other
            // stages).
            const ga = after.grids.get(client.sheetId) ?? emptyGrid();
            const col = (ga.values[ROW.header - 1] ?? []).findIndex(
              (v, i) => i + 1 >= FIRST_STAGE_COL && v === name,
            );
            const was = new Set(footerStages(before.grids.get(client.sheetId) ?? emptyGrid()));
            const added = col < 0 ? undefined : stageColumns(ga).get(col + 1);
            if (added && !was.has(added))
              this.track(name, client.sheetId, added, 'as a new stage name in the wizard');
          }
          const next = this.clientFrom(mapId, r.state, after);
          if (next) this.clients.set(mapId, next);
        },
      ) as EditStagesResult | undefined;
    };
    const first = send(step.confirm === 'blind');
    if (first && !first.ok && 'confirm' in first && step.confirm === 'yes') {
      // The user reads the question; meanwhile a colleague may move or fill the stage. The answer
      // carries the question's token when there is one (it names the cells asked about).
      if (step.colleague && step.colleagueAt === 'confirm') this.colleague(mapId, step.colleague);
      send(
        true,
        (first as { token?: unknown }).token === undefined
          ? undefined
          : String((first as { token?: unknown }).token),
      );
    }
  }

  private savePlan(
    mapId: string,
    picks: ActionPick[],
    fresh: boolean,
    colleague: ColleagueStep | null,
  ): void {
    const client = this.clientOr(mapId, 'plan', fresh);
    if (!client) return;
    if (colleague) this.colleague(mapId, colleague);
    // (an action on a step names its stage: the sidebar offers the map's stages)
    const levers = ['L', 'C', 'P', 'Q', '', 'step'];
    const changes = ['+10%', '+2 pp', '', '-5%', '+1 pp'];
    const tracked: string[] = [];
    const actions = picks.map((p) => {
      const action = this.text(p.action);
      const owner = this.text(p.owner);
      tracked.push(action, owner);
      const lever = levers[p.lever % levers.length]!;
      return {
        action,
        stage: client.viewStages.length
          ? client.viewStages[p.stage % client.viewStages.length]!.name
          : '',
        lever,
        change:
          lever === 'C' || lever === '' || lever === 'step'
            ? changes[p.change % changes.length]!
            : changes[p.change % 2 === 0 ? 0 : 3]!,
        owner,
        deadline: p.change % 2 ? '2026-03-01' : '',
        status: client.statuses.length ? client.statuses[p.status % client.statuses.length]! : '',
        start: p.status % 2 ? '2026-02-01' : '',
        impact: null,
      };
    });
    const planSheet = this.planSheetId(mapId);
    const loaded = new Set(
      [...client.actions.flatMap((a) => Object.values(a)), ...client.planTexts].filter(
        (t) => t !== '',
      ),
    );
    const entitled: Entitled[] =
      planSheet === null
        ? []
        : [...loaded].map((text) => ({ sheetId: planSheet, text, stage: null }));
    this.callClient(
      `wizard savePlan of map ${mapId}: ${actions.length} actions ${JSON.stringify(actions.map((a) => a.action))}`,
      'savePlan',
      { mapId, actions, base: client.actions },
      { readOnly: false, target: this.mapSheetId(mapId) },
      { entitled },
      (result, _b, after) => {
        const r = result as SaveResult;
        if (!r.ok) return;
        const sheetId = this.planSheetId(mapId);
        if (sheetId !== null)
          for (const t of tracked) this.track(t, sheetId, null, 'in the action plan');
        const next = this.clientFrom(mapId, r.state, after);
        if (next) this.clients.set(mapId, next);
      },
    );
  }

  createMap(form: CreatePick, override?: (payload: Record<string, unknown>) => unknown): void {
    const name = form.name ? this.text(form.name) : '';
    const segment = this.text(form.segment);
    const product = this.text(form.product);
    const stages = form.preset === 'custom' ? form.stages.map((p) => this.text(p)) : [];
    const other: Lang = this.lang === 'ru' ? 'en' : 'ru';
    const lang = {
      ok: this.lang,
      object: { code: this.lang },
      missing: undefined,
      bogus: 'xx',
      other,
      upper: this.lang.toUpperCase(),
    }[form.lang];
    const payload: Record<string, unknown> = {
      name,
      segment,
      product,
      preset: form.preset === 'bogus' ? 'nope' : form.preset,
      stages,
      lang,
      locale: this.locale,
      example: form.example === 'weird' ? 'yes' : false,
    };
    const named = Array.isArray(stages)
      ? stages.filter((s) => typeof s === 'string' && s.trim() !== '').length
      : 0;
    const deal = { none: undefined, first: 0, last: named - 1, outside: named + 5, text: 'x' }[
      form.deal
    ];
    if (deal !== undefined) payload.deal = deal;
    if (form.lang === 'missing') delete payload.lang;
    const sent = override ? override(payload) : payload;
    const expectedLang: Lang = form.lang === 'other' && !override ? other : this.lang;
    this.callClient(
      `wizard createMap ${JSON.stringify(sent)}`.slice(0, 400),
      'createMap',
      sent,
      { readOnly: false, target: null, lang: expectedLang, hostilePayload: override !== undefined },
      {},
      (result, _b, after) => {
        const r = result as CreateMapResult;
        if (!r.ok) return;
        const sheet = this.wb.model.sheet(r.sheetName);
        const g = sheet ? after.grids.get(sheet.sheetId) : undefined;
        const h = sheet ? after.health.get(sheet.sheetId) : undefined;
        if (!sheet || !g || !h) return;
        if (h.kind !== 'healthy') {
          this.violate(
            { label: `#${this.stepNo}`, entitled: [] },
            'stages-changed',
            `createMap made a sheet that is not an intact map: ${h.kind === 'damaged' ? h.why : h.kind}`,
          );
          return;
        }
        this.maps.push({ id: r.mapId, lang: h.lang });
        const p = sent as Record<string, unknown>;
        // custom stages made with a deal stage picked: that stage is the deal, no guess
        if (p.preset === 'custom' && p.example === false && typeof p.deal === 'number') {
          const role = this.textAt(g, ROW.role, stageCol(p.deal));
          if (role !== 'C')
            this.violate(
              { label: `#${this.stepNo}`, entitled: [] },
              'stages-changed',
              `createMap with deal ${p.deal}: that stage's role is "${role}", not C`,
            );
        }
        const typed = (v: unknown, row: number, col: number, stage: string | null, how: string) => {
          if (typeof v === 'string' && v !== '' && this.textAt(g, row, col) === v)
            this.track(v, sheet.sheetId, stage, how);
          else if (typeof v === 'string' && v !== '' && this.userTexts.includes(v))
            this.track(v, sheet.sheetId, stage, `${how} (expected in ${a1(row, col)})`);
        };
        typed(p.name, ROW.name, SIDE_COL, null, 'as the map name in New map');
        // The worked example brings its own segment, product and stages (only the name is the
        // user's).
        if (p.example === true) return;
        typed(p.segment, ROW.segment, SIDE_COL, null, 'as the segment in New map');
        typed(p.product, ROW.product, SIDE_COL, null, 'as the product in New map');
        if (Array.isArray(p.stages))
          p.stages.forEach((s, i) => {
            typed(
              s,
              ROW.header,
              FIRST_STAGE_COL + i,
              h.stages[i] ?? null,
              'as a stage name in New map',
            );
          });
      },
    );
  }

  // ------------------------------------------------------------------ reviews and histories

  /** The sheet of a map's history (where its named cell is), or null. */
  private historySheet(mapId: string): { name: string; sheetId: number } | null {
    const id = planSheets(this.wb, 'HISTORY').get(mapId);
    const name = id === undefined ? null : this.sheetName(id);
    return id === undefined || name === null ? null : { name, sheetId: id };
  }

  /** The history of a map by number; a review first when it has none (the edits need one). */
  private historyFor(ref: number): { name: string; sheetId: number } | null {
    const mapId = this.mapRef(ref);
    const found = this.historySheet(mapId);
    const sheetId = this.mapSheetId(mapId);
    if (found || sheetId === null) return found;
    const first = { zone: 'stage' as const, row: 0, i: 0 };
    this.review(
      { k: 'review', sheet: 0, at: first, note: null, button: 'OK', same: 'NO' },
      sheetId,
    );
    return this.historySheet(mapId);
  }

  /**
   * Record a review from the menu, on a cell of a sheet (mostly an intact map), the note typed
   * (or the prompt cancelled) and "this period has a review already" answered. A cancel writes
   * nothing; a review writes one period row (the one the user said to replace, else a blank one)
   * holding the map's figures, and changes no sheet but the map and its history.
   */
  private review(step: Extract<HistoryStep, { k: 'review' }>, sheetId?: number): void {
    const obs = this.observe();
    const m = this.wb.model;
    const same = sheetId === undefined && step.at.zone === 'same' && m.activeRange !== null;
    const sheet =
      sheetId !== undefined
        ? { sheetId, name: this.sheetName(sheetId) ?? '' }
        : same
          ? { sheetId: m.active.sheetId, name: m.active.name }
          : this.sheetByRef(step.sheet);
    if (!sheet.name) return;
    const g = obs.grids.get(sheet.sheetId)!;
    const h = obs.health.get(sheet.sheetId)!;
    if (!same) {
      const cell = this.resolveCell(g, h, step.at);
      this.s.select(sheet.name, a1(cell.row, cell.col));
    }
    const note = step.note ? this.text(step.note) : '';
    const ctx: Ctx = {
      label: this.label(
        `menu recordReview on '${sheet.name}', ${step.button === 'OK' ? `note ${short(note)}` : 'the note cancelled'}, same period: ${step.same}`,
      ),
      // "Last reviewed" and "Next review" are the review's to set
      entitled: [ROW.reviewed, ROW.nextReview].map((row) => ({
        sheetId: sheet.sheetId,
        text: this.textAt(g, row, SIDE_COL),
        stage: null,
      })),
      call: {
        name: 'recordReview',
        readOnly: false,
        target: sheet.sheetId,
        lang: this.langOfSheet(obs, sheet.sheetId),
      },
    };
    this.answer = {
      confirm: step.same,
      prompt: { button: step.button, text: note },
      inDialog: null,
    };
    let asked: number | null = null;
    this.act(
      ctx,
      () => {
        const requests = this.wb.ui.requests.length;
        const toasts = this.wb.ui.toasts.length;
        const out = this.menuCall(ctx, 'recordReview');
        const question = this.wb.ui.requests
          .slice(requests)
          .find((r) => r.request.kind === 'alert' && r.request.buttons === 'YES_NO_CANCEL');
        if (question)
          asked = Number(/\((?:row|строка) (\d+)/.exec(question.request.prompt)?.[1] ?? 0) || null;
        if (out.result !== 'ok' || this.wb.ui.toasts.length > toasts) return out;
        const at = step.button === 'OK' ? '"this period has a review already"' : 'the note';
        return { ...out, result: 'cancelled', detail: `cancelled at ${at}` };
      },
      (before, after) => this.recorded(ctx, sheet.sheetId, h, step, note, asked, before, after),
    );
    this.answer = { confirm: 'NO', prompt: null, inDialog: null };
  }

  /** What an accepted review wrote: its period row checked and tracked, no other sheet touched. */
  private recorded(
    ctx: Ctx,
    target: number,
    h: Health,
    step: Extract<HistoryStep, { k: 'review' }>,
    note: string,
    asked: number | null,
    before: Observation,
    after: Observation,
  ): void {
    if (h.kind !== 'healthy') return;
    const hist = this.historySheet(h.mapId);
    const ha = hist ? after.grids.get(hist.sheetId) : undefined;
    if (!hist || !ha) {
      this.violate(
        ctx,
        'history-wrong',
        'recordReview said it recorded, but the map has no history',
      );
      return;
    }
    const replaced = step.same === 'YES' && asked !== null ? asked : null;
    if (replaced !== null) this.history.forget(hist.sheetId, replaced);
    const map = before.grids.get(target)!;
    const got = recordedRow({
      map,
      stages: h.stages,
      stageCol: (id) => stageColumnOf(map, id),
      mapCell: {
        avgCheck: [ROW.avgCheck, SIDE_COL],
        purchases: [ROW.purchases, SIDE_COL],
        customers: ROW.customers,
      },
      before: before.grids.get(hist.sheetId),
      after: ha,
      replaced,
      keptBoth: step.same === 'NO' && asked !== null,
      note,
      dayAt: (g, r, c) => this.dayAt(g, r, c),
    });
    for (const m of got.wrong) this.violate(ctx, 'history-wrong', m);
    for (const m of got.lost) this.violate(ctx, 'history-lost', m);
    if (got.row !== null) this.history.track(ha, got.row, `recorded at #${this.stepNo}`);
    for (const [id, b] of before.grids) {
      if (id === target || id === hist.sheetId) continue;
      const a = after.grids.get(id);
      // (a reference to the map's rows that moved down with the block's rows is Sheets' doing)
      const where = a ? contentChange(b, a) : 'it was deleted';
      if (where)
        this.violate(
          ctx,
          'other-map-write',
          `recordReview changed '${b.name}', neither its map nor its history: ${where}`,
        );
    }
  }

  /**
   * The user pastes periods into a map's history under its last one (now and then after a blank
   * row, or over the last periods): a value per marked column, by the column's kind. The cells
   * are theirs: each stays, or becomes what its text reads as.
   */
  private pastePeriods(step: Extract<HistoryStep, { k: 'pastePeriods' }>): void {
    const hist = this.historyFor(step.map);
    if (!hist) return;
    const g = this.observe().grids.get(hist.sheetId)!;
    const cols = (g.values[2] ?? []).flatMap((m, i) => {
      const kind = columnKind(String(m));
      return kind ? [{ col: i + 1, kind }] : [];
    });
    if (cols.length === 0) return;
    let last = 3;
    g.values.forEach((line, r) => {
      if (r >= 3 && line.some((v) => v !== '')) last = r + 1;
    });
    const where = step.where % 8;
    const top = where < 5 ? last + 1 : where < 7 ? last + 2 : Math.max(4, last - (step.where % 2));
    const sm = this.wb.model.sheetOrThrow(hist.name);
    const cells = step.rows.flatMap((picks, i) =>
      cols.map(({ col, kind }, j) => ({
        row: top + i,
        col,
        input: pastedInput(kind, (picks[j % picks.length] ?? 0) + Math.floor(j / picks.length)),
      })),
    );
    const rows = [top, top + step.rows.length - 1] as [number, number];
    this.userAct(
      `user pastes into '${hist.name}'!A${rows[0]}:${a1(rows[1], cols.at(-1)!.col)}: ${cells
        .filter((c) => c.input !== '')
        .map((c) => `${a1(c.row, c.col)} ${show(c.input)}`)
        .join(', ')}`,
      () => {
        const lost = this.entitledIn(g, rows, [1, 1000]);
        for (const c of cells) {
          // as typed: in a plain-text cell what follows the apostrophe is typed as it is
          const plain = sm.attr(c.row - 1, c.col - 1)?.numberFormat === '@';
          const input =
            plain && typeof c.input === 'string' && c.input.startsWith("'")
              ? c.input.slice(1)
              : c.input;
          this.wb.setCell(hist.name, a1(c.row, c.col), input);
        }
        return lost;
      },
      (_b, after) => {
        const ga = after.grids.get(hist.sheetId);
        const at = cols.map((c) => c.col);
        for (let r = rows[0]; ga && r <= rows[1]; r++)
          this.history.track(ga, r, `pasted at #${this.stepNo}`, at);
      },
    );
  }

  /**
   * The user edits a map's history by hand: a column marker typed over (their text, blank, or
   * another column's marker), row 3 cleared, a column deleted or inserted, a period deleted, the
   * periods sorted, the sheet deleted or renamed; or a colleague protects it, or some of its rows.
   */
  private editHistory(step: Extract<HistoryStep, { k: 'editHistory' }>): void {
    const hist = this.historyFor(step.map);
    if (!hist) return;
    const g = this.observe().grids.get(hist.sheetId)!;
    const name = hist.name;
    const width = Math.max(1, ...g.values.map((l) => l.length));
    const last = Math.max(3, g.values.length);
    const col = 1 + (step.i % width);
    const markers = (g.values[2] ?? []).map(String);
    const act = (label: string, perform: () => Entitled[]) =>
      this.userAct(`user ${label} of '${name}'`, perform);
    switch (step.op) {
      case 'marker': {
        if (step.i % 3 === 0) {
          this.typeAt(hist.sheetId, 3, col, this.text(step.text));
          return;
        }
        const to = step.i % 3 === 1 ? '' : (markers[(step.i >> 2) % markers.length] ?? '');
        act(`sets the column marker ${a1(3, col)} to ${JSON.stringify(to)}`, () => {
          this.wb.setCell(name, a1(3, col), to === '' ? '' : `'${to}`);
          return this.entitledIn(g, [3, 3], [col, col]);
        });
        return;
      }
      case 'clearMarkers':
        act('clears row 3 (the column markers)', () => {
          this.wb.setCell(name, `A3:${a1(3, width)}`, '');
          return this.entitledIn(g, [3, 3], [1, width]);
        });
        return;
      case 'deleteCol':
        if (width < 2) return;
        act(`deletes column ${a1(1, col).replace(/\d+$/, '')}`, () => {
          this.wb.deleteColumns(name, col, 1);
          return this.entitledIn(g, [1, last], [col, col]);
        });
        return;
      case 'insertCol':
        act(`inserts a column left of ${a1(1, col).replace(/\d+$/, '')}`, () => {
          this.wb.insertColumns(name, col, 1);
          return [];
        });
        return;
      case 'deleteRows': {
        if (last < 4) return;
        const row = 4 + (step.i % (last - 3));
        act(`deletes row ${row}`, () => {
          this.wb.deleteRows(name, row, 1);
          return this.entitledIn(g, [row, row], [1, width]);
        });
        return;
      }
      case 'sort':
        if (last < 5) return;
        act(`sorts the periods A4:${a1(last, width)} by column ${col}`, () => {
          try {
            this.wb.sortRange(name, `A4:${a1(last, width)}`, col, step.i % 2 === 0);
          } catch (e) {
            if (!/merged/.test((e as Error).message)) throw e;
          }
          return [];
        });
        return;
      case 'deleteSheet':
        if (this.wb.model.sheets.length <= 1) return;
        act('deletes the sheet', () => {
          this.wb.deleteSheet(name);
          return [{ sheetId: hist.sheetId, text: '*', stage: '*' }];
        });
        return;
      case 'renameSheet': {
        const to = step.i % 2 ? this.text(step.text).slice(0, 90) : `${name.slice(0, 80)} (old)`;
        if (to.trim() === '' || this.wb.model.sheet(to)) return;
        act(`renames the sheet to ${JSON.stringify(to)}`, () => {
          this.wb.renameSheet(name, to);
          return [];
        });
        return;
      }
      case 'protect':
      case 'protectRows': {
        const rows = [
          `A1:${a1(3, width)}`,
          `A4:${a1(Math.max(4, last), width)}`,
          `A${last + 1}:${a1(last + 1, width)}`,
        ];
        const range = step.op === 'protect' ? null : rows[step.i % 3]!;
        this.userAct(`a colleague protects '${name}'${range ? `!${range}` : ''}`, () => {
          this.wb.protectAsOther(name, range, { by: COLLEAGUE, warningOnly: step.i % 7 === 0 });
          return [];
        });
        return;
      }
    }
  }

  /**
   * The user types under a map's footer: in the rows its review block takes (its goal, date and
   * cadence now and then) or just below. What they type stays theirs (a review moves it down to
   * make room, never over it); a formula stays a formula.
   */
  private typeUnder(step: Extract<HistoryStep, { k: 'typeUnder' }>): void {
    const sheet = this.sheetByRef(step.sheet);
    const obs = this.observe();
    const g = obs.grids.get(sheet.sheetId)!;
    if (obs.health.get(sheet.sheetId)?.kind === 'notMap') return;
    const inputs = [BLOCK_ROW.revenueGoal, BLOCK_ROW.goalDate, BLOCK_ROW.cadence];
    const [row, col] =
      step.row % 4 === 0
        ? [inputs[step.col % 3]!, SIDE_COL]
        : [
            ROW.footer + 1 + (step.row % (BLOCK_LAST_ROW - ROW.footer + 2)),
            1 + (step.col % (this.stageCount(g) + 3)),
          ];
    if (step.what === 'text') {
      this.typeAt(sheet.sheetId, row, col, this.text(step.text));
      return;
    }
    const old = this.textAt(g, row, col);
    const input = step.what === 'number' ? step.n : `=${step.n}*2`;
    const where = `'${sheet.name}'!${a1(row, col)}`;
    this.userAct(
      `user types ${input} in ${where} (under the footer)`,
      () => {
        this.wb.setCell(sheet.name, a1(row, col), input);
        const stage = stageColumns(g).get(col) ?? null;
        return old === '' ? [] : [{ sheetId: sheet.sheetId, text: old, stage }];
      },
      (_b, after) => {
        const origin = `under the footer, ${where} at #${this.stepNo}`;
        const f = cellAt(after.grids.get(sheet.sheetId) ?? emptyGrid(), row, col).formula;
        if (this.blockOwned(g, row, col)) return;
        if (step.what === 'number')
          this.values.track(step.n, sheet.sheetId, null, placeAt(g, col), origin);
        else if (f) this.formulasUnder.track(sheet.sheetId, f, origin);
      },
    );
  }

  private garbage(fn: ServerFn, key: string | null, w: Weird): void {
    const mapId = this.mapRef(0);
    const keys: Record<ServerFn, string[]> = {
      loadStep: ['mapId', 'step'],
      saveStep: ['mapId', 'step', 'values', 'base', 'stages', 'stageIds'],
      editStages: ['mapId', 'edit', 'confirmed', 'stageId'],
      savePlan: ['mapId', 'actions'],
      createMap: ['name', 'segment', 'product', 'preset', 'stages', 'lang', 'locale', 'example'],
      insertCharts: ['mapId'],
      exportMindMap: ['mapId'],
    };
    // The map a malformed payload names, if it still names one (else the spreadsheet's language
    // applies).
    const targetOf = (payload: unknown): number | null => {
      const id = (payload as { mapId?: unknown } | null)?.mapId;
      return typeof id === 'string' ? this.mapSheetId(id) : null;
    };
    const mutate = (payload: Record<string, unknown>): unknown => {
      if (key === null) return WEIRD[w]();
      const list = keys[fn];
      const k = list.includes(key) ? key : list[hash(key) % list.length]!;
      return { ...payload, [k]: WEIRD[w]() };
    };
    switch (fn) {
      case 'saveStep':
        this.save(
          mapId,
          [{ field: 0, value: { kind: 'text', text: { kind: 'token', shape: 'hyperlink' } } }],
          mutate,
        );
        return;
      case 'createMap':
        this.createMap(
          {
            name: { kind: 'token', shape: 'plain' },
            segment: { kind: 'token', shape: 'plus' },
            product: { kind: 'token', shape: 'plain' },
            stages: [
              { kind: 'token', shape: 'plain' },
              { kind: 'token', shape: 'at' },
            ],
            lang: 'ok',
            preset: 'custom',
            example: 'no',
            deal: 'none',
          },
          mutate,
        );
        return;
      case 'editStages': {
        const h0 = this.mapSheetId(mapId);
        const h = h0 === null ? undefined : this.observe().health.get(h0);
        const first = h?.kind === 'healthy' ? h.stages[0] : undefined;
        const payload = mutate({
          mapId,
          edit: { kind: 'move', index: 0, by: 1 },
          stageId: first ?? '',
          confirmed: false,
        });
        const target = targetOf(payload);
        this.callClient(`hostile editStages ${short(payload)}`, 'editStages', payload, {
          readOnly: false,
          target,
          expect: first ? { op: 'move', id: first, by: 1 } : null,
          hostilePayload: true,
        });
        return;
      }
      case 'savePlan': {
        const payload = mutate({
          mapId,
          actions: [
            {
              action: 'x',
              stage: '',
              lever: 'Z',
              change: 'lots',
              owner: '',
              deadline: '',
              status: '',
            },
          ],
        });
        this.callClient(`hostile savePlan ${short(payload)}`, 'savePlan', payload, {
          readOnly: true,
          target: targetOf(payload),
          hostilePayload: true,
        });
        return;
      }
      default: {
        const payload = mutate(fn === 'loadStep' ? { mapId, step: 'goal' } : { mapId });
        this.callClient(`hostile ${fn} ${short(payload)}`, fn, payload, {
          readOnly: true,
          target: targetOf(payload),
          hostilePayload: true,
        });
      }
    }
  }

  // ------------------------------------------------------------------ the grid

  private track(
    text: string,
    sheetId: number,
    stage: string | null,
    how: string,
    volatile = false,
  ): void {
    this.tracked.push({ text, sheetId, stage, origin: `at #${this.stepNo} ${how}`, volatile });
  }

  /** A user action in the grid: `perform` returns what the user removed on purpose. */
  /** A user action in the grid. */
  private userAct(
    label: string,
    perform: () => Entitled[],
    after?: (before: Observation, after: Observation) => void,
  ): void {
    const ctx: Ctx = { label: this.label(label), entitled: [] };
    this.act(
      ctx,
      () => {
        // What the user removes themselves goes wherever its stage marker went.
        try {
          ctx.entitled = perform().map((e) => ({ ...e, stage: '*' }));
        } catch (e) {
          // Sheets refuses what cannot be done (a column past the edge, the last sheet): nothing
          // happened.
          if ((e as Error).name !== 'Exception') throw e;
          return { result: 'ok', messages: [], detail: `nothing done: ${(e as Error).message}` };
        }
        return { result: 'ok', messages: [], detail: '' };
      },
      after,
    );
  }

  private typeAt(sheetId: number, row: number, col: number, text: string, note = ''): void {
    const name = this.sheetName(sheetId);
    if (name === null) return;
    const obs = this.observe();
    const g = obs.grids.get(sheetId)!;
    const stage = stageColumns(g).get(col) ?? null;
    const format = this.wb.model.sheetOrThrow(name).attr(row - 1, col - 1)?.numberFormat;
    const old = cellAt(g, row, col);
    const what = old.formula
      ? `over the formula ${old.formula}`
      : old.value !== ''
        ? `over ${JSON.stringify(old.value)}`
        : 'into a blank cell';
    this.userAct(
      `user${note} types ${JSON.stringify(text)} in '${name}'!${a1(row, col)}${stage ? ` (stage ${stage})` : ''} ${what}`,
      () => {
        // As a user types text: in a plain-text cell as it is, elsewhere after an apostrophe.
        this.wb.setCell(name, a1(row, col), format === '@' ? text : `'${text}`);
        return old.formula || old.value === '' ? [] : [{ sheetId, text: String(old.value), stage }];
      },
      (_b, after) => {
        const where = `in the grid, '${name}'!${a1(row, col)}`;
        // in a history's periods: the cell is the user's, its numeric text may become the number
        const period = this.isHistory(sheetId) && row > 3 ? after.grids.get(sheetId) : undefined;
        if (period) this.history.track(period, row, where, [col]);
        else
          this.track(
            text,
            sheetId,
            stage,
            `${where}${old.formula ? ' over a template formula' : ''}`,
            this.isVolatile(sheetId, row, col),
          );
      },
    );
  }

  private area(
    g: Grid,
    h: Health,
    pick: AreaPick | 'whole',
  ): { r1: number; c1: number; r2: number; c2: number } {
    const maxR = Math.max(1, g.values.length);
    const maxC = Math.max(1, ...g.values.map((l) => l.length));
    if (pick === 'whole') return { r1: 1, c1: 1, r2: maxR, c2: maxC };
    const at = this.resolveCell(g, h, pick.at);
    return {
      r1: at.row,
      c1: at.col,
      r2: Math.max(at.row, Math.min(at.row + pick.rows - 1, maxR)),
      c2: Math.max(at.col, Math.min(at.col + pick.cols - 1, maxC)),
    };
  }

  grid(step: GridStep, note = ''): void {
    const obs = this.observe();
    const model = this.wb.model;
    if (step.k === 'newSheet') {
      const name = this.sheetNameFor(step.name, step.text);
      this.userAct(`user${note} adds a sheet ${JSON.stringify(name)}`, () => {
        if (!model.sheet(name)) model.addSheet(name);
        return [];
      });
      return;
    }
    const sheet =
      step.k === 'deleteSheet' ? this.sheetToDelete(step.sheet) : this.sheetByRef(step.sheet);
    const g = obs.grids.get(sheet.sheetId)!;
    const h = obs.health.get(sheet.sheetId)!;
    const name = sheet.name;
    const sm = model.sheetOrThrow(name);
    const stagesEnd = FIRST_STAGE_COL + this.stageCount(g) - 1;
    switch (step.k) {
      case 'type': {
        const cell = this.resolveCell(g, h, step.at);
        this.typeAt(sheet.sheetId, cell.row, cell.col, this.text(step.text), note);
        return;
      }
      case 'typeNumber': {
        const n = this.stageCount(g);
        if (n === 0) return;
        const side = step.row === 'avgCheck' || step.row === 'purchases';
        const col = side ? SIDE_COL : FIRST_STAGE_COL + (step.stage % n);
        const row = ROW[step.row];
        const value = numberFor(step.row, step.n);
        const old = this.textAt(g, row, col);
        this.userAct(
          `user${note} types ${value} in '${name}'!${a1(row, col)}`,
          () => {
            this.wb.setCell(name, a1(row, col), value);
            return old === ''
              ? []
              : [{ sheetId: sheet.sheetId, text: old, stage: stageColumns(g).get(col) ?? null }];
          },
          () =>
            this.values.track(
              value,
              sheet.sheetId,
              rowKeyAt(g, row) ?? step.row,
              placeAt(g, col),
              `in the grid, '${name}'!${a1(row, col)}`,
            ),
        );
        return;
      }
      case 'typeFormula':
        this.typeFormula(step, g, h, note);
        return;
      case 'clearFormat':
      case 'pasteValues': {
        const r = this.area(g, h, step.area);
        const range = `${a1(r.r1, r.c1)}:${a1(r.r2, r.c2)}`;
        this.userAct(
          `user${note} ${step.k === 'clearFormat' ? 'clears the formatting of' : 'pastes values only over'} '${name}'!${range}`,
          () => {
            if (step.k === 'clearFormat') this.wb.clearFormat(name, range);
            else this.wb.pasteValues(name, range);
            return [];
          },
        );
        return;
      }
      case 'sort': {
        const r = this.area(g, h, step.area);
        const range = `${a1(r.r1, r.c1)}:${a1(r.r2, r.c2)}`;
        this.userAct(
          `user${note} sorts '${name}'!${range} by column ${r.c1}${step.desc ? ' Z→A' : ''}`,
          () => {
            try {
              this.wb.sortRange(name, range, r.c1, !step.desc);
            } catch (e) {
              if (!/merged/.test((e as Error).message)) throw e;
            }
            return [];
          },
        );
        return;
      }
      case 'insertRows':
      case 'deleteRows': {
        const isMap = h.kind !== 'notMap';
        const at = isMap
          ? step.inside
            ? 1 + (step.at % ROW.footer)
            : ROW.footer + 1 + (step.at % 4)
          : 1 + (step.at % 12);
        const n = Math.min(step.n, Math.max(1, sm.maxRows - at));
        if (step.k === 'deleteRows' && (at + n - 1 > sm.maxRows || n >= sm.maxRows)) return;
        this.userAct(
          `user${note} ${step.k === 'insertRows' ? `inserts ${n} rows above row` : `deletes ${n} rows from row`} ${at} of '${name}'`,
          () => {
            if (step.k === 'insertRows') {
              this.wb.insertRows(name, at, n);
              return [];
            }
            const lost = this.entitledIn(g, [at, at + n - 1], [1, 1000]);
            this.wb.deleteRows(name, at, n);
            return lost;
          },
        );
        return;
      }
      case 'insertCols':
      case 'deleteCols': {
        const isMap = h.kind !== 'notMap';
        const at = isMap
          ? step.inside
            ? 1 + (step.at % Math.max(stagesEnd, SIDE_COL))
            : Math.max(stagesEnd, SIDE_COL) + 1 + (step.at % 3)
          : 1 + (step.at % 8);
        const n = Math.min(step.n, Math.max(1, sm.maxCols - at));
        if (step.k === 'deleteCols' && (at + n - 1 > sm.maxCols || n >= sm.maxCols)) return;
        const letter = a1(1, at).replace(/\d+$/, '');
        this.userAct(
          `user${note} ${step.k === 'insertCols' ? `inserts ${n} columns left of` : `deletes ${n} columns from`} column ${letter} of '${name}'`,
          () => {
            if (step.k === 'insertCols') {
              this.wb.insertColumns(name, at, n);
              return [];
            }
            const lost = this.entitledIn(g, [1, 100000], [at, at + n - 1]);
            this.wb.deleteColumns(name, at, n);
            return lost;
          },
        );
        return;
      }
      case 'moveCol': {
        // On a map mostly a stage column (dragging A or B away damages it: now and then).
        const isMap = h.kind !== 'notMap';
        const col = !isMap
          ? 1 + (step.col % 6)
          : step.col % 8 === 0
            ? 1 + (step.col % 2)
            : FIRST_STAGE_COL + (step.col % Math.max(1, stagesEnd - SIDE_COL));
        this.moveColumn(sheet.sheetId, col, step.by, note, step.col % 4 !== 0);
        return;
      }
      case 'renameSheet': {
        const to = this.sheetNameFor(step.name, step.text);
        this.userAct(`user${note} renames '${name}' to ${JSON.stringify(to)}`, () => {
          if (!model.sheet(to) && to.trim() !== '') this.wb.renameSheet(name, to);
          return [];
        });
        return;
      }
      case 'deleteSheet': {
        if (model.sheets.length <= 1) return;
        this.userAct(`user${note} deletes the sheet '${name}'`, () => {
          this.wb.deleteSheet(name);
          return [{ sheetId: sheet.sheetId, text: '*', stage: '*' }];
        });
        return;
      }
      case 'copySheet': {
        let copyId: number | null = null;
        this.userAct(
          `user${note} duplicates '${name}'`,
          () => {
            const copy = this.wb.copySheet(name);
            copyId = model.sheetOrThrow(copy).sheetId;
            return [];
          },
          (_before, after) => {
            if (copyId === null) return;
            const cg = after.grids.get(copyId);
            const present = new Set(
              cg ? cg.values.flat().filter((v): v is string => typeof v === 'string') : [],
            );
            for (const t of this.tracked.filter((x) => x.sheetId === sheet.sheetId)) {
              if (present.has(t.text))
                this.tracked.push({
                  ...t,
                  sheetId: copyId,
                  origin: `${t.origin}, copied with its sheet at #${this.stepNo}`,
                  volatile: false,
                });
            }
            this.values.copied(sheet.sheetId, copyId, `copied with its sheet at #${this.stepNo}`);
          },
        );
        return;
      }
    }
  }

  /**
   * The user types a formula of their own that refers to a map (from another sheet, from below
   * it) or spills next to it. References from other sheets live on a sheet that is no map and
   * that the add-on does not rebuild (its portfolio, its plans).
   */
  private typeFormula(
    step: Extract<GridStep, { k: 'typeFormula' }>,
    g: Grid,
    h: Health,
    note: string,
  ): void {
    if (h.kind !== 'healthy') return;
    const obs = this.observe();
    const plans = new Set(this.maps.map((m) => this.planSheetId(m.id)));
    const host = this.wb.model.sheets.find(
      (s) =>
        obs.health.get(s.sheetId)?.kind === 'notMap' &&
        !this.portfolioSheets.has(s.sheetId) &&
        !plans.has(s.sheetId),
    );
    const placed = this.userFormulas.place(
      step.shape,
      g,
      h.stages,
      host && obs.grids.get(host.sheetId),
      step,
    );
    if (!placed) return;
    const { at } = placed;
    this.userAct(
      `user${note} types ${at.formula} in '${at.sheetName}'!${a1(at.row, at.col)}`,
      () => {
        this.wb.setCell(at.sheetName, a1(at.row, at.col), at.formula);
        return [];
      },
      () => placed.track(),
    );
  }

  /** The user drags a whole column one place left or right (its content and marker go with it). */
  /**
   * The user drags a whole column one place left or right (its content and marker go with it).
   * A stage dragged out over the map's edge (C into B, the last one past the end) damages the
   * map; with `keepInside` the drag goes the other way then.
   */
  private moveColumn(
    sheetId: number,
    col: number,
    by: -1 | 1,
    note = '',
    keepInside = false,
  ): void {
    const name = this.sheetName(sheetId);
    if (name === null) return;
    if (keepInside) {
      const n = this.stageCount(this.observe().grids.get(sheetId)!);
      const last = FIRST_STAGE_COL + n - 1;
      if (
        col >= FIRST_STAGE_COL &&
        col <= last &&
        ((col === FIRST_STAGE_COL && by < 0) || (col === last && by > 0))
      )
        by = by < 0 ? 1 : -1;
      if (n < 2 && col >= FIRST_STAGE_COL && col <= last) return;
    }
    if (col + by < 1) return;
    const letter = a1(1, col).replace(/\d+$/, '');
    this.userAct(
      `user${note} drags column ${letter} of '${name}' ${by < 0 ? 'left' : 'right'}`,
      () => {
        const sheet = this.wb.range(name, 'A1').getSheet();
        sheet.moveColumns(
          this.wb.range(name, `${letter}1`) as unknown as GoogleAppsScript.Spreadsheet.Range,
          by < 0 ? col - 1 : col + 2,
        );
        return [];
      },
    );
  }

  private sheetNameFor(pick: NamePick, text: TextPick): string {
    const names = this.wb.sheetNames();
    switch (pick) {
      case 'portfolio':
        return 'Portfolio';
      case 'portfolioRu':
        return 'Портфель';
      case 'token':
        return `=HYPERLINK("x") ${++this.tokenCount}`;
      case 'planLike':
        return `${names[text.kind === 'bare' ? text.index % names.length : 0]} · ${this.lang === 'ru' ? 'план' : 'plan'}`;
      case 'copyLike':
        return `Copy of ${names[0]}`;
      case 'existing':
        return names[(text.kind === 'bare' ? text.index : 1) % names.length]!;
    }
  }

  /** Every violation kind counted, for the bench. */
  counts(): Record<ViolationKind, number> {
    const out = {} as Record<ViolationKind, number>;
    for (const v of this.violations) out[v.kind] = (out[v.kind] ?? 0) + 1;
    return out;
  }
}

function classify(result: unknown): Outcome {
  if (
    result !== null &&
    typeof result === 'object' &&
    'ok' in result &&
    (result as { ok: unknown }).ok === false
  ) {
    const r = result as {
      fieldErrors?: Record<string, string>;
      conflicts?: { label: string }[];
      message?: string;
      confirm?: string;
    };
    const messages = [
      ...Object.values(r.fieldErrors ?? {}),
      ...(r.message ? [r.message] : []),
      ...(r.confirm ? [r.confirm] : []),
    ];
    const detail = r.fieldErrors
      ? `fieldErrors ${JSON.stringify(r.fieldErrors)}`
      : r.conflicts
        ? `conflicts on ${r.conflicts.map((c) => (c as { id?: string }).id ?? c.label).join(', ')}`
        : r.confirm
          ? `asks: ${r.confirm}`
          : `message: ${r.message}`;
    return { result: r.confirm ? 'cancelled' : 'refused', messages, detail };
  }
  const state = (result as { state?: WizardState } | null)?.state;
  const notice =
    [state?.notice, state?.problem].filter(Boolean).join(' ') ||
    (result as { notice?: string } | null)?.notice;
  return {
    result: 'ok',
    messages: notice ? [notice] : [],
    detail: notice ? `notice: ${notice}` : '',
  };
}

/** A number a user would type in a row: a share for the target, 1–5 for a score. */
function numberFor(
  row: 'customers' | 'target' | 'score' | 'avgCheck' | 'purchases',
  n: number,
): number {
  if (row === 'target') return n / 10000;
  if (row === 'score') return 1 + (n % 5);
  if (row === 'purchases') return 1 + (n % 40) / 10;
  return n;
}

function emptyGrid(): Grid {
  return { name: '', sheetId: -1, values: [], formulas: [], spilled: new Set() };
}

function hash(s: string): number {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
}
