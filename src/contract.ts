/**
 * What crosses google.script.run between the sidebar and the server: plain JSON only
 * (no Date, no undefined in arrays, no class instances), typed once for both sides.
 */
import type { Lang } from './core/i18n';
import type { PresetId } from './core/stages';

export type { Lang, PresetId };

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
}

export type CreateMapResult =
  | { ok: true; mapId: string; sheetName: string }
  | { ok: false; fieldErrors: Record<string, string> };

export interface PresetOption {
  id: PresetId;
  label: string;
  stages: string[];
}

/** Everything the sidebar needs for its first screen, embedded in the page so it costs no server call. */
export type SidebarBoot =
  | { view: 'formulas'; lang: Lang; formulas: FormulaHelp[] }
  | { view: 'newMap'; lang: Lang; locale: string; presets: Record<Lang, PresetOption[]> };

/** Server functions the sidebar calls through google.script.run, with their argument and result. */
export interface ServerApi {
  createMap(form: NewMapForm): CreateMapResult;
}

/** Id of the JSON script element that carries the boot payload in Sidebar.html. */
export const BOOT_ELEMENT_ID = 'cjm-boot';
/** Placeholder the build leaves in Sidebar.html for the server to replace with the payload. */
export const BOOT_PLACEHOLDER = '__CJM_BOOT_JSON__';
