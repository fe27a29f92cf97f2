/**
 * What a hostile user types: every string carries a unique token (so it can be found
 * anywhere in the workbook, and in any formula), shaped like something Sheets would
 * parse (a formula, a sign, an "@", an apostrophe). Bare strings without a token ("+1",
 * "1,5") are tracked by their text and place instead.
 */
import { CELL_LIMIT, NAME_MAX } from '../../../src/core/map/names';

/**
 * A token: "Tq" + number + "x". Map ids are upper case and stage ids lower case, so no id contains
 * one.
 */
export const TOKEN_RE = /Tq\d+x/g;

export const TOKEN_KINDS = [
  'plain',
  'importxml',
  'hyperlink',
  'concat',
  'plus',
  'minus',
  'at',
  'apostrophe',
  'cyrillic',
] as const;
/**
 * Texts at the edges: bidirectional and control characters around the token, and lengths exactly
 * at and one past the limits of a map's name, a stage's name and a cell (src/core/map/names.ts).
 */
export const EXTREME_KINDS = [
  'bidi',
  'rtlMark',
  'lineSep',
  'cr',
  'nul',
  'mapNameMax',
  'mapNameOver',
  'stageNameMax',
  'stageNameOver',
  'cellMax',
  'cellOver',
] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number] | (typeof EXTREME_KINDS)[number];

/** `text` padded with "a" to exactly `length` characters. */
const padded = (text: string, length: number) =>
  text + 'a'.repeat(Math.max(0, length - text.length));

/**
 * Strings Sheets would read as a number, a boolean, a date or a formula if they were not kept as
 * text.
 */
export const BARE_TEXTS = [
  '+1',
  '-1',
  '1,5',
  '1.5',
  '5%',
  '0012',
  'TRUE',
  'ИСТИНА',
  '2026-01-05',
  '=1+1',
  '@a',
  '-x',
  "'quoted",
] as const;

export type TextPick = { kind: 'token'; shape: TokenKind } | { kind: 'bare'; index: number };

export function tokenText(shape: TokenKind, token: string): string {
  switch (shape) {
    case 'plain':
      return `note ${token}`;
    case 'importxml':
      return `=IMPORTXML("http://x/${token}","//a")`;
    case 'hyperlink':
      return `=HYPERLINK("x/${token}")`;
    case 'concat':
      return `=1+1&"${token}"`;
    case 'plus':
      return `+${token}`;
    case 'minus':
      return `-${token}`;
    case 'at':
      return `@${token}`;
    case 'apostrophe':
      return `'${token}`;
    case 'cyrillic':
      return `заметка ${token}`;
    case 'bidi':
      return `\u202E${token} txet`;
    case 'rtlMark':
      return `\u200F${token}\u200F`;
    case 'lineSep':
      return `line\u2028${token}`;
    case 'cr':
      return `${token}\rnext`;
    case 'nul':
      return `\u0000${token}`;
    case 'mapNameMax':
      return padded(`${token} `, NAME_MAX.map);
    case 'mapNameOver':
      return padded(`${token} `, NAME_MAX.map + 1);
    case 'stageNameMax':
      return padded(`${token} `, NAME_MAX.stage);
    case 'stageNameOver':
      return padded(`${token} `, NAME_MAX.stage + 1);
    case 'cellMax':
      return padded(`${token} `, CELL_LIMIT);
    case 'cellOver':
      return padded(`${token} `, CELL_LIMIT + 1);
  }
}

export function bareText(index: number): string {
  return BARE_TEXTS[index % BARE_TEXTS.length] ?? '+1';
}

export function tokensIn(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

/**
 * A formula's text without its quoted sheet names ('My map Tq1x'!B1 names a sheet the user
 * named, which is not the user's text run as a formula); string literals are kept.
 */
export function formulaWithoutSheetNames(formula: string): string {
  return formula.replace(/'(?:[^']|'')*'!/g, '!');
}

const CYRILLIC = /[А-Яа-яЁё]/;

const PAYLOAD_KEYS = [
  'step',
  'values',
  'base',
  'stages',
  'edit',
  'confirmed',
  'actions',
  'lang',
  'name',
  'segment',
  'product',
  'preset',
  'locale',
  'example',
  'kind',
  'index',
  'by',
  'after',
  'action',
  'stage',
  'lever',
  'change',
  'owner',
  'deadline',
  'status',
  'id',
];

/**
 * Removes what the user typed (quoted names, tokens) from a message before judging its language.
 */
function withoutUserText(message: string, userTexts: readonly string[]): string {
  let m = message;
  for (const t of userTexts) if (t.length >= 4) m = m.split(t).join(' ');
  return (
    m
      // a cell named by its sheet (Портфель!B60, 'My map'!C4): the sheet's name is the user's
      .replace(/(?:'(?:[^']|'')+'|[^\s,;!'"«»“”]+)!\$?[A-Z]{1,3}\$?\d+/g, ' ')
      .replace(/«[^»]*»|"[^"]*"|“[^”]*”/g, ' ')
      // payload field names (values.stage.0.customers, mapId) are identifiers, not English
      .replace(/\b[A-Za-z]+(?:\.[A-Za-z0-9]+)+\b|\b[a-z]+[A-Z][A-Za-z]*\b/g, ' ')
      .replace(new RegExp(`\\b(${PAYLOAD_KEYS.join('|')})\\b`, 'g'), ' ')
      .replace(TOKEN_RE, ' ')
      .replace(/\b[A-Z]{1,3}\d{1,4}\b/g, ' ')
  );
}

/**
 * Whether a message shown to the user is in `expected`: a Russian message has Cyrillic and no
 * English phrase (two English words in a row, like "Invalid input"); an English one has no
 * Cyrillic. User text quoted in it is ignored.
 */
export function languageProblem(
  message: string,
  expected: 'en' | 'ru' | 'any',
  userTexts: readonly string[],
): string | null {
  const m = withoutUserText(message, userTexts);
  // 'any': either language, judged by what is left once the user's own words are taken out.
  const lang = expected === 'any' ? (CYRILLIC.test(m) ? 'ru' : 'en') : expected;
  if (lang === 'ru') {
    if (!CYRILLIC.test(m) && m.trim() !== '')
      return 'a Russian map got a message without Russian words';
    const english = /[A-Za-z]{3,}[\s:,.;]+[A-Za-z]{3,}/.exec(m);
    if (english) return `a Russian map got English words in its message ("${english[0]}")`;
    return null;
  }
  if (CYRILLIC.test(m)) return 'an English map got Russian words in its message';
  return null;
}

/** Whether a refusal of a damaged map says where: a row, a cell or a column. */
export function namesThePlace(message: string): boolean {
  return /\d|(?:column|столб\p{L}*)\s+[A-Z]{1,3}(?![A-Za-z])/iu.test(
    message.replace(TOKEN_RE, ' '),
  );
}
