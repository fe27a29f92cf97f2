/** Step "plan": the actions as editable rows, in the order the sheet ranked them by revenue impact. */
import type { ActionRow, Lang, StepView } from '../../src/contract';
import { t, type MessageKey } from '../../src/core/words/i18n-ui';
import { Choices, Field, describedBy } from '../form';
import { formatNumber } from './format';
import { emptyAction } from './plan-rows';

interface Props {
  lang: Lang;
  view: StepView;
  rows: ActionRow[];
  errors: Record<string, string>;
  busy: boolean;
  onChange: (rows: ActionRow[]) => void;
}

type Column = Exclude<keyof ActionRow, 'impact'>;
/** The columns of a row: a choice list when options are given ([value, label] pairs). */
type Spec = { key: Column; label: MessageKey; hint?: MessageKey; type?: 'date' | 'textarea'; options?: readonly (string | readonly [string, string])[] };

export function PlanStep({ lang, view, rows, errors, busy, onChange }: Props) {
  // An edited row's impact is stale until the sheet recomputes it on save.
  const set = (i: number, key: Column, value: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value, impact: null } : r)));
  // The server may name a row's field "actions.<i>.<key>" or "action.<i>.<key>".
  const err = (i: number, key: string) => errors[`actions.${i}.${key}`] ?? errors[`action.${i}.${key}`];
  const columns: Spec[] = [
    { key: 'action', label: 'plan.action', type: 'textarea' },
    { key: 'stage', label: 'plan.stage', options: view.stages.map((s) => s.name) },
    { key: 'lever', label: 'plan.lever', options: (['L', 'C', 'P', 'Q'] as const).map((l) => [l, t(lang, `lever.${l}`)] as const) },
    { key: 'change', label: 'plan.change', hint: 'plan.changeHint' },
    { key: 'owner', label: 'plan.owner' },
    { key: 'deadline', label: 'plan.deadline', type: 'date' },
    { key: 'status', label: 'plan.status', options: view.statuses },
  ];

  const control = (r: ActionRow, i: number, c: Spec) => {
    const id = `a${i}-${c.key}`;
    const hint = c.hint && t(lang, c.hint);
    const value = r[c.key];
    const props = { id, value, ...describedBy(id, { hint, error: err(i, c.key) }) };
    const onValue = (e: { currentTarget: { value: string } }) => set(i, c.key, e.currentTarget.value);
    let input;
    if (c.options) input = <select {...props} onChange={onValue}><Choices options={c.options} value={value} /></select>;
    else if (c.type === 'textarea') input = <textarea {...props} rows={2} onInput={onValue} />;
    else if (c.type === 'date') input = <input {...props} type="date" onInput={onValue} />;
    else input = <input {...props} onInput={onValue} />;
    return <Field key={c.key} id={id} label={t(lang, c.label)} hint={hint} error={err(i, c.key)}>{input}</Field>;
  };

  return (
    <div class="plan">
      <p class="muted">{t(lang, 'plan.note')}</p>
      {rows.length === 0 && <p class="muted">{t(lang, 'plan.empty')}</p>}
      {rows.map((r, i) => (
        <fieldset key={i} class="action">
          <legend>{`${i + 1}. ${t(lang, 'plan.action')}`}</legend>
          {columns.map((c) => control(r, i, c))}
          <p class="impact">
            {t(lang, 'plan.impact')}: <strong>{r.impact === null ? '—' : formatNumber(lang, r.impact)}</strong>
          </p>
          <button type="button" class="small" disabled={busy} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {t(lang, 'plan.remove')}
          </button>
        </fieldset>
      ))}
      <button type="button" class="small" disabled={busy} onClick={() => onChange([...rows, emptyAction(view.statuses)])}>
        {t(lang, 'plan.add')}
      </button>
    </div>
  );
}
