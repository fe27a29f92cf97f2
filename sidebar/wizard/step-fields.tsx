/**
 * The fields of a step: side fields first, then each stage row of the map as one compact table,
 * a stage a line, as the row runs across the stages in the sheet. Every cell is an input named
 * by its stage and its row, so it reads in a 300 px sidebar and to a screen reader alike. What a
 * first pass leaves empty (the card's details, kinds, evidence, targets) waits behind one
 * disclosure at the end of the step, open as soon as any of it holds something.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { FieldView, Lang, StepView } from '../../src/contract';
import { PERSONA_KEYS, PRODUCT_KEYS } from '../../src/core/map/journey';
import { t } from '../../src/core/words/i18n-ui';
import { Choices, Disclosure, Field, describedBy } from '../form';
import { formatShare } from './format';
import { cellLabel } from './names';
import { parseShare, stageFieldsFor, type Draft } from './values';

export { cellLabel, fieldName } from './names';

/**
 * Rows a marketer may leave for later: behind the step's "Optional fields" disclosure. Of the
 * card, the persona's name and the jobs to be done come first; its other details can wait.
 */
const OPTIONAL: ReadonlySet<string> = new Set([
  ...PERSONA_KEYS.filter((k) => k !== 'personaName'),
  ...PRODUCT_KEYS,
  'barrierType',
  'driverType',
  'evidence',
  'target',
  'reviewed',
  // the review block's inputs: a first map may leave its goal for later, the cadence is monthly
  'revenueGoal',
  'goalDate',
  'cadence',
]);

/** The DOM id of a field's control (field ids hold dots, fine for ids and labels). */
export const controlId = (fieldId: string): string => `f-${fieldId}`;

const SCORES = ['1', '2', '3', '4', '5'];

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
  /** a line under a stage's name saying what the stage is (the presets' stages) */
  stageNote?: (name: string) => string | undefined;
}

/**
 * Fields the step may leave empty, behind a button that says how many and (while closed) which:
 * one Tab stop instead of one per field. Open from the start when any of them holds a value, and
 * whenever one of them is in error.
 */
function OptionalFields({
  lang,
  names,
  filled,
  inError,
  children,
}: {
  lang: Lang;
  names: readonly string[];
  filled: boolean;
  inError: boolean;
  children: ComponentChildren;
}) {
  const [open, setOpen] = useState(filled);
  const shown = open || inError;
  return (
    <Disclosure
      id="optional-fields"
      label={t(lang, 'fields.optional', { n: names.length })}
      shown={shown}
      onToggle={() => setOpen(!shown)}
      hint={names.join(', ')}
    >
      {children}
    </Disclosure>
  );
}

/** The row key of a stage field id ("stage.2.actions" → "actions"). */
const rowOf = (id: string): string => id.slice(id.lastIndexOf('.') + 1);

export function StepFields({ view, lang, draft, errors, onChange, stageTools, stageNote }: Props) {
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
  const side = view.sideFields.filter((f) => !OPTIONAL.has(rowOf(f.id)));
  const sideLater = view.sideFields.filter((f) => OPTIONAL.has(rowOf(f.id)));
  const later = rows.filter((row) => OPTIONAL.has(row));
  const laterIds = [
    ...sideLater.map((f) => f.id),
    ...perStage.flat().flatMap((f) => (OPTIONAL.has(rowOf(f.id)) ? [f.id] : [])),
  ];

  const table = (row: string) => {
    const r = rows.indexOf(row);
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
            const note = naming ? stageNote?.(nameOf(i)) : undefined;
            const ids = [
              error ? `${id}-error` : '',
              head.hint ? `${caption}-hint` : '',
              note ? `${id}-note` : '',
            ]
              .filter(Boolean)
              .join(' ');
            const attrs: Record<string, string | boolean> = {
              'aria-label': cellLabel(lang, i, nameOf(i), head.label),
              ...(error ? { 'aria-invalid': true } : {}),
              ...(ids ? { 'aria-describedby': ids } : {}),
            };
            return (
              <tr key={s.id} class={error ? 'invalid' : ''}>
                <th scope="row" class={naming ? 'num' : ''} title={naming ? undefined : nameOf(i)}>
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
                  {note && (
                    <div class="hint muted stage-note" id={`${id}-note`}>
                      {note}
                    </div>
                  )}
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
  };

  // On the stages step the stage list comes first (names, order, funnel roles, from the preset): a
  // skip button, shown when it has focus, goes past it to the first row that describes the stages.
  const described = stageTools ? rows.find((row) => row !== 'header' && row !== 'role') : undefined;
  const skipTo = described && perStage[0]?.[rows.indexOf(described)];

  return (
    <div class="step-fields">
      {skipTo && (
        <button
          type="button"
          class="skip sr-only"
          onClick={() => document.getElementById(controlId(skipTo.id))?.focus()}
        >
          {t(lang, 'fields.skipTo', { name: skipTo.label })}
        </button>
      )}
      {side.map(input)}
      {rows.filter((row) => !OPTIONAL.has(row)).map(table)}
      {laterIds.length > 0 && (
        <OptionalFields
          lang={lang}
          names={[
            ...sideLater.map((f) => f.label),
            ...later.map((row) => perStage[0]?.[rows.indexOf(row)]?.label ?? row),
          ]}
          filled={laterIds.some((id) => (draft[id] ?? '').trim() !== '')}
          inError={laterIds.some((id) => errors[id] !== undefined)}
        >
          {sideLater.map(input)}
          {later.map(table)}
        </OptionalFields>
      )}
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
