/**
 * Ui.alert and Ui.prompt as the page shows them; the add-on waits (blocked) until one is
 * answered. Google draws these buttons itself, and its Ui reference
 * (https://developers.google.com/apps-script/reference/base/ui) says nothing of their
 * language nor of which is the default, so the workbench draws the strict reading the
 * emulator records with the request: captions in the user's ACCOUNT language (not the
 * spreadsheet's, not the map's) and the set's FIRST button (Yes, OK) focused, so Enter
 * confirms. That is why the add-on asks nothing destructive through Ui.alert: its own
 * dialogs (HtmlService) speak the map's language and open on the safe answer.
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

/**
 * The answer a question opens on: the set's first (Yes, OK), the least convenient reading for the
 * add-on.
 */
export function defaultAnswer(names: readonly ButtonName[]): ButtonName {
  return names[0] ?? 'OK';
}

const USER_WORDS: Record<'en' | 'ru', Record<ButtonName, string>> = {
  en: { OK: 'OK', CANCEL: 'Cancel', YES: 'Yes', NO: 'No' },
  ru: { OK: 'ОК', CANCEL: 'Отмена', YES: 'Да', NO: 'Нет' },
};

export function askUser(request: UiRequest): Promise<UiResponse> {
  return new Promise((resolve) => {
    const input =
      request.kind === 'prompt'
        ? el('input', {
            type: 'text',
            id: uid('prompt'),
            'aria-label': request.prompt || hostWord('answer'),
            autocomplete: 'off',
          })
        : null;
    const answer = (name: Answer): void => {
      dialog.close();
      resolve(input ? { button: name, text: input.value } : name);
    };
    const names = SETS[request.buttons];
    // The default button (blue, focused: Enter presses it) is the set's first, as the emulator
    // records it.
    const primary = (request.focused as ButtonName | undefined) ?? defaultAnswer(names);
    // Captions in the user's account language, as recorded by the emulator (older workers: the
    // host's words).
    const userLang = request.userLocale
      ? /^(ru|be|uk|kk)/i.test(request.userLocale)
        ? 'ru'
        : 'en'
      : null;
    const buttons = names.map((n, i) => {
      const b = button(
        request.labels?.[i] ?? (userLang ? USER_WORDS[userLang][n] : hostWord(WORD[n])),
        n === primary,
        () => answer(n),
      );
      b.setAttribute('lang', userLang ?? currentHostLang());
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
      body: input
        ? [el('p', { class: 'question', text: request.prompt }), input]
        : [el('p', { class: 'question', text: request.prompt })],
      buttons,
      className: 'question-dialog',
      onDismiss: () => answer('CLOSE'),
      initialFocus: input ?? buttons[names.indexOf(primary)] ?? buttons[0],
    });
  });
}
