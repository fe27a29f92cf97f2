/** Ui.alert and Ui.prompt as the page shows them; the add-on waits (blocked) until one is answered. */
import type { UiRequest, UiResponse } from '../protocol';
import { button, openDialog } from './dialogs';
import { el, uid } from './dom';

type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO';
type Answer = ButtonName | 'CLOSE';

const SETS: Record<UiRequest['buttons'], ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};
const LABEL: Record<ButtonName, string> = { OK: 'OK', CANCEL: 'Cancel', YES: 'Yes', NO: 'No' };

export function askUser(request: UiRequest): Promise<UiResponse> {
  return new Promise((resolve) => {
    const input = request.kind === 'prompt' ? el('input', { type: 'text', id: uid('prompt'), 'aria-label': request.prompt || 'Answer', autocomplete: 'off' }) : null;
    const answer = (name: Answer): void => {
      dialog.close();
      resolve(input ? { button: name, text: input.value } : name);
    };
    const names = SETS[request.buttons];
    const buttons = names.map((n, i) => button(LABEL[n], i === 0, () => answer(n)));
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
    });
  });
}
