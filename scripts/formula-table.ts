/** The formula reference of docs/formulas.md, generated from the registry (see scripts/docs.ts). */
import { FORMULAS } from '../src/formulas/registry';
import { formulaHelp, signatureOf } from '../src/server/formula-help';

export function formulaTable(): string {
  const ru = formulaHelp('ru');
  const lines: string[] = [];
  for (const f of FORMULAS) {
    const r = ru.find((h) => h.name === f.name);
    lines.push(`## \`${signatureOf(f)}\``, '', `${f.summary.en}  `, `*${f.summary.ru}*`, '');
    lines.push('| argument | meaning | значение |', '|---|---|---|');
    for (const p of f.params)
      lines.push(
        `| \`${p.name}\`${p.optional ? ' (optional)' : ''} | ${p.help.en} | ${p.help.ru} |`,
      );
    lines.push('', `Returns: ${f.returns.en} *${f.returns.ru}*`, '', 'Examples:', '');
    f.examples.forEach((e, i) => {
      const given = e.given ? `${e.given.en}: ` : '';
      lines.push(`- EN ${given}\`${e.formula}\` → ${e.result.en}`);
      const re = r?.examples[i];
      if (re) lines.push(`- RU ${re.given ? `${re.given}: ` : ''}\`${re.formula}\` → ${re.result}`);
    });
    lines.push('');
  }
  return lines.join('\n');
}
