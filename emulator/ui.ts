// SpreadsheetApp.getUi(): menus, alerts, prompts, sidebars and dialogs. Menus and every
// dialog shown are recorded so tests can assert on them and the workbench can draw them.
// alert/prompt block in Apps Script until the user answers, so answers are synchronous:
// a responder function or a queue of scripted answers; with neither, the call throws.
import { gasError } from './errors';
import type {
  ButtonName,
  ButtonSetName,
  HostButtons,
  MenuEntry,
  MenuSpec,
  UiRequest,
  UiResponse,
} from './views';
import type { EmuHtmlOutput } from './html';
import type { GHtmlOutput, GMenu, GPromptResponse, GUi } from './types';
import { as, enumOf, keysEnum } from './types';

export type { ButtonName, ButtonSetName, HostButtons, MenuEntry, MenuSpec, UiRequest, UiResponse };
export type Responder = (request: UiRequest) => UiResponse;

export interface ShownSurface {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width: number | null;
  height: number | null;
}

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
}

export class UiState {
  menus: MenuSpec[] = [];
  surfaces: ShownSurface[] = [];
  requests: Array<{ request: UiRequest; response: UiResponse }> = [];
  toasts: Toast[] = [];
  private queue: UiResponse[] = [];
  responder: Responder | null = null;

  /** Scripts the answers of the next alert/prompt calls, in order. */
  answer(...responses: UiResponse[]): void {
    this.queue.push(...responses);
  }

  get pendingAnswers(): number {
    return this.queue.length;
  }

  respond(request: UiRequest): UiResponse {
    const queued = this.queue.shift();
    const response = queued ?? this.responder?.(request);
    if (response === undefined) {
      throw new Error(
        `emulator: Ui.${request.kind}(${JSON.stringify(request.prompt)}) needs an answer: use workbook.ui.answer(...) or workbook.ui.responder`,
      );
    }
    this.requests.push({ request, response });
    return response;
  }

  get sidebar(): ShownSurface | undefined {
    return [...this.surfaces].reverse().find((s) => s.kind === 'sidebar');
  }
}

const BUTTON_SETS: ButtonSetName[] = ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'];
const SET_BUTTONS: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};
const CAPTIONS: Record<'en' | 'ru', Record<ButtonName, string>> = {
  en: { OK: 'OK', CANCEL: 'Cancel', YES: 'Yes', NO: 'No', CLOSE: 'Close' },
  ru: { OK: 'ОК', CANCEL: 'Отмена', YES: 'Да', NO: 'Нет', CLOSE: 'Закрыть' },
};

/** The buttons Google draws for a set, for a user with this account locale (see HostButtons). */
export function hostButtons(buttons: ButtonSetName, userLocale: string): HostButtons {
  const names = SET_BUTTONS[buttons];
  const words = CAPTIONS[/^(ru|be|uk|kk)/i.test(userLocale) ? 'ru' : 'en'];
  return { userLocale, labels: names.map((n) => words[n]), focused: names[0] ?? 'OK' };
}

export class EmuMenu implements Pick<GMenu, 'addItem' | 'addSeparator' | 'addToUi'> {
  static readonly typeName = 'Menu';
  readonly _spec: MenuSpec;
  constructor(
    private readonly _state: UiState,
    kind: 'addon' | 'custom',
    title: string,
  ) {
    this._spec = { kind, title, items: [] };
  }
  addItem(caption: string, functionName: string): GMenu {
    this._spec.items.push({ caption: String(caption), functionName: String(functionName) });
    return as(this);
  }
  addSeparator(): GMenu {
    this._spec.items.push({ separator: true });
    return as(this);
  }
  addToUi(): void {
    // Adding the same menu again replaces it, as reopening the document would.
    this._state.menus = this._state.menus.filter(
      (m) => !(m.kind === this._spec.kind && m.title === this._spec.title),
    );
    this._state.menus.push(structuredClone(this._spec));
  }
}

