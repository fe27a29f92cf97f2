/** The built add-on loaded into the emulator, as Apps Script would run it, plus marketer-level helpers. */
import { readFileSync } from 'node:fs';
import { createWorkbook, loadAddon, type Addon, type Workbook } from '../../dev/emulator/index';
import type { CreateMapResult, NewMapForm } from '../../src/contract';

const code = readFileSync('dist/Code.js', 'utf8');
const sidebar = readFileSync('dist/Sidebar.html', 'utf8');

export interface Session {
  wb: Workbook;
  addon: Addon;
  /** creates a map through the sidebar API; returns its sheet name */
  newMap(form?: Partial<NewMapForm>): string;
  /** selects a cell, as a click in the grid would */
  select(sheet: string, a1: string): void;
  run(handler: string): unknown;
}

export function openSpreadsheet(locale = 'en_US'): Session {
  const wb = createWorkbook({ locale });
  // A message box is closed with OK unless a test scripts another answer.
  wb.ui.responder = () => 'OK';
  const addon = loadAddon(wb, code, { Sidebar: sidebar });
  const lang = locale.startsWith('ru') ? 'ru' : 'en';
  return {
    wb,
    addon,
    newMap(form = {}) {
      const result = addon.callFromClient('createMap', {
        name: '', segment: 'Office workers', product: 'Coffee beans', preset: 'checklist6', stages: [], lang, locale, example: false, ...form,
      }) as CreateMapResult;
      if (!result.ok) throw new Error(`createMap refused: ${JSON.stringify(result.fieldErrors)}`);
      return result.sheetName;
    },
    select(sheet, a1) {
      wb.range(sheet, a1).activate();
    },
    run: (handler) => addon.run(handler),
  };
}
