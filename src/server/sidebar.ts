import { BOOT_PLACEHOLDER, type SidebarBoot } from '../contract';
import { ui } from '../sheets/workbook';

/** JSON that is safe inside a <script> element: no "</script>" or "<!--" can end it early. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Opens the one sidebar page with its first screen's data embedded (no round trip to load it). */
export function showSidebar(boot: SidebarBoot, title: string): void {
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').getContent();
  const html = HtmlService.createHtmlOutput(page.replace(BOOT_PLACEHOLDER, () => scriptSafeJson(boot))).setTitle(title);
  ui().showSidebar(html);
}
