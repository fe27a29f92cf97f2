/**
 * The menu's questions, drawn by the add-on itself (not Ui.alert/Ui.prompt, whose buttons
 * Google draws in the user's account language and opens on "Yes"): every word in the map's
 * language, and a removal opens on its safe answer, which is also what Enter and Escape do.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DialogResult, Lang, SidebarBoot } from '../src/contract';
import { t } from '../src/core/words/i18n-ui';
import { call, closeDialog } from './rpc';

/**
 * Runs a dialog's server call: closes the dialog when done, else shows why, in the map's language.
 */
function useAnswer(lang: Lang) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const run = async (send: () => Promise<DialogResult>) => {
    if (busy) return;
    setBusy(true);
    setFailure('');
    try {
      const result = await send();
      if (result.ok) closeDialog();
      else setFailure(result.message);
    } catch (err) {
      setFailure(
        t(lang, 'wizard.callFailed', { message: err instanceof Error ? err.message : String(err) }),
      );
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, run };
}

/**
 * A modal dialog has the whole page: its keys are heard wherever the focus is, while it is shown.
 */
function usePageKeys(onKey: (e: KeyboardEvent) => void): void {
  // The listener is added once and calls the latest handler, which sees the latest state.
  const latest = useRef(onKey);
  latest.current = onKey;
  useEffect(() => {
    const listener = (e: KeyboardEvent) => latest.current(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}

/** A dialog's props: the boot payload the page embeds for it. */
type BootOf<View extends SidebarBoot['view']> = Extract<SidebarBoot, { view: View }>;

/**
 * "It holds N filled cells. They will be deleted with the stage." under the dialog's own title, the
 * question ("Remove the stage …?"), which the host draws: asked once. No is focused; Enter and
 * Escape answer No.
 */
export function RemoveStageView({
  lang,
  mapId,
  sheetId,
  stageId,
  body,
  token,
}: BootOf<'removeStage'>) {
  const no = useRef<HTMLButtonElement>(null);
  const { busy, failure, run } = useAnswer(lang);
  const yes = () =>
    run(() => call('removeStageConfirmed', { mapId, sheetId, stageId, token, lang }));
  useEffect(() => no.current?.focus(), []);
  usePageKeys((e) => {
    // Enter anywhere but on "Yes" itself, and Escape, are the safe answer.
    const onYes =
      document.activeElement instanceof HTMLElement &&
      document.activeElement.dataset.answer === 'yes';
    if (e.key === 'Escape' || (e.key === 'Enter' && !onYes)) {
      e.preventDefault();
      closeDialog();
    }
  });
  return (
    // biome-ignore lint/a11y/useSemanticElements: the dialog's content, not a form's fieldset
    <div class="menu-dialog" role="group" aria-labelledby="question-body" aria-busy={busy}>
      <p id="question-body">{body}</p>
      {failure && (
        <div class="error" role="alert">
          {failure}
        </div>
      )}
      <div class="actions">
        <button type="button" ref={no} class="primary" data-answer="no" onClick={closeDialog}>
          {t(lang, 'answer.no')}
        </button>
        <button type="button" class="danger" data-answer="yes" disabled={busy} onClick={yes}>
          {busy ? t(lang, 'answer.working') : t(lang, 'answer.yes')}
        </button>
      </div>
    </div>
  );
}

/** The map's new name, prefilled with the one it has; Enter is OK, Escape is Cancel. */
export function RenameMapView({ lang, mapId, sheetId, name: current, label }: BootOf<'renameMap'>) {
  const [name, setName] = useState(current);
  const input = useRef<HTMLInputElement>(null);
  const { busy, failure, run } = useAnswer(lang);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  usePageKeys((e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    closeDialog();
  });
  const submit = (e: Event) => {
    e.preventDefault();
    void run(() => call('renameMapTo', { mapId, sheetId, name, lang }));
  };
  return (
    <form
      class="menu-dialog"
      onSubmit={submit}
      aria-label={t(lang, 'answer.name')}
      aria-busy={busy}
    >
      <label for="map-name">{label}</label>
      <input
        id="map-name"
        ref={input}
        value={name}
        maxLength={80}
        autocomplete="off"
        onInput={(e) => setName(e.currentTarget.value)}
        {...(failure ? { 'aria-invalid': true, 'aria-describedby': 'rename-error' } : {})}
      />
      {failure && (
        <div class="error" id="rename-error" role="alert">
          {failure}
        </div>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t(lang, 'answer.working') : t(lang, 'answer.ok')}
        </button>
        <button type="button" onClick={closeDialog}>
          {t(lang, 'answer.cancel')}
        </button>
      </div>
    </form>
  );
}
