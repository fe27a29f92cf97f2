/**
 * A spreadsheet with the add-on's server code running on the emulator, for the unit tests of
 * src/server/maps: a map made through createMap, a selection, and what the user was shown.
 */
import {
  BOOT_PLACEHOLDER,
  type CreateMapResult,
  type NewMapForm,
  type SidebarBoot,
} from '../../../src/contract';
import { createMap } from '../../../src/server/maps';
import { emulated, type Emulated } from '../emulated';
import { mapForm } from './fixtures';

/** The dialogs' and the sidebar's page: only the boot data the server puts in it matters here. */
const page = `<html><script id="cjm-boot" type="application/json">${BOOT_PLACEHOLDER}</script></html>`;

export interface Shown {
  title: string;
  width: number | null;
  height: number | null;
  boot: SidebarBoot;
}

export interface Spreadsheet extends Emulated {
  /** creates a map as the sidebar's form does; returns its sheet's name */
  newMap(form?: Partial<NewMapForm>): string;
  /** selects a cell, as a click in the grid would */
  select(sheet: string, a1: string): void;
  /** the text of the last message box shown, "" when none was */
  alerted(): string;
  /** the modal dialogs shown so far, with the boot data of each */
  dialogs(): Shown[];
}

export function spreadsheet(locale = 'en_US'): Spreadsheet {
  const e = emulated({ locale }, { Dialog: page, Sidebar: page });
  e.wb.ui.responder = () => 'OK';
  return {
    ...e,
    newMap(form = {}) {
      const result = createMap(mapForm(locale, form)) as CreateMapResult;
      if (!result.ok) throw new Error(`createMap refused: ${JSON.stringify(result.fieldErrors)}`);
      return result.sheetName;
    },
    select(sheet, a1) {
      e.sheet(sheet).getRange(a1).activate();
    },
    alerted: () => String(e.wb.ui.requests.at(-1)?.request.prompt ?? ''),
    dialogs: () =>
      e.wb.ui.surfaces
        .filter((s) => s.kind === 'modal')
        .map((s) => {
          const json = /<script id="cjm-boot" type="application\/json">([\s\S]*?)<\/script>/.exec(
            s.html,
          )?.[1];
          return {
            title: s.title,
            width: s.width,
            height: s.height,
            boot: JSON.parse(json ?? 'null') as SidebarBoot,
          };
        }),
  };
}
