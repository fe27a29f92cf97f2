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
import type { PairTarget, RowTarget } from './core/import/labels';
import type { ImportReading } from './core/import/read-table';
import type { ImportRequest } from './core/import/to-journey';

export type { CellData, Lang, Metrics, PresetId, StageEdit, StepId };

export interface FormulaHelp {
  name: string;
  /** e.g. "CJM_REVENUE(leads, conversion, avg_check, [purchases])" */
  signature: string;
  summary: string;
  params: { name: string; optional: boolean; help: string }[];
  returns: string;
  examples: { given: string | null; formula: string; result: string }[];
}

/** The New map form, as the dialog sends it to createMap. */
export interface NewMapForm {
  name: string;
  segment: string;
  product: string;
  preset: PresetId;
  /** custom stage names, one per entry (only for preset "custom") */
  stages: string[];
  lang: Lang;
  locale: string;
  /** fill the map with the worked example */
  example: boolean;
  /**
   * custom stages: which one is the deal (C), by its place among the named stages; omitted or
   * null, the roles are guessed from the order and the map says so
   */
  deal?: number | null;
}

export type CreateMapResult =
  | { ok: true; mapId: string; sheetName: string }
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
  lever: 'L' | 'C' | 'P' | 'Q' | '';
  /** e.g. "+10%" (relative) or "+2 pp" (points of conversion) */
  change: string;
  owner: string;
  /** ISO date yyyy-mm-dd or "" */
  deadline: string;
  status: string;
  /** revenue impact computed from L × C × P × Q; null while inputs are missing */
  impact: number | null;
}

export interface StepView {
  step: StepId;
  mapId: string;
  sheetName: string;
  /** the map's language: labels and messages of this step are in it */
  lang: Lang;
  /**
   * the stages in column order; `id` is the stage's identity, which stays with it when anyone moves
   * it
   */
  stages: { id: string; name: string; role: string }[];
  /** fields in column B (title, cards, P and Q) */
  sideFields: FieldView[];
  /**
   * fields repeated for every stage: here `id` is the row key, and stage i's field id is
   * `stage.<i>.<id>`
   */
  stageFields: FieldView[];
  /** the values in the sheet now, by field id: the base a save is compared against */
  values: Record<string, CellData>;
  metrics: Metrics;
  /** the funnel roles were guessed from the stages' order: saving the stages step confirms them */
  rolesGuessed: boolean;
  /** the action plan (step "plan"), ranked by revenue impact */
  actions: ActionRow[];
  statuses: string[];
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
  /** steps the user has saved at least once, for this map */
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

export interface SaveStepRequest {
  mapId: string;
  step: StepId;
  values: Record<string, CellData>;
  /** the values as the step was loaded; a cell that changed in the sheet since is a conflict */
  base: Record<string, CellData>;
  /**
   * the stages the form numbered 0, 1, 2…: each value lands in its stage (by id) wherever it is now
   */
  stages: { id: string; name: string }[];
}

/**
 * A stage edit from the sidebar: `stageId` is the stage the edit's index named when the step was
 * shown.
 */
export interface EditStagesRequest {
  mapId: string;
  edit: StageEdit;
  stageId: string;
  confirmed: boolean;
  /** the token of the confirmation the user answered */
  token?: string;
}

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

/** Server functions the sidebar calls through google.script.run, with their argument and result. */
export interface ServerApi {
  createMap(form: NewMapForm): CreateMapResult;
  /** the menu's Open the wizard, also called by the New map dialog once its map is made */
  showWizard(): void;
  /**
   * opens a step of a map (and remembers it as where the user is); `step` omitted: the step this
   * map was last on (a map opened from the picker resumes there)
   */
  loadStep(req: { mapId: string; step?: StepId }): WizardState;
  saveStep(req: SaveStepRequest): SaveResult;
  /**
   * step "stages": add, remove or move a stage; removal of a stage with content needs confirmed:
   * true
   */
  editStages(req: EditStagesRequest): EditStagesResult;
  /**
   * step "plan": saves the action plan (`base`: the plan as the step loaded it, to merge a
   * colleague's edits); the sheet ranks it by revenue impact
   */
  savePlan(req: { mapId: string; actions: ActionRow[]; base: ActionRow[] }): SaveResult;
  /**
   * step "present": inserts (or refreshes) the funnel chart and the experience curve in the map
   * sheet
   */
  insertCharts(req: { mapId: string }): WizardState;
  exportMindMap(req: { mapId: string }): MindMap;
  /** step "present": the map as a printable one-page poster, in its language */
  exportPoster(req: { mapId: string }): Poster;
  /**
   * polled while the sidebar is visible: the map on the active sheet (metadata only), or null on
   * any other sheet
   */
  activeSheetMap(req: Record<string, never>): MapSummary | null;
  /**
   * the Remove stage dialog's "Yes": removes the stage if it still holds exactly the cells the
   * dialog counted (`token`)
   */
  removeStageConfirmed(req: {
    mapId: string;
    sheetId: number;
    stageId: string;
    token: string;
    lang: Lang;
  }): DialogResult;
  /** the Rename map dialog's "OK" */
  renameMapTo(req: { mapId: string; sheetId: number; name: string; lang: Lang }): DialogResult;
}

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

export interface ServerApi {
  /** the Make a map from this table dialog's "Create": a new map from the table sent back */
  createMapFromTable(req: ImportRequest): ImportResult;
}
