/**
 * The steps of a hostile session, as plain records: what a user does in the grid, the menu
 * commands, the sidebar's calls (valid, stale and hostile) and a colleague acting in
 * between. A step names sheets, maps, stages and fields by small numbers that are resolved
 * modulo what exists when it runs, so any shrunk sequence still replays.
 */
import fc from 'fast-check';
import { STEP_IDS, type StepId } from '../../../src/core/wizard/steps';
import { describeStructure, structureStep, type StructureStep } from './structure';
import { BARE_TEXTS, EXTREME_KINDS, TOKEN_KINDS, type TextPick } from './texts';
import type { FormulaShape } from './user-formulas';

/**
 * A cell of a sheet: on a map, by zone of its layout; elsewhere `row` and `i` pick a cell near the
 * top left.
 */
export interface CellPick {
  /** 'same': no click, the command runs on what is selected now (a menu's pick only) */
  zone: 'stage' | 'side' | 'right' | 'label' | 'footer' | 'same';
  /** row index, modulo the map's rows above the footer */
  row: number;
  /** stage index, offset right of the map, or column on other sheets */
  i: number;
}

export interface AreaPick {
  at: CellPick;
  rows: number;
  cols: number;
}

export type Weird =
  | 'null'
  | 'object'
  | 'array'
  | 'true'
  | 'number'
  | 'long'
  | 'empty'
  | 'nested'
  | 'negative'
  | 'fraction'
  | 'huge';

export type ValuePick =
  | { kind: 'fit'; text: TextPick; n: number }
  | { kind: 'text'; text: TextPick }
  | { kind: 'number'; n: number }
  | { kind: 'option'; i: number }
  | { kind: 'weird'; w: Weird };

export interface FieldEdit {
  field: number;
  value: ValuePick;
}

export interface ActionPick {
  action: TextPick;
  owner: TextPick;
  stage: number;
  lever: number;
  change: number;
  status: number;
}

export interface CreatePick {
  name: TextPick | null;
  segment: TextPick;
  product: TextPick;
  stages: TextPick[];
  lang: 'ok' | 'object' | 'missing' | 'bogus' | 'other' | 'upper';
  preset: 'custom' | 'checklist6' | 'bogus';
  example: 'no' | 'weird';
  /** the deal stage of custom stages: none (a guess), the first or last named, or a bad one */
  deal: 'none' | 'first' | 'last' | 'outside' | 'text';
}

export type MenuCommand = 'addStage' | 'removeStage' | 'moveStageLeft' | 'moveStageRight';
export type ServerFn =
  | 'loadStep'
  | 'saveStep'
  | 'editStages'
  | 'savePlan'
  | 'createMap'
  | 'insertCharts'
  | 'exportMindMap';
export type NamePick = 'portfolio' | 'portfolioRu' | 'token' | 'planLike' | 'copyLike' | 'existing';

/** What a user does in the grid (also what a colleague does between a load and a save). */
export type GridStep =
  | { k: 'type'; sheet: number; at: CellPick; text: TextPick }
  | {
      k: 'typeNumber';
      sheet: number;
      stage: number;
      row: 'customers' | 'target' | 'score' | 'avgCheck' | 'purchases';
      n: number;
    }
  /** a formula of the user's own: a reference into a map's row, or an array next to it */
  | {
      k: 'typeFormula';
      sheet: number;
      shape: FormulaShape;
      stage: number;
      row: 'customers' | 'target' | 'score';
      n: number;
    }
  | { k: 'clearFormat'; sheet: number; area: AreaPick | 'whole' }
  | { k: 'pasteValues'; sheet: number; area: AreaPick | 'whole' }
  | { k: 'insertRows' | 'deleteRows'; sheet: number; at: number; n: number; inside: boolean }
  | { k: 'insertCols' | 'deleteCols'; sheet: number; at: number; n: number; inside: boolean }
  | { k: 'renameSheet'; sheet: number; name: NamePick; text: TextPick }
  | { k: 'deleteSheet'; sheet: number }
  | { k: 'copySheet'; sheet: number }
  | { k: 'newSheet'; name: NamePick; text: TextPick }
  | { k: 'sort'; sheet: number; area: AreaPick; desc: boolean }
  | { k: 'moveCol'; sheet: number; col: number; by: -1 | 1 };

