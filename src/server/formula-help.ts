import type { FormulaHelp } from '../contract';
import type { Lang } from '../core/words/i18n';
import { FORMULAS } from '../formulas/registry';
import type { FormulaSpec } from '../formulas/spec';

export function signatureOf(f: FormulaSpec): string {
  return `${f.name}(${f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;
}

/** The formula reference in one language, for the help sidebar. */
export function formulaHelp(lang: Lang): FormulaHelp[] {
  return FORMULAS.map((f) => ({
    name: f.name,
    signature: signatureOf(f),
    summary: f.summary[lang],
    params: f.params.map((p) => ({ name: p.name, optional: p.optional ?? false, help: p.help[lang] })),
    returns: f.returns[lang],
    examples: f.examples.map((e) => ({
      given: e.given?.[lang] ?? null,
      // Russian Sheets separates arguments with ";" and writes decimals with ","
      formula: lang === 'ru' ? toRussianFormula(e.formula) : e.formula,
      result: e.result[lang],
    })),
  }));
}

/** "=F(1.5, 5%)" as a Russian-locale user types it: "=F(1,5; 5%)". Quoted text is left alone. */
export function toRussianFormula(formula: string): string {
  return formula
    .split(/("[^"]*")/)
    .map((part) => (part.startsWith('"') ? part : part.replace(/,/g, ';').replace(/(\d)\.(\d)/g, '$1,$2')))
    .join('');
}
