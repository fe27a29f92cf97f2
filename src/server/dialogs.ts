/** Opens the add-on's pages: the formula reference in the sidebar, the New map dialog. */
import type { PresetOption } from '../contract';
import { LANGS, t, type Lang } from '../core/words/i18n';
import { PRESET_IDS, presetStages } from '../core/map/stages';
import { activeSpreadsheet, languageOfSpreadsheet, ui } from '../sheets/workbook';
import { formulaHelp } from './formula-help';
import { pageWithBoot } from './sidebar';

export function showFormulaHelp(): void {
  const ss = activeSpreadsheet();
  const lang = languageOfSpreadsheet(ss);
  // the examples as this spreadsheet takes them (";" and "1,5" in a decimal-comma locale)
  const formulas = formulaHelp(lang, ss.getSpreadsheetLocale());
  ui().showSidebar(
    pageWithBoot({ view: 'formulas', lang, formulas }).setTitle(t(lang, 'help.title')),
  );
}

function presetOptions(lang: Lang): PresetOption[] {
  return PRESET_IDS.map((id) => ({
    id,
    label: t(lang, `preset.${id}`),
    stages: presetStages(id, lang).map((s) => s.name),
  }));
}

export function presetOptionsByLang(): Record<Lang, PresetOption[]> {
  return Object.fromEntries(LANGS.map((l) => [l, presetOptions(l)])) as Record<
    Lang,
    PresetOption[]
  >;
}

export function showNewMapDialog(): void {
  const ss = activeSpreadsheet();
  const locale = ss.getSpreadsheetLocale();
  const lang = languageOfSpreadsheet(ss, locale);
  const presets = presetOptionsByLang();
  const page = pageWithBoot({ view: 'newMap', lang, locale, presets }).setWidth(420).setHeight(600);
  ui().showModalDialog(page, t(lang, 'dialog.newMap'));
}