/** What a colleague does while the user's "Remove stage?" dialog is open. */
export type DialogStep =
  | GridStep
  | { k: 'typeSame'; row: number; text: TextPick }
  | { k: 'moveSame'; by: -1 | 1 }
  | StructureStep;

/** A menu command run on a cell, its question answered; `inDialog`: what happens meanwhile. */
type MenuStep<InDialog> = {
  k: 'menu';
  cmd: MenuCommand;
  sheet: number;
  at: CellPick;
  answer: 'YES' | 'NO';
  inDialog: InDialog;
};

export type Step =
  | GridStep
  | MenuStep<DialogStep | null>
  | { k: 'rename'; sheet: number; text: TextPick; button: 'OK' | 'CANCEL' }
  | { k: 'portfolio'; sheet: number }
  | { k: 'showWizard'; sheet: number }
  | { k: 'load'; map: number; step: StepId }
  /** a save of the step on screen; `next`: Save and continue to that step (one call) */
  | { k: 'save'; map: number; edits: FieldEdit[]; next: StepId | null }
  /** another step shown from what the sidebar holds (no call), as the step list and Next do */
  | { k: 'held'; map: number; step: StepId }
  /** the sidebar's poll, carrying the steps it moved through */
  | { k: 'poll'; map: number }
  /** Make a map from this table on a cell of a sheet, then Create with the dialog's choices */
  | { k: 'importTable'; sheet: number; at: CellPick; unmatched: 'rows' | 'notes'; create: boolean }
  | { k: 'round'; map: number; step: StepId; edits: FieldEdit[]; colleague: ColleagueStep | null }
  | {
      k: 'editStages';
      map: number;
      op: 'add' | 'remove' | 'move';
      index: number;
      by: -1 | 1;
      name: TextPick | null;
      confirm: 'yes' | 'no' | 'blind';
      fresh: boolean;
      colleague: ColleagueStep | null;
      /**
       * the colleague acts before the edit is sent, or while the user reads the "Remove?" question
       */
      colleagueAt?: 'before' | 'confirm';
    }
  /**
   * A removal raced by a colleague: the user fills a stage, asks to remove it, a colleague acts
   * while the dialog is open.
   */
  | {
      k: 'removeRace';
      sheet: number;
      stage: number;
      row: number;
      text: TextPick;
      inDialog: DialogStep;
    }
  | {
      k: 'savePlan';
      map: number;
      actions: ActionPick[];
      fresh: boolean;
      colleague: ColleagueStep | null;
    }
  | { k: 'createMap'; form: CreatePick }
  | { k: 'garbage'; fn: ServerFn; key: string | null; w: Weird }
  | { k: 'charts' | 'mindmap'; map: number }
  | HistoryStep
  | StructureStep;

/**
 * Reviews and the history by hand: Record a review (the note, or Cancel at the note; the answer
 * to "this period has a review already"), periods pasted into a map's history (a pick per column,
 * read by the column's kind), the history edited (its markers, columns, rows, the sheet itself,
 * a colleague's protection), and cells typed under a map's footer, where its review block goes.
 */
export type HistoryStep =
  | {
      k: 'review';
      sheet: number;
      at: CellPick;
      note: TextPick | null;
      button: 'OK' | 'CANCEL';
      same: 'YES' | 'NO' | 'CANCEL';
    }
  | { k: 'pastePeriods'; map: number; rows: number[][]; where: number }
  | { k: 'editHistory'; map: number; op: HistoryEdit; i: number; text: TextPick }
  | {
      k: 'typeUnder';
      sheet: number;
      row: number;
      col: number;
      what: 'text' | 'number' | 'formula';
      text: TextPick;
      n: number;
    };

export type HistoryEdit =
  | 'marker'
  | 'clearMarkers'
  | 'deleteCol'
  | 'insertCol'
  | 'deleteRows'
  | 'sort'
  | 'deleteSheet'
  | 'renameSheet'
  | 'protect'
  | 'protectRows';

