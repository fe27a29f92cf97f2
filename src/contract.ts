/**
 * What crosses google.script.run between the sidebar and the server: plain JSON only
 * (no Date, no undefined in arrays, no class instances), typed once for both sides.
 */
import type { StageEdit } from './core/map/edits';
import type { Lang } from './core/words/i18n';
import type { CellData } from './core/map/journey';
import type { Metrics } from './core/map/metrics';
import type { PresetId } from './core/map/stages';
import type { StepId } from './core/wizard/steps';
import type { ReviewStageRow, ReviewView, ReviewWords } from './core/review/step-view';
import type { Requests, RpcName } from './requests';
import type { PairTarget, RowTarget } from './core/import/labels';
import type { ImportReading } from './core/import/read-table';
import type { ImportRequest } from './core/import/to-journey';

export type { CellData, Lang, Metrics, PresetId, Requests, RpcName, StageEdit, StepId };
export type { ReviewStageRow, ReviewView, ReviewWords };

export interface FormulaHelp {
  name: string;
  /** e.g. "CJM_REVENUE(leads, conversion, avg_check, [purchases])" */
  signature: string;
  summary: string;
  params: { name: string; optional: boolean; help: string }[];
  returns: string;
  examples: { given: string | null; formula: string; result: string }[];
}

/**
 * The New map form, as the dialog sends it to createMap; custom stages: `deal` is the stage that is
 * the deal (C), by its place among the named stages; omitted or null, the roles are guessed from
 * the order and the map says so.
 */
export type NewMapForm = Requests['createMap'];

/** `state`: asked with `open`, the wizard on the new map's first step (no second call). */
export type CreateMapResult =
  | { ok: true; mapId: string; sheetName: string; state?: WizardState }
  | { ok: false; fieldErrors: Record<string, string> };

export interface PresetOption {
  id: PresetId;
  label: string;
  stages: string[];
}

/**
 * Everything the sidebar needs for its first screen, embedded in the page so it costs no server
 * call.
 */
export type SidebarBoot =
  | { view: 'formulas'; lang: Lang; formulas: FormulaHelp[] }
  | { view: 'newMap'; lang: Lang; locale: string; presets: Record<Lang, PresetOption[]> }
  | {
      view: 'wizard';
      lang: Lang;
      locale: string;
      state: WizardState;
      presets: Record<Lang, PresetOption[]>;
    }
  /**
   * Remove stage: the question (title, body) in the map's language, for the stage `stageId`;
   * `token` names the cells counted
   */
  | {
      view: 'removeStage';
      lang: Lang;
      mapId: string;
      sheetId: number;
      stageId: string;
      title: string;
      body: string;
      token: string;
    }
  /** Rename map: the field holds the map's name now; `label` says what the name is for */
  | { view: 'renameMap'; lang: Lang; mapId: string; sheetId: number; name: string; label: string }
  | ImportTableBoot;

/**
 * What a menu command's dialog gets back: done (the dialog closes), or why not, in the map's
 * language.
 */
export type DialogResult = { ok: true } | { ok: false; message: string };

/**
 * A field of a wizard step: one cell of the map. Ids: "side.<row>" (column B) or
 * "stage.<index>.<row>".
 */
export interface FieldView {
  id: string;
  label: string;
  hint: string;
  kind: 'text' | 'longtext' | 'number' | 'share' | 'money' | 'score' | 'select' | 'date';
  options: string[];
}

export interface MapSummary {
  id: string;
  sheetName: string;
}

export interface ActionRow {
  action: string;
  stage: string;
  /** a factor of L × C × P × Q, or "step": the step conversion into `stage` */
  lever: 'L' | 'C' | 'P' | 'Q' | 'step' | '';
  /** e.g. "+10%" (relative) or "+2 pp" (points of conversion) */
  change: string;
  owner: string;
  /** ISO date yyyy-mm-dd or "" */
  deadline: string;
  status: string;
  /** when the action starts: ISO date yyyy-mm-dd or "" */
  start: string;
  /** revenue impact computed from L × C × P × Q; null while inputs are missing */
  impact: number | null;
}

