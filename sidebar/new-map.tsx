import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang, NewMapForm, PresetId, PresetOption, WizardState } from '../src/contract';
import { t } from '../src/core/words/i18n-ui';
import { Field } from './form';
import { call, closeDialog } from './rpc';
import { presetNotes } from './stage-notes';

interface Props {
  lang: Lang;
  locale: string;
  presets: Record<Lang, PresetOption[]>;
  /** Inside the wizard: open the new map instead of closing the dialog (no Cancel button there). */
  /** inside the wizard: the map made, with the wizard's state on it (one call) */
  onCreated?: (made: { mapId: string; sheetName: string; state?: WizardState }) => Promise<void>;
}

/** The New map dialog: segment + product pair, stage preset, language, optional worked example. */
export function NewMapView({ lang: uiLang, locale, presets, onCreated }: Props) {
  const [form, setForm] = useState<NewMapForm>({
    name: '',
    segment: '',
    product: '',
    preset: 'checklist6',
    stages: [],
    lang: uiLang,
    locale,
    example: false,
    deal: null,
  });
  const [stagesText, setStagesText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const lang = form.lang;
  const set = <K extends keyof NewMapForm>(key: K, value: NewMapForm[K]) =>
    setForm({ ...form, [key]: value });
  const preset = presets[lang].find((p) => p.id === form.preset);
  const notes = presetNotes(lang, form.preset);
  // The dialog opens with focus in its first field (inside the wizard, the wizard places focus).
  const first = useRef<HTMLInputElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the dialog opens
  useEffect(() => {
    if (!onCreated) first.current?.focus();
  }, []);
  const names = stagesText
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  // the deal stage chosen among the names typed (null: guessed, and the map will say so)
  const deal = form.deal != null && form.deal < names.length ? form.deal : null;
  const custom = form.preset === 'custom';
  // What the worked example would replace of what was typed, said before creating.
  const replaced = [
    form.segment.trim() && t(lang, 'form.exampleSegment', { value: form.segment.trim() }),
    form.product.trim() && t(lang, 'form.exampleProduct', { value: form.product.trim() }),
    (custom ? names.length > 0 : form.preset !== 'checklist6') &&
      t(lang, 'form.exampleStages', {
        value: (custom ? names : (preset?.stages ?? [])).join(' → '),
      }),
  ].filter((w): w is string => Boolean(w));

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFailure('');
    try {
      const result = await call('createMap', {
        ...form,
        stages: names,
        deal: custom ? deal : null,
        // the wizard opens the new map with the same call
        ...(onCreated ? { open: true } : {}),
      });
      if (!result.ok) setErrors(result.fieldErrors);
      else if (onCreated) await onCreated(result);
      else {
        // From the menu: the wizard opens on the new map (the active sheet), then the dialog closes.
        await call('showWizard');
        closeDialog();
      }
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const described = (id: string) =>
    errors[id] ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};
  return (
    <form class="new-map" onSubmit={submit} aria-label={t(lang, 'dialog.newMap')} aria-busy={busy}>
      <Field id="name" label={t(lang, 'form.name')} error={errors.name}>
        <input
          id="name"
          ref={first}
          value={form.name}
          maxLength={80}
          placeholder={t(lang, 'form.namePlaceholder')}
          onInput={(e) => set('name', e.currentTarget.value)}
          {...described('name')}
        />
      </Field>
      {(['segment', 'product'] as const).map((key) => (
        <Field key={key} id={key} label={t(lang, `row.${key}`)} error={errors[key]}>
          <input
            id={key}
            value={form[key]}
            maxLength={300}
            onInput={(e) => set(key, e.currentTarget.value)}
            {...described(key)}
          />
        </Field>
      ))}
      <Field id="preset" label={t(lang, 'form.preset')} error={errors.preset}>
        <select
          id="preset"
          value={form.preset}
          onChange={(e) => set('preset', e.currentTarget.value as PresetId)}
          {...(form.preset === 'custom' ? {} : { 'aria-describedby': 'preset-stages' })}
        >
          {presets[lang].map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </Field>
      {form.preset === 'custom' ? (
        <Field id="stages" label={t(lang, 'form.stages')} error={errors.stages}>
          <textarea
            id="stages"
            rows={6}
            value={stagesText}
            onInput={(e) => setStagesText(e.currentTarget.value)}
            {...described('stages')}
          />
        </Field>
      ) : (
        // The preset's stages in order, each with a line saying what it is.
        <ol class="stages-preview" id="preset-stages">
          {preset?.stages.map((name, i) => (
            <li key={name}>
              <strong>{name}</strong>
              {notes[i] && <span class="muted"> — {notes[i]}</span>}
            </li>
          ))}
        </ol>
      )}
      <Field id="lang" label={t(lang, 'form.language')} error={errors.lang}>
        <select
          id="lang"
          value={form.lang}
          onChange={(e) => set('lang', e.currentTarget.value as Lang)}
        >
          <option value="ru">Русский</option>
          <option value="en">English</option>
        </select>
      </Field>
      {custom && (
        <Field id="deal" label={t(lang, 'form.deal')} error={errors.deal}>
          <select
            id="deal"
            value={deal === null ? '' : String(deal)}
            onChange={(e) => {
              const v = e.currentTarget.value;
              set('deal', v === '' ? null : Number(v));
            }}
            {...described('deal')}
          >
            <option value="">{t(lang, 'form.dealGuess')}</option>
            {names.map((n, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a stage is its place in the list (names may repeat)
              <option key={`${i}:${n}`} value={String(i)}>
                {n}
              </option>
            ))}
          </select>
        </Field>
      )}
      <div class="check">
        <input
          id="example"
          type="checkbox"
          checked={form.example}
          onChange={(e) => set('example', e.currentTarget.checked)}
        />
        <label for="example">{t(lang, 'form.example')}</label>
      </div>
      {form.example && replaced.length > 0 && (
        <p class="notice" role="status">
          {t(lang, 'form.exampleReplaces', { what: replaced.join(', ') })}
        </p>
      )}
      {errors._form && (
        <div class="error" role="alert">
          {errors._form}
        </div>
      )}
      {failure && (
        <div class="error" role="alert">
          {failure}
        </div>
      )}
      <div class="actions">
        {/* While the map is made, the button says so in the map's language ("Creating…", "Создаём…"). */}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t(lang, 'form.creating') : t(lang, 'form.create')}
        </button>
        {!onCreated && (
          <button type="button" onClick={closeDialog}>
            {t(lang, 'form.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
