/**
 * The add-on's HTML pages: the sidebar (300 px panel, one at a time) and dialogs, each an
 * iframe of /surface/:id. The shim inside posts google.script.run calls and host.close()
 * here; calls are run on the server and the result posted back to that frame.
 */
import type { SurfaceInfo } from '../protocol';
import { openDialog, type OpenDialog } from './dialogs';
import { el, uid } from './dom';
import type { ShimReply, ShimRequest } from './shim-messages';

export type RpcResult = { ok: true; value: unknown } | { ok: false; message: string };

interface Shown {
  info: SurfaceInfo;
  frame: HTMLIFrameElement;
  close(): void;
}

const SIDEBAR_WIDTH = 300;
/**
 * https://developers.google.com/apps-script/guides/html/restrictions, "Restrictions in IFRAME
 * mode".
 */
const SANDBOX =
  'allow-same-origin allow-forms allow-scripts allow-popups allow-downloads allow-modals allow-popups-to-escape-sandbox';

export class Surfaces {
  private readonly shown = new Map<string, Shown>();

  constructor(
    private readonly sidebar: HTMLElement,
    private readonly rpc: (functionName: string, args: unknown[]) => Promise<RpcResult>,
  ) {
    window.addEventListener('message', (e: MessageEvent<unknown>) => this.onMessage(e));
  }

  show(info: SurfaceInfo): void {
    if (info.kind === 'sidebar') this.showSidebar(info);
    else this.showDialog(info);
  }

  closeAll(): void {
    for (const s of [...this.shown.values()]) s.close();
  }

  private frame(
    info: SurfaceInfo,
    width: number | string,
    height: number | string,
  ): HTMLIFrameElement {
    return el('iframe', {
      src: `/surface/${info.id}`,
      // HtmlService's IFRAME mode, as its restrictions page lists it for an add-on (not a
      // stand-alone script, so no top navigation): downloads and copies are tried in what it
      // allows.
      sandbox: SANDBOX,
      title: info.title || 'Add-on page',
      class: 'surface-frame',
      style: `width:${typeof width === 'number' ? `${width}px` : width};height:${typeof height === 'number' ? `${height}px` : height}`,
    });
  }

  private showSidebar(info: SurfaceInfo): void {
    for (const s of [...this.shown.values()]) if (s.info.kind === 'sidebar') s.close();
    const titleId = uid('sidebar-title');
    const frame = this.frame(info, SIDEBAR_WIDTH, '100%');
    const closeButton = el('button', {
      type: 'button',
      class: 'dialog-close',
      'aria-label': 'Close sidebar',
      text: '×',
    });
    this.sidebar.replaceChildren(
      el('div', { class: 'sidebar-head' }, [
        el('h2', { id: titleId, text: info.title }),
        closeButton,
      ]),
      frame,
    );
    this.sidebar.setAttribute('role', 'complementary');
    this.sidebar.setAttribute('aria-labelledby', titleId);
    this.sidebar.hidden = false;
    const close = (): void => {
      this.shown.delete(info.id);
      if (this.sidebar.contains(frame)) {
        this.sidebar.replaceChildren();
        this.sidebar.hidden = true;
      }
    };
    closeButton.addEventListener('click', close);
    this.shown.set(info.id, { info, frame, close });
  }

  private showDialog(info: SurfaceInfo): void {
    // Sheets shows one add-on dialog at a time: a new one replaces the old.
    for (const s of [...this.shown.values()]) if (s.info.kind !== 'sidebar') s.close();
    const frame = this.frame(info, info.width ?? 600, info.height ?? 425);
    let dialog: OpenDialog | null = null;
    const close = (): void => {
      this.shown.delete(info.id);
      dialog?.close();
    };
    dialog = openDialog({
      role: 'dialog',
      title: info.title,
      body: [frame],
      modal: info.kind === 'modal',
      className: 'addon-dialog',
      onDismiss: close,
    });
    frame.focus();
    this.shown.set(info.id, { info, frame, close });
  }

  private onMessage(e: MessageEvent<unknown>): void {
    const shown = [...this.shown.values()].find((s) => s.frame.contentWindow === e.source);
    const data = e.data as Partial<ShimRequest> | null;
    if (!shown || !data || typeof data !== 'object' || data.cjm === undefined) return;
    if (data.cjm === 'close') shown.close();
    else if (data.cjm === 'size' && shown.info.kind !== 'sidebar') {
      if (typeof data.width === 'number') shown.frame.style.width = `${data.width}px`;
      if (typeof data.height === 'number') shown.frame.style.height = `${data.height}px`;
    } else if (
      data.cjm === 'run' &&
      typeof data.functionName === 'string' &&
      typeof data.callId === 'number'
    ) {
      const { callId, functionName } = data;
      void this.rpc(functionName, Array.isArray(data.args) ? data.args : []).then((result) => {
        const reply: ShimReply = { cjm: 'result', callId, ...result };
        shown.frame.contentWindow?.postMessage(reply, location.origin);
      });
    }
  }
}