/** A colleague between a user's load and save: in the grid, or with the menu on the same map. */
export type ColleagueStep =
  | GridStep
  | MenuStep<null>
  | { k: 'typeField'; field: number; text: TextPick }
  | { k: 'typeStage'; stage: number; row: number; text: TextPick }
  | { k: 'moveColumn'; stage: number; by: -1 | 1 }
  | StructureStep;

// ---------------------------------------------------------------- arbitraries

const small = fc.nat({ max: 63 });

/** What users mostly type: a token shaped like something Sheets would parse, or a bare text. */
export const ordinaryTextPick: fc.Arbitrary<TextPick> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(...TOKEN_KINDS).map((shape): TextPick => ({ kind: 'token', shape })),
  },
  {
    weight: 1,
    arbitrary: fc
      .nat({ max: BARE_TEXTS.length - 1 })
      .map((index): TextPick => ({ kind: 'bare', index })),
  },
);

/** Now and then a text at the edges: control and bidirectional characters, lengths at the limits. */
export const textPick: fc.Arbitrary<TextPick> = fc.oneof(
  { weight: 5, arbitrary: ordinaryTextPick },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...EXTREME_KINDS)
      .map((shape): TextPick => ({ kind: 'token', shape })),
  },
);

const cellPick: fc.Arbitrary<CellPick> = fc.record({
  zone: fc.oneof(
    { weight: 50, arbitrary: fc.constant('stage' as const) },
    { weight: 15, arbitrary: fc.constant('side' as const) },
    { weight: 15, arbitrary: fc.constant('right' as const) },
    { weight: 1, arbitrary: fc.constant('label' as const) },
    { weight: 1, arbitrary: fc.constant('footer' as const) },
  ),
  row: small,
  i: small,
});

/**
 * Where a user clicks before a menu command: mostly in a stage column; now and then nowhere, the
 * command running again on what is selected (Move, Move).
 */
const menuCellPick: fc.Arbitrary<CellPick> = fc.record({
  zone: fc.oneof(
    { weight: 12, arbitrary: fc.constant('stage' as const) },
    { weight: 4, arbitrary: fc.constant('same' as const) },
    { weight: 1, arbitrary: fc.constantFrom('side' as const, 'right' as const, 'label' as const) },
  ),
  row: small,
  i: small,
});

const areaPick: fc.Arbitrary<AreaPick> = fc.record({
  at: cellPick,
  rows: fc.integer({ min: 1, max: 8 }),
  cols: fc.integer({ min: 1, max: 4 }),
});
const areaOrWhole = fc.oneof(
  { weight: 3, arbitrary: areaPick },
  { weight: 1, arbitrary: fc.constant('whole' as const) },
);
const namePick: fc.Arbitrary<NamePick> = fc.constantFrom(
  'portfolio',
  'portfolioRu',
  'token',
  'planLike',
  'copyLike',
  'existing',
);

/** Structural edits inside a map damage it (or remove a stage): one in six. */
const inside = fc.oneof(
  { weight: 1, arbitrary: fc.constant(true) },
  { weight: 5, arbitrary: fc.constant(false) },
);

/** Text typed into a cell, in the grid or while a dialog is open. */
const typeStep = fc.record({
  k: fc.constant('type' as const),
  sheet: small,
  at: cellPick,
  text: textPick,
});
/** A column dragged one place left or right. */
const moveColStep = fc.record({
  k: fc.constant('moveCol' as const),
  sheet: small,
  col: small,
  by: fc.constantFrom(-1 as const, 1 as const),
});