class EmuPromptResponse implements Pick<GPromptResponse, 'getResponseText' | 'getSelectedButton'> {
  static readonly typeName = 'PromptResponse';
  static readonly isBuilder = true;
  constructor(
    private readonly _text: string,
    private readonly _button: ButtonName,
  ) {}
  getResponseText(): string {
    return this._text;
  }
  getSelectedButton(): GoogleAppsScript.Base.Button {
    return this._button as unknown as GoogleAppsScript.Base.Button;
  }
}

export class EmuUi
  implements
    Pick<
      GUi,
      | 'createAddonMenu'
      | 'alert'
      | 'prompt'
      | 'showSidebar'
      | 'showModalDialog'
      | 'showModelessDialog'
      | 'Button'
      | 'ButtonSet'
    >
{
  static readonly typeName = 'Ui';
  readonly Button = enumOf<typeof GoogleAppsScript.Base.Button>(
    keysEnum('CLOSE', 'OK', 'CANCEL', 'YES', 'NO'),
  );
  readonly ButtonSet = enumOf<typeof GoogleAppsScript.Base.ButtonSet>(keysEnum(...BUTTON_SETS));
  constructor(
    private readonly _state: UiState,
    private readonly _addonName: string,
    /**
     * the user's account locale (the workbook's `userLocale`): the language Google draws
     * alert/prompt buttons in
     */
    private readonly _userLocale: () => string = () => 'en_US',
  ) {}

  createAddonMenu(): GMenu {
    return as(new EmuMenu(this._state, 'addon', this._addonName));
  }

  alert(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.Button {
    const response = this._ask('alert', a, b, c);
    const button = typeof response === 'string' ? response : response.button;
    return button as unknown as GoogleAppsScript.Base.Button;
  }

  prompt(a: string, b?: unknown, c?: unknown): GPromptResponse {
    const response = this._ask('prompt', a, b, c);
    const r = typeof response === 'string' ? { button: response, text: '' } : response;
    return as(new EmuPromptResponse(r.text, r.button));
  }

  /** An alert's or a prompt's question, as Google draws it, answered by the test or the user. */
  private _ask(kind: UiRequest['kind'], a: string, b: unknown, c: unknown): UiResponse {
    const { title, prompt, buttons } = dialogArgs(a, b, c, 'OK');
    return this._state.respond({
      kind,
      title,
      prompt,
      buttons,
      ...hostButtons(buttons, this._userLocale()),
    });
  }

  showSidebar(userInterface: GHtmlOutput): void {
    this._show('sidebar', userInterface, null);
  }
  showModalDialog(userInterface: GHtmlOutput, title: string): void {
    this._show('modal', userInterface, title);
  }
  showModelessDialog(userInterface: GHtmlOutput, title: string): void {
    this._show('modeless', userInterface, title);
  }

  private _show(kind: ShownSurface['kind'], out: GHtmlOutput, title: string | null): void {
    const html = out as unknown as EmuHtmlOutput;
    if (typeof html?._content !== 'string') throw gasError(`Invalid argument: userInterface`);
    this._state.surfaces.push({
      kind,
      title: title ?? html._title,
      html: html._content,
      width: html._width,
      height: html._height,
    });
  }
}

function dialogArgs(
  a: unknown,
  b: unknown,
  c: unknown,
  dflt: ButtonSetName,
): { title: string | null; prompt: string; buttons: ButtonSetName } {
  const isSet = (v: unknown): v is ButtonSetName =>
    typeof v === 'string' && (BUTTON_SETS as string[]).includes(v);
  if (c !== undefined) {
    if (!isSet(c)) throw gasError('Invalid argument: buttons');
    return { title: String(a), prompt: String(b), buttons: c };
  }
  if (b !== undefined) {
    if (!isSet(b)) throw gasError('Invalid argument: buttons');
    return { title: null, prompt: String(a), buttons: b };
  }
  return { title: null, prompt: String(a), buttons: dflt };
}
