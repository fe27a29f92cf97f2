import { BOOT_ELEMENT_ID, type SidebarBoot } from '../src/contract';

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