export const gridStep: fc.Arbitrary<GridStep> = fc.oneof(
  {
    weight: 30,
    arbitrary: typeStep,
  },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('typeNumber' as const),
      sheet: small,
      stage: small,
      row: fc.constantFrom(
        'customers' as const,
        'target' as const,
        'score' as const,
        'avgCheck' as const,
        'purchases' as const,
      ),
      n: fc.integer({ min: 1, max: 5000 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('typeFormula' as const),
      sheet: small,
      shape: fc.constantFrom<FormulaShape>('other', 'below', 'sequence', 'literal', 'arrayformula'),
      stage: small,
      row: fc.constantFrom('customers' as const, 'target' as const, 'score' as const),
      n: small,
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      k: fc.constant('clearFormat' as const),
      sheet: small,
      area: areaOrWhole,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('pasteValues' as const),
      sheet: small,
      area: areaOrWhole,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constantFrom('insertRows' as const, 'deleteRows' as const),
      sheet: small,
      at: small,
      n: fc.integer({ min: 1, max: 2 }),
      inside: inside,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constantFrom('insertCols' as const, 'deleteCols' as const),
      sheet: small,
      at: small,
      n: fc.integer({ min: 1, max: 2 }),
      inside: inside,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('renameSheet' as const),
      sheet: small,
      name: namePick,
      text: textPick,
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('deleteSheet' as const), sheet: small }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('copySheet' as const), sheet: small }) },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constant('newSheet' as const), name: namePick, text: textPick }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('sort' as const),
      sheet: small,
      area: areaPick,
      desc: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: moveColStep,
  },
);

const menuCommand = fc.constantFrom<MenuCommand>(
  'addStage',
  'removeStage',
  'moveStageLeft',
  'moveStageRight',
);

/** What a colleague does: mostly to the same map, often to the very cells the user is editing. */
export const colleagueStep: fc.Arbitrary<ColleagueStep> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ k: fc.constant('typeField' as const), field: small, text: textPick }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('typeStage' as const),
      stage: small,
      row: small,
      text: textPick,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('moveColumn' as const),
      stage: small,
      by: fc.constantFrom(-1 as const, 1 as const),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('menu' as const),
      cmd: menuCommand,
      sheet: small,
      at: fc.record({ zone: fc.constant('stage' as const), row: small, i: small }),
      answer: fc.constant('YES' as const),
      inDialog: fc.constant(null),
    }),
  },
  { weight: 1, arbitrary: gridStep },
  { weight: 2, arbitrary: structureStep(small, areaPick, textPick) },
);

/**
 * A colleague inside the user's confirmation dialog: what a person does in the grid, often to that
 * very stage.
 */
const dialogColleague: fc.Arbitrary<DialogStep> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ k: fc.constant('typeSame' as const), row: small, text: textPick }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('moveSame' as const),
      by: fc.constantFrom(-1 as const, 1 as const),
    }),
  },
  {
    weight: 2,
    arbitrary: typeStep,
  },
  {
    weight: 2,
    arbitrary: moveColStep,
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constantFrom('insertCols' as const, 'deleteCols' as const),
      sheet: small,
      at: small,
      n: fc.constant(1),
      inside: fc.constant(true),
    }),
  },
  // protects, merges, hides or groups on that map while the question is shown
  { weight: 2, arbitrary: structureStep(small, areaPick, textPick) },
);

const weird = fc.constantFrom<Weird>(
  'null',
  'object',
  'array',
  'true',
  'number',
  'long',
  'empty',
  'nested',
  'negative',
  'fraction',
  'huge',
);

const valuePick: fc.Arbitrary<ValuePick> = fc.oneof(
  {
    weight: 16,
    arbitrary: fc.record({
      kind: fc.constant('fit' as const),
      text: textPick,
      n: fc.integer({ min: 0, max: 5000 }),
    }),
  },
  { weight: 2, arbitrary: textPick.map((text): ValuePick => ({ kind: 'text', text })) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0, max: 5000 }).map((n): ValuePick => ({ kind: 'number', n })),
  },
  { weight: 1, arbitrary: small.map((i): ValuePick => ({ kind: 'option', i })) },
  { weight: 1, arbitrary: weird.map((w): ValuePick => ({ kind: 'weird', w })) },
);

const edits = fc.array(fc.record({ field: small, value: valuePick }), {
  minLength: 1,
  maxLength: 3,
});
const wizardStep = fc.constantFrom<StepId>(...STEP_IDS);

const actionPick: fc.Arbitrary<ActionPick> = fc.record({
  action: textPick,
  owner: textPick,
  stage: small,
  lever: small,
  change: small,
  status: small,
});

