import type { FormulaHelp } from '../contract';
import type { Lang } from '../core/words/i18n';
import { toLocaleSyntax } from '../core/map/formula-syntax';
import { decimalComma } from '../core/map/sheets-locales';
import { FORMULAS } from '../formulas/registry';
import type { FormulaSpec } from '../formulas/spec';

export function signatureOf(f: FormulaSpec): string {
  return `${f.name}(${f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;
}

/**
 * The formula reference in one language, for the help sidebar. Its examples are written as a
 * formula is typed in this spreadsheet: a decimal-comma locale (ru_RU, de_DE…) separates
 * arguments with ";" and writes "1,5".
 */
export function formulaHelp(lang: Lang, locale = lang === 'ru' ? 'ru_RU' : 'en_US'): FormulaHelp[] {
  const typed = decimalComma(locale) ? toLocaleSyntax : (formula: string) => formula;
  return FORMULAS.map((f) => ({
    name: f.name,
    signature: signatureOf(f),
    summary: f.summary[lang],
    params: f.params.map((p) => ({
      name: p.name,
      optional: p.optional ?? false,
      help: p.help[lang],
    })),
    returns: f.returns[lang],
    examples: f.examples.map((e) => ({
      given: e.given?.[lang] ?? null,
      formula: typed(e.formula),
      result: e.result[lang],
    })),
  }));
}
