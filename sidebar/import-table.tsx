/**
 * Make a map from this table: how each row of the user's table goes into the map, each changeable,
 * with the numbers a KPI row is read as; what matches nothing goes under the map or into the
 * stages' notes. The table came embedded in the page, and goes back with the choices: nothing is
 * read again.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportTableBoot, PairTarget, RowTarget } from '../src/contract';
import {
  formatCount,
  formatFactor,
  formatNumber,
  formatShare,
  parseNumber,
} from '../src/core/funnel/numbers';
import type { CellData } from '../src/core/map/journey';
import { t } from '../src/core/words/i18n-ui';
import { Field } from './form';
import { call, closeDialog } from './rpc';

type Lang = ImportTableBoot['lang'];

/** The numbers a KPI row gives the map, as the map shows them; null for a row of text. */
function numbersOf(target: RowTarget, values: readonly CellData[], lang: Lang): string | null {
  const show: Partial<Record<RowTarget, (n: number) => string>> = {
    customers: (n) => formatCount(n, lang),
    target: (n) => formatShare(n, lang),
    avgCheck: (n) => formatNumber(n, lang),
    purchases: (n) => formatFactor(n, lang),
  };
  const format = show[target];
  if (!format) return null;
  const given = values.filter((v) => v !== '');
  const read = given.map((v) => (typeof v === 'number' ? v : parseNumber(v, lang)));
  const numbers = read.flatMap((n) => (n === null ? [] : [format(n)]));
  const text = given.filter((_, i) => read[i] === null).map(String);
  return [
    numbers.length ? t(lang, 'import.numbers', { values: numbers.join(' · ') }) : '',
    text.length ? t(lang, 'import.notNumbers', { values: text.join(' · ') }) : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** A row's cells in a line, cut where a long cell would hide the rest. */
function glimpse(values: readonly CellData[]): string {
  const line = values
    .filter((v) => v !== '')
    .map(String)
    .join(' · ');
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
}

function Choice<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: { id: T; label: string }[];
  onChange: (v: T) => void;
}) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.currentTarget.value as T)}>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export function ImportTableView({ lang, reading, targets, words }: Omit<ImportTableBoot, 'view'>) {
  const [name, setName] = useState(reading.name);
  const [rows, setRows] = useState<RowTarget[]>(reading.rows.map((r) => r.target));
  const [pairs, setPairs] = useState<PairTarget[]>(reading.pairs.map((p) => p.target));
  const [unmatched, setUnmatched] = useState<'rows' | 'notes'>('rows');
  const [deal, setDeal] = useState<number | null>(reading.deal);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const labelOf = (label: string) => label || t(lang, 'import.noLabel');
  const at = <T,>(list: T[], i: number, v: T) => list.map((x, j) => (j === i ? v : x));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure('');
    try {
      const result = await call('createMapFromTable', {
        lang,
        name,
        source: { sheet: reading.sheetName, range: reading.range },
        stages: reading.stages,
        rows: reading.rows.map((r, i) => ({
          label: r.label,
          values: r.values,
          target: rows[i] ?? 'keep',
        })),
        pairs: reading.pairs.map((p, i) => ({ ...p, target: pairs[i] ?? 'keep' })),
        unmatched,
        deal,
      });
      if (!result.ok) setFailure(result.message);
      else {
        // The wizard opens on the new map (the active sheet), then the dialog closes.
        await call('showWizard');
        closeDialog();
      }
    } catch (err) {
      setFailure(t(lang, 'wizard.callFailed', { message: String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="import-table"
      onSubmit={submit}
      aria-label={t(lang, 'dialog.importTable')}
      aria-busy={busy}
    >
      {words.intro.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <Field id="import-name" label={t(lang, 'form.name')}>
        <input
          id="import-name"
          ref={first}
          value={name}
          maxLength={80}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </Field>
      <table>
        <caption>{words.rows}</caption>
        <thead>
          <tr>
            <th scope="col">{words.label}</th>
            <th scope="col">{words.target}</th>
            <th scope="col">{words.values}</th>
          </tr>
        </thead>
        <tbody>
          {reading.rows.map((row, i) => {
            const target = rows[i] ?? 'keep';
            return (
              <tr key={row.at}>
                <th scope="row">{labelOf(row.label)}</th>
                <td>
                  <Choice
                    label={`${words.target}: ${labelOf(row.label)}`}
                    value={target}
                    options={targets.rows}
                    onChange={(v) => setRows(at(rows, i, v))}
                  />
                </td>
                <td>{numbersOf(target, row.values, lang) ?? glimpse(row.values)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {reading.pairs.length > 0 && (
        <table>
          <caption>{words.title}</caption>
          <tbody>
            {reading.pairs.map((pair, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a pair is its place above the table
              <tr key={i}>
                <th scope="row">{labelOf(pair.label)}</th>
                <td>
                  <Choice
                    label={`${words.target}: ${labelOf(pair.label)}`}
                    value={pairs[i] ?? 'keep'}
                    options={targets.pairs}
                    onChange={(v) => setPairs(at(pairs, i, v))}
                  />
                </td>
                <td>{glimpse([pair.value])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <fieldset>
        <legend>{words.unmatched}</legend>
        {(['rows', 'notes'] as const).map((way) => (
          <label key={way} class="check">
            <input
              type="radio"
              name="unmatched"
              checked={unmatched === way}
              onChange={() => setUnmatched(way)}
            />
            {way === 'rows' ? words.asRows : words.asNotes}
          </label>
        ))}
      </fieldset>
      <Field id="import-deal" label={t(lang, 'form.deal')}>
        <select
          id="import-deal"
          value={deal === null ? '' : String(deal)}
          onChange={(e) =>
            setDeal(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))
          }
        >
          <option value="">{t(lang, 'form.dealGuess')}</option>
          {reading.stages.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a stage is its place in the table
            <option key={i} value={String(i)}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      {failure && (
        <div class="error" role="alert">
          {failure}
        </div>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t(lang, 'form.creating') : words.create}
        </button>
        <button type="button" onClick={closeDialog}>
          {t(lang, 'form.cancel')}
        </button>
      </div>
    </form>
  );
}
