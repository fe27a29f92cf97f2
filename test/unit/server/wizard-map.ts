/**
 * A map made as the New map form makes it, on an emulated spreadsheet, and the wizard's calls on
 * it as the sidebar sends them: for the unit tests of src/server/wizard and wizard-review.
 */
import type { CreateMapResult, SidebarBoot, WizardState } from '../../../src/contract';
import { createMap } from '../../../src/server/maps';
import { loadStep } from '../../../src/server/wizard';
import { emulated } from '../emulated';
import { mapForm } from './fixtures';

/** The sidebar's page: the boot JSON alone, so a test reads what the page was given. */
export const SIDEBAR = { Sidebar: '__CJM_BOOT_JSON__', Dialog: '__CJM_BOOT_JSON__' };

/** A spreadsheet of `locale` holding one new map; its id and sheet's name. */
export function withMap(locale = 'en_US', form: object = {}) {
  const e = emulated({ locale }, SIDEBAR);
  const made = createMap(mapForm(locale, form)) as CreateMapResult;
  if (!made.ok) throw new Error(JSON.stringify(made));
  const mapId = made.mapId;
  const name = made.sheetName;
  const load = (step?: string): WizardState =>
    loadStep(step ? { mapId, step } : { mapId }) as WizardState;
  /** The stages as the sidebar sends them back: id and name, as the map has them now. */
  const stagesNow = () => load('goal').view!.stages.map(({ id, name: n }) => ({ id, name: n }));
  const progress = () => e.wb.properties.document.data.get(`cjm.wizard.v1.${mapId}`);
  const stamp = () => e.wb.properties.document.data.get('cjm.maps.changed');
  return { ...e, mapId, name, map: e.sheet(name), load, stagesNow, progress, stamp };
}

/** The boot the last sidebar shown was given. */
export function sidebarBoot(e: ReturnType<typeof emulated>): SidebarBoot {
  return JSON.parse(e.wb.ui.surfaces.at(-1)?.html ?? 'null');
}