/** A step's fields and the values the sheet holds for them. */
export interface StepPage {
  /** fields in column B (title, cards, P and Q) */
  sideFields: FieldView[];
  /**
   * fields repeated for every stage: here `id` is the row key, and stage i's field id is
   * `stage.<i>.<id>`
   */
  stageFields: FieldView[];
  /** the values in the sheet now, by field id: the base a save is compared against */
  values: Record<string, CellData>;
  /** what the step is for, in the map's language (the page carries only the first step's) */
  help: string;
}

export interface StepView extends StepPage {
  step: StepId;
  mapId: string;
  sheetName: string;
  /** the map's language: labels and messages of this step are in it */
  lang: Lang;
  /**
   * the stages in column order; `id` is the stage's identity, which stays with it when anyone moves
   * it
   */
  stages: {
    id: string;
    name: string;
    role: string;
    /** its count as the funnel reads it (null: blank or not a count), for an action on a step */
    customers?: number | null;
  }[];
  /** the stage header row as the sheet holds it: the poll's headers differ when it changed */
  headers: string[];
  /**
   * every step's page, from the same read as this one: the sidebar moves between steps without a
   * call until the map changes
   */
  pages: Record<StepId, StepPage>;
  metrics: Metrics;
  /** the funnel roles were guessed from the stages' order: saving the stages step confirms them */
  rolesGuessed: boolean;
  /** the action plan, ranked by revenue impact (read for the steps that show it: plan, present) */
  actions: ActionRow[];
  statuses: string[];
  /**
   * the review step's page (the last periods of the history, read for that step only); absent
   * on the other steps, so moving to it is a call
   */
  review?: ReviewView;
  /** the map's next review has come (in the spreadsheet's time zone): the sentence that says so */
  due?: string;
}

export interface WizardState {
  /** the interface language (the spreadsheet's) */
  lang: Lang;
  /**
   * every map of the spreadsheet; absent in answers to saves, which do not change the list (listing
   * costs calls)
   */
  maps?: MapSummary[];
  step: StepId;
  /** steps the user has saved (or moved on from with Save and continue), for this map */
  done: StepId[];
  /** null until a map is created or picked (step "goal" then offers both) */
  view: StepView | null;
  /** a one-time message, e.g. that damaged saved progress was reset */
  notice: string;
  /**
   * what keeps part of the job from working until the user repairs it (a damaged plan sheet, a map
   * that cannot be read), in words; '' if nothing
   */
  problem: string;
  /** the maps' change stamp as of this answer: a poll that sees another one reloads the map */
  stamp: string;
}

export interface Conflict {
  id: string;
  label: string;
  /** what the sheet holds now (someone typed it after the step was loaded) */
  sheet: CellData;
  /** what the user entered in the step */
  yours: CellData;
}

export type SaveResult =
  | { ok: true; state: WizardState }
  | { ok: false; fieldErrors: Record<string, string> }
  | { ok: false; conflicts: Conflict[] };

/**
 * A step's save: `values` as typed, `base` as the step was loaded (a cell that changed in the sheet
 * since is a conflict), `stages` as the form numbered them (each value lands in its stage, by id,
 * wherever it is now), and `next`, the step to answer with (Save and continue: one call).
 */
export type SaveStepRequest = Requests['saveStep'];

/** Record the review from the wizard's review step. */
export type ReviewRecordRequest = Requests['recordReviewFromWizard'];

/**
 * `ask`: the period already has a review; ask the user (replace it, keep both, cancel) and send the
 * request again with `sameSpan`.
 */
export type ReviewResult = SaveResult | { ok: false; ask: { question: string } };

/**
 * A stage edit from the sidebar: `stageId` is the stage the edit's index named when the step was
 * shown; `token` is the one of the confirmation the user answered.
 */
export type EditStagesRequest = Requests['editStages'];

/**
 * `confirm`: ask the user, then send the edit again with confirmed: true and this `token` (it names
 * the cells asked about).
 */
export type EditStagesResult =
  | { ok: true; state: WizardState }
  | { ok: false; confirm: string; token: string }
  | { ok: false; message: string };

export interface MindMap {
  markdown: string;
  opml: string;
  fileName: string;
}

/**
 * The one-page journey poster: a self-contained SVG, and the file name to save it as (ends in
 * .svg).
 */