const createPick: fc.Arbitrary<CreatePick> = fc.record({
  name: fc.option(textPick, { freq: 3 }),
  segment: textPick,
  product: textPick,
  stages: fc.array(textPick, { minLength: 2, maxLength: 4 }),
  lang: fc.oneof(
    { weight: 6, arbitrary: fc.constant('ok' as const) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'object' as const,
        'missing' as const,
        'bogus' as const,
        'other' as const,
        'upper' as const,
      ),
    },
  ),
  preset: fc.oneof(
    { weight: 8, arbitrary: fc.constant('custom' as const) },
    { weight: 1, arbitrary: fc.constantFrom('checklist6' as const, 'bogus' as const) },
  ),
  example: fc.oneof(
    { weight: 8, arbitrary: fc.constant('no' as const) },
    { weight: 1, arbitrary: fc.constant('weird' as const) },
  ),
  deal: fc.oneof(
    { weight: 4, arbitrary: fc.constant('none' as const) },
    { weight: 4, arbitrary: fc.constantFrom('first' as const, 'last' as const) },
    { weight: 1, arbitrary: fc.constantFrom('outside' as const, 'text' as const) },
  ),
});

/**
 * How often each kind of step comes. `full` (npm run fuzz) leans on the add-on's commands;
 * `quick` (npm test) has the same kinds, with the costly ones (stage edits, wizard rounds,
 * new maps) rarer, so 200 sequences stay fast.
 */
export type Mix = 'full' | 'quick';

const WEIGHTS: Record<
  Mix,
  Record<
    | 'grid'
    | 'menu'
    | 'rename'
    | 'portfolio'
    | 'showWizard'
    | 'load'
    | 'save'
    | 'held'
    | 'poll'
    | 'importTable'
    | 'round'
    | 'editStages'
    | 'removeRace'
    | 'savePlan'
    | 'createMap'
    | 'garbage'
    | 'export'
    | 'structure'
    | 'review'
    | 'pastePeriods'
    | 'editHistory'
    | 'typeUnder',
    number
  >
> = {
  full: {
    grid: 30,
    menu: 10,
    rename: 2,
    portfolio: 2,
    showWizard: 1,
    load: 3,
    save: 3,
    held: 3,
    poll: 1,
    importTable: 2,
    round: 10,
    editStages: 5,
    removeRace: 2,
    savePlan: 2,
    createMap: 1,
    garbage: 3,
    export: 1,
    structure: 6,
    review: 5,
    pastePeriods: 3,
    editHistory: 3,
    typeUnder: 2,
  },
  quick: {
    grid: 44,
    menu: 4,
    rename: 1,
    portfolio: 1,
    showWizard: 1,
    load: 2,
    save: 2,
    held: 2,
    poll: 1,
    importTable: 1,
    round: 4,
    editStages: 2,
    removeRace: 1,
    savePlan: 1,
    createMap: 1,
    garbage: 3,
    export: 1,
    structure: 8,
    review: 4,
    pastePeriods: 3,
    editHistory: 3,
    typeUnder: 2,
  },
};

