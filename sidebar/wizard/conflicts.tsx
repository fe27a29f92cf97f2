/**
 * The cells someone changed in the sheet while the step was open: the user picks, per cell, what
 * stays.
 */
import { useState } from 'preact/hooks';
import type { CellData, Conflict, FieldView, Lang } from '../../src/contract';
import { t } from '../../src/core/words/i18n-ui';
import { formatCell } from './format';
import type { Choice } from './values';

interface Props {
  lang: Lang;
  /** the spreadsheet's locale: money in its currency */
  locale: string;
  conflicts: readonly Conflict[];
  fields: readonly FieldView[];
  busy: boolean;
  onApply: (choices: Record<string, Choice>) => void;
}

export function ConflictPanel({ lang, locale, conflicts, fields, busy, onApply }: Props) {
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const show = (id: string, v: CellData) =>
    v === ''
      ? t(lang, 'wizard.empty')
      : formatCell(v, fields.find((f) => f.id === id)?.kind ?? 'text', lang, locale);
  // Nothing is chosen for the user: overwriting a colleague's cell must be a decision.
  const complete = conflicts.every((c) => choices[c.id]);
  return (
    <section class="conflicts card" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t(lang, 'wizard.conflictTitle')}</h2>
      <p>{t(lang, 'wizard.conflictBody')}</p>
      {conflicts.map((c, i) => (
        <fieldset key={c.id} class="conflict">
          <legend>{c.label}</legend>
          {(['sheet', 'mine'] as const).map((choice) => (
            <label class="check" key={choice}>
              <input
                type="radio"
                name={`conflict-${i}`}
                checked={choices[c.id] === choice}
                onChange={() => setChoices({ ...choices, [c.id]: choice })}
              />
              <span>
                {t(lang, choice === 'sheet' ? 'wizard.keepSheet' : 'wizard.keepMine')}:{' '}
                <q>{show(c.id, choice === 'sheet' ? c.sheet : c.yours)}</q>
              </span>
            </label>
          ))}
        </fieldset>
      ))}
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={busy || !complete}
          onClick={() => onApply(choices)}
        >
          {t(lang, 'wizard.conflictApply')}
        </button>
      </div>
    </section>
  );
}
