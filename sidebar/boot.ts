import { BOOT_ELEMENT_ID, type SidebarBoot } from '../src/contract';
import { t } from '../src/core/words/i18n-ui';

/** The first screen's data, embedded by the server into the page (see server/sidebar.ts). */
export function readBoot(doc: Document): SidebarBoot | null {
  const text = doc.getElementById(BOOT_ELEMENT_ID)?.textContent ?? '';
  try {
    const boot = JSON.parse(text) as SidebarBoot;
    return typeof boot === 'object' && boot !== null && 'view' in boot ? boot : null;
  } catch {
    return null;
  }
}

/**
 * Starts a page of the add-on on its embedded data, once the page is parsed (the server may
 * append to it after this script): `show` renders the view into #app. No data means no known
 * language: it is said in both.
 */
export function startPage(show: (boot: SidebarBoot, root: HTMLElement) => void): void {
  const start = () => {
    const root = document.getElementById('app');
    if (!root) return;
    const boot = readBoot(document);
    if (!boot) {
      root.textContent = `${t('en', 'boot.failed')} ${t('ru', 'boot.failed')}`;
      return;
    }
    document.documentElement.lang = boot.lang;
    show(boot, root);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