export interface Poster {
  svg: string;
  fileName: string;
}

/** Where the user was in the wizard, sent with the next call so it is remembered. */
export type Seen = NonNullable<Requests['loadStep']['seen']>;

/**
 * The poll's answer: the map on the active sheet (null on any other sheet); `stamp`, which changes
 * whenever a command changed a map; and, when the active sheet is the wizard's own map, its stage
 * header row as the sheet holds it now (a stage renamed, added or moved by hand shows there).
 */
export interface PollAnswer {
  active: MapSummary | null;
  stamp: string;
  headers: string[] | null;
}

/** What each server function the pages call through google.script.run answers. */
export interface Results {
  createMap: CreateMapResult;
  /** the menu's Open the wizard, also called by the New map dialog once its map is made */
  // biome-ignore lint/suspicious/noConfusingVoidType: it answers nothing, as a void function does
  showWizard: void;
  /**
   * opens a step of a map (and remembers it as where the user is); `step` omitted: the step this
   * map was last on (a map opened from the picker resumes there)
   */
  loadStep: WizardState;
  /** saves a step; with `next`, the answer shows that step (Save and continue is one call) */
  saveStep: SaveResult;
  /**
   * step "stages": add, remove or move a stage; removal of a stage with content needs confirmed:
   * true
   */
  editStages: EditStagesResult;
  /**
   * step "plan": saves the action plan (`base`: the plan as the step loaded it, to merge a
   * colleague's edits); the sheet ranks it by revenue impact
   */
  savePlan: SaveResult;
  /**
   * step "review": saves its fields and records the review (the map's figures now as a dated period
   * in its history); answers with `next` (the plan), or asks about a period already reviewed
   */
  recordReviewFromWizard: ReviewResult;
  /** step "present": inserts (or refreshes) the funnel chart and the experience curve */
  insertCharts: WizardState;
  exportMindMap: MindMap;
  /** step "present": the map as a printable one-page poster, in its language */
  exportPoster: Poster;
  /** polled while the sidebar is in use: which map the grid shows, and whether maps changed */
  activeSheetMap: PollAnswer;
  /**
   * the Remove stage dialog's "Yes": removes the stage if it still holds exactly the cells the
   * dialog counted (`token`)
   */
  removeStageConfirmed: DialogResult;
  /** the Rename map dialog's "OK" */
  renameMapTo: DialogResult;
  /** the Make a map from this table dialog's "Create": a new map from the table sent back */
  createMapFromTable: ImportResult;
}

/** Server functions the pages call, with their request (declared once, in requests.ts) and answer. */
export type ServerApi = {
  [K in RpcName]: undefined extends Requests[K]
    ? (req?: Requests[K]) => Results[K]
    : (req: Requests[K]) => Results[K];
};

/** Id of the JSON script element that carries the boot payload in Sidebar.html. */
export const BOOT_ELEMENT_ID = 'cjm-boot';
/** Placeholder the build leaves in Sidebar.html for the server to replace with the payload. */
export const BOOT_PLACEHOLDER = '__CJM_BOOT_JSON__';

// ---- Make a map from this table: the dialog's boot data, its request and its answer ----

export type { ImportReading, ImportRequest, PairTarget, RowTarget };

/**
 * The dialog of Make a map from this table: the table as read (its preview needs no second read:
 * it sends the table back with the user's choices), and each target with its label in the map's
 * language.
 */
export interface ImportTableBoot {
  view: 'importTable';
  lang: Lang;
  reading: ImportReading;
  targets: {
    rows: { id: RowTarget; label: string }[];
    pairs: { id: PairTarget; label: string }[];
  };
  words: ImportWords;
}

/**
 * The dialog's sentences and labels, in the map's language, made by the server from its
 * catalogue (the page's own words stay few: it has a size budget).
 */
export interface ImportWords {
  /** what was found: the table, its stage names, a turned table, phases, formula errors */
  intro: string[];
  rows: string;
  label: string;
  target: string;
  values: string;
  title: string;
  unmatched: string;
  asRows: string;
  asNotes: string;
  create: string;
}

export type ImportResult =
  | { ok: true; mapId: string; sheetName: string }
  | { ok: false; message: string };
