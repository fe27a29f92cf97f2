/**
 * A name a user gave (a map's name, a sheet's) as a file name any file system takes: the
 * characters Windows reserves (\ / : * ? " < > |), control characters and lone surrogates become
 * a space, runs of spaces one space, at most 80 characters; `fallback` when nothing is left.
 * The caller adds the extension.
 */
export function safeFileName(name: string, fallback: string): string {
  const clean = name
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are not allowed in file names
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]|\p{Cs}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return [...clean].slice(0, 80).join('').trimEnd() || fallback;
}
