import { BOOT_PLACEHOLDER, type SidebarBoot } from '../contract';

/** JSON that is safe inside a <script> element: no "</script>" or "<!--" can end it early. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The views of the menu's dialogs, which have a page of their own (dist/Dialog.html). */
const DIALOG_VIEWS: readonly SidebarBoot['view'][] = ['removeStage', 'renameMap', 'importTable'];

/**
 * A page of the add-on (the sidebar's, or the dialogs') with its first screen's data embedded (no
 * round trip to load it).
 */
export function pageWithBoot(boot: SidebarBoot): GoogleAppsScript.HTML.HtmlOutput {
  // Each file is named whole, so the deploy test sees every page the server opens.
  const page = (
    DIALOG_VIEWS.includes(boot.view)
      ? HtmlService.createHtmlOutputFromFile('Dialog')
      : HtmlService.createHtmlOutputFromFile('Sidebar')
  ).getContent();
  return HtmlService.createHtmlOutput(page.replace(BOOT_PLACEHOLDER, () => scriptSafeJson(boot)));
}
