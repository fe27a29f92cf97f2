/**
 * What crosses google.script.run between the sidebar and the server: plain JSON only
 * (no Date, no undefined in arrays, no class instances), typed once for both sides.
 */
import type { Lang } from './core/i18n';

export type { Lang };

export interface FormulaHelp {
  name: string;
  /** e.g. "CJM_REVENUE(leads, conversion, avg_check, [purchases])" */
  signature: string;
  summary: string;
  params: { name: string; optional: boolean; help: string }[];
  returns: string;
  examples: { given: string | null; formula: string; result: string }[];
}

/** Everything the sidebar needs for its first screen, embedded in the page so it costs no server call. */
export type SidebarBoot = { view: 'formulas'; lang: Lang; formulas: FormulaHelp[] };

/** Id of the JSON script element that carries the boot payload in Sidebar.html. */
export const BOOT_ELEMENT_ID = 'cjm-boot';
/** Placeholder the build leaves in Sidebar.html for the server to replace with the payload. */
export const BOOT_PLACEHOLDER = '__CJM_BOOT_JSON__';
