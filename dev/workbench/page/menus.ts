/**
 * The spreadsheet's menu bar, built only from what the add-on registered (Ui menus after
 * onOpen): add-on menus under Extensions, custom menus (Ui.createMenu) beside it. ARIA
 * menubar/menu/menuitem with the usual keys: arrows, Enter/Space, Escape.
 */
import type { MenuSpec } from '../protocol';
import { el, uid } from './dom';

type Entry = MenuSpec['items'][number];

export class MenuBar {
  private rendered = '';
  private openRoots: HTMLElement[] = [];

  constructor(
    private readonly bar: HTMLElement,
    private readonly run: (functionName: string) => void,
  ) {
    document.addEventListener('mousedown', (e) => {
      if (!this.bar.contains(e.target as Node)) this.closeAll();
    });
  }

  render(menus: MenuSpec[]): void {
    const key = JSON.stringify(menus);
    if (key === this.rendered) return;
    this.rendered = key;
    const addon = menus.filter((m) => m.kind === 'addon');
    const custom = menus.filter((m) => m.kind === 'custom');
    const extensions: Entry[] = addon.map((m) => ({ submenu: m }));
    if (extensions.length === 0)
      extensions.push({ caption: 'No add-on menu (onOpen added none)', functionName: '' });
    this.bar.replaceChildren(
      this.root('Extensions', extensions),
      ...custom.map((m) => this.root(m.title, m.items)),
    );
  }

  private root(title: string, items: Entry[]): HTMLElement {
    const id = uid('menu');
    const button = el('button', {
      type: 'button',
      role: 'menuitem',
      id,
      'aria-haspopup': 'menu',
      'aria-expanded': 'false',
      class: 'menu-root',
      text: title,
    });
    const popup = this.menu(items, id);
    const wrap = el('div', { class: 'menu-wrap' }, [button, popup]);
    button.addEventListener('click', () =>
      popup.hidden ? this.open(button, popup, true) : this.closeAll(),
    );
    button.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        this.open(button, popup, true);
      } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        e.preventDefault();
        const roots = [...this.bar.querySelectorAll<HTMLElement>('.menu-root')];
        const i = roots.indexOf(button) + (e.key === 'ArrowRight' ? 1 : -1);
        roots[(i + roots.length) % roots.length]?.focus();
      }
    });
    button.addEventListener('mouseenter', () => {
      if (this.openRoots.length && popup.hidden) this.open(button, popup, false);
    });
    return wrap;
  }

  private menu(items: Entry[], labelledBy: string | null, label?: string): HTMLElement {
    const menu = el('div', {
      role: 'menu',
      class: 'menu',
      hidden: true,
      'aria-labelledby': labelledBy,
      'aria-label': label,
    });
    for (const item of items) {
      if ('separator' in item) {
        menu.append(el('div', { role: 'separator', class: 'menu-sep' }));
      } else if ('submenu' in item) {
        const id = uid('menuitem');
        const opener = el(
          'div',
          {
            role: 'menuitem',
            id,
            tabindex: '-1',
            'aria-haspopup': 'menu',
            'aria-expanded': 'false',
            class: 'menu-item has-sub',
          },
          [
            el('span', { text: item.submenu.title }),
            el('span', { class: 'arrow', 'aria-hidden': 'true', text: '▸' }),
          ],
        );
        const sub = this.menu(item.submenu.items, id);
        sub.classList.add('submenu');
        const wrap = el('div', { class: 'menu-sub-wrap', role: 'none' }, [opener, sub]);
        opener.addEventListener('click', () => this.openSub(opener, sub, true));
        opener.addEventListener('mouseenter', () => this.openSub(opener, sub, false));
        opener.addEventListener('keydown', (e) => {
          if (e.key === 'ArrowRight' || e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            e.stopPropagation();
            this.openSub(opener, sub, true);
          }
        });
        sub.addEventListener('keydown', (e) => {
          if (e.key === 'ArrowLeft' || e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            this.closeSub(opener, sub);
            opener.focus();
          }
        });
        menu.append(wrap);
      } else {
        const node = el('div', {
          role: 'menuitem',
          tabindex: '-1',
          class: 'menu-item',
          text: item.caption,
          'aria-disabled': item.functionName ? null : 'true',
        });
        const choose = (): void => {
          if (!item.functionName) return;
          this.closeAll();
          this.run(item.functionName);
        };
        node.addEventListener('click', choose);
        node.addEventListener('mouseenter', () => this.closeSiblingSubs(menu));
        node.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            choose();
          }
        });
        menu.append(node);
      }
    }
    menu.addEventListener('keydown', (e) => this.navigate(e, menu));
    return menu;
  }

  private navigate(e: KeyboardEvent, menu: HTMLElement): void {
    const items = [...menu.children].flatMap((c) =>
      c.matches('[role=menuitem]') ? [c] : [...c.querySelectorAll(':scope > [role=menuitem]')],
    ) as HTMLElement[];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      const n = items.length;
      items[(i + (e.key === 'ArrowDown' ? 1 : -1) + n) % n]?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      const root = this.openRoots[0];
      this.closeAll();
      root?.focus();
    } else if (e.key === 'Tab') {
      this.closeAll();
    }
  }

  private open(button: HTMLElement, popup: HTMLElement, focusFirst: boolean): void {
    this.closeAll();
    popup.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    this.openRoots = [button];
    if (focusFirst) popup.querySelector<HTMLElement>('[role=menuitem]')?.focus();
  }

  private openSub(opener: HTMLElement, sub: HTMLElement, focusFirst: boolean): void {
    const parentMenu = opener.closest('[role=menu]');
    if (parentMenu) this.closeSiblingSubs(parentMenu as HTMLElement, sub);
    sub.hidden = false;
    opener.setAttribute('aria-expanded', 'true');
    if (focusFirst) sub.querySelector<HTMLElement>('[role=menuitem]')?.focus();
  }

  private closeSub(opener: HTMLElement, sub: HTMLElement): void {
    sub.hidden = true;
    opener.setAttribute('aria-expanded', 'false');
  }

  private closeSiblingSubs(menu: HTMLElement, except?: HTMLElement): void {
    menu.querySelectorAll<HTMLElement>(':scope > .menu-sub-wrap > [role=menu]').forEach((s) => {
      if (s !== except) {
        s.hidden = true;
        s.previousElementSibling?.setAttribute('aria-expanded', 'false');
      }
    });
  }

  closeAll(): void {
    this.bar.querySelectorAll<HTMLElement>('[role=menu]').forEach((m) => {
      m.hidden = true;
    });
    this.bar.querySelectorAll('[aria-expanded=true]').forEach((b) => {
      b.setAttribute('aria-expanded', 'false');
    });
    this.openRoots = [];
  }
}
