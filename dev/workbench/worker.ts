/**
 * Runs the add-on (dist/Code.js in the emulator) off the main thread. Apps Script's
 * Ui.alert/Ui.prompt block the script until the user answers, so this thread really
 * blocks (Atomics.wait) while the page shows the question; the HTTP server on the main
 * thread stays free to relay the answer.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  htmlFilesIn,
  loadAddon,
  type Addon,
  type MenuSpec,
  type UiRequest,
  type UiResponse,
  type Workbook,
  cellA1,
} from '../../emulator/index';
import { AnswerChannel } from './answer-channel';
import { freshWorkbook, loadDocument, saveDocument } from './document';
import type { Action, ActionRequest, Outcome, Selection, ViewState } from './protocol';
import { sheetDrawing } from './sheet-view';
import { isUiResponse } from './validate';
import type {
  ChannelAnswer,
  FromWorker,
  ShownPage,
  ToWorker,
  WorkerConfig,
} from './worker-messages';
import { exportActiveMap } from './xlsx-download';

const port = parentPort;
if (!port) throw new Error('dev/workbench/worker.ts runs only as a worker thread');
const config = workerData as WorkerConfig;
const channel = new AnswerChannel(config.answers);
const send = (message: FromWorker): void => port.postMessage(message);
// The built add-on, read once (a Reset keeps the code and pages it started with), here and not by
// the main thread, which then never loads the emulator: a start about a second faster.
const code = readFileSync(join(config.dist, 'Code.js'), 'utf8');
const pages = htmlFilesIn(config.dist);

let workbook: Workbook;
let addon: Addon;
let revision = 0;
/** Server executions by function name (see ViewState.executions). */
const executions: Record<string, number> = {};
const executed = (name: string) => {
  executions[name] = (executions[name] ?? 0) + 1;
};
let questions = 0;
let surfaces = 0;

function open(wb: Workbook, used: boolean): void {
  workbook = wb;
  if (config.now) workbook.clock.set(config.now);
  workbook.ui.responder = ask;
  addon = loadAddon(workbook, code, pages);
  // Sheets runs onOpen in LIMITED mode once the add-on has been used in the file, NONE before.
  addon.runOnOpen(used ? 'LIMITED' : 'NONE');
}

/**
 * The add-on's blocking question: ask the page (through the main thread) and sleep until it
 * answers.
 */
function ask(request: UiRequest): UiResponse {
  const questionId = `q${++questions}`;
  send({ type: 'question', questionId, request });
  for (;;) {
    const answer = channel.wait(config.questionTimeoutMs) as ChannelAnswer | undefined;
    if (answer === undefined)
      return request.kind === 'prompt' ? { button: 'CLOSE', text: '' } : 'CLOSE';
    // A late answer to an older question is dropped; keep waiting for this one.
    if (answer.questionId === questionId && isUiResponse(answer.response)) return answer.response;
  }
}

function select(selection: Selection | null | undefined): void {
  if (!selection || !workbook.sheetNames().includes(selection.sheet)) return;
  // The page's selection is as of when it sent the action. An action before it may have opened
  // another sheet (a new map), and in Sheets only the user's own tab click ('activate') changes
  // the sheet: a selection on another sheet is stale (a sidebar's poll sent meanwhile), not
  // applied.
  if (selection.sheet !== workbook.model.active.name) return;
  try {
    workbook.range(selection.sheet, selection.a1).activate();
  } catch {
    // A selection outside the sheet (it shrank) is simply not applied.
  }
}

/** The emulator's selection: the active sheet and its selected cell (top left), if any. */
function emulatorSelection(): Selection | null {
  const r = workbook.model.activeRange;
  return r ? { sheet: workbook.model.active.name, a1: cellA1(r.row, r.col) } : null;
}

