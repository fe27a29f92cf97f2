/**
 * The built add-on loaded into the emulator, as Apps Script would run it, plus marketer-level
 * helpers.
 */
import { readFileSync } from 'node:fs';
import {
  createWorkbook,
  htmlFilesIn,
  loadAddon,
  type Addon,
  type Workbook,
} from '../../emulator/index';
import type { CreateMapResult, DialogResult, NewMapForm, SidebarBoot } from '../../src/contract';

type MenuDialog = Extract<SidebarBoot, { view: 'removeStage' | 'renameMap' }>;

/**
 * The boot data of a page the add-on showed, as the page itself reads it (the JSON in #cjm-boot).
 */
export function bootOf(html: string): SidebarBoot | null {
  const m = /<script id="cjm-boot" type="application\/json">([\s\S]*?)<\/script>/.exec(html);
  if (!m?.[1]) return null;
  try {
    return JSON.parse(m[1]) as SidebarBoot;
  } catch {
    return null;
  }
}

const code = readFileSync('dist/Code.js', 'utf8');
const pages = htmlFilesIn('dist');

export interface Session {
  wb: Workbook;
  addon: Addon;
  /** creates a map through the sidebar API; returns its sheet name */
  newMap(form?: Partial<NewMapForm>): string;
  /** selects a cell, as a click in the grid would */
  select(sheet: string, a1: string): void;
  run(handler: string): unknown;
  /**
   * the menu dialog (Remove stage, Rename map) the last menu command opened, or null; with its
   * frame title
   */
  dialog(): (MenuDialog & { frameTitle: string }) | null;
  /**
   * Answers the dialog as its page would: 'NO'/'CANCEL' close it (nothing is called), 'YES'
   * calls removeStageConfirmed with the dialog's token, a string is the rename dialog's OK with
   * that name. Returns the server's answer (null when nothing was called).
   */
  answerDialog(answer: 'YES' | 'NO' | 'CANCEL' | { name: string }): DialogResult | null;
  /** the text of the last message box (Ui.alert or Ui.prompt) shown, "" when none was */
  alerted(): string;
  /** the id of the map on `sheet`, as its named revenue cell (CJM_<id>_REVENUE) carries it */
  mapIdOf(sheet: string): string;
}

export function openSpreadsheet(locale = 'en_US'): Session {
  return sessionOn(createWorkbook({ locale }));
}

/** The add-on loaded into a spreadsheet that exists already (a copy, one loaded from JSON). */
export function sessionOn(wb: Workbook): Session {
  const locale = wb.model.locale;
  // A message box is closed with OK unless a test scripts another answer.
  wb.ui.responder = () => 'OK';
  const addon = loadAddon(wb, code, pages);
  const lang = locale.startsWith('ru') ? 'ru' : 'en';
  // surfaces already looked at (a pooled spreadsheet's list is emptied between uses)
  const seen = new WeakSet<object>();
  let open: (MenuDialog & { frameTitle: string }) | null = null;
  const dialog = (): (MenuDialog & { frameTitle: string }) | null => {
    for (const shown of wb.ui.surfaces) {
      if (seen.has(shown)) continue;
      seen.add(shown);
      if (shown.kind !== 'modal') continue;
      const boot = bootOf(shown.html);
      if (boot && (boot.view === 'removeStage' || boot.view === 'renameMap'))
        open = { ...boot, frameTitle: shown.title };
    }
    return open;
  };
  return {
    wb,
    addon,
    newMap(form = {}) {
      const result = addon.callFromClient('createMap', {
        name: '',
        segment: 'Office workers',
        product: 'Coffee beans',
        preset: 'checklist6',
        stages: [],
        lang,
        locale,
        example: false,
        ...form,
      }) as CreateMapResult;
      if (!result.ok) throw new Error(`createMap refused: ${JSON.stringify(result.fieldErrors)}`);
      return result.sheetName;
    },
    select(sheet, a1) {
      wb.range(sheet, a1).activate();
    },
    run: (handler) => {
      dialog();
      open = null;
      return addon.run(handler);
    },
    dialog,
    alerted: () => String(wb.ui.requests.at(-1)?.request.prompt ?? ''),
    mapIdOf: (sheet) => {
      const revenue = wb
        .toJSON()
        .namedRanges.find((n) => n.sheet === sheet && n.name.endsWith('_REVENUE'));
      return /^CJM_([A-Z0-9]+)_REVENUE$/.exec(revenue?.name ?? '')?.[1] ?? '';
    },
    answerDialog(answer) {
      const d = dialog();
      if (!d) throw new Error('answerDialog: no menu dialog is open');
      open = null;
      if (answer === 'NO' || answer === 'CANCEL') return null;
      if (answer === 'YES') {
        if (d.view !== 'removeStage') throw new Error('answerDialog: YES needs the removal dialog');
        return addon.callFromClient('removeStageConfirmed', {
          mapId: d.mapId,
          sheetId: d.sheetId,
          stageId: d.stageId,
          token: d.token,
          lang: d.lang,
        }) as DialogResult;
      }
      if (d.view !== 'renameMap') throw new Error('answerDialog: a name needs the rename dialog');
      return addon.callFromClient('renameMapTo', {
        mapId: d.mapId,
        sheetId: d.sheetId,
        name: answer.name,
        lang: d.lang,
      }) as DialogResult;
    },
  };
}

/** Whether the map's ⚠ rule (text contains ⚠) covers this cell: its brief notes are highlighted. */
export function warnHighlighted(s: Session, sheet: string, ref: string): boolean {
  const rules = s.wb.spreadsheet.getSheetByName(sheet)!.getConditionalFormatRules();
  const cell = s.wb.spreadsheet.getSheetByName(sheet)!.getRange(ref);
  const [r, c] = [cell.getRow(), cell.getColumn()];
  return rules.some(
    (rule) =>
      rule.getBooleanCondition()?.getCriteriaValues()[0] === '⚠' &&
      rule
        .getRanges()
        .some(
          (g) =>
            r >= g.getRow() && r <= g.getLastRow() && c >= g.getColumn() && c <= g.getLastColumn(),
        ),
  );
}