export function stepOf(mix: Mix): fc.Arbitrary<Step> {
  const w = WEIGHTS[mix];
  return fc.oneof(
    { weight: w.grid, arbitrary: gridStep },
    {
      weight: w.menu,
      arbitrary: fc.record({
        k: fc.constant('menu' as const),
        cmd: menuCommand,
        sheet: small,
        at: menuCellPick,
        answer: fc.constantFrom('YES' as const, 'NO' as const),
        inDialog: fc.option(dialogColleague, { freq: 2 }),
      }),
    },
    {
      weight: w.rename,
      arbitrary: fc.record({
        k: fc.constant('rename' as const),
        sheet: small,
        text: textPick,
        button: fc.constantFrom('OK' as const, 'CANCEL' as const),
      }),
    },
    {
      weight: w.portfolio,
      arbitrary: fc.record({ k: fc.constant('portfolio' as const), sheet: small }),
    },
    {
      weight: w.showWizard,
      arbitrary: fc.record({ k: fc.constant('showWizard' as const), sheet: small }),
    },
    {
      weight: w.load,
      arbitrary: fc.record({ k: fc.constant('load' as const), map: small, step: wizardStep }),
    },
    {
      weight: w.save,
      arbitrary: fc.record({
        k: fc.constant('save' as const),
        map: small,
        edits,
        next: fc.option(wizardStep, { freq: 2 }),
      }),
    },
    {
      weight: w.held,
      arbitrary: fc.record({ k: fc.constant('held' as const), map: small, step: wizardStep }),
    },
    {
      weight: w.poll,
      arbitrary: fc.record({ k: fc.constant('poll' as const), map: small }),
    },
    {
      weight: w.importTable,
      arbitrary: fc.record({
        k: fc.constant('importTable' as const),
        sheet: small,
        at: menuCellPick,
        unmatched: fc.constantFrom('rows' as const, 'notes' as const),
        create: fc.boolean(),
      }),
    },
    {
      weight: w.round,
      arbitrary: fc.record({
        k: fc.constant('round' as const),
        map: small,
        step: wizardStep,
        edits,
        colleague: fc.option(colleagueStep, { freq: 2 }),
      }),
    },
    {
      weight: w.editStages,
      arbitrary: fc.record({
        k: fc.constant('editStages' as const),
        map: small,
        op: fc.constantFrom('add' as const, 'remove' as const, 'move' as const),
        index: small,
        by: fc.constantFrom(-1 as const, 1 as const),
        name: fc.option(textPick, { freq: 3 }),
        confirm: fc.constantFrom('yes' as const, 'no' as const, 'blind' as const),
        fresh: fc.boolean(),
        colleague: fc.option(colleagueStep, { freq: 2 }),
        colleagueAt: fc.constantFrom('before' as const, 'confirm' as const),
      }),
    },
    {
      weight: w.removeRace,
      arbitrary: fc.record({
        k: fc.constant('removeRace' as const),
        sheet: small,
        stage: small,
        row: small,
        text: textPick,
        inDialog: dialogColleague,
      }),
    },
    {
      weight: w.savePlan,
      arbitrary: fc.record({
        k: fc.constant('savePlan' as const),
        map: small,
        actions: fc.array(actionPick, { minLength: 0, maxLength: 3 }),
        fresh: fc.boolean(),
        colleague: fc.option(colleagueStep, { freq: 2 }),
      }),
    },
    {
      weight: w.createMap,
      arbitrary: fc.record({ k: fc.constant('createMap' as const), form: createPick }),
    },
    {
      weight: w.garbage,
      arbitrary: fc.record({
        k: fc.constant('garbage' as const),
        fn: fc.constantFrom<ServerFn>(
          'loadStep',
          'saveStep',
          'editStages',
          'savePlan',
          'createMap',
          'insertCharts',
          'exportMindMap',
        ),
        key: fc.option(
          fc.constantFrom(
            'mapId',
            'step',
            'values',
            'base',
            'edit',
            'confirmed',
            'actions',
            'lang',
            'name',
            'stages',
            'preset',
            'locale',
            'stageIds',
            'stageId',
          ),
          { freq: 4 },
        ),
        w: weird,
      }),
    },
    {
      weight: w.export,
      arbitrary: fc.record({
        k: fc.constantFrom('charts' as const, 'mindmap' as const),
        map: small,
      }),
    },
    { weight: w.structure, arbitrary: structureStep(small, areaPick, textPick, true) },
    {
      weight: w.review,
      arbitrary: fc.record({
        k: fc.constant('review' as const),
        sheet: small,
        at: menuCellPick,
        note: fc.option(textPick, { freq: 4 }),
        button: fc.oneof(
          { weight: 6, arbitrary: fc.constant('OK' as const) },
          { weight: 1, arbitrary: fc.constant('CANCEL' as const) },
        ),
        same: fc.constantFrom('YES' as const, 'NO' as const, 'CANCEL' as const),
      }),
    },
    {
      weight: w.pastePeriods,
      arbitrary: fc.record({
        k: fc.constant('pastePeriods' as const),
        map: small,
        rows: fc.array(fc.array(small, { minLength: 8, maxLength: 8 }), {
          minLength: 1,
          maxLength: 3,
        }),
        where: small,
      }),
    },
    {
      weight: w.editHistory,
      arbitrary: fc.record({
        k: fc.constant('editHistory' as const),
        map: small,
        op: fc.constantFrom<HistoryEdit>(
          'marker',
          'clearMarkers',
          'deleteCol',
          'insertCol',
          'deleteRows',
          'sort',
          'deleteSheet',
          'renameSheet',
          'protect',
          'protectRows',
        ),
        i: small,
        text: textPick,
      }),
    },
    {
      weight: w.typeUnder,
      arbitrary: fc.record({
        k: fc.constant('typeUnder' as const),
        sheet: small,
        row: small,
        col: small,
        what: fc.constantFrom('text' as const, 'number' as const, 'formula' as const),
        text: textPick,
        n: fc.integer({ min: 1, max: 900_000 }),
      }),
    },
  );
}

