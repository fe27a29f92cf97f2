/**
 * Modal and modeless dialogs of the page: the add-on's questions (alertdialog), its HTML
 * dialogs and the workbench's own confirmations. Focus moves in and comes back on close;
 * Escape closes; Tab stays inside a modal.
 */
import { byId, el, uid } from './dom';

/**
 * Words the host draws around the add-on (Google draws Ui.alert's buttons, the dialog frame
 * and its own status line in the user's language, not the add-on): in the user's account
 * language here (the workbook's userLocale, by default the spreadsheet's locale).
 */
const HOST_WORDS = {
  en: {
    ok: 'OK',
    cancel: 'Cancel',
    yes: 'Yes',
    no: 'No',
    close: 'Close',
    working: 'Working…',
    dialog: 'Dialog',
    answer: 'Answer',
    dismiss: 'Dismiss',
    parseError: 'Formula parse error.',
  },
  ru: {
    ok: 'ОК',
    cancel: 'Отмена',
    yes: 'Да',
    no: 'Нет',
    close: 'Закрыть',
    working: 'Работаем…',
    dialog: 'Диалог',
    answer: 'Ответ',
    dismiss: 'Скрыть',
    parseError: 'Ошибка синтаксического анализа формулы.',
  },
} as const;
export type HostLang = keyof typeof HOST_WORDS;
export type HostWord = keyof (typeof HOST_WORDS)['en'];

let hostLang: HostLang = 'en';

/**
 * The language of the host's words for a spreadsheet locale ("ru_RU" → ru; as the add-on maps
 * locales).
 */
export function hostLangOf(locale: string): HostLang {
  return /^(ru|be|uk|kk)/i.test(locale) ? 'ru' : 'en';
}

/** Follows the user's account locale (set on every redraw). */
export function setHostLocale(locale: string): void {
  hostLang = hostLangOf(locale);
}

export function hostWord(word: HostWord): string {
  return HOST_WORDS[hostLang][word];
}

export function currentHostLang(): HostLang {
  return hostLang;
}

export interface DialogSpec {
  role: 'dialog' | 'alertdialog';
  title: string | null;
  /** The accessible name when there is no visible title. */
  label?: string;
  body: Node[];
  buttons?: HTMLButtonElement[];
  modal?: boolean;
  className?: string;
  /** Escape or the × button. */
  onDismiss(): void;
  /**
   * The control that has the focus when the dialog opens (Enter presses it). Default: the
   * first field, else the primary button, else the first button. A question whose "yes"
   * destroys something opens on its safe answer.
   */
  initialFocus?: HTMLElement;
}

export interface OpenDialog {
  element: HTMLElement;
  close(): void;
}

export function openDialog(spec: DialogSpec): OpenDialog {
  const modal = spec.modal ?? true;
  const before = document.activeElement as HTMLElement | null;
  const titleId = uid('dialog-title');
  const descId = uid('dialog-desc');
  const closeButton = el('button', {
    type: 'button',
    class: 'dialog-close',
    'aria-label': hostWord('close'),
    text: '×',
  });
  const dialog = el(
    'div',
    {
      role: spec.role,
      'aria-modal': modal ? 'true' : null,
      'aria-labelledby': spec.title ? titleId : null,
      'aria-label': spec.title ? null : (spec.label ?? hostWord('dialog')),
      'aria-describedby': spec.role === 'alertdialog' ? descId : null,
      class: `dialog ${spec.className ?? ''}`,
      tabindex: '-1',
    },
    [
      el('div', { class: 'dialog-head' }, [
        spec.title ? el('h2', { id: titleId, text: spec.title }) : el('span'),
        closeButton,
      ]),
      el('div', { class: 'dialog-body', id: descId }, spec.body),
      spec.buttons?.length ? el('div', { class: 'dialog-buttons' }, spec.buttons) : null,
    ],
  );
  const container = modal
    ? el('div', { class: 'backdrop' }, [dialog])
    : el('div', { class: 'modeless' }, [dialog]);
  byId('layer').append(container);

  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    container.remove();
    if (before?.isConnected) before.focus();
  };
  closeButton.addEventListener('click', () => spec.onDismiss());
  dialog.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      spec.onDismiss();
    } else if (e.key === 'Tab' && modal) {
      trapTab(e, dialog);
    }
  });
  const first =
    spec.initialFocus ??
    dialog.querySelector<HTMLElement>('input, select, textarea, .primary') ??
    spec.buttons?.[0] ??
    dialog;
  first.focus();
  return { element: dialog, close };
}

function trapTab(e: KeyboardEvent, dialog: HTMLElement): void {
  const focusable = [
    ...dialog.querySelectorAll<HTMLElement>(
      'button, input, select, textarea, iframe, [tabindex="0"]',
    ),
  ].filter((n) => !n.hasAttribute('disabled'));
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

export function button(text: string, primary: boolean, onClick: () => void): HTMLButtonElement {
  const b = el('button', { type: 'button', class: primary ? 'primary' : null, text });
  b.addEventListener('click', onClick);
  return b;
}
