/**
 * What the workbench page, the HTTP server and the add-on worker say to each other.
 * Type-only: the page bundle imports it too, so nothing here may pull in Node code.
 *
 * One action at a time runs in the worker. Each POST /api/action answers with an Event:
 * either the action's final result or a question (Ui.alert/Ui.prompt) the add-on is
 * blocked on; POST /api/answer sends the user's reply and answers with the next Event.
 */
import type {
  ChartView,
  MenuSpec,
  SheetSnapshot,
  SparklineSeries,
  UiRequest,
  UiResponse,
} from '../../emulator/views';

/** An embedded chart, ready to draw: where it sits, its data now and its layout. */
export type { ChartView, MenuSpec, SheetSnapshot, SparklineSeries, UiRequest, UiResponse };

/** The cell the user has selected; sent with every action since handlers read getActiveCell(). */
export interface Selection {
  sheet: string;
  a1: string;
}

export type Action =
  | { kind: 'state' }
  | { kind: 'menu'; functionName: string }
  | { kind: 'rpc'; functionName: string; args: unknown[] }
  | { kind: 'edit'; sheet: string; a1: string; input: string }
  | { kind: 'activate'; sheet: string }
  | { kind: 'reset'; locale: string };

export interface ActionRequest {
  action: Action;
  selection?: Selection | null;
}

/** A dialog or sidebar the add-on opened during the action. */
export interface SurfaceInfo {
  id: string;
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  width: number | null;
  height: number | null;
}

export interface ViewState {
  /** Grows with every change, so the page can tell a stale answer from a fresh one. */
  revision: number;
  locale: string;
  /** the user's account locale: Google draws its own words (dialog buttons, status line) in it */
  userLocale: string;
  sheets: Array<{ name: string; active: boolean }>;
  active: SheetSnapshot;
  /**
   * The emulator's selection on the active sheet after the action (its top-left cell), null when
   * none was set since the sheet was shown: where the page starts on a sheet it has not drawn yet.
   */
  activeRange: string | null;
  menus: MenuSpec[];
  /** What Sheets draws over the active sheet's cells, computed on the server (sheet-view.ts). */
  drawing: SheetDrawing;
  /**
   * The add-on's server executions since the workbench started, by function: each menu command
   * and each google.script.run call is one in Apps Script, and costs about a second there.
   */
  executions: Record<string, number>;
}

/** A cell's look from the first conditional format rule that matches it. */
export interface ConditionalEffect {
  /** The rule's index in the sheet's list. */
  rule: number;
  background?: string;
  color?: string;
  bold?: boolean;
  italic?: boolean;
}

export interface SheetDrawing {
  /** Effective conditional formats by A1 (cells no rule formats are absent). */
  conditional: Record<string, ConditionalEffect>;
  charts: ChartView[];
}

export interface Outcome {
  /**
   * What the server function returned (rpc), already passed through google.script.run's JSON rules.
   */
  value?: unknown;
  /** The message of what the server function threw. */
  error?: string;
  /**
   * Where the add-on put the selection during a menu command or a server call (Range.activate,
   * Sheet.setActiveSelection…): its top-left cell, for the page to move its own selection there,
   * as Sheets would. Absent when the add-on did not move it.
   */
  selection?: Selection;
  surfaces: SurfaceInfo[];
  state: ViewState;
}

export type WorkbenchEvent =
  | { status: 'done'; outcome: Outcome }
  | { status: 'question'; questionId: string; request: UiRequest };

export interface AnswerRequest {
  questionId: string;
  response: UiResponse;
}

/** The JSON body of every 4xx/5xx answer. */
export interface ErrorBody {
  error: string;
}

/** The captions the benchmark clicks, in the workbench's language (page/bench-new-map.ts). */
export interface NewMapWords {
  extensions: string;
  addon: string;
  newMap: string;
  segment: string;
  product: string;
  create: string;
}
