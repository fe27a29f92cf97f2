/** The fields of a step: side fields first, then one collapsible group per stage. */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { FieldView, Lang, StepView } from '../../src/contract';
import { t } from '../../src/core/words/i18n-ui';
import { Choices, Field, describedBy } from '../form';
import { stageFieldsFor, type Draft } from './values';

/** The DOM id of a field's control (field ids hold dots, fine for ids and labels). */
export const controlId = (fieldId: string): string => `f-${fieldId}`;

const SCORES = ['1', '2', '3', '4', '5'];

interface InputProps {
  field: FieldView;
  value: string;
  error: string | undefined;
  onChange: (id: string, value: string) => void;
}

export function FieldInput({ field, value, error, onChange }: InputProps) {
  const id = controlId(field.id);
  const common = { id, ...describedBy(id, { hint: field.hint, error }) };
  const text = (e: { currentTarget: { value: string } }) => onChange(field.id, e.currentTarget.value);
  let control: ComponentChildren;
  switch (field.kind) {
    case 'longtext':
      control = <textarea {...common} rows={3} value={value} onInput={text} />;
      break;
    case 'select':
      control = <select {...common} value={value} onChange={text}><Choices options={field.options} value={value} /></select>;
      break;
    case 'score':
      control = <select {...common} value={value} onChange={text}><Choices options={field.options.length ? field.options : SCORES} value={value} /></select>;
      break;
    case 'date':
      control = <input {...common} type="date" value={value} onInput={text} />;
      break;
    case 'share':
      // Percent in, fraction out (see values.ts): the placeholder says it is a percent, not a default.
      control = <input {...common} inputMode="decimal" placeholder="%" value={value} onInput={text} />;
      break;
    case 'number':
    case 'money':
      control = <input {...common} inputMode="decimal" value={value} onInput={text} />;
      break;
    default:
      control = <input {...common} value={value} onInput={text} />;
  }
  return <Field id={id} label={field.label} hint={field.hint} error={error}>{control}</Field>;
}

interface Props {
  view: StepView;
  lang: Lang;
  draft: Draft;
  errors: Record<string, string>;
  onChange: (id: string, value: string) => void;
  /** extra controls under a stage's fields (the stages step's add/remove/move buttons) */
  stageTools?: (index: number) => ComponentChildren;
}

const stageOf = (id: string): number | null => {
  const m = /^stage\.(\d+)\./.exec(id);
  return m ? Number(m[1]) : null;
};

export function StepFields({ view, lang, draft, errors, onChange, stageTools }: Props) {
  // The first stage starts open; a stage with an error opens so the message is seen.
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set([0]));
  useEffect(() => {
    const withErrors = Object.keys(errors).map(stageOf).filter((i): i is number => i !== null);
    if (withErrors.length) setOpen((o) => new Set([...o, ...withErrors]));
  }, [errors]);
  const toggle = (i: number, isOpen: boolean) =>
    setOpen((o) => {
      const next = new Set(o);
      if (isOpen) next.add(i);
      else next.delete(i);
      return next;
    });
  const input = (f: FieldView) => <FieldInput key={f.id} field={f} value={draft[f.id] ?? ''} error={errors[f.id]} onChange={onChange} />;
  const hasStageGroups = view.stageFields.length > 0 || stageTools;

  return (
    <div class="step-fields">
      {view.sideFields.map(input)}
      {hasStageGroups &&
        view.stages.map((s, i) => {
          const name = draft[`stage.${i}.header`] || s.name;
          return (
            // Named by its summary explicitly: not every assistive technology derives the group's name from it.
            <details key={i} class="stage-group" aria-labelledby={`stage-${i}-title`} open={open.has(i)} onToggle={(e) => toggle(i, e.currentTarget.open)}>
              <summary id={`stage-${i}-title`}>{t(lang, 'wizard.stage', { n: i + 1, name })}</summary>
              <div class="stage-body">
                {stageFieldsFor(view, i).map(input)}
                {stageTools?.(i)}
              </div>
            </details>
          );
        })}
    </div>
  );
}
