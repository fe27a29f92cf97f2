/**
 * Copying and saving from the sidebar, within what Apps Script's sandboxed iframe allows.
 * Its sandbox lists allow-downloads, so a file is saved through a Blob URL and an <a download>
 * (target _self: the page's <base target="_top"> must not send it to the spreadsheet tab).
 * The Clipboard API may be refused there (the frame may lack the clipboard-write permission,
 * or the user says no): then the text is copied the old way, from a selection; and if that is
 * refused too, it is left selected for the user's Ctrl+C.
 */

/** "copied", or "selected" when the page may not copy and the text waits selected for Ctrl+C. */
export type CopyOutcome = 'copied' | 'selected';

export async function copyText(text: string, source: HTMLElement | null): Promise<CopyOutcome> {
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no Clipboard API');
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    return selectAndCopy(source);
  }
}

/**
 * Selects the text of `source` (a field's value, or an element's text) and asks the browser to copy
 * the selection.
 */
function selectAndCopy(source: HTMLElement | null): CopyOutcome {
  if (!source) return 'selected';
  if (source instanceof HTMLTextAreaElement || source instanceof HTMLInputElement) {
    source.focus();
    source.select();
  } else {
    const range = document.createRange();
    range.selectNodeContents(source);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }
  try {
    return document.execCommand('copy') ? 'copied' : 'selected';
  } catch {
    return 'selected';
  }
}

/**
 * Starts the download of a Blob URL as `fileName` (a click on a link, as the user would make it).
 */
export function saveUrl(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.target = '_self';
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
}
