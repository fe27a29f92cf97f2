// HtmlService: only what the add-on needs to open its sidebar and dialogs. Files come
// from the map given to loadAddon (e.g. { Sidebar: <contents of dist/Sidebar.html> }).
import { gasError } from './errors';
import type { GHtmlOutput } from './types';
import { as, enumOf, keysEnum } from './types';

export class EmuHtmlOutput
  implements Pick<GHtmlOutput, 'setTitle' | 'setWidth' | 'setHeight' | 'getContent'>
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
  setWidth(width: number): GHtmlOutput {
    this._width = width;
    return as(this);
  }
  setHeight(height: number): GHtmlOutput {
    this._height = height;
    return as(this);
  }
  getContent(): string {
    return this._content;
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
