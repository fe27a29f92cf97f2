/**
 * The workbench page: menus, grid, sheet tabs, the add-on's sidebar and dialogs, and the
 * workbench's own buttons. Every change goes to the server as one action; what comes
 * back (the new state and any page the add-on opened) is drawn here.
 */
import type { Action, Outcome, ViewState } from '../protocol';
import { resumePending, runAction } from './api';
import { button, hostWord, openDialog, setHostLocale } from './dialogs';
import { byId, el, uid } from './dom';
import { Grid } from './grid';
import { MenuBar } from './menus';
import { askUser } from './questions';
import { Surfaces, type RpcResult } from './surfaces';

const LOCALES = [
  ['en_US', 'English (United States)'],
  ['ru_RU', 'Русский (Россия)'],
  ['en_GB', 'English (United Kingdom)'],
  ['de_DE', 'Deutsch (Deutschland)'],
] as const;

class App {
  private state: ViewState | null = null;
  private busyCount = 0;
  private readonly grid: Grid;
  private readonly menus: MenuBar;
  private readonly surfaces: Surfaces;
  private readonly tabs = byId('tabs');
  private readonly status = byId('status');
  private readonly notice = byId('notice');

  constructor() {
    this.grid = new Grid(
      byId('grid-scroll'),
      byId<HTMLInputElement>('name-box'),
      byId<HTMLInputElement>('formula-input'),
      {
        commit: async (sheet, a1, input) => {
          await this.perform({ kind: 'edit', sheet, a1, input });
        },
      },
    );
    this.menus = new MenuBar(
      byId('menubar'),
      (functionName) => void this.perform({ kind: 'menu', functionName }),
    );
    this.surfaces = new Surfaces(byId('sidebar'), (functionName, args) =>
      this.rpc(functionName, args),
    );
    byId('download').addEventListener('click', () => void this.download());
    byId('reset').addEventListener('click', () => this.confirmReset());
    this.tabs.addEventListener('keydown', (e) => this.onTabKey(e));
  }

  async start(): Promise<void> {
    try {
      const resumed = await resumePending(askUser);
      if (resumed) this.apply(resumed, true);
    } catch (e) {
      this.showNotice(message(e));
    }
    await this.perform({ kind: 'state' });
  }

  /**
   * Runs one action on the server (answering the add-on's questions on the way) and draws the
   * result.
   */
  async perform(action: Action): Promise<Outcome | null> {
    this.setBusy(1);
    try {
      const outcome = await runAction(action, this.grid.selection, askUser);
      this.apply(outcome, action.kind !== 'rpc');
      return outcome;
    } catch (e) {
      this.showNotice(message(e));
      return null;
    } finally {
      this.setBusy(-1);
    }
  }

  private async rpc(functionName: string, args: unknown[]): Promise<RpcResult> {
    const outcome = await this.perform({ kind: 'rpc', functionName, args });
    if (!outcome) return { ok: false, message: 'The workbench server did not answer.' };
    return outcome.error !== undefined
      ? { ok: false, message: outcome.error }
      : { ok: true, value: outcome.value ?? null };
  }

  private apply(outcome: Outcome, showError: boolean): void {
    // Answers can overtake each other (a sidebar call and an edit): never draw an older state.
    if (!this.state || outcome.state.revision >= this.state.revision) {
      // The add-on moved the selection (a stage edit puts it on the stage worked on, Present on its
      // charts): follow it, and Sheets scrolls to it.
      if (outcome.selection) this.grid.follow(outcome.selection);
      this.render(outcome.state);
      if (outcome.selection?.sheet === outcome.state.active.name) this.grid.reveal();
    }
    for (const s of outcome.surfaces) this.surfaces.show(s);
    if (showError && outcome.error) this.showNotice(outcome.error);
  }

  private render(state: ViewState): void {
    this.state = state;
    byId('locale').textContent = state.locale;
    setHostLocale(state.userLocale ?? state.locale);
    this.menus.render(state.menus);
    this.renderTabs(state);
    this.grid.render(state.active, state.locale, state.activeRange, state.drawing);
    document.body.dataset.revision = String(state.revision);
    document.dispatchEvent(new CustomEvent('cjm:rendered', { detail: state.revision }));
  }

  private renderTabs(state: ViewState): void {
    const panel = byId('grid-scroll');
    const tabs = state.sheets.map((s) => {
      const id = uid('tab');
      const tab = el('button', {
        type: 'button',
        role: 'tab',
        id,
        'aria-selected': String(s.active),
        'aria-controls': 'grid-scroll',
        tabindex: s.active ? '0' : '-1',
        class: 'tab',
        text: s.name,
      });
      if (s.active) panel.setAttribute('aria-labelledby', id);
      tab.addEventListener('click', () => {
        if (!s.active) void this.perform({ kind: 'activate', sheet: s.name });
      });
      return tab;
    });
    this.tabs.replaceChildren(...tabs);
  }

  private onTabKey(e: KeyboardEvent): void {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const tabs = [...this.tabs.querySelectorAll<HTMLElement>('[role=tab]')];
    const i = tabs.indexOf(document.activeElement as HTMLElement);
    const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : -1) + tabs.length) % tabs.length];
    next?.focus();
    next?.click();
  }

  private async download(): Promise<void> {
    this.setBusy(1);
    try {
      const res = await fetch('/download.xlsx');
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as { error?: string };
        throw new Error(body.error ?? `download failed (${res.status})`);
      }
      const name = /filename\*=UTF-8''([^;]+)/.exec(
        res.headers.get('Content-Disposition') ?? '',
      )?.[1];
      const link = el('a', {
        href: URL.createObjectURL(await res.blob()),
        download: name ? decodeURIComponent(name) : 'map.xlsx',
      });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (e) {
      this.showNotice(message(e));
    } finally {
      this.setBusy(-1);
    }
  }

  private confirmReset(): void {
    const select = el(
      'select',
      { id: uid('locale') },
      LOCALES.map(([id, name]) =>
        el('option', { value: id, text: `${name} — ${id}`, selected: id === this.state?.locale }),
      ),
    );
    const label = el('label', { for: select.id, text: 'Spreadsheet locale' });
    const dialog = openDialog({
      role: 'alertdialog',
      title: 'Reset the workbook?',
      body: [
        el('p', {
          text: 'Every sheet, map and saved setting of this workbook will be deleted and a new, empty spreadsheet opened.',
        }),
        el('div', { class: 'field' }, [label, select]),
      ],
      buttons: [
        button('Reset', true, () => {
          dialog.close();
          this.surfaces.closeAll();
          this.grid.forget();
          void this.perform({ kind: 'reset', locale: select.value });
        }),
        button('Cancel', false, () => dialog.close()),
      ],
      onDismiss: () => dialog.close(),
    });
  }

  private setBusy(delta: number): void {
    this.busyCount += delta;
    document.body.toggleAttribute('data-busy', this.busyCount > 0);
    this.status.textContent = this.busyCount > 0 ? hostWord('working') : '';
  }

  private showNotice(text: string): void {
    const dismiss = el('button', {
      type: 'button',
      class: 'dialog-close',
      'aria-label': hostWord('dismiss'),
      text: '×',
    });
    dismiss.addEventListener('click', () => (this.notice.hidden = true));
    this.notice.replaceChildren(el('span', { text }), dismiss);
    this.notice.hidden = false;
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

void new App().start();
