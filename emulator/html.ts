// HtmlService: only what the add-on needs to open its sidebar and dialogs. Files come
// from the map given to loadAddon (e.g. { Sidebar: <contents of dist/Sidebar.html> }).
import { gasError } from './errors';
import type { GHtmlOutput } from './types';
import { as, enumOf, keysEnum } from './types';

export class EmuHtmlOutput
  implements
    Pick<
      GHtmlOutput,
      | 'setTitle'
      | 'getTitle'
      | 'setWidth'
      | 'getWidth'
      | 'setHeight'
      | 'getHeight'
      | 'getContent'
      | 'setContent'
      | 'append'
      | 'setSandboxMode'
      | 'setXFrameOptionsMode'
    >
{
  static readonly typeName = 'HtmlOutput';
  /** A local object in Apps Script too: its setters cost no server round trip. */
  static readonly isBuilder = true;
  _title = '';
  _width: number | null = null;
  _height: number | null = null;
  constructor(public _content: string) {}

  setTitle(title: string): GHtmlOutput {
    this._title = String(title);
    return as(this);
  }
  getTitle(): string {
    return this._title;
  }
  setWidth(width: number): GHtmlOutput {
    this._width = width;
    return as(this);
  }
  getWidth(): number {
    return this._width ?? 0;
  }
  setHeight(height: number): GHtmlOutput {
    this._height = height;
    return as(this);
  }
  getHeight(): number {
    return this._height ?? 0;
  }
  getContent(): string {
    return this._content;
  }
  setContent(content: string): GHtmlOutput {
    this._content = String(content);
    return as(this);
  }
  append(addedContent: string): GHtmlOutput {
    this._content += String(addedContent);
    return as(this);
  }
  /** Only IFRAME exists nowadays; accepted and ignored. */
  setSandboxMode(_mode: GoogleAppsScript.HTML.SandboxMode): GHtmlOutput {
    return as(this);
  }
  setXFrameOptionsMode(_mode: GoogleAppsScript.HTML.XFrameOptionsMode): GHtmlOutput {
    return as(this);
  }
}

export class EmuHtmlService
  implements
    Pick<
      GoogleAppsScript.HTML.HtmlService,
      'createHtmlOutput' | 'createHtmlOutputFromFile' | 'SandboxMode' | 'XFrameOptionsMode'
    >
{
  static readonly typeName = 'HtmlService';
  readonly SandboxMode = enumOf<typeof GoogleAppsScript.HTML.SandboxMode>(
    keysEnum('EMULATED', 'IFRAME', 'NATIVE'),
  );
  readonly XFrameOptionsMode = enumOf<typeof GoogleAppsScript.HTML.XFrameOptionsMode>(
    keysEnum('ALLOWALL', 'DEFAULT'),
  );
  constructor(private readonly _files: Record<string, string>) {}

  createHtmlOutput(html?: unknown): GHtmlOutput {
    return as(new EmuHtmlOutput(html === undefined ? '' : String(html)));
  }
  createHtmlOutputFromFile(filename: string): GHtmlOutput {
    const name = String(filename).replace(/\.html$/, '');
    const content = this._files[name] ?? this._files[`${name}.html`];
    if (content === undefined) throw gasError(`No HTML file named ${name} was found.`);
    return as(new EmuHtmlOutput(content));
  }
}
