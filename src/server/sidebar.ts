import { BOOT_PLACEHOLDER, type SidebarBoot } from '../contract';

/** JSON that is safe inside a <script> element: no "</script>" or "<!--" can end it early. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The one page of the add-on with its first screen's data embedded (no round trip to load it). */
export function pageWithBoot(boot: SidebarBoot): GoogleAppsScript.HTML.HtmlOutput {
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').getContent();
  return HtmlService.createHtmlOutput(page.replace(BOOT_PLACEHOLDER, () => scriptSafeJson(boot)));
}
