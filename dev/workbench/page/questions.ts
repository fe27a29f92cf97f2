/**
 * Ui.alert and Ui.prompt as the page shows them; the add-on waits (blocked) until one is
 * answered. Google draws these buttons itself, in the user's language (here the
 * spreadsheet's): "Да" / "Нет" in a Russian spreadsheet, never English. A question with a
 * negative answer opens with that answer focused, so Enter never confirms a removal by
 * accident; a prompt opens on its text box, where Enter answers OK.
 */
import type { UiRequest, UiResponse } from '../protocol';
import { button, currentHostLang, hostWord, openDialog, type HostWord } from './dialogs';
import { el, uid } from './dom';

type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO';
type Answer = ButtonName | 'CLOSE';

const SETS: Record<UiRequest['buttons'], ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};
const WORD: Record<ButtonName, HostWord> = { OK: 'ok', CANCEL: 'cancel', YES: 'yes', NO: 'no' };

/** The answer a question opens on: the safe one (No, else Cancel) when there is one. */
export function defaultAnswer(names: readonly ButtonName[]): ButtonName {
  return names.includes('NO') ? 'NO' : names.includes('CANCEL') ? 'CANCEL' : (names[0] ?? 'OK');
}

export function askUser(request: UiRequest): Promise<UiResponse> {
  return new Promise((resolve) => {
    const input = request.kind === 'prompt' ? el('input', { type: 'text', id: uid('prompt'), 'aria-label': request.prompt || hostWord('answer'), autocomplete: 'off' }) : null;
    const answer = (name: Answer): void => {
      dialog.close();
      resolve(input ? { button: name, text: input.value } : name);
    };
    const names = SETS[request.buttons];
    // The default button (blue, focused: Enter presses it) is the safe answer; a prompt's is OK, after typing.
    const primary = input ? (names[0] ?? 'OK') : defaultAnswer(names);
    const buttons = names.map((n) => {
      const b = button(hostWord(WORD[n]), n === primary, () => answer(n));
      b.setAttribute('lang', currentHostLang());
      return b;
    });
    input?.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        answer(names[0] ?? 'OK');
      }
    });
    const dialog = openDialog({
      role: 'alertdialog',
      title: request.title,
      label: request.prompt,
      body: input ? [el('p', { class: 'question', text: request.prompt }), input] : [el('p', { class: 'question', text: request.prompt })],
      buttons,
      className: 'question-dialog',
      onDismiss: () => answer('CLOSE'),
      initialFocus: input ?? buttons[names.indexOf(primary)] ?? buttons[0],
    });
  });
}