/**
 * A list of steps that prints one readable line per step (fast-check prints counterexamples with
 * it).
 */
export function withPrintout(list: Step[]): Step[] {
  const steps = [...list];
  return Object.defineProperty(steps, fc.toStringMethod, {
    value: () => `\n${steps.map((s, i) => `  ${i + 1}. ${describeStep(s)}`).join('\n')}\n`,
    enumerable: false,
  });
}

// ---------------------------------------------------------------- static descriptions

export function describeText(t: TextPick): string {
  return t.kind === 'token'
    ? `<${t.shape}>`
    : JSON.stringify(BARE_TEXTS[t.index % BARE_TEXTS.length]);
}

const describeCell = (c: CellPick) => `${c.zone}(row ${c.row}, i ${c.i})`;
const describeArea = (a: AreaPick | 'whole') =>
  a === 'whole' ? 'the whole sheet' : `${a.rows}×${a.cols} at ${describeCell(a.at)}`;

export function describeStep(s: Step | ColleagueStep | DialogStep): string {
  switch (s.k) {
    case 'type':
      return `user types ${describeText(s.text)} at sheet#${s.sheet} ${describeCell(s.at)}`;
    case 'typeNumber':
      return `user types ${s.n} in sheet#${s.sheet} stage ${s.stage} row ${s.row}`;
    case 'typeFormula':
      return `user types a formula (${s.shape}) on sheet#${s.sheet}, stage ${s.stage} row ${s.row}`;
    case 'clearFormat':
      return `user clears formatting of ${describeArea(s.area)} on sheet#${s.sheet}`;
    case 'pasteValues':
      return `user pastes values over ${describeArea(s.area)} on sheet#${s.sheet}`;
    case 'insertRows':
    case 'deleteRows':
    case 'insertCols':
    case 'deleteCols':
      return `user ${s.k} ${s.n} at ${s.at} (${s.inside ? 'inside' : 'outside'} the map) on sheet#${s.sheet}`;
    case 'renameSheet':
      return `user renames sheet#${s.sheet} to <${s.name}>`;
    case 'deleteSheet':
      return `user deletes sheet#${s.sheet}`;
    case 'copySheet':
      return `user duplicates sheet#${s.sheet}`;
    case 'newSheet':
      return `user adds a sheet named <${s.name}>`;
    case 'sort':
      return `user sorts ${describeArea(s.area)} on sheet#${s.sheet}${s.desc ? ' Z→A' : ''}`;
    case 'moveCol':
      return `user drags column#${s.col} of sheet#${s.sheet} ${s.by < 0 ? 'left' : 'right'}`;
    case 'typeSame':
      return `types ${describeText(s.text)} into that stage, row ${s.row}`;
    case 'moveSame':
      return `drags that stage's column ${s.by < 0 ? 'left' : 'right'}`;
    case 'menu':
      return `menu ${s.cmd} at sheet#${s.sheet} ${describeCell(s.at)}, answers ${s.answer}${s.inDialog ? ` (while the dialog is open: ${describeStep(s.inDialog)})` : ''}`;
    case 'rename':
      return `menu renameMap on sheet#${s.sheet} to ${describeText(s.text)}, ${s.button}`;
    case 'portfolio':
      return `menu showPortfolio (from sheet#${s.sheet})`;
    case 'showWizard':
      return `menu showWizard on sheet#${s.sheet}`;
    case 'load':
      return `wizard loadStep ${s.step} of map#${s.map}`;
    case 'save':
      return `wizard saveStep of map#${s.map} (last loaded step) with ${describeEdits(s.edits)}${s.next ? `, then on to ${s.next}` : ''}`;
    case 'held':
      return `wizard shows ${s.step} of map#${s.map} from the pages it holds`;
    case 'poll':
      return `the sidebar polls (its map: map#${s.map})`;
    case 'importTable':
      return `menu makeMapFromTable on sheet#${s.sheet} ${describeCell(s.at)}${s.create ? `, Create (unmatched as ${s.unmatched})` : ', Cancel'}`;
    case 'round':
      return `wizard loads ${s.step} of map#${s.map}${s.colleague ? `, a colleague ${describeStep(s.colleague)}` : ''}, the user saves ${describeEdits(s.edits)}`;
    case 'editStages':
      return `wizard editStages ${s.op} index ${s.index}${s.op === 'move' ? ` by ${s.by}` : ''}${s.name ? ` name ${describeText(s.name)}` : ''} on map#${s.map}, confirm ${s.confirm}${s.fresh ? ' (fresh load)' : ''}${s.colleague ? `, a colleague ${s.colleagueAt === 'confirm' ? 'while the question is shown' : 'first'} ${describeStep(s.colleague)}` : ''}`;
    case 'removeRace':
      return `user types ${describeText(s.text)} into stage ${s.stage} (row ${s.row}) of sheet#${s.sheet}, then Remove stage, Yes; while the dialog is open a colleague ${describeStep(s.inDialog)}`;
    case 'savePlan':
      return `wizard savePlan of map#${s.map} with ${s.actions.length} actions${s.fresh ? ' (fresh load)' : ''}${s.colleague ? `, a colleague first ${describeStep(s.colleague)}` : ''}`;
    case 'createMap':
      return `wizard createMap name ${s.form.name ? describeText(s.form.name) : '(none)'}, ${s.form.stages.length} stages, lang ${s.form.lang}, preset ${s.form.preset}`;
    case 'garbage':
      return `hostile ${s.fn} payload${s.key ? ` with ${s.key} = <${s.w}>` : ` = <${s.w}>`}`;
    case 'charts':
      return `wizard insertCharts on map#${s.map}`;
    case 'mindmap':
      return `wizard exportMindMap on map#${s.map}`;
    case 'review':
      return `menu recordReview at sheet#${s.sheet} ${describeCell(s.at)}, note ${s.button === 'CANCEL' ? 'cancelled' : s.note ? describeText(s.note) : '(blank)'}, same period: ${s.same}`;
    case 'pastePeriods':
      return `user pastes ${s.rows.length} periods (picks ${s.rows.map((r) => r.join('/')).join(', ')}) into the history of map#${s.map}, where#${s.where}`;
    case 'editHistory':
      return `user edits the history of map#${s.map}: ${s.op} #${s.i}${s.op === 'marker' || s.op === 'renameSheet' ? ` with ${describeText(s.text)}` : ''}`;
    case 'typeUnder':
      return `user types a ${s.what} ${s.what === 'text' ? describeText(s.text) : s.n} under the footer of sheet#${s.sheet} (row ${s.row}, col ${s.col})`;
    case 'typeField':
      return `types ${describeText(s.text)} into field#${s.field} of the loaded step`;
    case 'typeStage':
      return `types ${describeText(s.text)} into stage ${s.stage} row ${s.row}`;
    case 'moveColumn':
      return `drags stage ${s.stage}'s column ${s.by < 0 ? 'left' : 'right'}`;
    default:
      return describeStructure(s, describeText);
  }
}

function describeEdits(e: FieldEdit[]): string {
  return e
    .map(
      (x) =>
        `field#${x.field}=${x.value.kind === 'fit' ? `fitting(${describeText(x.value.text)}, ${x.value.n})` : x.value.kind === 'text' ? describeText(x.value.text) : x.value.kind === 'number' ? x.value.n : x.value.kind === 'option' ? `option#${x.value.i}` : `<${x.value.w}>`}`,
    )
    .join(', ');
}