function perform(action: Action): unknown {
  switch (action.kind) {
    case 'state':
      return undefined;
    case 'menu': {
      if (!menuFunctions(workbook.ui.menus).includes(action.functionName))
        throw new Error(`${action.functionName} is not an item of the add-on's menu`);
      executed(action.functionName);
      addon.run(action.functionName);
      return undefined;
    }
    case 'rpc':
      // google.script.run reaches every global function except private ones (name ending in "_").
      if (action.functionName.endsWith('_') || !addon.functions().includes(action.functionName)) {
        throw new Error(`Script function not found: ${action.functionName}`);
      }
      executed(action.functionName);
      return addon.callFromClient(action.functionName, ...action.args);
    case 'edit':
      workbook.setCell(action.sheet, action.a1, action.input);
      return undefined;
    case 'activate':
      workbook.range(action.sheet, 'A1').activate();
      workbook.model.activeRange = null;
      return undefined;
    case 'reset':
      open(freshWorkbook(action.locale), false);
      return undefined;
  }
}

function menuFunctions(menus: readonly MenuSpec[]): string[] {
  return menus.flatMap((m) =>
    m.items.flatMap((i) =>
      'functionName' in i ? [i.functionName] : 'submenu' in i ? menuFunctions([i.submenu]) : [],
    ),
  );
}

function view(): ViewState {
  const active = workbook.model.active.name;
  const snap = workbook.snapshot(active);
  return {
    revision,
    locale: workbook.model.locale,
    userLocale: workbook.model.userLocale,
    sheets: workbook.sheetNames().map((name) => ({ name, active: name === active })),
    active: snap,
    activeRange: emulatorSelection()?.a1 ?? null,
    menus: workbook.ui.menus,
    drawing: sheetDrawing(workbook, snap),
    executions: { ...executions },
  };
}

function handle(request: ActionRequest): void {
  const shownBefore = workbook.ui.surfaces.length;
  const outcome: Omit<Outcome, 'state'> = { surfaces: [] };
  try {
    select(request.selection);
    const before = emulatorSelection();
    const value = perform(request.action);
    if (request.action.kind === 'rpc') outcome.value = value;
    // The add-on moved the selection (a stage edit puts it on the stage worked on): the page
    // follows, as the Sheets grid does.
    const after = emulatorSelection();
    const byAddon = request.action.kind === 'menu' || request.action.kind === 'rpc';
    if (byAddon && after && (after.sheet !== before?.sheet || after.a1 !== before.a1))
      outcome.selection = after;
  } catch (e) {
    outcome.error = e instanceof Error ? e.message : String(e);
  }
  const pages: ShownPage[] = (
    request.action.kind === 'reset' ? [] : workbook.ui.surfaces.slice(shownBefore)
  ).map((s) => ({
    id: `s${++surfaces}`,
    kind: s.kind,
    title: s.title,
    width: s.width,
    height: s.height,
    html: s.html,
    functions: addon.functions().filter((f) => !f.endsWith('_')),
  }));
  outcome.surfaces = pages.map(({ html: _html, functions: _functions, ...info }) => info);
  if (request.action.kind !== 'state') {
    revision++;
    try {
      saveDocument(config.file, workbook);
    } catch (e) {
      const why = `could not save ${config.file}: ${e instanceof Error ? e.message : String(e)}`;
      outcome.error = outcome.error ? `${outcome.error}; ${why}` : why;
    }
  }
  send({ type: 'done', outcome: { ...outcome, state: view() }, pages });
}

async function exportXlsx(): Promise<void> {
  try {
    send({ type: 'exported', file: await exportActiveMap(workbook) });
  } catch (e) {
    send({ type: 'exported', file: null, error: e instanceof Error ? e.message : String(e) });
  }
}

const loaded = loadDocument(config.file, config.locale);
open(loaded.workbook, loaded.used);
saveDocument(config.file, loaded.workbook);
port.on('message', (message: ToWorker) => {
  if (message.type === 'action') handle(message.request);
  else void exportXlsx();
});
send({ type: 'ready', note: loaded.note });
