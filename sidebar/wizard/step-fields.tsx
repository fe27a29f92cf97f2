/**
 * The fields of a step: side fields first, then each stage row of the map as one compact table,
 * a stage a line, as the row runs across the stages in the sheet. Every cell is an input named
 * by its stage and its row, so it reads in a 300 px sidebar and to a screen reader alike.
 */
import type { ComponentChildren } from 'preact';
import type { FieldView, Lang, StepView } from '../../src/contract';
import { t } from '../../src/core/words/i18n-ui';
import { Choices, Field, describedBy } from '../form';
import { formatShare } from './format';
import { parseShare, stageFieldsFor, type Draft } from './values';

/** The DOM id of a field's control (field ids hold dots, fine for ids and labels). */
export const controlId = (fieldId: string): string => `f-${fieldId}`;

const SCORES = ['1', '2', '3', '4', '5'];

/** The accessible name of a stage's cell: "Stage 2: Purchase — Customer actions". */
export function cellLabel(
  lang: Lang,
  index: number,
  stageName: string,
  fieldLabel: string,
): string {
  return `${t(lang, 'wizard.stage', { n: index + 1, name: stageName })} — ${fieldLabel}`;
}

interface ControlProps {
  field: FieldView;
  lang: Lang;
  value: string;
  onChange: (id: string, value: string) => void;
  /** ARIA and naming attributes of the control */
  attrs: Record<string, string | boolean>;
  /** rows of a long text (fewer in a table) */
  rows?: number;
}

function Control({ field, lang, value, onChange, attrs, rows = 3 }: ControlProps) {
  const common = { id: controlId(field.id), ...attrs };
  const text = (e: { currentTarget: { value: string } }) =>
    onChange(field.id, e.currentTarget.value);
  switch (field.kind) {
    case 'longtext':
      return <textarea {...common} rows={rows} value={value} onInput={text} />;
    case 'select':
      return (
        <select {...common} value={value} onChange={text}>
          <Choices options={field.options} value={value} />
        </select>
      );
    case 'score':
      return (
        <select {...common} value={value} onChange={text}>
          <Choices options={field.options.length ? field.options : SCORES} value={value} />
        </select>
      );
    case 'date':
      return <input {...common} type="date" value={value} onInput={text} />;
    case 'share': {
      // Percent in, fraction out (see values.ts): the placeholder says it is a percent, not a
      // default, and what was read is shown beside it ("0,9" is 0,9 %, not 90 %).
      const read = value.trim() === '' ? null : parseShare(value, lang);
      const readId = `${common.id}-read`;
      const described = [attrs['aria-describedby'], read === null ? '' : readId]
        .filter(Boolean)
        .join(' ');
      return (
        <>
          <input
            {...common}
            {...(described ? { 'aria-describedby': described } : {})}
            inputMode="decimal"
            placeholder="%"
            value={value}
            onInput={text}
          />
          {read !== null && (
            <output id={readId} class="read-as muted" for={common.id}>
              {t(lang, 'wizard.readAs', { value: formatShare(lang, read) })}
            </output>
          )}
        </>
      );
    }
    case 'number':
    case 'money':
      return <input {...common} inputMode="decimal" value={value} onInput={text} />;
    default:
      return <input {...common} value={value} onInput={text} />;
  }
}

interface InputProps {
  field: FieldView;
  lang: Lang;
  value: string;
  error: string | undefined;
  onChange: (id: string, value: string) => void;
}

export function FieldInput({ field, lang, value, error, onChange }: InputProps) {
  const id = controlId(field.id);
  return (
    <Field id={id} label={field.label} hint={field.hint} error={error}>
      <Control
        field={field}
        lang={lang}
        value={value}
        onChange={onChange}
        attrs={describedBy(id, { hint: field.hint, error })}
      />
    </Field>
  );
}

interface Props {
  view: StepView;
  lang: Lang;
  draft: Draft;
  errors: Record<string, string>;
  onChange: (id: string, value: string) => void;
  /** extra controls beside a stage's name (the stages step's add/remove/move buttons) */
  stageTools?: (index: number) => ComponentChildren;
}

/** The row key of a stage field id ("stage.2.actions" → "actions"). */
const rowOf = (id: string): string => id.slice(id.lastIndexOf('.') + 1);

export function StepFields({ view, lang, draft, errors, onChange, stageTools }: Props) {
  const input = (f: FieldView) => (
    <FieldInput
      key={f.id}
      field={f}
      lang={lang}
      value={draft[f.id] ?? ''}
      error={errors[f.id]}
      onChange={onChange}
    />
  );
  const perStage = view.stages.map((_, i) => stageFieldsFor(view, i));
  const rows = (perStage[0] ?? []).map((f) => rowOf(f.id));
  const nameOf = (i: number) => draft[`stage.${i}.header`] || (view.stages[i]?.name ?? '');

  return (
    <div class="step-fields">
      {view.sideFields.map(input)}
      {rows.map((row, r) => {
        const head = perStage[0]?.[r];
        if (!head) return null;
        const caption = `cap-${row}`;
        // The stage's own name is the input of the "header" row: its lines are numbered instead.
        const naming = row === 'header';
        return (
          <table key={row} class="stage-table" aria-labelledby={caption}>
            <caption>
              <span class="caption-label" id={caption}>
                {head.label}
              </span>
              {head.hint && (
                <span class="hint muted" id={`${caption}-hint`}>
                  {head.hint}
                </span>
              )}
            </caption>
            <tbody>
              {view.stages.map((s, i) => {
                const field = perStage[i]?.find((f) => rowOf(f.id) === row);
                if (!field) return null;
                const id = controlId(field.id);
                const error = errors[field.id];
                const ids = [error ? `${id}-error` : '', head.hint ? `${caption}-hint` : '']
                  .filter(Boolean)
                  .join(' ');
                const attrs: Record<string, string | boolean> = {
                  'aria-label': cellLabel(lang, i, nameOf(i), head.label),
                  ...(error ? { 'aria-invalid': true } : {}),
                  ...(ids ? { 'aria-describedby': ids } : {}),
                };
                return (
                  <tr key={s.id} class={error ? 'invalid' : ''}>
                    <th
                      scope="row"
                      class={naming ? 'num' : ''}
                      title={naming ? undefined : nameOf(i)}
                    >
                      {naming ? i + 1 : nameOf(i)}
                    </th>
                    <td>
                      <Control
                        field={field}
                        lang={lang}
                        value={draft[field.id] ?? ''}
                        onChange={onChange}
                        attrs={attrs}
                        rows={2}
                      />
                      {error && (
                        <div class="error" id={`${id}-error`} role="alert">
                          {error}
                        </div>
                      )}
                    </td>
                    {naming && stageTools && <td class="tools">{stageTools(i)}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        );
      })}
      {rows.length === 0 && stageTools && (
        <table class="stage-table">
          <tbody>
            {view.stages.map((s, i) => (
              <tr key={s.id}>
                <th scope="row">{nameOf(i)}</th>
                <td class="tools">{stageTools(i)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
